"""File-system helpers for sensitive files: private permissions and atomic replacement."""

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    with private_umask():
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def copy_file_durably(source: Path, target: Path, chunk_size: int = 1 << 20) -> None:
    """Copy ``source`` to a new private file ``target`` and fsync it (used for backups)."""
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp")
    with private_umask():
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            while chunk := src.read(chunk_size):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)
