"""The current view: rows for the query tables and the search index, derived from a record."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import delete, text, update
from sqlalchemy.orm import Session

from fieldlog.interchange.document import Record
from fieldlog.interchange.identifiers import identifier_key, unit_key
from fieldlog.interchange.timefmt import parse_occurrence
from fieldlog.model import (
    Incident,
    IncidentCategory,
    IncidentPerpetrator,
    OfficerObservation,
    Testimony,
    VehicleObservation,
)
from fieldlog.services.bulk import bulk_insert

# The search index is keyed by the incident's number negated, so that FTS5 reads
# newest first in its forward order (see migration 0004).
_SEARCH_INSERT = text(
    "INSERT INTO incident_search(rowid, title, description, place, testimonies, identifiers) "
    "VALUES (-:number, :title, :description, :place, :testimonies, :identifiers)"
)
_SEARCH_DELETE = text("DELETE FROM incident_search WHERE rowid = -:number")


class ProjectionRows:
    """Rows for many incidents, inserted table by table (executemany makes bulk adds fast)."""

    def __init__(self) -> None:
        self.incidents: list[dict[str, Any]] = []
        self.categories: list[dict[str, Any]] = []
        self.perpetrators: list[dict[str, Any]] = []
        self.testimonies: list[dict[str, Any]] = []
        self.officers: list[dict[str, Any]] = []
        self.vehicles: list[dict[str, Any]] = []
        self.search: list[dict[str, Any]] = []

    def add(
        self, record: Record, *, number: int, revision: int, sha256: str, updated_at: datetime
    ) -> None:
        incident_id = uuid.UUID(record["id"])
        self.incidents.append(
            {
                "id": incident_id,
                "number": number,
                **incident_columns(record, revision, sha256, updated_at),
            }
        )
        self.add_children(incident_id, number, record)

    def add_children(self, incident_id: uuid.UUID, number: int, record: Record) -> None:
        self.categories += [
            {"incident_id": incident_id, "category": c} for c in record["categories"]
        ]
        self.perpetrators += [
            {"incident_id": incident_id, "perpetrator": p} for p in record["perpetrators"]
        ]
        for position, t in enumerate(record["testimonies"]):
            self.testimonies.append(
                {
                    "id": uuid.UUID(t["id"]),
                    "incident_id": incident_id,
                    "position": position,
                    "witness": t["witness"],
                    "role": t["role"],
                    "language": t["language"],
                    "text": t["text"],
                    "translation": t["translation"],
                    "consent": t["consent"],
                    "recorded_at": datetime.fromisoformat(t["recorded_at"]),
                }
            )
        for position, o in enumerate(record["officers"]):
            self.officers.append(
                {
                    "id": uuid.UUID(o["id"]),
                    "incident_id": incident_id,
                    "position": position,
                    "identifier": o["identifier"],
                    "identifier_key": identifier_key(o["identifier"]),
                    "identifier_kind": o["identifier_kind"],
                    "unit": o["unit"],
                    "unit_key": unit_key(o["unit"]),
                    "visibility": o["visibility"],
                    "description": o["description"],
                }
            )
        for position, v in enumerate(record["vehicles"]):
            self.vehicles.append(
                {
                    "id": uuid.UUID(v["id"]),
                    "incident_id": incident_id,
                    "position": position,
                    "plate": v["plate"],
                    "plate_key": identifier_key(v["plate"]),
                    "country": v["country"],
                    "unit": v["unit"],
                    "unit_key": unit_key(v["unit"]),
                    "plate_visibility": v["plate_visibility"],
                    "description": v["description"],
                }
            )
        self.search.append({"number": number, **search_columns(record)})

    def insert_children(self, session: Session) -> None:
        for model, rows in (
            (IncidentCategory, self.categories),
            (IncidentPerpetrator, self.perpetrators),
            (Testimony, self.testimonies),
            (OfficerObservation, self.officers),
            (VehicleObservation, self.vehicles),
        ):
            bulk_insert(session, model, rows)
        if self.search:
            # In ascending key order (numbers descending): FTS5 writes its pending
            # terms out as a new segment whenever a key is not above the last one.
            ordered = sorted(self.search, key=lambda row: -row["number"])
            session.execute(_SEARCH_INSERT, ordered)

    def insert(self, session: Session) -> None:
        bulk_insert(session, Incident, self.incidents)
        self.insert_children(session)


def incident_columns(
    record: Record, revision: int, sha256: str, updated_at: datetime
) -> dict[str, Any]:
    occurrence = parse_occurrence(record["occurred_at"])
    location = record["location"]
    return {
        "revision": revision,
        "content_sha256": sha256,
        "occurred_at": occurrence.text,
        "occurred_utc": occurrence.utc,
        "occurred_date": occurrence.local_date,
        "occurred_precision": record["occurred_precision"],
        "recorded_at": datetime.fromisoformat(record["recorded_at"]),
        "updated_at": updated_at,
        "location_name": location["name"],
        "latitude": location.get("lat"),
        "longitude": location.get("lon"),
        "title": record["title"],
        "description": record["description"],
        "language": record["language"],
        "people_affected": record["people_affected"],
        "status": record["status"],
        "sources": record["sources"],
    }


def search_columns(record: Record) -> dict[str, str]:
    testimonies = "\n".join(
        f"{t['witness']}\n{t['text']}\n{t['translation']}" for t in record["testimonies"]
    )
    identifiers = "\n".join(
        [f"{o['identifier']} {o['unit']}\n{o['description']}" for o in record["officers"]]
        + [
            f"{v['plate']} {v['country']} {v['unit']}\n{v['description']}"
            for v in record["vehicles"]
        ]
    )
    return {
        "title": record["title"],
        "description": record["description"],
        "place": record["location"]["name"],
        "testimonies": testimonies,
        "identifiers": identifiers,
    }


def replace_current_view(
    session: Session,
    record: Record,
    *,
    number: int,
    revision: int,
    sha256: str,
    updated_at: datetime,
) -> None:
    """Point the current view of one incident at a new revision.

    The rows replaced here are derived data; the earlier state stays in its revision.
    """
    incident_id = uuid.UUID(record["id"])
    for model in (
        IncidentCategory,
        IncidentPerpetrator,
        Testimony,
        OfficerObservation,
        VehicleObservation,
    ):
        session.execute(delete(model).where(model.incident_id == incident_id))
    session.execute(_SEARCH_DELETE, {"number": number})
    session.execute(
        update(Incident)
        .where(Incident.id == incident_id)
        .values(**incident_columns(record, revision, sha256, updated_at))
    )
    rows = ProjectionRows()
    rows.add_children(incident_id, number, record)
    rows.insert_children(session)
