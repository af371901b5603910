"""Reading a file once: SHA-256, encryption into the blob store, and what is needed for metadata.

Memory stays flat whatever the file size: the file moves through in 1 MiB
chunks. Only the first bytes are kept (for EXIF), and the whole file only if it
is an image small enough to preview.
"""

import hashlib
import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from fieldlog.media.blobstore import CHUNK_SIZE, BlobStore
from fieldlog.media.images import MAX_PREVIEW_BYTES
from fieldlog.media.sniff import SNIFF_BYTES, sniff

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


class _Hasher(threading.Thread):
    """SHA-256 on the other core: hashlib releases the GIL while the main thread encrypts."""

    def __init__(self) -> None:
        super().__init__(daemon=True, name="fieldlog-sha256")
        self.digest = hashlib.sha256()
        self.chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=8)

    def run(self) -> None:
        while (chunk := self.chunks.get()) is not None:
            self.digest.update(chunk)


def ingest_stream(
    source: BinaryIO,
    store: BlobStore,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Ingested:
    temp, out = store.new_temp()
    hasher = _Hasher()
    hasher.start()
    size = 0
    head = bytearray()
    whole: bytearray | None = None
    kind = media_type = ""
    try:
        with out:
            writer = store.writer(out)
            while chunk := source.read(CHUNK_SIZE):
                if cancelled is not None and cancelled():
                    raise IngestCancelled
                hasher.chunks.put(chunk)
                writer.write(chunk)
                if size == 0:
                    media_type, kind = sniff(chunk[:SNIFF_BYTES])
                    whole = bytearray() if kind == "image" else None
                if kind == "image" and len(head) < HEAD_BYTES:  # EXIF is read from images only
                    head += chunk[: HEAD_BYTES - len(head)]
                if whole is not None:
                    if len(whole) + len(chunk) <= MAX_PREVIEW_BYTES:
                        whole += chunk
                    else:
                        whole = None
                size += len(chunk)
                if progress is not None:
                    progress(size)
            writer.finish()
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        hasher.chunks.put(None)
        hasher.join()
    if size == 0:
        media_type, kind = sniff(b"")
    return Ingested(
        temp_blob=temp,
        sha256=hasher.digest.hexdigest(),
        size=size,
        media_type=media_type,
        kind=kind,
        head=bytes(head),
        whole=bytes(whole) if whole is not None else None,
    )
