"""Recording incidents: add and revise. Every change is a revision plus a custody event."""

import json
import uuid
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from fieldlog.canonical import canonical_json, sha256_hex
from fieldlog.errors import EditConflictError, InvalidInputError, RecordNotFoundError
from fieldlog.gcpause import collector_paused
from fieldlog.ids import new_id
from fieldlog.interchange.document import (
    Record,
    canonical_record,
    in_incident,
    validate_incidents,
)
from fieldlog.model import (
    Incident,
    IncidentRevision,
    OfficerObservation,
    Testimony,
    VehicleObservation,
)
from fieldlog.model.base import utcnow
from fieldlog.services.bulk import bulk_insert
from fieldlog.services.custody import PendingEvent, append_events
from fieldlog.services.ids import resolve_uuid
from fieldlog.services.projection import ProjectionRows, replace_current_view
from fieldlog.vault import Vault


def add_incidents(vault: Vault, incidents: list[Record]) -> list[uuid.UUID]:
    """Record new incidents, all or none; return their ids in input order."""
    with collector_paused():
        return _add_incidents(vault, incidents)


def _add_incidents(vault: Vault, incidents: list[Record]) -> list[uuid.UUID]:
    validate_incidents(incidents)
    now = utcnow()
    records = []
    for index, incident in enumerate(incidents, start=1):
        try:
            records.append(canonical_record(incident, recorded_at=now))
        except InvalidInputError as exc:
            raise in_incident(exc, index, len(incidents)) from None
    ids = [uuid.UUID(r["id"]) for r in records]
    if len(set(ids)) != len(ids):
        raise InvalidInputError("two incidents in the input have the same id")

    with vault.writing() as session:
        existing = _existing_ids(session, ids)
        if existing:
            raise InvalidInputError(
                "incident {id} is already in this vault; change it with 'fieldlog edit'",
                id=existing[0],
            )
        number = (session.scalar(select(func.max(Incident.number))) or 0) + 1
        rows = ProjectionRows()
        revisions: list[dict[str, Any]] = []
        events: list[PendingEvent] = []
        for record in records:
            content = canonical_json(record)
            digest = sha256_hex(content)
            revision_id = new_id()
            revisions.append(
                {
                    "id": revision_id,
                    "incident_id": uuid.UUID(record["id"]),
                    "number": 1,
                    "created_at": now,
                    "content": content.decode("utf-8"),
                    "content_sha256": digest,
                }
            )
            rows.add(record, number=number, revision=1, sha256=digest, updated_at=now)
            events.append(
                PendingEvent("incident.create", "incident", record["id"], revision_id, digest, now)
            )
            number += 1
        bulk_insert(session, IncidentRevision, revisions)
        rows.insert(session)
        append_events(session, vault.signer, events)
    return ids


def _existing_ids(session: Session, ids: list[uuid.UUID]) -> list[uuid.UUID]:
    found: list[uuid.UUID] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found += session.scalars(select(Incident.id).where(Incident.id.in_(chunk))).all()
    return found


def resolve_id(session: Session, text: str) -> uuid.UUID:
    return resolve_uuid(session, Incident.id, text, "incident")


def latest_record(session: Session, incident_id: uuid.UUID) -> tuple[int, Record]:
    row = session.execute(
        select(IncidentRevision.number, IncidentRevision.content)
        .where(IncidentRevision.incident_id == incident_id)
        .order_by(IncidentRevision.number.desc())
        .limit(1)
    ).first()
    if row is None:
        raise RecordNotFoundError("no incident with that id in this vault")
    record: Record = json.loads(row.content)
    return row.number, record


def update_incident(
    vault: Vault, incident_ref: str, incident: Record, *, based_on: int | None = None
) -> tuple[uuid.UUID, int | None]:
    """Revise an incident with its full new state.

    ``based_on`` (or a ``revision`` in ``incident``, as ``show`` gives it) is the revision
    the edit was made on. When it is no longer the latest and the edit would change the
    incident, nothing is written: saving would silently undo what came in between (an
    import, another window), and a bundle merge would then take a testimony left out
    that way for one removed on purpose.

    Returns the id and the new revision number, or None when nothing changed.
    Earlier states stay in their revisions; nothing is overwritten.
    """
    validate_incidents([incident])
    now = utcnow()
    if based_on is None and isinstance(incident.get("revision"), int):
        based_on = incident["revision"]
    with vault.writing() as session:
        incident_id = resolve_id(session, incident_ref)
        given_id = incident.get("id")
        if given_id is not None and uuid.UUID(given_id) != incident_id:
            raise InvalidInputError("the id in the JSON is not the id of the incident being edited")
        number, previous = latest_record(session, incident_id)
        record = canonical_record(
            {**incident, "id": str(incident_id)}, recorded_at=now, previous=previous
        )
        check_children_belong(session, incident_id, record)
        content = canonical_json(record)
        if content == canonical_json(previous):
            return incident_id, None  # already so, whatever it was based on
        if based_on is not None and based_on != number:
            raise EditConflictError(
                "the incident has changed since revision {read} was read (it is at "
                "revision {latest} now): nothing was saved; open it again and make the "
                "change on the new version",
                read=based_on,
                latest=number,
            )
        digest = sha256_hex(content)
        revision_id = new_id()
        session.execute(
            insert(IncidentRevision),
            [
                {
                    "id": revision_id,
                    "incident_id": incident_id,
                    "number": number + 1,
                    "created_at": now,
                    "content": content.decode("utf-8"),
                    "content_sha256": digest,
                }
            ],
        )
        local_number = session.scalar(select(Incident.number).where(Incident.id == incident_id))
        if local_number is None:
            raise RecordNotFoundError(
                "the incident is missing from the current view; run 'fieldlog audit verify'"
            )
        replace_current_view(
            session, record, number=local_number, revision=number + 1, sha256=digest, updated_at=now
        )
        append_events(
            session,
            vault.signer,
            [
                PendingEvent(
                    "incident.revise", "incident", str(incident_id), revision_id, digest, now
                )
            ],
        )
    return incident_id, number + 1


def check_children_belong(session: Session, incident_id: uuid.UUID, record: Record) -> None:
    """A testimony or observation id from another incident would merge two people's accounts."""
    for model, key in (
        (Testimony, "testimonies"),
        (OfficerObservation, "officers"),
        (VehicleObservation, "vehicles"),
    ):
        ids = [uuid.UUID(child["id"]) for child in record[key]]
        if not ids:
            continue
        elsewhere = session.scalar(
            select(func.count())
            .select_from(model)
            .where(model.id.in_(ids), model.incident_id != incident_id)
        )
        if elsewhere:
            raise InvalidInputError("{field}: an id belongs to another incident", field=key)
