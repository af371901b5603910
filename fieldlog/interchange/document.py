"""Reading interchange documents and turning each incident into its canonical record.

Validation messages name the incident and the field, never the value: values
are testimony text, names and identifiers.
"""

import json
import uuid
from datetime import datetime
from functools import cache
from importlib.resources import files
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from fieldlog.errors import InvalidInputError
from fieldlog.interchange.timefmt import parse_occurrence

FORMAT_NAME = "fieldlog-incidents"
FORMAT_VERSION = 1
MAX_DOCUMENT_BYTES = 1 << 30

Record = dict[str, Any]


@cache
def schema() -> dict[str, Any]:
    text = files("fieldlog.interchange").joinpath("incidents.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def _incident_validator() -> Draft202012Validator:
    full = schema()
    return Draft202012Validator({**full["$defs"]["incident"], "$defs": full["$defs"]})


def _field_path(error: ValidationError) -> str:
    parts: list[str] = []
    for part in error.absolute_path:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts) or "the incident"


def _safe_key(key: object) -> str:
    text = str(key)
    return text if text.isascii() and text.isprintable() and len(text) <= 40 else "(a field)"


def _describe(error: ValidationError) -> str:
    where = _field_path(error)
    kind, expected = error.validator, error.validator_value
    if kind == "required":
        missing = [name for name in expected if name not in error.instance]
        return f"{where}: missing {', '.join(missing)}"
    if kind == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        unknown = sorted(_safe_key(k) for k in error.instance if k not in known)
        return f"{where}: unknown field {', '.join(unknown)}"
    if kind == "enum":
        return f"{where}: must be one of {', '.join(map(str, expected))}"
    if kind == "type":
        types = expected if isinstance(expected, str) else " or ".join(expected)
        return f"{where}: must be of type {types}"
    if kind in {"maxLength", "maxItems"}:
        return f"{where}: is too long (at most {expected})"
    if kind == "minLength":
        return f"{where}: must not be empty"
    if kind == "minItems":
        return f"{where}: needs at least {expected}"
    if kind == "uniqueItems":
        return f"{where}: lists a value twice"
    if kind in {"minimum", "maximum"}:
        return f"{where}: is out of range"
    if kind == "pattern":
        return f"{where}: is not in the expected form"
    return f"{where}: is not valid ({kind})"


def parse_document(raw: bytes) -> list[Record]:
    """Parse a document (envelope, list or single incident) into validated incident objects."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise InvalidInputError("the JSON document is larger than 1 GiB; split it")
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise InvalidInputError("the JSON document is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InvalidInputError(
            f"malformed JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise InvalidInputError("malformed JSON: nested too deeply") from None
    if isinstance(data, dict) and "format" in data:
        if data.get("format") != FORMAT_NAME:
            raise InvalidInputError(
                f"not a FieldLog incidents document (format must be {FORMAT_NAME})"
            )
        if data.get("version") != FORMAT_VERSION:
            raise InvalidInputError(
                "unsupported version of the incidents format "
                f"(this FieldLog reads version {FORMAT_VERSION})"
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
    validator = _incident_validator()
    for index, incident in enumerate(data, start=1):
        error = next(iter(sorted(validator.iter_errors(incident), key=lambda e: e.path)), None)
        if error is not None:
            raise InvalidInputError(f"incident {index}: {_describe(error)}")
    return data


def _uuid(value: str | None) -> str:
    return str(uuid.UUID(value)) if value else str(uuid.uuid4())


def canonical_record(
    incident: Record, *, recorded_at: datetime, previous: Record | None = None
) -> Record:
    """The full state of an incident as stored in a revision (children carry their own ids).

    ``previous`` is the current record when this is an edit: it keeps the first
    recording times of the incident and of testimonies that were already there.
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
    known_testimonies = {t["id"]: t for t in (previous or {}).get("testimonies", [])}
    testimonies = []
    for testimony in incident.get("testimonies", []):
        testimony_id = _uuid(testimony.get("id"))
        earlier = known_testimonies.get(testimony_id)
        testimonies.append(
            {
                "id": testimony_id,
                "witness": testimony.get("witness", ""),
                "role": testimony.get("role", "witness"),
                "language": testimony.get("language", "und"),
                "text": testimony["text"],
                "translation": testimony.get("translation", ""),
                "consent": testimony["consent"],
                "recorded_at": earlier["recorded_at"] if earlier else stamp,
            }
        )
    officers = [
        {
            "id": _uuid(officer.get("id")),
            "identifier": officer.get("identifier", ""),
            "identifier_kind": officer.get("identifier_kind", "other"),
            "unit": officer.get("unit", ""),
            "visibility": officer["visibility"],
            "description": officer.get("description", ""),
        }
        for officer in incident.get("officers", [])
    ]
    vehicles = [
        {
            "id": _uuid(vehicle.get("id")),
            "plate": vehicle.get("plate", ""),
            "country": vehicle.get("country", ""),
            "unit": vehicle.get("unit", ""),
            "plate_visibility": vehicle["plate_visibility"],
            "description": vehicle.get("description", ""),
        }
        for vehicle in incident.get("vehicles", [])
    ]
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
