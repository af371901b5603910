"""Gathering a summary from the vault: a handful of bulk queries on the current view.

The current-view tables (``incidents`` and its children) hold every field a summary shows,
so no revision JSON is parsed: one SELECT for the incidents of the period and one per child
table, each restricted by the same ``IN (subquery)``. A year of a 100,000-incident vault
takes well under a second this way; one query per incident would take minutes.

Consent is applied in SQL: testimonies whose consent is not ``legal`` or ``anonymised`` are
never read, and the pseudonym of an ``anonymised`` one is dropped as it is read.
Withdrawn incidents are left out of summaries.
"""

import functools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Select, String, func, select, type_coerce
from sqlalchemy.orm import Session

from fieldlog.gcpause import collector_paused
from fieldlog.model import (
    Incident,
    IncidentCategory,
    IncidentPerpetrator,
    Media,
    OfficerObservation,
    Testimony,
    VehicleObservation,
)
from fieldlog.model.vocabulary import Category, Consent, IncidentStatus, Perpetrator
from fieldlog.reports.chart import chart_data
from fieldlog.reports.deaths import person_details
from fieldlog.reports.fingerprint import summary_fingerprint
from fieldlog.reports.model import (
    Death,
    Entry,
    IdentifierUse,
    OfficerSeen,
    Quote,
    Source,
    Summary,
    SummaryOptions,
    VehicleSeen,
    Visibility,
)
from fieldlog.services.queries import IncidentFilter
from fieldlog.services.rawrows import dashed, plain_rows
from fieldlog.vault import Vault

# Consents under which a testimony may appear in a summary (never ``internal``).
SHAREABLE = (Consent.LEGAL.value, Consent.ANONYMISED.value)
CATEGORY_RANK = {c.value: rank for rank, c in enumerate(Category)}
PERPETRATOR_RANK = {p.value: rank for rank, p in enumerate(Perpetrator)}
BRIEF_SENTENCES = 2
BRIEF_LIMIT = 300  # characters, for a description written as one long sentence

# Date, time in UTC, number: the columns after the 14 a summary shows (see _read).
_TIMELINE_ORDER = itemgetter(4, 14, 15)

_SENTENCE_END = re.compile(r"(?<=[.!?…؟።।])\s+")


