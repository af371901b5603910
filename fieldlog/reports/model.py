"""What a summary holds, before it is put into words: immutable records.

The many small records (one per incident, testimony, observation) are named tuples, which
are several times cheaper to make than frozen dataclasses: a year can hold tens of thousands.
A ``Summary`` is the same whatever the language or the format it is rendered in; the
renderers only choose words and markup. Testimony text that may not leave the vault is
never put into these objects in the first place (see ``data.py``).
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import groupby
from typing import NamedTuple

from fieldlog.errors import InvalidInputError
from fieldlog.model.vocabulary import Category

MAX_PERIOD_DAYS = 366 * 100  # a century: a typing mistake in a year, not a real request


@dataclass(frozen=True)
class SummaryOptions:
    """What a summary covers. Every field changes the content, so all enter the fingerprint."""

    since: date
    until: date
    categories: tuple[str, ...] = ()  # none: every category
    testimony_text: bool = True  # False leaves all testimony text out

    def __post_init__(self) -> None:
        if self.since > self.until:
            raise InvalidInputError("the start of the period is after its end")
        if (self.until - self.since).days > MAX_PERIOD_DAYS:
            raise InvalidInputError("the period is longer than a hundred years")
        known = {c.value for c in Category}
        if any(c not in known for c in self.categories):
            raise InvalidInputError(
                "a category must be one of {categories}", categories=", ".join(sorted(known))
            )
        # One spelling per set of categories, so equal options give equal fingerprints.
        object.__setattr__(self, "categories", tuple(sorted(set(self.categories))))


class Source(NamedTuple):
    title: str
    url: str


class Quote(NamedTuple):
    """A testimony whose text may leave the vault; ``witness`` is empty when anonymised."""

    witness: str
    role: str
    language: str
    text: str
    translation: str


class OfficerSeen(NamedTuple):
    identifier: str
    kind: str
    unit: str
    visibility: str


class VehicleSeen(NamedTuple):
    plate: str
    country: str
    unit: str
    visibility: str


class Entry(NamedTuple):
    """One incident on the timeline."""

    incident_id: str
    revision: int
    content_sha256: str
    day: date  # the local calendar date where it happened
    time: str | None  # local "HH:MM", None when only the day is known
    precision: str  # exact, approximate, day
    place: str
    latitude: float | None
    longitude: float | None
    title: str
    description: str
    brief: str  # the first sentence or two of the description
    language: str
    categories: tuple[str, ...]  # in vocabulary order
    perpetrators: tuple[str, ...]
    people_affected: int | None
    testimonies: int  # testimonies that may leave the vault (legal, anonymised)
    media: int  # original files attached (shareable copies are not counted twice)
    sources: tuple[Source, ...]
    quotes: tuple[Quote, ...]  # empty when testimony text is left out
    officers: tuple[OfficerSeen, ...]
    vehicles: tuple[VehicleSeen, ...]


@dataclass(frozen=True)
class Death:
    """A death at the border; name, age and origin when the description gives them."""

    entry: Entry
    name: str | None
    age: int | None
    origin: str | None


@dataclass(frozen=True)
class IdentifierUse:
    """An officer number, a plate or a unit, and the days of the incidents it appears in."""

    label: str  # as written most often
    detail: str  # the kind of number (rio, badge, other) or the plate's country
    units: tuple[str, ...]  # units it was seen with, most often first
    days: tuple[date, ...]
    incidents: int
    observations: int
    hidden: int  # officers: number hidden; plates: taped over
    absent: int  # officers: number not worn; plates: no plate


@dataclass(frozen=True)
class Visibility:
    """How officer numbers and plates were seen, over every observation in the period."""

    officers: dict[str, int] = field(default_factory=dict)  # visible, partial, hidden, absent
    plates: dict[str, int] = field(default_factory=dict)  # visible, partial, taped, absent


@dataclass(frozen=True)
class Bucket:
    """One bar of the chart."""

    start: date  # first day of the day, week (Monday) or month
    incidents: int
    counts: tuple[tuple[str, int], ...]  # (category, incidents with it), vocabulary order
    # The bar's height is ``incidents``; an incident with several categories is shared
    # equally between their colours, so the stack never adds up to more than there were.
    shares: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class ChartData:
    unit: str  # day, week, month
    buckets: tuple[Bucket, ...]
    categories: tuple[str, ...]  # those present, vocabulary order


@dataclass(frozen=True)
class Summary:
    options: SummaryOptions
    generated_at: datetime  # UTC
    fingerprint: str  # SHA-256 hex, see fingerprint.py
    entries: tuple[Entry, ...]  # the timeline, oldest first
    by_category: tuple[tuple[str, int], ...]
    by_perpetrator: tuple[tuple[str, int], ...]
    by_unit: tuple[tuple[str, int], ...]  # unit as written, incidents
    people_affected: int
    incidents_with_people: int
    officers: tuple[IdentifierUse, ...]
    vehicles: tuple[IdentifierUse, ...]
    units: tuple[IdentifierUse, ...]
    visibility: Visibility
    deaths: tuple[Death, ...]
    chart: ChartData

    def days(self) -> Iterator[tuple[date, list[Entry]]]:
        """The timeline grouped by day."""
        for day, entries in groupby(self.entries, key=lambda entry: entry.day):
            yield day, list(entries)
