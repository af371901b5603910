"""File-system helpers for sensitive files: private permissions and atomic replacement."""

import errno
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

PRIVATE_UMASK = 0o077
_OWN_FDS = "/proc/self/fd"  # this process's open files, as links (Linux)


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


def make_private(folder: Path) -> None:
    """Give ``folder`` and what it holds directly (files and folders, not their contents)
    the modes this app creates them with: a vault copied with ``cp -r`` or unpacked from an
    archive comes with the modes of the copy (0755, 0644), which let others list and read it.
    Where the files belong to someone else, nothing is changed."""
    if os.name != "posix":
        return
    for entry in [folder, *folder.iterdir()]:
        try:
            mode = entry.lstat().st_mode
            if stat.S_ISLNK(mode):
                continue
            private = 0o700 if stat.S_ISDIR(mode) else 0o600
            if stat.S_IMODE(mode) & 0o077:
                entry.chmod(stat.S_IMODE(mode) & private)
        except PermissionError:
            continue


def fsync_dir(path: Path) -> None:
    """Persist a rename or a new entry in ``path`` (a no-op where directories can't be opened)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _unnamed_file(folder: Path) -> int | None:
    """A new file in ``folder`` that has no name yet (Linux's O_TMPFILE), or None where the
    system or the file system (FAT, NFS) has no such files.

    Until it is named, nothing of it can be found: a process killed with SIGKILL, or a
    power cut, leaves no partial copy of a photo or a summary beside the file asked for.
    """
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir(_OWN_FDS):
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, 0o600)
    except OSError:
        return None  # not offered here; the named temporary file reports a real problem


def _name_unnamed(fd: int, name: Path) -> None:
    # linkat(AT_SYMLINK_FOLLOW) on /proc/self/fd/N; os.link takes that call only when given
    # a directory descriptor (alone it calls link(), which refuses with EXDEV).
    fds = os.open(_OWN_FDS, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(str(fd), name, src_dir_fd=fds, follow_symlinks=True)
    finally:
        os.close(fds)


@contextmanager
def atomic_replace(target: Path) -> Iterator[BinaryIO]:
    """Write a private temporary file beside ``target``; on success fsync it and rename it
    over ``target``, so a crash leaves either the old file or the new one, never half.

    Where the system allows, the temporary file has no name until it is complete."""
    if target.is_dir():  # before any work, and named as the person gave it
        raise IsADirectoryError(errno.EISDIR, "Is a folder, not a file", str(target))
    try:
        kind = target.lstat().st_mode
    except FileNotFoundError:
        kind = stat.S_IFREG  # nothing there yet: a new plain file
    if not stat.S_ISREG(kind):
        # A link, a named pipe or a device (/dev/full, written as root) would be replaced
        # by the file, not written through.
        raise FileExistsError(errno.EEXIST, "Is not a plain file; choose another name", str(target))
    temp = target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp")
    unnamed = _unnamed_file(target.parent)
    try:
        with private_umask():
            fd = (
                unnamed
                if unnamed is not None
                else os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            )
    except OSError as exc:
        # Name the folder, not the temporary file nobody asked for.
        reason = "No such folder" if exc.errno == errno.ENOENT else exc.strerror
        raise type(exc)(exc.errno, reason, str(target.parent)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
            if unnamed is not None:
                _name_unnamed(handle.fileno(), temp)
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
