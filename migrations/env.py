"""Alembic environment.

The app passes an open connection to the encrypted database in
``config.attributes["connection"]``. Developers generating a new revision run
``python -m fieldlog.vault.migrate revision -m "..."``, which compares the
models against a scratch plain SQLite database, never a real vault.
"""

from typing import Any, Literal

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection

from fieldlog.model import Base
from fieldlog.model.base import UTCDateTime
from fieldlog.vault.migrate import include_object


def _render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    """Migrations must not import the app's column types: write what they store."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.String(length=32)"
    return False


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things in place
        include_object=include_object,
        compare_type=True,
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.config.get_main_option("sqlalchemy.url") or "sqlite://"
    with create_engine(url).connect() as scratch:
        _run(scratch)
