"""Performance benchmark of the journal at scale (`make bench`).

`generate` builds a realistic journal of 100,000 interactions through the
store layer (so the ledger, hash chain and search index are what real use
writes) and caches it in bench-out/; `run` measures the targets and writes
bench-out/results.json. Not collected by pytest: no file here is test_*.py.
"""
