"""The distribution app's use cases; import them from their modules."""
