"""A streaming tar writer, and a strict tar reader that trusts nothing it is given.

The writer makes one header form only (GNU tar's, which every tar reads; sizes past
8 GiB in base-256), with fixed owner, mode and time, and names that are short plain ASCII.
So the reader can demand exactly that form: after the specific checks that give a useful
message (a link, a device, an absolute path, ``..``, a name seen twice, sizes past the
limits), each header must equal, byte for byte, the one the writer would make for that
name and size. Any other change to a header is refused. Nothing is ever extracted to disk
by this module: members are handed over as streams.
"""

import re
import tarfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from fieldlog.bundles.errors import BundleDamagedError, BundleLimitError, UnsafeMemberError
from fieldlog.streams.pipeline import Handover

BLOCK = 512
RECORD = 20 * BLOCK  # tar pads the archive to a whole record
FILE_MODE = 0o600
DIR_MODE = 0o700
MAX_NAME = 100  # what fits in the header itself: no extended headers needed or accepted
_COMPONENT = re.compile(r"[A-Za-z0-9._-]+")
_ZERO_BLOCK = bytes(BLOCK)


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...

    def readinto(self, buffer: bytearray | memoryview, /) -> int: ...


class Writable(Protocol):
    def write(self, data: bytes, /) -> int: ...


@dataclass(frozen=True)
class Limits:
    """What no real bundle exceeds; past these it is refused as an archive bomb."""

    max_members: int = 500_000
    max_total_bytes: int = 1 << 40  # 1 TiB of plaintext
    max_member_bytes: int = 1 << 38  # 256 GiB for one file


def check_name(name: str, *, is_dir: bool = False) -> None:
    """Refuse a member name that is absolute, climbs with ``..``, or is not plain."""
    if name.startswith("/"):
        raise UnsafeMemberError("refused: the bundle has a member with an absolute path")
    bare = name[:-1] if is_dir and name.endswith("/") else name
    parts = bare.split("/")
    if ".." in parts:
        raise UnsafeMemberError("refused: the bundle has a member path containing '..'")
    if (
        not bare
        or len(name) > MAX_NAME
        or (is_dir and not name.endswith("/"))
        or any(part in ("", ".") or not _COMPONENT.fullmatch(part) for part in parts)
    ):
        raise UnsafeMemberError("refused: the bundle has a member with an unsafe name")


def member_header(name: str, size: int, mtime: int, *, is_dir: bool = False) -> bytes:
    """The only header form this module writes and accepts."""
    check_name(name, is_dir=is_dir)
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = mtime
    info.mode = DIR_MODE if is_dir else FILE_MODE
    info.type = tarfile.DIRTYPE if is_dir else tarfile.REGTYPE
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info.tobuf(tarfile.GNU_FORMAT, "ascii", "strict")


def _padding(size: int) -> int:
    return -size % BLOCK


class TarWriter:
    """Writes members one after another into a stream; nothing is held but one chunk."""

    def __init__(self, out: Writable, mtime: int) -> None:
        self._out = out
        self._mtime = mtime
        self._written = 0
        self._names: set[str] = set()

    def _emit(self, data: bytes) -> None:
        self._out.write(data)
        self._written += len(data)

    def _header(self, name: str, size: int) -> None:
        if name in self._names:
            raise ValueError("a bundle member is written twice")
        self._names.add(name)
        self._emit(member_header(name, size, self._mtime))

    def add_bytes(self, name: str, data: bytes) -> None:
        self._header(name, len(data))
        self._emit(data + bytes(_padding(len(data))))

    def add_stream(self, name: str, size: int, chunks: Iterable[bytes]) -> None:
        """A member of known size from chunks; a source that is longer or shorter fails."""
        self._header(name, size)
        done = 0
        for chunk in chunks:
            done += len(chunk)
            if done > size:
                raise BundleDamagedError("a stored file is longer than its record says")
            self._emit(chunk)
        if done != size:
            raise BundleDamagedError("a stored file is shorter than its record says")
        self._emit(bytes(_padding(size)))

    def close(self) -> None:
        end = 2 * BLOCK
        self._emit(bytes(end + -(self._written + end) % RECORD))


@dataclass(frozen=True)
class Member:
    name: str
    size: int
    is_dir: bool


_LINKS = {b"1", b"2"}
_DEVICES = {b"3", b"4", b"6"}


def _octal(field: bytes) -> int:
    digits = field.rstrip(b"\0 ")
    if not digits or any(c not in b"01234567" for c in digits):
        raise BundleDamagedError("the bundle is damaged: a tar header is not valid")
    return int(digits, 8)


