"""Benchmarks of the central service (run from the repository root, e.g. `make bench`)."""
