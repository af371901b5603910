"""Writing many rows at once."""

from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session


def bulk_insert(session: Session, model: type[Any], rows: list[dict[str, Any]]) -> None:
    """Insert many rows of one table (each with the same keys) in one executemany.

    The values go through each column type's own bind processor, as with an ORM or
    Core insert, but without SQLAlchemy's per-row parameter bookkeeping, which cost
    more than SQLite's own work on a bulk add. Where a column left out has a Python
    default, Core's insert fills it in.
    """
    if not rows:
        return
    table: Table = model.__table__
    keys = list(rows[0])
    connection = session.connection()
    if any(c.default is not None for c in table.columns if c.key not in keys):
        connection.execute(table.insert(), rows)
        return
    dialect = connection.dialect
    compiled = table.insert().compile(dialect=dialect, column_keys=keys)
    order = list(compiled.positiontup or keys)  # the statement's ? marks, in order
    processors = [(k, table.c[k].type.bind_processor(dialect)) for k in order]
    connection.exec_driver_sql(
        str(compiled),
        [
            tuple(row[k] if process is None else process(row[k]) for k, process in processors)
            for row in rows
        ],
    )
