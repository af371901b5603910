"""Writing many rows at once."""

from typing import Any

from sqlalchemy.orm import Session


def bulk_insert(session: Session, model: type[Any], rows: list[dict[str, Any]]) -> None:
    """Insert many rows of one table with a single executemany.

    Core, not the ORM's bulk path: the rows are plain dicts already, and the ORM's
    per-row bookkeeping cost more than SQLite's work on a bulk add.
    """
    if rows:
        session.connection().execute(model.__table__.insert(), rows)
