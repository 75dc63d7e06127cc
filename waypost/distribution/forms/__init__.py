"""The distribution forms, one module per page; import them from their modules."""
