"""Schema upgrades with Alembic: the app brings every vault it opens to the head revision.

Before touching an older vault it checkpoints the write-ahead log and keeps a
copy of the (still encrypted) database in ``backups/``.
"""

import argparse
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import ResolutionError
from alembic.util import CommandError
from sqlalchemy import Engine

from fieldlog.errors import VaultDamagedError
from fieldlog.fsutil import copy_file_durably
from fieldlog.vault.database import checkpoint

# Tables the ORM does not map: the FTS5 index and SQLite's own.
UNMAPPED_TABLE_PREFIXES = ("incident_search", "sqlite_", "alembic_version")


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    return not (type_ == "table" and name is not None and name.startswith(UNMAPPED_TABLE_PREFIXES))


def alembic_config(connection: Any = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("fieldlog.migrations")))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("the migrations folder has no head revision")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)


def upgrade_with_backup(engine: Engine, database: Path, backups: Path) -> Path | None:
    """Bring the vault to the head revision; return the backup made, if any."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    script = ScriptDirectory.from_config(alembic_config())
    try:
        known = current is None or script.get_revision(current) is not None
    except (ResolutionError, CommandError):
        known = False
    if not known:
        raise VaultDamagedError(
            "this vault was made by a newer FieldLog; update FieldLog to open it"
        )
    checkpoint(engine)
    backups.mkdir(mode=0o700, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup = backups / f"{database.stem}-{current or 'empty'}-{stamp}.db"
    copy_file_durably(database, backup)
    upgrade(engine)
    return backup


def _main() -> None:  # pragma: no cover - a developer tool
    parser = argparse.ArgumentParser(description="Create a new Alembic revision from the models.")
    parser.add_argument("command", choices=["revision"])
    parser.add_argument("-m", "--message", required=True)
    args = parser.parse_args()
    config = alembic_config()
    config.set_main_option("sqlalchemy.url", "sqlite:///.migration-scratch.db")
    scratch = Path(".migration-scratch.db")
    try:
        command.upgrade(config, "head")
        command.revision(config, message=args.message, autogenerate=True)
    finally:
        scratch.unlink(missing_ok=True)


if __name__ == "__main__":  # pragma: no cover
    _main()
