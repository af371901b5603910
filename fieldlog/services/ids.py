"""Ids as people type them: the full UUID, or a unique prefix of at least six characters."""

import uuid
from typing import Any, NamedTuple

from sqlalchemy import String, cast, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from fieldlog.errors import Message, RecordNotFoundError

MIN_PREFIX = 6


class _Refusals(NamedTuple):
    not_found: Message
    too_short: Message
    several: Message


# Whole sentences per kind of record, so that each translates with its own grammar.
_REFUSALS = {
    "incident": _Refusals(
        Message("no incident with that id in this vault"),
        Message(
            "not an incident id: give at least {minimum} of its characters", minimum=MIN_PREFIX
        ),
        Message("more than one incident starts with that id; give more of it"),
    ),
    "media": _Refusals(
        Message("no media with that id in this vault"),
        Message("not a media id: give at least {minimum} of its characters", minimum=MIN_PREFIX),
        Message("more than one media starts with that id; give more of it"),
    ),
}


def resolve_uuid(
    session: Session, column: InstrumentedAttribute[Any], text: str, noun: str
) -> uuid.UUID:
    messages = _REFUSALS[noun]
    cleaned = text.strip().lower()
    try:
        wanted = uuid.UUID(cleaned)
    except ValueError:
        wanted = None
    if wanted is not None:
        found = session.scalar(select(column).where(column == wanted))
        if found is None:
            raise RecordNotFoundError(messages.not_found)
        return wanted
    prefix = cleaned.replace("-", "")
    if len(prefix) < MIN_PREFIX or any(c not in "0123456789abcdef" for c in prefix):
        raise RecordNotFoundError(messages.too_short)
    # SQLAlchemy's Uuid type stores 32 hex digits in SQLite.
    matches = session.scalars(
        select(column).where(cast(column, String).startswith(prefix)).limit(2)
    ).all()
    if not matches:
        raise RecordNotFoundError(messages.not_found)
    if len(matches) > 1:
        raise RecordNotFoundError(messages.several)
    found_id: uuid.UUID = matches[0]
    return found_id
