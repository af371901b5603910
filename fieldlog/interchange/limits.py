"""What the interchange schema allows in a field, for forms that check as people type.

Read from the schema itself, so a form and ``fieldlog add`` can never disagree.
"""

import re
from functools import cache
from typing import Any

from fieldlog.interchange.document import schema


def _resolved(node: dict[str, Any]) -> dict[str, Any]:
    reference = node.get("$ref")
    if isinstance(reference, str):
        definition: dict[str, Any] = schema()["$defs"][reference.removeprefix("#/$defs/")]
        return definition
    return node


def _field(*path: str) -> dict[str, Any]:
    """A field's schema from the incident: ("location", "name"), ("officers", "identifier")."""
    node = schema()["$defs"]["incident"]
    for key in path:
        node = _resolved(node)
        if node.get("type") == "array":
            node = _resolved(node["items"])
        node = node["properties"][key]
    return _resolved(node)


def max_length(*path: str) -> int:
    """The most characters the field takes."""
    return int(_field(*path)["maxLength"])


def coordinate_range(axis: str) -> tuple[float, float]:
    """The smallest and largest value of ``lat`` or ``lon``."""
    field = _field("location", axis)
    return float(field["minimum"]), float(field["maximum"])


@cache
def _language_tag() -> re.Pattern[str]:
    return re.compile(_field("language")["pattern"])


def is_language_tag(text: str) -> bool:
    """A language code the schema accepts: ``fr``, ``ar``, ``ti-ER``, ``und``."""
    return _language_tag().fullmatch(text) is not None
