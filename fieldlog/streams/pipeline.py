"""Reading, encrypting and writing on both cores.

``cryptography``'s AEADs (age's ChaCha20-Poly1305, the blob store's AES-GCM) hold the GIL;
hashing and file reads and writes release it. So the age layer runs in the calling thread
and the rest runs beside it: blobs are read and decrypted ahead by one thread
(``prefetch``), and written (and synced) behind by another (``ThreadedSink``). Queues are
short, so memory stays at a few MiB whatever the size of the files.
"""

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import cast

DEPTH = 4
_DONE = object()


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


def prefetch(source: Callable[[], Iterable[bytes]], depth: int = DEPTH) -> Iterator[bytes]:
    """The chunks of ``source()``, produced ahead in a thread; its errors are raised here."""
    chunks: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                chunks.put(item, timeout=0.1)
            except queue.Full:
                continue
            return True
        return False

    def run() -> None:
        try:
            for chunk in source():
                if not put(chunk):
                    return
        except BaseException as error:  # noqa: BLE001 - handed to the consumer
            put(_Failed(error))
            return
        put(_DONE)

    thread = threading.Thread(target=run, daemon=True, name="fieldlog-prefetch")
    thread.start()
    try:
        while (item := chunks.get()) is not _DONE:
            if isinstance(item, _Failed):
                raise item.error
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        thread.join()


class Handover(bytearray):
    """A buffer its maker gives away once it is written: no copy is needed to keep it.

    The stream layers fill these (the age reader decrypts straight into them, the age writer
    seals into them) so that a megabyte passes from one thread to the next by reference.
    """


def owned(data: bytes | bytearray | memoryview) -> bytes:
    """``data`` itself when nobody can change it any more, else a copy of it."""
    if type(data) is bytes:
        return data
    if type(data) is Handover:
        # Typed as bytes for the targets, which only read it through the buffer protocol.
        return cast(bytes, data)
    return bytes(data)


class ThreadedSink:
    """``write`` hands the data to a thread that passes it to ``target``; ``close`` waits and
    raises what the thread met. Data that may change after ``write`` returns is copied."""

    def __init__(self, target: Callable[[bytes], object], depth: int = DEPTH) -> None:
        self._target = target
        self._items: queue.Queue[bytes | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, daemon=True, name="fieldlog-writer")
        self._thread.start()

    def _run(self) -> None:
        while (item := self._items.get()) is not None:
            if self._error is None:
                try:
                    self._target(item)
                except BaseException as error:  # noqa: BLE001 - raised by close()
                    self._error = error

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._error is not None:
            raise self._error
        self._items.put(owned(data))
        return len(data)

    def close(self) -> None:
        if self._thread.is_alive():
            self._items.put(None)
            self._thread.join()
        if self._error is not None:
            raise self._error
