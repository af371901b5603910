"""``data/incidents.json``: the records of a bundle and their checks (consent filtering
itself is in ``fieldlog.interchange.consent``).

Each incident is the canonical record of its latest revision (children carry their ids)
after consent filtering, plus fields that only a bundle has:

``revision``, ``revision_id``, ``revision_sha256``
    the revision it was exported from, as the exporting vault's custody chain records it;
    ``revision_sha256`` is null when consent filtered the record: a hash of the whole
    revision would let a recipient test guesses of what was withheld (a short pseudonym);
``content_sha256``
    SHA-256 of the canonical JSON of the record as exported (without these fields);
``consent_filtered``
    true when a testimony was left out (consent ``internal``) or lost its pseudonym
    (``anonymised``), in this revision or an earlier one (whose hash the chain's events
    hold): then the chain's events about the incident's revisions are links only, and
    the ``incident.share`` event of the exported revision, whole, records the view's hash
    bound to the revision (bundle format 2; in format 1 only the bundle's signature
    vouched for such a record, and bundles of FieldLog 0.1 gave the revision's hash; both
    are still read);
``media``
    the files of the incident in this bundle, with their path inside the bag.
"""

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from fieldlog.bundles.errors import BundleContentError
from fieldlog.canonical import canonical_json, sha256_hex
from fieldlog.errors import InvalidInputError, Message
from fieldlog.interchange.document import (
    FORMAT_NAME,
    FORMAT_VERSION,
    Record,
    canonical_record,
    validate_incidents,
)
from fieldlog.jsontext import has_lone_surrogate, refuse_duplicate_keys

INCIDENTS_PATH = "data/incidents.json"
CUSTODY_PATH = "data/custody.jsonl"
MEDIA_DIR = "data/media/"
MAX_DOCUMENT_BYTES = 64 << 20

CORE_KEYS = frozenset(
    {
        "id",
        "occurred_at",
        "occurred_precision",
        "location",
        "categories",
        "perpetrators",
        "title",
        "description",
        "language",
        "people_affected",
        "status",
        "sources",
        "testimonies",
        "officers",
        "vehicles",
        "recorded_at",
    }
)
BUNDLE_KEYS = frozenset(
    {"revision", "revision_id", "revision_sha256", "content_sha256", "consent_filtered", "media"}
)

_HEX64 = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
_UUID = {
    "type": "string",
    "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
}
_OPTIONAL_TEXT = {"type": ["string", "null"], "maxLength": 1000}
_OPTIONAL_INT = {"type": ["integer", "null"], "minimum": 0, "maximum": 1 << 31}
MEDIA_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "id",
        "path",
        "filename",
        "sha256",
        "size",
        "media_type",
        "kind",
        "captured_at",
        "gps",
        "device",
        "orientation",
        "width",
        "height",
        "note",
        "derived_from",
        "derivation",
        "added_at",
    ],
    "properties": {
        "id": _UUID,
        "path": {"type": "string", "pattern": "^data/media/[A-Za-z0-9._-]{1,100}$"},
        "filename": {"type": "string", "maxLength": 1000},
        "sha256": _HEX64,
        "size": {"type": "integer", "minimum": 0, "maximum": 1 << 40},
        "media_type": {"type": "string", "pattern": "^[a-z0-9.+-]+/[a-z0-9.+-]+$"},
        "kind": {"enum": ["image", "video", "audio", "pdf", "other"]},
        "captured_at": {"type": ["string", "null"], "maxLength": 40},
        "gps": {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["lat", "lon"],
                    "properties": {
                        "lat": {"type": "number", "minimum": -90, "maximum": 90},
                        "lon": {"type": "number", "minimum": -180, "maximum": 180},
                    },
                },
            ]
        },
        "device": _OPTIONAL_TEXT,
        "orientation": _OPTIONAL_INT,
        "width": _OPTIONAL_INT,
        "height": _OPTIONAL_INT,
        "note": _OPTIONAL_TEXT,
        "derived_from": {"oneOf": [{"type": "null"}, _UUID]},
        "derivation": {"type": ["object", "null"]},
        "added_at": {"type": "string", "maxLength": 40},
    },
}


@cache
def _media_validator() -> Draft202012Validator:
    return Draft202012Validator(MEDIA_SCHEMA)


def bundle_incident(
    record: Record,
    *,
    revision: int,
    revision_id: uuid.UUID,
    revision_sha256: str | None,
    consent_filtered: bool,
    media: list[Record],
) -> Record:
    return {
        **record,
        "revision": revision,
        "revision_id": str(revision_id),
        "revision_sha256": revision_sha256,
        "content_sha256": sha256_hex(canonical_json(record)),
        "consent_filtered": consent_filtered,
        "media": media,
    }


