"""Benchmark of identity matching: Waypost's `waypost dedup` and plain Splink on generated
records of known identities (2,000, 20,000 and 200,000 people, and 1,000,000 records), scored
pair by pair against the truth, with the FEBRL data sets as an outside check.

`python -m benchmarks.dedup --sizes 2000,20000,200000 --records-1m`; see docs/benchmarks.md.
"""
