"""Canonical JSON: one byte sequence per value, so hashes and signatures are repeatable."""

import hashlib
import json
from typing import Any

from fieldlog.errors import InvalidInputError

HALF_CHARACTER = (
    "the text holds half of a character (an unpaired \\uD800-\\uDFFF escape); "
    "correct it and try again"
)


def canonical_json(value: Any) -> bytes:
    text = json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # The error's own message quotes the text around it: never shown.
        raise InvalidInputError(HALF_CHARACTER) from None


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