def brief(description: str) -> str:
    """The first sentence or two of a description, on one line."""
    text = " ".join(description.split())
    kept = " ".join(_SENTENCE_END.split(text, maxsplit=BRIEF_SENTENCES)[:BRIEF_SENTENCES])
    if len(kept) > BRIEF_LIMIT:
        cut = kept.rfind(" ", 0, BRIEF_LIMIT)
        kept = kept[: cut if cut > BRIEF_LIMIT // 2 else BRIEF_LIMIT].rstrip(" ,;:") + " …"
    return kept


def _selected(options: SummaryOptions, query: Select[Any]) -> Select[Any]:
    """The same date and category filter as ``fieldlog list``, less withdrawn incidents."""
    filters = IncidentFilter(
        since=options.since.isoformat(),
        until=options.until.isoformat(),
        categories=options.categories,
    )
    return filters.apply(query).where(Incident.status != IncidentStatus.WITHDRAWN.value)


def _most_common(counter: Counter[str]) -> str:
    """The most frequent spelling; ties go to the first in sort order (reproducible)."""
    return min(counter.items(), key=lambda item: (-item[1], item[0]))[0] if counter else ""


def _by_frequency(counter: Counter[str]) -> tuple[str, ...]:
    return tuple(key for key, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


@dataclass
class _Use:
    """An identifier being tallied."""

    spellings: Counter[str] = field(default_factory=Counter)
    details: Counter[str] = field(default_factory=Counter)
    units: Counter[str] = field(default_factory=Counter)
    days: set[date] = field(default_factory=set)
    incidents: set[str] = field(default_factory=set)
    observations: int = 0
    hidden: int = 0
    absent: int = 0

    def note(
        self, incident: str, day: date, spelling: str, detail: str, *, unit: str, seen: str
    ) -> None:
        self.spellings[spelling] += 1
        if detail:
            self.details[detail] += 1
        if unit:
            self.units[unit] += 1
        self.days.add(day)
        self.incidents.add(incident)
        self.observations += 1
        self.hidden += seen in ("hidden", "taped")
        self.absent += seen == "absent"

    def result(self) -> IdentifierUse:
        return IdentifierUse(
            label=_most_common(self.spellings),
            detail=_most_common(self.details),
            units=_by_frequency(self.units),
            days=tuple(sorted(self.days)),
            incidents=len(self.incidents),
            observations=self.observations,
            hidden=self.hidden,
            absent=self.absent,
        )


def _ranked(uses: dict[str, _Use]) -> tuple[IdentifierUse, ...]:
    results = [(key, use.result()) for key, use in uses.items()]
    results.sort(key=lambda item: (-item[1].incidents, item[0]))
    return tuple(result for _, result in results)


def _time_of_day(occurred_at: str, precision: str) -> str | None:
    # occurred_at is normalised ISO 8601: "2017-07-15T19:30:00+02:00" or "2017-07-15".
    if precision == "day" or len(occurred_at) < 16:
        return None
    return occurred_at[11:16]


class _Children:
    """Rows of the child tables for a set of incidents, grouped by incident (hex id).

    For a small selection the rows are looked up by id, 500 ids a statement. When the
    summary covers more than ``1 / SCAN_FRACTION`` of the vault, reading each child table
    through once and keeping the wanted rows is several times faster: SQLCipher decrypts
    each page once, instead of once per lookup that lands on it.
    """

    CHUNK = 500
    SCAN_FRACTION = 8

    def __init__(self, session: Session, hex_ids: list[str], total: int) -> None:
        self.session = session
        self.ids = hex_ids
        self.wanted = frozenset(hex_ids)
        self.scan = len(hex_ids) * self.SCAN_FRACTION > total

    def rows(self, id_column: Any, columns: list[Any], *where: Any) -> dict[str, list[Any]]:
        """The values of ``columns`` (tuples without the id), by incident id."""
        # type_coerce: compare and return the stored hex text, skipping a UUID per row.
        key = type_coerce(id_column, String)
        found: dict[str, list[Any]] = defaultdict(list)
        if self.scan:
            wanted = self.wanted
            for row in plain_rows(self.session, select(key, *columns).where(*where)):
                if row[0] in wanted:
                    found[row[0]].append(row[1:])
        else:
            for start in range(0, len(self.ids), self.CHUNK):
                chunk = self.ids[start : start + self.CHUNK]
                statement = select(key, *columns).where(key.in_(chunk), *where)
                for row in plain_rows(self.session, statement):
                    found[row[0]].append(row[1:])
        return found


def _by_position(rows: list[Any]) -> list[Any]:
    """Child rows whose first value is their position, in that order."""
    return sorted(rows) if len(rows) > 1 else rows


def _in_order(rank: dict[str, int]) -> Callable[[tuple[tuple[str], ...]], tuple[str, ...]]:
    """Rows of one vocabulary code to a tuple of codes in vocabulary order, unknown codes last.

    Incidents share a few combinations of categories, so each is ordered once."""

    @functools.cache
    def order(rows: tuple[tuple[str], ...]) -> tuple[str, ...]:
        return tuple(sorted((code for (code,) in rows), key=lambda c: (rank.get(c, len(rank)), c)))

    return order


def _sources(stored: str | None) -> tuple[Source, ...]:
    """The sources column as stored (JSON text)."""
    value = json.loads(stored) if stored else []
    return tuple(
        Source(str(s.get("title", "")), str(s.get("url", "")))
        for s in (value if isinstance(value, list) else [])
        if isinstance(s, dict)
    )


def _tally(entries: Iterable[Entry]) -> tuple[Counter[str], Counter[str]]:
    # Counted by combination first: a year has tens of thousands of incidents, few combinations.
    combinations = Counter((entry.categories, entry.perpetrators) for entry in entries)
    categories: Counter[str] = Counter()
    perpetrators: Counter[str] = Counter()
    for (entry_categories, entry_perpetrators), count in combinations.items():
        for category in entry_categories:
            categories[category] += count
        for perpetrator in entry_perpetrators:
            perpetrators[perpetrator] += count
    return categories, perpetrators


def _ordered(counter: Counter[str], rank: dict[str, int]) -> tuple[tuple[str, int], ...]:
    return tuple(
        sorted(counter.items(), key=lambda kv: (-kv[1], rank.get(kv[0], len(rank)), kv[0]))
    )


@dataclass
class _Read:
    """What one read session brings back: incident rows, and child rows by incident."""

    rows: list[Any]
    categories: dict[str, list[Any]]
    perpetrators: dict[str, list[Any]]
    testimonies: dict[str, list[Any]]
    officers: dict[str, list[Any]]
    vehicles: dict[str, list[Any]]
    media: dict[str, list[Any]]


def _read(vault: Vault, options: SummaryOptions) -> _Read:
    columns: Select[Any] = select(  # type: ignore[assignment]
        type_coerce(Incident.id, String).label("id"),
        Incident.revision,
        Incident.content_sha256,
        Incident.occurred_at,
        Incident.occurred_date,
        Incident.occurred_precision,
        Incident.location_name,
        Incident.latitude,
        Incident.longitude,
        Incident.title,
        Incident.description,
        Incident.language,
        Incident.people_affected,
        Incident.sources,
        Incident.occurred_utc,
        Incident.number,
    )
    # In the date index's order, then by time and number here: SQLite's own sort of a
    # year's rows (a temporary B-tree, its memory locked and wiped page by page under
    # cipher_memory_security) took twice as long as reading them.
    query = _selected(options, columns).order_by(Incident.occurred_date)
    shareable = Testimony.consent.in_(SHAREABLE)
    with vault.session() as session:
        rows = plain_rows(session, query).fetchall()
        rows.sort(key=_TIMELINE_ORDER)
        total = session.scalar(select(func.count()).select_from(Incident)) or 0
        children = _Children(session, [row[0] for row in rows], total)
        categories = children.rows(IncidentCategory.incident_id, [IncidentCategory.category])
        perpetrators = children.rows(
            IncidentPerpetrator.incident_id, [IncidentPerpetrator.perpetrator]
        )
        # Consent is applied here: internal testimonies are never read.
        testimony_columns = [Testimony.position, Testimony.consent]
        if options.testimony_text:
            testimony_columns += [
                Testimony.witness,
                Testimony.role,
                Testimony.language,
                Testimony.text,
                Testimony.translation,
            ]
        testimonies = children.rows(Testimony.incident_id, testimony_columns, shareable)
        officers = children.rows(
            OfficerObservation.incident_id,
            [
                OfficerObservation.position,
                OfficerObservation.identifier,
                OfficerObservation.identifier_key,
                OfficerObservation.identifier_kind,
                OfficerObservation.unit,
                OfficerObservation.unit_key,
                OfficerObservation.visibility,
            ],
        )
        vehicles = children.rows(
            VehicleObservation.incident_id,
            [
                VehicleObservation.position,
                VehicleObservation.plate,
                VehicleObservation.plate_key,
                VehicleObservation.country,
                VehicleObservation.unit,
                VehicleObservation.unit_key,
                VehicleObservation.plate_visibility,
            ],
        )
        # Originals only: a shareable copy is the same evidence, not another file.
        media = children.rows(Media.incident_id, [Media.sha256], Media.derived_from.is_(None))
    return _Read(rows, categories, perpetrators, testimonies, officers, vehicles, media)


def build_summary(vault: Vault, options: SummaryOptions, *, now: datetime | None = None) -> Summary:
    """Everything a summary of ``options`` shows, read from the vault in one read session."""
    with collector_paused():
        return _build_summary(vault, options, now)


def _build_summary(vault: Vault, options: SummaryOptions, now: datetime | None) -> Summary:
    generated_at = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    read = _read(vault, options)
    rows, categories, perpetrators = read.rows, read.categories, read.perpetrators
    testimonies, officers, vehicles, media = (
        read.testimonies,
        read.officers,
        read.vehicles,
        read.media,
    )
    entries: list[Entry] = []
    media_hashes: list[list[str]] = []
    officer_uses: dict[str, _Use] = defaultdict(_Use)
    plate_uses: dict[str, _Use] = defaultdict(_Use)
    unit_uses: dict[str, _Use] = defaultdict(_Use)
    officer_seen: Counter[str] = Counter()
    plate_seen: Counter[str] = Counter()
    people = with_people = 0
    empty: list[Any] = []
    legal = Consent.LEGAL.value
    categories_of = _in_order(CATEGORY_RANK)
    perpetrators_of = _in_order(PERPETRATOR_RANK)
    # Many incidents cite the same sources: each stored spelling is decoded once.
    sources_of = functools.cache(_sources)
    # Plain tuples unpacked by position: attribute access on result rows costs a microsecond.
    for (
        incident,
        revision,
        content_sha256,
        occurred_at,
        occurred_date,
        precision,
        place,
        latitude,
        longitude,
        title,
        description,
        language,
        people_affected,
        sources,
        _utc,
        _number,
    ) in rows:
        day = date.fromisoformat(occurred_date)
        seen_officers = _by_position(officers.get(incident, empty))
        seen_vehicles = _by_position(vehicles.get(incident, empty))
        for _, identifier, identifier_key, kind, unit, unit_key, visibility in seen_officers:
            officer_seen[visibility] += 1
            if identifier_key:
                officer_uses[identifier_key].note(
                    incident, day, identifier, kind, unit=unit, seen=visibility
                )
            if unit_key:
                unit_uses[unit_key].note(incident, day, unit, "", unit="", seen=visibility)
        for _, plate, plate_key, country, unit, unit_key, visibility in seen_vehicles:
            plate_seen[visibility] += 1
            if plate_key:
                plate_uses[plate_key].note(
                    incident, day, plate, country, unit=unit, seen=visibility
                )
            if unit_key:
                unit_uses[unit_key].note(incident, day, unit, "", unit="", seen=visibility)
        if people_affected is not None:
            people += people_affected
            with_people += 1
        shared = _by_position(testimonies.get(incident, empty))
        quotes = (
            tuple(
                # An anonymised testimony leaves without its pseudonym.
                Quote(witness if consent == legal else "", role, tongue, text, translation)
                for _, consent, witness, role, tongue, text, translation in shared
            )
            if options.testimony_text
            else ()
        )
        hashes = [sha256 for (sha256,) in media.get(incident, empty)]
        media_hashes.append(hashes)
        entries.append(
            Entry(
                dashed(incident),
                revision,
                content_sha256,
                day,
                _time_of_day(occurred_at, precision),
                precision,
                place,
                latitude,
                longitude,
                title,
                description,
                brief(description),
                language,
                categories_of(tuple(categories.get(incident, empty))),
                perpetrators_of(tuple(perpetrators.get(incident, empty))),
                people_affected,
                len(shared),
                len(hashes),
                sources_of(sources),
                quotes,
                tuple(OfficerSeen(o[1], o[3], o[4], o[6]) for o in seen_officers),
                tuple(VehicleSeen(v[1], v[3], v[4], v[6]) for v in seen_vehicles),
            )
        )

    by_category, by_perpetrator = _tally(entries)
    units = _ranked(unit_uses)
    deaths = tuple(
        Death(entry, details.name, details.age, details.origin)
        for entry in entries
        if Category.DEATH_AT_BORDER.value in entry.categories
        for details in (person_details(entry.description),)
    )
    fingerprint = summary_fingerprint(
        options,
        (
            (entry.incident_id, entry.revision, entry.content_sha256, hashes)
            for entry, hashes in zip(entries, media_hashes, strict=True)
        ),
    )
    return Summary(
        options=options,
        generated_at=generated_at,
        fingerprint=fingerprint,
        entries=tuple(entries),
        by_category=_ordered(by_category, CATEGORY_RANK),
        by_perpetrator=_ordered(by_perpetrator, PERPETRATOR_RANK),
        by_unit=tuple((use.label, use.incidents) for use in units),
        people_affected=people,
        incidents_with_people=with_people,
        officers=_ranked(officer_uses),
        vehicles=_ranked(plate_uses),
        units=units,
        visibility=Visibility(dict(officer_seen), dict(plate_seen)),
        deaths=deaths,
        chart=chart_data(entries, options.since, options.until),
    )
