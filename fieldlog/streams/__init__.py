"""Streaming helpers shared by media ingest and bundles: hashing, handing buffers between
threads, and syncing to disk while a file is still being written."""
