"""Reading the evidence: lists, one incident, full-text search, the identifier index."""

import functools
import json
import re
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, column, func, select, table, text, tuple_
from sqlalchemy.orm import Session

from fieldlog.errors import InvalidInputError
from fieldlog.interchange.document import Record
from fieldlog.interchange.identifiers import identifier_key, unit_key
from fieldlog.model import (
    Incident,
    IncidentCategory,
    IncidentPerpetrator,
    OfficerObservation,
    VehicleObservation,
)
from fieldlog.services.incidents import latest_record, resolve_id
from fieldlog.services.media import media_of
from fieldlog.services.rawrows import dashed, plain_rows
from fieldlog.vault import Vault


@dataclass(frozen=True)
class IncidentFilter:
    since: str | None = None  # YYYY-MM-DD, inclusive, on the local date of the incident
    until: str | None = None
    categories: tuple[str, ...] = ()
    perpetrators: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()  # only these incidents (those an identifier was seen in)

    def apply(self, query: Select[Any]) -> Select[Any]:
        if self.ids:
            try:
                wanted = [uuid.UUID(i) for i in self.ids]
            except ValueError:
                raise InvalidInputError("an incident id is not valid") from None
            query = query.where(Incident.id.in_(wanted))
        if self.since:
            query = query.where(Incident.occurred_date >= self.since)
        if self.until:
            query = query.where(Incident.occurred_date <= self.until)
        if self.categories:
            query = query.where(
                Incident.id.in_(
                    select(IncidentCategory.incident_id).where(
                        IncidentCategory.category.in_(self.categories)
                    )
                )
            )
        if self.perpetrators:
            query = query.where(
                Incident.id.in_(
                    select(IncidentPerpetrator.incident_id).where(
                        IncidentPerpetrator.perpetrator.in_(self.perpetrators)
                    )
                )
            )
        return query


# What a summary shows: columns, not whole incidents, so that descriptions and
# sources are neither decrypted nor turned into objects for a list.
_SUMMARY_COLUMNS: tuple[Any, ...] = (
    Incident.id,
    Incident.number,
    Incident.occurred_at,
    Incident.occurred_precision,
    Incident.location_name,
    Incident.latitude,
    Incident.longitude,
    Incident.title,
    Incident.people_affected,
    Incident.status,
    Incident.recorded_at,
    Incident.revision,
)


def _summaries(session: Session, incidents: list[Any]) -> list[Record]:
    ids = [incident.id for incident in incidents]
    categories: dict[uuid.UUID, list[str]] = defaultdict(list)
    perpetrators: dict[uuid.UUID, list[str]] = defaultdict(list)
    if ids:
        for incident_id, category in session.execute(
            select(IncidentCategory.incident_id, IncidentCategory.category).where(
                IncidentCategory.incident_id.in_(ids)
            )
        ):
            categories[incident_id].append(category)
        for incident_id, perpetrator in session.execute(
            select(IncidentPerpetrator.incident_id, IncidentPerpetrator.perpetrator).where(
                IncidentPerpetrator.incident_id.in_(ids)
            )
        ):
            perpetrators[incident_id].append(perpetrator)
    summaries = []
    for incident in incidents:
        location: Record = {"name": incident.location_name}
        if incident.latitude is not None:
            location["lat"] = incident.latitude
        if incident.longitude is not None:
            location["lon"] = incident.longitude
        summaries.append(
            {
                "id": str(incident.id),
                "occurred_at": incident.occurred_at,
                "occurred_precision": incident.occurred_precision,
                "location": location,
                "categories": sorted(categories[incident.id]),
                "perpetrators": sorted(perpetrators[incident.id]),
                "title": incident.title,
                "people_affected": incident.people_affected,
                "status": incident.status,
                "recorded_at": incident.recorded_at.isoformat(timespec="seconds"),
                "revision": incident.revision,
            }
        )
    return summaries


SORT_KEYS = {
    "occurred": (Incident.occurred_utc,),
    "title": (Incident.title,),
    "place": (Incident.location_name,),
    "recorded": (Incident.recorded_at,),
}


