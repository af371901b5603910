"""Matching keys for officer numbers, plates and units, so "CRS 8" and "crs  8" meet."""

import unicodedata

_SEPARATORS = str.maketrans("", "", " \t-._/·")


def identifier_key(value: str) -> str:
    """RIO numbers, badges and plates: case, spaces and separators do not matter."""
    return unicodedata.normalize("NFKC", value).upper().translate(_SEPARATORS)


def unit_key(value: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", value).casefold().split())
