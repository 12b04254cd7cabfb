"""The archive: ingest corpora, store every analysis, find duplicates, search (issue #6)."""