def list_incidents(
    vault: Vault,
    filters: IncidentFilter | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
    after: str | None = None,
    sort: str = "occurred",
    descending: bool = True,
) -> list[Record]:
    """Incidents as summaries, newest first unless another order is asked for.

    ``after``, the id of the last incident of the previous page, starts the page
    right after it. Unlike ``offset`` its cost does not grow with the page's depth:
    the index is entered at that incident, not stepped through from the top.
    """
    query = (filters or IncidentFilter()).apply(select(*_SUMMARY_COLUMNS))
    columns = [*SORT_KEYS[sort], Incident.number]
    if after is not None:
        anchor = [
            select(column).where(Incident.id == uuid.UUID(after)).scalar_subquery()
            for column in columns
        ]
        position = tuple_(*columns)
        query = query.where(
            position < tuple_(*anchor) if descending else position > tuple_(*anchor)
        )
    query = query.order_by(*(c.desc() if descending else c.asc() for c in columns)).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with vault.session() as session:
        return _summaries(session, list(session.execute(query)))


def count_incidents(vault: Vault, filters: IncidentFilter | None = None) -> int:
    query = (filters or IncidentFilter()).apply(select(func.count()).select_from(Incident))
    with vault.session() as session:
        return session.scalar(query) or 0


def incidents_with_identifier(vault: Vault, kind: str, value: str) -> list[str]:
    """Ids of the incidents where an officer identifier, a plate or a unit was seen (oldest first).

    Matching ignores case, spaces and separators, as the identifier index does.
    """
    if kind == "officer":
        column, key = OfficerObservation.identifier_key, identifier_key(value)
        source: type[OfficerObservation] | type[VehicleObservation] = OfficerObservation
    elif kind == "vehicle":
        column, key, source = (
            VehicleObservation.plate_key,
            identifier_key(value),
            VehicleObservation,
        )
    elif kind == "unit":
        officers = select(OfficerObservation.incident_id).where(
            OfficerObservation.unit_key == unit_key(value)
        )
        vehicles = select(VehicleObservation.incident_id).where(
            VehicleObservation.unit_key == unit_key(value)
        )
        query = (
            select(Incident.id)
            .where(Incident.id.in_(officers.union(vehicles)))
            .order_by(Incident.occurred_utc, Incident.number)
        )
        with vault.session() as session:
            return [str(i) for i in session.scalars(query)] if unit_key(value) else []
    else:
        raise ValueError(f"unknown identifier kind {kind}")
    if not key:
        return []
    query = (
        select(Incident.id)
        .where(Incident.id.in_(select(source.incident_id).where(column == key)))
        .order_by(Incident.occurred_utc, Incident.number)
    )
    with vault.session() as session:
        return [str(i) for i in session.scalars(query)]


def get_incident(vault: Vault, incident_ref: str) -> Record:
    """The latest revision of one incident, in the interchange shape plus id, revision and media."""
    with vault.session() as session:
        incident_id = resolve_id(session, incident_ref)
        number, record = latest_record(session, incident_id)
        media = media_of(session, incident_id)
    return {**record, "revision": number, "media": media}


_WORD = re.compile(r"\w+", re.UNICODE)

# The index is keyed by the incident number negated: ascending keys are newest first.
_SEARCH_INDEX = table("incident_search", column("rowid"))
SEARCH_NEWEST = text(
    "SELECT -rowid AS number FROM incident_search "
    "WHERE incident_search MATCH :query ORDER BY rowid LIMIT :limit"
)


def fts_query(text_query: str) -> str | None:
    """Turn what a person typed into a safe FTS5 query: every word must match, the last one
    as a prefix (it may still be being typed).

    Quoting each word keeps FTS5 operators (AND, NEAR, ``-``, ``"``) from being interpreted.
    """
    words = _WORD.findall(text_query)
    if not words:
        return None
    return " ".join([*(f'"{word}"' for word in words[:-1]), f'"{words[-1]}"*'])


def search_incidents(
    vault: Vault, text_query: str, *, limit: int = 100, filters: IncidentFilter | None = None
) -> list[Record]:
    """Incidents whose title, description, place, testimonies or identifiers match.

    Newest recorded first: ranking every match by relevance costs seconds when a
    common word matches most of a large vault, and people read these lists by date.
    """
    query_text = fts_query(text_query)
    if query_text is None:
        return []
    with vault.session() as session:
        if filters is None or filters == IncidentFilter():
            numbers = list(session.scalars(SEARCH_NEWEST, {"query": query_text, "limit": limit}))
        else:
            # Filtered inside the same statement: filtering the newest matches
            # afterwards would drop older matches that pass the filters.
            numbers = list(
                session.scalars(
                    filters.apply(
                        select(Incident.number)
                        .join(_SEARCH_INDEX, Incident.number == -_SEARCH_INDEX.c.rowid)
                        .where(text("incident_search MATCH :query"))
                        .order_by(_SEARCH_INDEX.c.rowid)
                        .limit(limit)
                    ),
                    {"query": query_text},
                )
            )
        if not numbers:
            return []
        order = {number: position for position, number in enumerate(numbers)}
        incidents = sorted(
            session.execute(select(*_SUMMARY_COLUMNS).where(Incident.number.in_(numbers))),
            key=lambda i: order[i.number],
        )
        return _summaries(session, incidents)


