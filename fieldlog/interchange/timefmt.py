"""Occurrence times: an ISO 8601 date-time with offset, or a bare date."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from fieldlog.errors import InvalidInputError


@dataclass(frozen=True)
class Occurrence:
    text: str  # normalised ISO 8601, as stored and shown
    utc: datetime  # for ordering
    local_date: str  # the calendar date where it happened (YYYY-MM-DD), for date filters
    has_time: bool


def parse_occurrence(value: str) -> Occurrence:
    if len(value) == 10:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise InvalidInputError("occurred_at is not a real date") from None
        return Occurrence(
            text=day.isoformat(),
            utc=datetime.combine(day, time(0, 0), tzinfo=UTC),
            local_date=day.isoformat(),
            has_time=False,
        )
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInputError("occurred_at is not a real date and time") from None
    if moment.tzinfo is None:
        raise InvalidInputError("occurred_at needs a UTC offset, for example +02:00")
    try:
        utc = moment.astimezone(UTC)
    except OverflowError:
        raise InvalidInputError("occurred_at is outside the calendar FieldLog can store") from None
    return Occurrence(
        text=moment.isoformat(),
        utc=utc,
        local_date=moment.date().isoformat(),
        has_time=True,
    )


def parse_day(value: str, option: str) -> str:
    """A --since/--until option: a calendar date, returned as YYYY-MM-DD."""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise InvalidInputError("{option} takes a date like 2017-07-15", option=option) from None
