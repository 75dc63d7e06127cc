"""Benchmarks of the registry: registration and name search, on SQLite and PostgreSQL.

`python -m benchmarks` (or `make bench`) runs everything and prints a summary; one part, one
database or one size runs on its own with `--parts search`, `--backends sqlite` or
`--people 2000`. Every run
uses a database of its own, created for it and dropped afterwards, so it never touches yours.
See docs/benchmarks.md for what is measured and the figures.
"""