def identifier_index(vault: Vault) -> list[Record]:
    """Every officer identifier, plate and unit, with the incidents it appears in (oldest first).

    Empty identifiers (a number hidden or not worn) are not indexed as identifiers,
    but they count under their unit, where how often numbers were hidden shows.
    """
    entries: dict[tuple[str, str], Record] = {}

    def entry(kind: str, key: str, fields: Record) -> Record:
        found = entries.get((kind, key))
        if found is None:
            found = {
                "kind": kind,
                **fields,
                "units": [],
                "incidents": [],
                "_units": Counter(),
                "_seen": set(),
            }
            entries[(kind, key)] = found
        return found

    def note(found: Record, incident_id: str, unit: str) -> None:
        if unit:
            found["_units"][unit] += 1
        if incident_id not in found["_seen"]:
            found["_seen"].add(incident_id)
            found["incidents"].append(incident_id)

    # Plain driver rows, ids as stored (hex): a UUID object per row was a third of the
    # time on a 100,000-incident vault. Each id is put in its usual form once.
    with vault.session() as session:
        officers = plain_rows(
            session,
            select(
                OfficerObservation.identifier,
                OfficerObservation.identifier_key,
                OfficerObservation.identifier_kind,
                OfficerObservation.unit,
                OfficerObservation.unit_key,
                OfficerObservation.visibility,
                OfficerObservation.incident_id,
            ),
        ).fetchall()
        vehicles = plain_rows(
            session,
            select(
                VehicleObservation.plate,
                VehicleObservation.plate_key,
                VehicleObservation.country,
                VehicleObservation.unit,
                VehicleObservation.unit_key,
                VehicleObservation.plate_visibility,
                VehicleObservation.incident_id,
            ),
        ).fetchall()
        # Ordering in Python: a join ordered by time reads pages all over the encrypted
        # file (measured 10 s for 100,000 incidents, against 1 s for three plain scans).
        ids = [
            row[0]
            for row in plain_rows(
                session, select(Incident.id).order_by(Incident.occurred_utc, Incident.number)
            )
        ]
    order = {hex_id: position for position, hex_id in enumerate(ids)}
    officers.sort(key=lambda o: order.get(o[6], -1))
    vehicles.sort(key=lambda v: order.get(v[6], -1))
    # (kind, key, fields, unit, unit key, number concealed, incident): officers, then plates.
    observations = [
        (
            "officer",
            number_key,
            {"identifier": identifier, "identifier_kind": kind},
            unit,
            unit_id,
            visibility in ("hidden", "absent"),
            hex_id,
        )
        for identifier, number_key, kind, unit, unit_id, visibility, hex_id in officers
    ] + [
        (
            "vehicle",
            plate_key,
            {"plate": plate, "country": country},
            unit,
            unit_id,
            visibility in ("taped", "absent"),
            hex_id,
        )
        for plate, plate_key, country, unit, unit_id, visibility, hex_id in vehicles
    ]
    name = functools.cache(dashed)  # each incident's id in its usual form, once
    for kind, key, fields, unit, unit_id, concealed, hex_id in observations:
        incident_id = name(hex_id)
        if key:
            note(entry(kind, key, fields), incident_id, unit)
        if unit_id:
            found = entry("unit", unit_id, {"unit": unit, "hidden_or_absent": 0, "observations": 0})
            note(found, incident_id, "")
            found["observations"] += 1
            found["hidden_or_absent"] += concealed

    result = []
    for (kind, key), found in sorted(entries.items(), key=lambda item: (item[0][0], item[0][1])):
        unit_counts: Counter[str] = found.pop("_units")
        found.pop("_seen")
        if kind == "unit":
            found.pop("units")
        else:
            found["units"] = [unit for unit, _ in unit_counts.most_common()]
            found["unit"] = found["units"][0] if found["units"] else ""
        found["key"] = key
        result.append(found)
    return result


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
