"""The SQLCipher database, opened through SQLAlchemy with a raw 256-bit key."""

import ctypes
import platform
import sys
from pathlib import Path
from typing import Any

import sqlcipher3
import sqlcipher3._sqlite3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from fieldlog.errors import VaultDamagedError

# Set on every connection. The raw key ("x'..'") skips SQLCipher's own PBKDF2:
# the key already comes from Argon2id and HKDF.
_CONNECTION_PRAGMAS: tuple[str, ...] = (
    "PRAGMA cipher_memory_security = ON",
    "PRAGMA cipher_log_level = NONE",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    # Evidence: a committed transaction must survive a power cut.
    "PRAGMA synchronous = FULL",
    "PRAGMA busy_timeout = 5000",
    # Up to 64 MiB of decrypted pages per connection (SQLite's default is 2 MiB,
    # this build's 8): the indexes on random ids of a 100,000-incident vault
    # outgrow a small cache, and every miss is a page read, decrypted and checked
    # again. Measured: a bulk add into such a vault ran 25-40 % faster. Pages are
    # only taken as needed.
    "PRAGMA cache_size = -65536",
)


# SQLite's per-connection "lookaside": small blocks SQLite recycles itself.
# With cipher_memory_security on, every block SQLCipher takes from the system
# allocator costs an mlock and, when freed, a wipe and an munlock: two system
# calls that also split the process's memory map. The default lookaside (about
# forty slots) runs out within one INSERT, so adding an incident made some 150 of
# them and a bulk add ran at a third of its speed. 1,600 slots of 2 KiB (3.2 MiB,
# locked once) hold what inserts and searches need. Freed slots are reused, not
# wiped; the whole block is wiped when its connection closes, which locking the
# vault does.
LOOKASIDE_SLOT_BYTES = 2048
LOOKASIDE_SLOTS = 1600
_SQLITE_CONFIG_LOOKASIDE = 13


def _enlarge_lookaside() -> bool:
    """Set the default lookaside of new connections; True when it took effect.

    SQLITE_CONFIG_LOOKASIDE is only accepted while SQLite is not initialised, and
    sqlcipher3 initialises it when imported: it is shut down and started again,
    which is allowed because this module opens every connection and none is open
    yet. Where the symbols are not exported (Windows builds) nothing changes.
    """
    if sys.platform == "darwin" and platform.machine() == "arm64":
        return False  # variadic C calls pass their arguments differently there
    try:
        library = ctypes.CDLL(sqlcipher3._sqlite3.__file__)
        config = library.sqlite3_config
        shutdown, initialize = library.sqlite3_shutdown, library.sqlite3_initialize
    except (OSError, AttributeError):
        return False
    config.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
    config.restype = shutdown.restype = initialize.restype = ctypes.c_int
    if shutdown() != 0:
        return False
    result: int = config(_SQLITE_CONFIG_LOOKASIDE, LOOKASIDE_SLOT_BYTES, LOOKASIDE_SLOTS)
    if initialize() != 0:
        raise RuntimeError("SQLCipher could not be started again after setting its lookaside")
    return result == 0


LOOKASIDE_ENLARGED = _enlarge_lookaside()


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
    if not create and path.stat().st_size == 0:
        # Opened, an emptied file (a failed copy, a full disk) reads as a new database:
        # upgrading it would make an empty vault, without its keys, that seems to open.
        raise VaultDamagedError(EMPTY_DATABASE)

    def creator() -> Any:
        return _connect(path, key)

    engine = create_engine(
        "sqlite://",
        module=sqlcipher3.dbapi2,
        creator=creator,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        # Each connection has its own cache of decrypted pages, and SQLite drops all
        # of it when another connection has committed since. Taking the connection
        # used last keeps that cache: in a 95,000-incident vault, listing and five
        # searches after adding an incident read nothing instead of 5.6 MiB, and ran
        # in 48 ms instead of 150 ms.
        pool_use_lifo=True,
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
            tables = connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except Exception as exc:
        engine.dispose()
        raise VaultDamagedError(
            "the vault database cannot be read with this key: it is damaged or not this vault's"
        ) from exc
    if not create and not tables:  # a database file with its tables gone
        engine.dispose()
        raise VaultDamagedError(EMPTY_DATABASE)
    return engine


EMPTY_DATABASE = (
    "the vault database is empty: its records and keys are gone; restore it from a backup "
    "(the backups folder, or a copy of the vault)"
)


def checkpoint(engine: Engine) -> None:
    """Fold the write-ahead log into the main file (before a backup copy)."""
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
