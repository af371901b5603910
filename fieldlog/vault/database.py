"""The SQLCipher database, opened through SQLAlchemy with a raw 256-bit key."""

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from fieldlog.errors import VaultDamagedError

# Set on every connection. The raw key ("x'..'") skips SQLCipher's own PBKDF2:
# the key already comes from Argon2id and HKDF.
_CONNECTION_PRAGMAS = (
    "PRAGMA cipher_memory_security = ON",
    "PRAGMA cipher_log_level = NONE",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    # Evidence: a committed transaction must survive a power cut.
    "PRAGMA synchronous = FULL",
    "PRAGMA busy_timeout = 5000",
)


def _connect(path: Path, key: bytes) -> Any:
    connection = sqlcipher3.connect(str(path), check_same_thread=False)
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    for pragma in _CONNECTION_PRAGMAS:
        connection.execute(pragma)
    return connection


def open_engine(path: Path, key: bytes, *, create: bool = False) -> Engine:
    """Open (or with ``create``, make) the encrypted database at ``path``."""
    if not create and not path.exists():
        raise VaultDamagedError("the vault database is missing")

    def creator() -> Any:
        return _connect(path, key)

    engine = create_engine(
        "sqlite://",
        module=sqlcipher3.dbapi2,
        creator=creator,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        # Never put bound values (testimony text, names) into exception messages or logs.
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _disable_pysqlite_transactions(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself so transactions are explicit.
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except Exception as exc:
        engine.dispose()
        raise VaultDamagedError(
            "the vault database cannot be read with this key: it is damaged or not this vault's"
        ) from exc
    return engine


def checkpoint(engine: Engine) -> None:
    """Fold the write-ahead log into the main file (before a backup copy)."""
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
