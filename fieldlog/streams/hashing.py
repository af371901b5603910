"""SHA-256 on the other core: hashlib releases the GIL on large buffers, so hashing runs
beside the encryption instead of after it (the two cost about the same per byte)."""

import hashlib
import queue
import threading
from types import TracebackType


class ThreadedHash:
    """``update`` hands the chunk over; ``hexdigest`` waits for the thread to finish."""

    def __init__(self) -> None:
        self._digest = hashlib.sha256()
        self._chunks: queue.Queue[bytes | bytearray | None] = queue.Queue(maxsize=16)
        self._thread = threading.Thread(target=self._run, daemon=True, name="fieldlog-bundle-hash")
        self._thread.start()
        self._result: str | None = None

    def _run(self) -> None:
        while (chunk := self._chunks.get()) is not None:
            self._digest.update(chunk)

    def update(self, chunk: bytes | bytearray) -> None:
        """``chunk`` is kept until hashed: it must not change (bytes, or a Handover)."""
        self._chunks.put(chunk)

    def hexdigest(self) -> str:
        if self._result is None:
            self._chunks.put(None)
            self._thread.join()
            self._result = self._digest.hexdigest()
        return self._result

    def close(self) -> None:
        """Stop the thread (after an error, when the digest is no longer wanted)."""
        self.hexdigest()

    def __enter__(self) -> "ThreadedHash":
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
