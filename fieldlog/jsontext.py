"""JSON text that can be stored: no half characters, no field named twice.

JSON may spell a character as ``\\uD83D\\uDE00`` (a UTF-16 surrogate pair, which Python
joins into one character), but also a lone ``\\uD800``, which Python keeps as a surrogate
that no UTF-8 text can hold: the record could then not be hashed, stored or exported.
Only a ``\\uD8..``-``\\uDF..`` escape in the raw text can produce one (UTF-8 input never
decodes to a surrogate), so documents without such an escape are not walked at all.
"""

import re
from typing import Any

_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def has_lone_surrogate(raw: bytes, value: Any) -> bool:
    """Whether ``value`` (parsed from the JSON text ``raw``) holds an unpaired surrogate."""
    if not _SURROGATE_ESCAPE.search(raw):
        return False
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


class DuplicateKeyError(ValueError):
    """A JSON object names a field twice: which one holds is a guess (Python keeps the last)."""


def refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook`` for ``json.loads``: refuse an object that names a field twice."""
    result = dict(pairs)
    if len(result) != len(pairs):
        raise DuplicateKeyError
    return result
