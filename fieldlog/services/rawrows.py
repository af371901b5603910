"""Reading many rows without SQLAlchemy's per-row result processing."""

from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session


def plain_rows(session: Session, statement: Select[*tuple[Any, ...]]) -> Any:
    """The rows of ``statement`` as the driver gives them: plain tuples, no type processing.

    SQLAlchemy's result rows (and a ``uuid.UUID`` per id) cost as much again as
    SQLCipher's own reading when a summary or the identifier index reads a few hundred
    thousand rows. Only text, numbers and ids stored as hex text are read this way.
    The driver sees the parameters, so they must never be recorded text: callers pass
    dates, vocabulary codes and ids only.
    """
    connection = session.connection()
    compiled = statement.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    parameters = compiled.construct_params()
    order = compiled.positiontup or []
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    return cursor.execute(str(compiled), [parameters[name] for name in order])


def dashed(hex_id: str) -> str:
    """A stored id (32 hex digits, as SQLAlchemy keeps UUIDs in SQLite) in its usual form."""
    h = hex_id.lower()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
