"""File-system helpers for sensitive files: private permissions and atomic replacement."""

import errno
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

PRIVATE_UMASK = 0o077


def restrict_umask() -> int:
    """Make every file and folder this process creates private to its user."""
    return os.umask(PRIVATE_UMASK)


@contextmanager
def private_umask() -> Iterator[None]:
    previous = os.umask(PRIVATE_UMASK)
    try:
        yield
    finally:
        os.umask(previous)


def fsync_dir(path: Path) -> None:
    """Persist a rename or a new entry in ``path`` (a no-op where directories can't be opened)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_replace(target: Path) -> Iterator[BinaryIO]:
    """Write a private temporary file beside ``target``; on success fsync it and rename it
    over ``target``, so a crash leaves either the old file or the new one, never half."""
    if target.is_dir():  # before any work, and named as the person gave it
        raise IsADirectoryError(errno.EISDIR, "Is a folder, not a file", str(target))
    temp = target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp")
    try:
        with private_umask():
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        # Name the folder, not the temporary file nobody asked for.
        reason = "No such folder" if exc.errno == errno.ENOENT else exc.strerror
        raise type(exc)(exc.errno, reason, str(target.parent)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_replace(path) as handle:
        handle.write(data)


def copy_file_durably(source: Path, target: Path, chunk_size: int = 1 << 20) -> None:
    """Copy ``source`` to a private file ``target`` (used for backups)."""
    with atomic_replace(target) as out, source.open("rb") as src:
        while chunk := src.read(chunk_size):
            out.write(chunk)
