"""Evidence media: the encrypted blob store, ingest, metadata, previews and shareable copies."""
