"""Reading interchange documents and turning each incident into its canonical record.

Validation messages name the incident and the field, never the value: values
are testimony text, names and identifiers.
"""

import json
import uuid
from collections.abc import Callable
from datetime import datetime
from functools import cache
from importlib.resources import files
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, ValidationError

from fieldlog.canonical import HALF_CHARACTER
from fieldlog.errors import InvalidInputError, Message
from fieldlog.interchange.timefmt import parse_occurrence
from fieldlog.jsontext import DuplicateKeyError, has_lone_surrogate, refuse_duplicate_keys

FORMAT_NAME = "fieldlog-incidents"
FORMAT_VERSION = 1
MAX_DOCUMENT_BYTES = 1 << 30

Record = dict[str, Any]


@cache
def schema() -> dict[str, Any]:
    text = files("fieldlog.interchange").joinpath("incidents.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _incident_schema() -> dict[str, Any]:
    full = schema()
    return {**full["$defs"]["incident"], "$defs": full["$defs"]}


@cache
def _incident_validator() -> Draft202012Validator:
    return Draft202012Validator(_incident_schema())


@cache
def _fast_check() -> Callable[[Any], Any]:
    # fastjsonschema compiles the schema to Python: ten times faster than jsonschema, which
    # matters for bulk adds. It only says yes or no here; jsonschema explains a no.
    # The keywords used are all draft-07 ones.
    full = _incident_schema()
    compiled: Callable[[Any], Any] = fastjsonschema.compile(
        {
            **_inline_refs(full, full["$defs"]),
            "$schema": "http://json-schema.org/draft-07/schema#",
        },
        use_default=False,  # never write defaults into the caller's data
    )
    return compiled


def _inline_refs(node: Any, definitions: dict[str, Any]) -> Any:
    """The schema with each ``#/$defs/...`` reference replaced by its definition.

    fastjsonschema calls a function per reference and builds its error path with
    ``str.format(**locals())`` even when the data is valid: a third of a bulk add's
    validation time. The definitions are not recursive, so inlining ends.
    """
    if isinstance(node, list):
        return [_inline_refs(item, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    reference = node.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/$defs/"):
        target = _inline_refs(definitions[reference.removeprefix("#/$defs/")], definitions)
        rest = {k: _inline_refs(v, definitions) for k, v in node.items() if k != "$ref"}
        return {**target, **rest} if rest else target
    return {k: _inline_refs(v, definitions) for k, v in node.items() if k != "$defs"}


def validate_incidents(incidents: list[Any]) -> None:
    """Raise InvalidInputError naming the first bad incident and field (never a value)."""
    check = _fast_check()
    for index, incident in enumerate(incidents, start=1):
        try:
            check(incident)
        except fastjsonschema.JsonSchemaException:
            errors = sorted(_incident_validator().iter_errors(incident), key=lambda e: e.path)
            reason = _describe(errors[0]) if errors else Message("not an incident FieldLog reads")
            raise in_incident(InvalidInputError(reason), index, len(incidents)) from None


def in_incident(error: InvalidInputError, index: int, count: int) -> InvalidInputError:
    """An error about one incident of an input: named by its place when there are several."""
    if count == 1:
        return error
    return InvalidInputError("incident {index}: {reason}", index=index, reason=error.message)


def _field_path(error: ValidationError) -> str:
    parts: list[str] = []
    for part in error.absolute_path:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts)


def _safe_key(key: object) -> str:
    text = str(key)
    return text if text.isascii() and text.isprintable() and len(text) <= 40 else "(a field)"


def _describe(error: ValidationError) -> Message:
    """What is wrong, naming the field by its path (``location.name``, ``sources[0].url``)."""
    field = _field_path(error)
    kind, expected = error.validator, error.validator_value
    if kind == "required":
        missing = ", ".join(name for name in expected if name not in error.instance)
        if not field:
            return Message("missing {fields}", fields=missing)
        return Message("{field} lacks {fields}", field=field, fields=missing)
    if kind == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        unknown = ", ".join(sorted(_safe_key(k) for k in error.instance if k not in known))
        if not field:
            return Message("unknown field {fields}", fields=unknown)
        return Message("{field} has an unknown field {fields}", field=field, fields=unknown)
    if not field:
        return Message("not an incident FieldLog reads (it must be a JSON object)")
    if kind == "enum":
        return Message(
            "{field} must be one of {values}", field=field, values=", ".join(map(str, expected))
        )
    if kind == "type":
        return _wrong_type(field, [expected] if isinstance(expected, str) else expected)
    if kind in {"maxLength", "maxItems"}:
        return Message("{field} is too long (at most {limit})", field=field, limit=expected)
    if kind == "minLength":
        return Message("{field} must not be empty", field=field)
    if kind == "minItems":
        return Message("{field} needs at least {limit}", field=field, limit=expected)
    if kind == "uniqueItems":
        return Message("{field} lists a value twice", field=field)
    if kind in {"minimum", "maximum"}:
        return Message("{field} is out of range", field=field)
    if kind == "pattern" and field == "occurred_at":
        return Message(
            "{field} must be a date (2017-07-15) or a date and time with a UTC offset "
            "(2017-07-15T19:30:00+02:00)",
            field=field,
        )
    if kind == "pattern" and field == "title":
        return Message("{field} must not be empty", field=field)  # only spaces
    if kind == "pattern":
        return Message("{field} is not in the expected form", field=field)
    if kind == "dependentRequired":
        return Message("{field} needs both lat and lon, or neither", field=field)
    return Message("{field} is not valid ({rule})", field=field, rule=kind)


_TYPE_NAMES = {
    "string": Message("text"),
    "integer": Message("a whole number"),
    "number": Message("a number"),
    "boolean": Message("true or false"),
    "array": Message("a list"),
    "object": Message("an object"),
    "null": Message("null"),
}


def _wrong_type(field: str, types: list[str]) -> Message:
    names = [_TYPE_NAMES[name] for name in types]
    if len(names) == 1:
        return Message("{field} must be {type}", field=field, type=names[0])
    return Message("{field} must be {type} or {other}", field=field, type=names[0], other=names[1])


# What Python's JSON parser says is wrong (in English), as phrases that translate.
_JSON_PROBLEMS = {
    "Expecting value": Message("a value was expected"),
    "Expecting property name enclosed in double quotes": Message(
        "a field name in double quotes was expected"
    ),
    "Expecting ':' delimiter": Message("':' was expected"),
    "Expecting ',' delimiter": Message("',' was expected"),
    "Extra data": Message("there is more after the end of the document"),
    "Unterminated string starting at": Message("an unclosed string starts"),
    "Invalid control character at": Message("a control character in a string"),
    "Invalid \\escape": Message("an invalid \\ escape in a string"),
    "Invalid \\uXXXX escape": Message("an invalid \\u escape in a string"),
}


def _refuse_constant(name: str) -> None:
    raise InvalidInputError("malformed JSON: {name} is not a number JSON allows", name=name)


def parse_document(raw: bytes) -> list[Record]:
    """Parse a document (envelope, list or single incident) into validated incident objects."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise InvalidInputError("the JSON document is larger than 1 GiB; split it")
    try:
        data = json.loads(
            raw, parse_constant=_refuse_constant, object_pairs_hook=refuse_duplicate_keys
        )
    except DuplicateKeyError:
        raise InvalidInputError(
            "malformed JSON: a field name appears twice in one object"
        ) from None
    except UnicodeDecodeError:
        raise InvalidInputError("the JSON document is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InvalidInputError(
            "malformed JSON: {problem} at line {line}, column {column}",
            problem=_JSON_PROBLEMS.get(exc.msg, exc.msg),
            line=exc.lineno,
            column=exc.colno,
        ) from None
    except RecursionError:
        raise InvalidInputError("malformed JSON: nested too deeply") from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise InvalidInputError("malformed JSON: a number with too many digits") from None
    if has_lone_surrogate(raw, data):
        raise InvalidInputError(HALF_CHARACTER)
    if isinstance(data, dict) and "format" in data:
        if data.get("format") != FORMAT_NAME:
            raise InvalidInputError(
                "not a FieldLog incidents document (format must be {format})", format=FORMAT_NAME
            )
        if data.get("version") != FORMAT_VERSION:
            raise InvalidInputError(
                "unsupported version of the incidents format "
                "(this FieldLog reads version {version})",
                version=FORMAT_VERSION,
            )
        if set(data) - {"format", "version", "incidents"}:
            raise InvalidInputError("the envelope has fields other than format, version, incidents")
        data = data.get("incidents")
        if not isinstance(data, list):
            raise InvalidInputError("'incidents' must be a list")
    elif isinstance(data, dict):
        data = [data]
    elif not isinstance(data, list):
        raise InvalidInputError(
            "expected an incident object, a list of them, or an incidents document"
        )
    validate_incidents(data)
    return data


def _uuid(value: str | None) -> str:
    return str(uuid.UUID(value)) if value else str(uuid.uuid4())


def _testimony(given: Record) -> Record:
    return {
        "witness": given.get("witness", ""),
        "role": given.get("role", "witness"),
        "language": given.get("language", "und"),
        "text": given["text"],
        "translation": given.get("translation", ""),
        "consent": given["consent"],
    }


def _officer(given: Record) -> Record:
    return {
        "identifier": given.get("identifier", ""),
        "identifier_kind": given.get("identifier_kind", "other"),
        "unit": given.get("unit", ""),
        "visibility": given["visibility"],
        "description": given.get("description", ""),
    }


def _vehicle(given: Record) -> Record:
    return {
        "plate": given.get("plate", ""),
        "country": given.get("country", ""),
        "unit": given.get("unit", ""),
        "plate_visibility": given["plate_visibility"],
        "description": given.get("description", ""),
    }


_BOOKKEEPING = ("id", "recorded_at")


def _children(
    given: list[Record], earlier: list[Record], fields: Callable[[Record], Record]
) -> list[Record]:
    """Children with their ids: given, or else those of an identical earlier child.

    So re-submitting an incident without ids (as first typed) changes nothing, and
    an unchanged testimony keeps its id and first recording time.
    """
    unmatched = [c for c in earlier if c["id"] not in {g.get("id") for g in given}]
    result = []
    for child in given:
        content = fields(child)
        child_id = child.get("id")
        if child_id is None:
            same = next(
                (
                    e
                    for e in unmatched
                    if {k: v for k, v in e.items() if k not in _BOOKKEEPING} == content
                ),
                None,
            )
            if same is not None:
                unmatched.remove(same)
                child_id = same["id"]
        result.append({"id": _uuid(child_id), **content})
    return result


def canonical_record(
    incident: Record, *, recorded_at: datetime, previous: Record | None = None
) -> Record:
    """The full state of an incident as stored in a revision (children carry their own ids).

    ``previous`` is the current record when this is an edit: it keeps the ids and first
    recording times of what was already there.
    """
    occurrence = parse_occurrence(incident["occurred_at"])
    precision = incident.get("occurred_precision") or ("exact" if occurrence.has_time else "day")
    if not occurrence.has_time and precision == "exact":
        raise InvalidInputError("occurred_at: a date without a time cannot be 'exact'")
    location = incident["location"]
    place: Record = {"name": location["name"]}
    for axis in ("lat", "lon"):
        if location.get(axis) is not None:
            place[axis] = float(location[axis])
    stamp = recorded_at.isoformat(timespec="seconds")
    before = previous or {}
    first_recorded = {t["id"]: t["recorded_at"] for t in before.get("testimonies", [])}
    testimonies = [
        {**t, "recorded_at": first_recorded.get(t["id"], stamp)}
        for t in _children(
            incident.get("testimonies", []), before.get("testimonies", []), _testimony
        )
    ]
    officers = _children(incident.get("officers", []), before.get("officers", []), _officer)
    vehicles = _children(incident.get("vehicles", []), before.get("vehicles", []), _vehicle)
    child_ids = [c["id"] for c in (*testimonies, *officers, *vehicles)]
    if len(child_ids) != len(set(child_ids)):
        raise InvalidInputError("the same id is given to two testimonies or observations")
    return {
        "id": _uuid(incident.get("id")),
        "occurred_at": occurrence.text,
        "occurred_precision": precision,
        "location": place,
        "categories": list(incident["categories"]),
        "perpetrators": list(incident.get("perpetrators", [])),
        "title": incident["title"],
        "description": incident.get("description", ""),
        "language": incident.get("language", "und"),
        "people_affected": incident.get("people_affected"),
        "status": incident.get("status", "recorded"),
        "sources": [
            {"title": s["title"], **({"url": s["url"]} if s.get("url") else {})}
            for s in incident.get("sources", [])
        ],
        "testimonies": testimonies,
        "officers": officers,
        "vehicles": vehicles,
        "recorded_at": previous["recorded_at"] if previous else stamp,
    }
