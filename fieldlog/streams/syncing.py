"""Writing to disk while the stream is still being made.

Linux keeps written pages in memory until about a tenth of the RAM is dirty or they are 30 s
old, so a 1 GiB bundle would reach the disk only at the final fsync, after all the work,
and the person waits for both one after the other. Here a thread asks for the pages written
so far (``fdatasync``, which releases the GIL) every 8 MiB, so the disk works while the CPU
encrypts, and the final fsync of each file has only a short tail left (with 64 MiB, an import
of 128 MiB files waited for up to 64 MiB to reach the disk at the end of every file).
"""

import contextlib
import os
import threading
from typing import BinaryIO

SYNC_EVERY = 8 << 20


class BackgroundSync:
    def __init__(self, fd: int, every: int = SYNC_EVERY) -> None:
        self._fd = fd
        self._every = every
        self._pending = 0
        self._thread: threading.Thread | None = None

    def wrote(self, size: int) -> None:
        self._pending += size
        if self._pending >= self._every and (self._thread is None or not self._thread.is_alive()):
            self._pending = 0
            self._thread = threading.Thread(target=self._sync, daemon=True, name="fieldlog-sync")
            self._thread.start()

    def _sync(self) -> None:
        # Only an early start: the caller's final fsync reports a real failure.
        with contextlib.suppress(OSError):
            os.fdatasync(self._fd)

    def finish(self) -> None:
        """Wait for the sync under way (the caller then fsyncs the rest). Call it before the
        file is closed, also on failure: the thread holds the file's descriptor number."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None


class SyncingWriter:
    """A file handle whose written bytes are flushed and synced in the background."""

    def __init__(self, handle: BinaryIO, every: int = SYNC_EVERY) -> None:
        self._handle = handle
        self._sync = BackgroundSync(handle.fileno(), every)

    def write(self, data: bytes) -> int:
        written = self._handle.write(data)
        self._sync.wrote(len(data))
        return written

    def finish(self) -> None:
        self._handle.flush()
        self._sync.finish()
