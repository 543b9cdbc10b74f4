"""Build benchmarks: ``python benchmarks/run.py --help``; see docs/performance.md."""
