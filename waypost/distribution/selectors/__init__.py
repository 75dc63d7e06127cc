"""What the distribution pages and API read; import them from their modules."""
