"""Ids as people type them: the full UUID, or a unique prefix of at least six characters."""

import uuid
from typing import Any

from sqlalchemy import String, cast, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from fieldlog.errors import RecordNotFoundError

MIN_PREFIX = 6


def resolve_uuid(
    session: Session, column: InstrumentedAttribute[Any], text: str, noun: str
) -> uuid.UUID:
    cleaned = text.strip().lower()
    try:
        wanted = uuid.UUID(cleaned)
    except ValueError:
        wanted = None
    if wanted is not None:
        found = session.scalar(select(column).where(column == wanted))
        if found is None:
            raise RecordNotFoundError(f"no {noun} with that id in this vault")
        return wanted
    prefix = cleaned.replace("-", "")
    if len(prefix) < MIN_PREFIX or any(c not in "0123456789abcdef" for c in prefix):
        raise RecordNotFoundError(
            f"not an id of {noun}: give at least {MIN_PREFIX} of its characters"
        )
    # SQLAlchemy's Uuid type stores 32 hex digits in SQLite.
    matches = session.scalars(
        select(column).where(cast(column, String).startswith(prefix)).limit(2)
    ).all()
    if not matches:
        raise RecordNotFoundError(f"no {noun} with that id in this vault")
    if len(matches) > 1:
        raise RecordNotFoundError(f"more than one {noun} starts with that id; give more of it")
    found_id: uuid.UUID = matches[0]
    return found_id
