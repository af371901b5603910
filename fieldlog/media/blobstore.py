"""The encrypted blob store: every attachment, encrypted with a streaming AEAD.

File format (version 1)::

    header   magic "FLBLOB\\0\\1" (8) | chunk size, uint32 BE (4) | salt (32)
    chunks   AES-256-GCM(plaintext chunk), each with its 16-byte tag

* The file key is HKDF(blob root key, salt, "fieldlog/blob/v1"): one key per file.
* The nonce of chunk *i* is *i* as 11 bytes big-endian plus one byte that is 1 on
  the last chunk only, so reordering, truncation (at or between chunk boundaries)
  and appended bytes all fail authentication.
* The header is the associated data of every chunk.
* Names are random, never derived from the content: holding a photo must not
  let anyone confirm it is in the vault.
"""

import os
import secrets
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldlog.errors import FieldLogError
from fieldlog.fsutil import fsync_dir, private_umask

MAGIC = b"FLBLOB\x00\x01"
CHUNK_SIZE = 1 << 20
MAX_CHUNK_SIZE = 16 << 20
TAG_SIZE = 16
SALT_SIZE = 32
HEADER = struct.Struct(">8sI32s")
TEMP_PREFIX = ".tmp-"


class BlobCorruptError(FieldLogError):
    """A stored file fails authentication: damaged, truncated, reordered or extended."""


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _file_key(root_key: bytes, salt: bytes) -> AESGCM:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"fieldlog/blob/v1").derive(
        root_key
    )
    return AESGCM(key)


class BlobWriter:
    """Encrypts a stream chunk by chunk into an open file.

    One full chunk is held back until more data (or ``finish``) says whether it is the last.
    ``out.write`` must be done with the bytes it is given when it returns (files and BytesIO
    are): the encrypted chunks are written from one buffer, reused.
    """

    def __init__(self, out: BinaryIO, root_key: bytes, chunk_size: int = CHUNK_SIZE) -> None:
        salt = secrets.token_bytes(SALT_SIZE)
        self._header = HEADER.pack(MAGIC, chunk_size, salt)
        self._aead = _file_key(root_key, salt)
        self._out = out
        self._chunk_size = chunk_size
        self._pending: bytes | bytearray = b""
        self._counter = 0
        self._sealed = memoryview(bytearray(chunk_size + TAG_SIZE))  # reused for every chunk
        out.write(self._header)

    def _emit(self, chunk: bytes | bytearray, last: bool) -> None:
        nonce = _nonce(self._counter, last)
        # Into a buffer of ours: ``encrypt`` allocates and zeroes a fresh MiB for every chunk
        # (about 4% of an ingest's CPU time, measured with perf). Safe to reuse afterwards:
        # a file's write() has sent or copied the bytes on return.
        sealed = self._sealed[: len(chunk) + TAG_SIZE]
        self._aead.encrypt_into(nonce, chunk, self._header, sealed)
        self._out.write(sealed)
        self._counter += 1

    def write(self, data: bytes) -> None:
        if len(self._pending) == self._chunk_size and data:
            self._emit(self._pending, last=False)
            self._pending = b""
        if not self._pending and len(data) == self._chunk_size:
            self._pending = data  # the common case, whole chunks: kept as they are, no copy
            return
        pending = bytearray(self._pending)
        view = memoryview(data)
        while view:
            room = self._chunk_size - len(pending)
            pending += view[:room]
            view = view[room:]
            if view:
                self._emit(pending, last=False)
                pending = bytearray()
        self._pending = pending

    def finish(self) -> None:
        self._emit(self._pending, last=True)
        self._pending = b""


def read_blob(source: BinaryIO, root_key: bytes) -> Iterator[bytes]:
    """Decrypt a blob chunk by chunk; raise BlobCorruptError on any tampering."""
    header = source.read(HEADER.size)
    if len(header) != HEADER.size:
        raise BlobCorruptError("a stored file is damaged: its header is cut short")
    magic, chunk_size, salt = HEADER.unpack(header)
    if magic != MAGIC or not 0 < chunk_size <= MAX_CHUNK_SIZE:
        raise BlobCorruptError("a stored file is damaged: its header is not valid")
    aead = _file_key(root_key, salt)
    size = chunk_size + TAG_SIZE
    counter = 0
    current = source.read(size)
    while True:
        following = source.read(size) if len(current) == size else b""
        last = not following
        try:
            yield aead.decrypt(_nonce(counter, last), current, header)
        except InvalidTag:
            raise BlobCorruptError(
                "a stored file fails its integrity check "
                "(damaged, cut short, reordered or extended)"
            ) from None
        if last:
            return
        counter += 1
        current = following


class BlobStore:
    """The folder of encrypted blobs inside a vault."""

    def __init__(self, folder: Path, root_key: bytes) -> None:
        self.folder = folder
        self._root_key = root_key

    def path_of(self, name: str) -> Path:
        if len(name) != 32 or any(c not in "0123456789abcdef" for c in name):
            raise BlobCorruptError("a media record names a stored file that cannot exist")
        return self.folder / name[:2] / name

    def remove_partial_files(self) -> None:
        """Temporary files are encrypted, but left by a crash they are noise: remove them."""
        if self.folder.is_dir():
            for leftover in self.folder.rglob(f"{TEMP_PREFIX}*"):
                leftover.unlink(missing_ok=True)

    def new_temp(self) -> tuple[Path, BinaryIO]:
        with private_umask():
            self.folder.mkdir(mode=0o700, exist_ok=True)
            path = self.folder / f"{TEMP_PREFIX}{secrets.token_hex(16)}"
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        return path, os.fdopen(fd, "wb")

    def writer(self, out: BinaryIO) -> BlobWriter:
        return BlobWriter(out, self._root_key)

    def commit_temp(self, temp: Path) -> str:
        """Give a finished, fsynced temporary blob its random final name."""
        name = secrets.token_hex(16)
        final = self.path_of(name)
        with private_umask():
            final.parent.mkdir(mode=0o700, exist_ok=True)
        os.replace(temp, final)
        fsync_dir(final.parent)
        fsync_dir(self.folder)
        return name

    def remove(self, name: str) -> None:
        self.path_of(name).unlink(missing_ok=True)

    def read(self, name: str) -> Iterator[bytes]:
        try:
            handle = self.path_of(name).open("rb")
        except FileNotFoundError:
            raise BlobCorruptError("a stored file is missing from the vault") from None
        with handle:
            yield from read_blob(handle, self._root_key)

    def names(self) -> set[str]:
        if not self.folder.is_dir():
            return set()
        return {p.name for p in self.folder.glob("??/*") if not p.name.startswith(TEMP_PREFIX)}
