"""Reading a file once: SHA-256, encryption into the blob store, and what is needed for metadata.

Memory stays flat whatever the file size: the file moves through in 1 MiB
chunks. Only the first bytes are kept (for EXIF), and the whole file only if it
is an image small enough to preview.

The work runs on both cores, in three threads joined by short queues (a few MiB):
this thread reads and keeps what metadata needs, one thread hashes (hashlib releases
the GIL on large buffers, and SHA-256 is the largest cost), and one encrypts and writes
(AES-GCM is cheap; writing releases the GIL). Written bytes are synced in the background
as they go (``streams.syncing``), so the disk writes while the file is still being read
and the final fsync has only the tail left: waiting for all of it at the end cost as
much as the rest.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from fieldlog.media.blobstore import CHUNK_SIZE, BlobStore
from fieldlog.media.images import MAX_PREVIEW_BYTES
from fieldlog.media.sniff import SNIFF_BYTES, sniff

# Generic helpers, shared with bundle imports (which store media the same way).
from fieldlog.streams.hashing import ThreadedHash
from fieldlog.streams.pipeline import ThreadedSink
from fieldlog.streams.syncing import BackgroundSync

HEAD_BYTES = 8 << 20  # EXIF sits in the first bytes of JPEG and HEIC files

Progress = Callable[[int], None]  # bytes done so far
Cancelled = Callable[[], bool]


class IngestCancelled(Exception):  # noqa: N818 - a signal, not an error
    pass


@dataclass(frozen=True)
class Ingested:
    temp_blob: Path  # encrypted, fsynced, not yet named or recorded
    sha256: str
    size: int
    media_type: str
    kind: str
    head: bytes  # the first bytes, for metadata
    whole: bytes | None  # the whole file when it is an image small enough to preview


def ingest_stream(
    source: BinaryIO,
    store: BlobStore,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Ingested:
    temp, out = store.new_temp()
    size = 0
    head = bytearray()
    whole: bytearray | None = None
    kind = media_type = ""
    try:
        with out, ThreadedHash() as digest:
            sync = BackgroundSync(out.fileno())
            writer = store.writer(out)

            def encrypt(chunk: bytes) -> None:
                writer.write(chunk)
                sync.wrote(len(chunk))

            behind = ThreadedSink(encrypt)
            try:
                while chunk := source.read(CHUNK_SIZE):
                    if cancelled is not None and cancelled():
                        raise IngestCancelled
                    digest.update(chunk)
                    behind.write(chunk)
                    if size == 0:
                        media_type, kind = sniff(chunk[:SNIFF_BYTES])
                        whole = bytearray() if kind == "image" else None
                    if kind == "image" and len(head) < HEAD_BYTES:  # EXIF: images only
                        head += chunk[: HEAD_BYTES - len(head)]
                    if whole is not None:
                        if len(whole) + len(chunk) <= MAX_PREVIEW_BYTES:
                            whole += chunk
                        else:
                            whole = None
                    size += len(chunk)
                    if progress is not None:
                        progress(size)
            finally:
                try:
                    behind.close()  # waits for the writes queued, and raises what they met
                finally:
                    sync.finish()  # before the file is closed: the thread holds its descriptor
            writer.finish()
            out.flush()
            os.fsync(out.fileno())
            sha256 = digest.hexdigest()
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if size == 0:
        media_type, kind = sniff(b"")
    return Ingested(
        temp_blob=temp,
        sha256=sha256,
        size=size,
        media_type=media_type,
        kind=kind,
        head=bytes(head),
        whole=bytes(whole) if whole is not None else None,
    )