def _size(field: bytes) -> int:
    if field[0] == 0x80:  # GNU base-256, used past 8 GiB
        return int.from_bytes(field[1:], "big")
    if field[0] & 0x80:
        raise BundleDamagedError("the bundle is damaged: a tar header is not valid")
    return _octal(field)


class TarReader:
    """Members of a tar stream, each checked before its content is handed out.

    Call ``next()`` for the next member (None after a verified end of archive), then
    ``read()`` its content until it returns b"".
    """

    def __init__(self, source: Readable, limits: Limits | None = None) -> None:
        self._source = source
        self._limits = limits or Limits()
        self._names: set[str] = set()
        self._mtime: int | None = None
        self._remaining = 0
        self._padding = 0
        self._total = 0
        self._offset = 0
        self._ended = False

    def _read_exact(self, size: int) -> Handover:
        """A new buffer of ``size`` bytes, filled by the source itself (no copy)."""
        data = Handover(size)
        with memoryview(data) as view:
            done = 0
            while done < size:
                read = self._source.readinto(view[done:])
                if not read:
                    raise BundleDamagedError("the bundle is damaged: its archive is cut short")
                done += read
        self._offset += size
        return data

    def _finish_member(self) -> None:
        while self._remaining:
            self.read(1 << 20)

    def next(self) -> Member | None:
        if self._ended:
            return None
        self._finish_member()
        header = bytes(self._read_exact(BLOCK))
        if header == _ZERO_BLOCK:
            self._end()
            return None
        member = self._parse(header)
        self._remaining = member.size
        self._padding = _padding(member.size)
        return member

    def _parse(self, header: bytes) -> Member:
        checksum = _octal(header[148:156])
        if checksum != sum(header[:148]) + 8 * 0x20 + sum(header[156:]):
            raise BundleDamagedError("the bundle is damaged: a tar header fails its checksum")
        kind = header[156:157]
        if kind in _LINKS or header[157:257].strip(b"\0"):
            raise UnsafeMemberError("refused: the bundle has a link in it")
        if kind in _DEVICES:
            raise UnsafeMemberError("refused: the bundle has a device or pipe in it")
        if kind not in (b"0", b"\0", b"5"):
            raise UnsafeMemberError("refused: the bundle has an unsupported kind of tar member")
        is_dir = kind == b"5"
        raw_name = header[:100].split(b"\0", 1)[0]
        try:
            name = raw_name.decode("ascii")
        except UnicodeDecodeError:
            raise UnsafeMemberError(
                "refused: the bundle has a member with an unsafe name"
            ) from None
        check_name(name, is_dir=is_dir)
        size = _size(header[124:136])
        mtime = _octal(header[136:148])
        if self._mtime is None:
            self._mtime = mtime
        if name in self._names:
            raise UnsafeMemberError("refused: a path appears twice in the bundle")
        self._names.add(name)
        if len(self._names) > self._limits.max_members:
            raise BundleLimitError("refused: the bundle holds more files than FieldLog accepts")
        if is_dir and size:
            raise BundleDamagedError("the bundle is damaged: a tar header is not valid")
        self._total += size
        if size > self._limits.max_member_bytes or self._total > self._limits.max_total_bytes:
            raise BundleLimitError("refused: the bundle is larger than FieldLog accepts")
        if header != member_header(name, size, self._mtime, is_dir=is_dir):
            raise BundleDamagedError(
                "the bundle is damaged or was changed: a tar header is not the one FieldLog writes"
            )
        return Member(name, size, is_dir)

    def read(self, size: int = 1 << 20) -> Handover:
        """Exactly ``min(size, what is left)`` bytes of the current member, in a buffer the
        caller owns."""
        if not self._remaining:
            return Handover()
        data = self._read_exact(min(size, self._remaining))
        self._remaining -= len(data)
        if not self._remaining and self._padding:
            if self._read_exact(self._padding).strip(b"\0"):
                raise BundleDamagedError(
                    "the bundle is damaged: a tar member's padding was changed"
                )
            self._padding = 0
        return data

    def _end(self) -> None:
        """The second zero block, then zeros up to a whole record, then nothing."""
        if bytes(self._read_exact(BLOCK)) != _ZERO_BLOCK:
            raise BundleDamagedError("the bundle is damaged: its archive does not end properly")
        tail = self._read_exact(-self._offset % RECORD)
        if tail.strip(b"\0") or self._source.read(1):
            raise BundleDamagedError("the bundle is damaged: data follows the end of its archive")
        self._ended = True