def incidents_document(incidents: list[Record]) -> bytes:
    document = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "incidents": incidents}
    return (json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


@dataclass(frozen=True)
class BundleIncident:
    core: Record  # the canonical record, as a revision would hold it
    revision: int
    revision_id: str
    revision_sha256: str | None  # None: consent-filtered, the revision's hash not given
    content_sha256: str
    consent_filtered: bool
    media: list[Record]

    @property
    def id(self) -> str:
        return str(self.core["id"])


def _refuse(detail: Message) -> BundleContentError:
    return BundleContentError(
        "refused: the bundle's records do not match the schema: {detail}", detail=detail
    )


def _refuse_constant(name: str) -> None:
    raise _refuse(Message("a number JSON does not allow"))


def _aware(text: object) -> bool:
    if not isinstance(text, str) or len(text) > 40:
        return False
    try:
        return datetime.fromisoformat(text).tzinfo is not None
    except ValueError:
        return False


def _check_incident(index: int, item: object) -> BundleIncident:
    if not isinstance(item, dict):
        raise _refuse(Message("incident {index} is not an object", index=index))
    if set(item) != CORE_KEYS | BUNDLE_KEYS:
        raise _refuse(
            Message(
                "incident {index} does not have exactly the fields of a bundle record", index=index
            )
        )
    core = {key: item[key] for key in CORE_KEYS}
    try:
        validate_incidents([core])
    except InvalidInputError as exc:
        raise _refuse(
            Message("incident {index}: {reason}", index=index, reason=exc.message)
        ) from None
    stamps = [core["recorded_at"], *(t.get("recorded_at") for t in core["testimonies"])]
    if not all(_aware(stamp) for stamp in stamps):
        raise _refuse(
            Message(
                "incident {index}: recorded_at is not a date and time with an offset", index=index
            )
        )
    try:
        canonical = canonical_record(core, recorded_at=datetime.now(UTC), previous=core)
    except (InvalidInputError, KeyError, TypeError, ValueError):
        canonical = None
    if canonical != core:
        raise _refuse(
            Message("incident {index} is not in the canonical form FieldLog exports", index=index)
        )
    revision, revision_id = item["revision"], item["revision_id"]
    if item["revision_sha256"] is None and item["consent_filtered"] is True:
        digests: tuple[object, ...] = (item["content_sha256"],)
    else:
        digests = (item["revision_sha256"], item["content_sha256"])
    if not (isinstance(revision, int) and not isinstance(revision, bool) and revision >= 1):
        raise _refuse(Message("incident {index}: revision is not a positive number", index=index))
    if not isinstance(revision_id, str) or _validated_uuid(revision_id) is None:
        raise _refuse(Message("incident {index}: revision_id is not an id", index=index))
    if not all(
        isinstance(d, str) and len(d) == 64 and all(c in "0123456789abcdef" for c in d)
        for d in digests
    ):
        raise _refuse(Message("incident {index}: a hash is not 64 hexadecimal digits", index=index))
    if not isinstance(item["consent_filtered"], bool):
        raise _refuse(
            Message("incident {index}: consent_filtered is not true or false", index=index)
        )
    if item["content_sha256"] != sha256_hex(canonical_json(core)):
        raise BundleContentError(
            "refused: incident {index} does not match its content_sha256 (it was changed)",
            index=index,
        )
    if not item["consent_filtered"] and item["content_sha256"] != item["revision_sha256"]:
        raise BundleContentError(
            "refused: incident {index} does not match the revision its chain records", index=index
        )
    if item["consent_filtered"] and item["content_sha256"] == item["revision_sha256"]:
        # Filtering always changes what it filters: such a record is the revision itself.
        raise BundleContentError(
            "refused: incident {index} is marked consent-filtered but is its whole revision",
            index=index,
        )
    media = item["media"]
    if not isinstance(media, list) or len(media) > 100_000:
        raise _refuse(Message("incident {index}: media is not a list", index=index))
    for position, medium in enumerate(media):
        errors = list(_media_validator().iter_errors(medium))
        if errors:
            where = "/".join(str(p) for p in errors[0].absolute_path) or Message("the record")
            raise _refuse(
                Message(
                    "incident {index}: media [{position}] {where} is not valid",
                    index=index,
                    position=position,
                    where=where,
                )
            )
        if not _aware(medium["added_at"]):
            raise _refuse(
                Message(
                    "incident {index}: media [{position}] added_at is not valid",
                    index=index,
                    position=position,
                )
            )
    return BundleIncident(
        core=core,
        revision=revision,
        revision_id=revision_id,
        revision_sha256=item["revision_sha256"],
        content_sha256=item["content_sha256"],
        consent_filtered=item["consent_filtered"],
        media=media,
    )


def _validated_uuid(text: str) -> uuid.UUID | None:
    try:
        value = uuid.UUID(text)
    except ValueError:
        return None
    return value if str(value) == text else None


def read_incidents(raw: bytes) -> list[BundleIncident]:
    """Parse and check ``data/incidents.json``; refuse with the first problem found."""
    try:
        document = json.loads(
            raw, parse_constant=_refuse_constant, object_pairs_hook=refuse_duplicate_keys
        )
    except (ValueError, RecursionError):  # JSONDecodeError, UnicodeDecodeError, huge integers,
        # a field named twice
        raise _refuse(Message("data/incidents.json is not valid JSON")) from None
    if has_lone_surrogate(raw, document):
        raise _refuse(Message("data/incidents.json holds half of a character (a lone surrogate)"))
    if (
        not isinstance(document, dict)
        or set(document) != {"format", "version", "incidents"}
        or document["format"] != FORMAT_NAME
        or document["version"] != FORMAT_VERSION
        or not isinstance(document["incidents"], list)
    ):
        raise _refuse(
            Message("data/incidents.json is not a FieldLog incidents document, version 1")
        )
    incidents = [_check_incident(i, item) for i, item in enumerate(document["incidents"], 1)]
    _check_unique_ids(incidents)
    return incidents


def _check_unique_ids(incidents: Iterable[BundleIncident]) -> None:
    seen: set[str] = set()
    for incident in incidents:
        ids = [incident.id, *(m["id"] for m in incident.media)]
        for key in ("testimonies", "officers", "vehicles"):
            ids += [child["id"] for child in incident.core[key]]
        for one in ids:
            if one in seen:
                raise _refuse(Message("an id is used twice in the bundle"))
            seen.add(one)
    paths = [m["path"] for i in incidents for m in i.media]
    if len(paths) != len(set(paths)):
        raise _refuse(Message("two media records name the same file"))
