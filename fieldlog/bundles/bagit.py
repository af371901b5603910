"""BagIt (RFC 8493) tag files, written and checked here because the bag only ever exists as
a stream inside the encrypted tar; the ``bagit`` package validates the result in the tests.

A bag here::

    bagit.txt                  version and encoding
    bag-info.txt               Payload-Oxum, Bagging-Date, source and FieldLog's own fields
    manifest-sha256.txt        SHA-256 of every payload file
    tagmanifest-sha256.txt     SHA-256 of the three tag files above
    fieldlog-signature.txt     Ed25519 signature of tagmanifest-sha256.txt (not listed in it:
                               it cannot list itself; RFC 8493 allows unlisted tag files)
    data/...                   the payload
"""

import re
from dataclasses import dataclass

from fieldlog.bundles.errors import BundleContentError
from fieldlog.errors import Message

BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
BAGIT_NAME = "bagit.txt"
BAG_INFO_NAME = "bag-info.txt"
MANIFEST_NAME = "manifest-sha256.txt"
TAGMANIFEST_NAME = "tagmanifest-sha256.txt"
SIGNATURE_NAME = "fieldlog-signature.txt"
TAG_FILES = (BAGIT_NAME, BAG_INFO_NAME, MANIFEST_NAME, TAGMANIFEST_NAME, SIGNATURE_NAME)
PAYLOAD_DIR = "data/"

_HEX64 = re.compile(r"[0-9a-f]{64}")
_LABEL = re.compile(r"[A-Za-z][A-Za-z0-9-]{0,63}")


@dataclass(frozen=True)
class PayloadFile:
    path: str  # inside the bag, starting with data/
    size: int
    sha256: str


def encode_path(path: str) -> str:
    """RFC 8493 section 2.1.3: percent-encode %, CR and LF in manifest paths."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def decode_path(text: str) -> str:
    return (
        text.replace("%0A", "\n")
        .replace("%0a", "\n")
        .replace("%0D", "\r")
        .replace("%0d", "\r")
        .replace("%25", "%")
    )


def manifest(entries: list[tuple[str, str]]) -> bytes:
    """``entries`` are (sha256, path) pairs, written in the order given."""
    return "".join(f"{digest}  {encode_path(path)}\n" for digest, path in entries).encode()


def parse_manifest(raw: bytes, what: Message) -> dict[str, str]:
    """Path to SHA-256, refusing anything but well-formed, unique lines."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleContentError("refused: {what} is not UTF-8 text", what=what) from None
    if text and not text.endswith("\n"):
        raise BundleContentError("refused: {what} is not well formed", what=what)
    entries: dict[str, str] = {}
    for line in text.splitlines():
        digest, sep, path = line.partition("  ")
        if not sep or not _HEX64.fullmatch(digest) or not path:
            raise BundleContentError(
                "refused: {what} has a line that is not well formed", what=what
            )
        path = decode_path(path)
        if path in entries:
            raise BundleContentError("refused: {what} lists a path twice", what=what)
        entries[path] = digest
    return entries


def payload_oxum(files: list[PayloadFile]) -> str:
    return f"{sum(f.size for f in files)}.{len(files)}"


def bag_info(fields: list[tuple[str, str]]) -> bytes:
    lines = []
    for label, value in fields:
        if not _LABEL.fullmatch(label) or any(c in value for c in "\r\n"):
            raise ValueError("a bag-info field must be one line")
        lines.append(f"{label}: {value}\n")
    return "".join(lines).encode("utf-8")


def parse_bag_info(raw: bytes) -> dict[str, str]:
    """Labels to values (FieldLog writes each label once and no continuation lines)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleContentError("refused: bag-info.txt is not UTF-8 text") from None
    if not text.endswith("\n"):
        raise BundleContentError("refused: bag-info.txt is not well formed")
    fields: dict[str, str] = {}
    for line in text.splitlines():
        label, sep, value = line.partition(": ")
        if not sep or not _LABEL.fullmatch(label) or label in fields:
            raise BundleContentError("refused: bag-info.txt is not well formed")
        fields[label] = value
    return fields
