"""Create, unlock and use a vault.

A vault is a folder::

    vault.json    how to unwrap the master key (no user content)
    fieldlog.db   the SQLCipher database: records, revisions, custody log, device keys
    .lock         held while the vault is open, so only one process writes
    backups/      encrypted copies of the database taken before a schema upgrade
"""

import shutil
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)
from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from fieldlog.errors import (
    DATABASE_DAMAGED,
    FieldLogError,
    VaultDamagedError,
    VaultExistsError,
    VaultNotFoundError,
    WrongPassphraseError,
)
from fieldlog.fsutil import fsync_dir, make_private, private_umask
from fieldlog.media.blobstore import BlobStore
from fieldlog.model import DeviceKey
from fieldlog.model.base import utcnow
from fieldlog.passphrase import check_new_passphrase
from fieldlog.services.custody import PendingEvent, Signer, append_events
from fieldlog.vault import keys
from fieldlog.vault.database import open_engine
from fieldlog.vault.header import VaultHeader, WrappedKey
from fieldlog.vault.lock import VaultLock
from fieldlog.vault.migrate import upgrade, upgrade_with_backup

HEADER_NAME = "vault.json"
DATABASE_NAME = "fieldlog.db"
LOCK_NAME = ".lock"
BACKUPS_NAME = "backups"
BLOBS_NAME = "blobs"


def _passphrase_slot(
    master_key: bytes, passphrase: str, kdf: keys.KdfParams, context: bytes
) -> WrappedKey:
    salt = keys.new_salt()
    kek = keys.derive_passphrase_key(passphrase, salt, kdf)
    nonce, wrapped = keys.wrap(kek, master_key, context)
    return WrappedKey(salt, nonce, wrapped)


def _recovery_slot(master_key: bytes, code: str, context: bytes) -> WrappedKey:
    normalised = keys.normalise_recovery_code(code)
    if normalised is None:
        raise ValueError("malformed recovery code")
    salt = keys.new_salt()
    nonce, wrapped = keys.wrap(keys.derive_recovery_key(normalised, salt), master_key, context)
    return WrappedKey(salt, nonce, wrapped)


class Vault:
    """An unlocked vault. Use it as a context manager, or call ``close()``."""

    def __init__(self, path: Path, header: VaultHeader, master_key: bytes, lock: VaultLock) -> None:
        self.path = path
        self.header = header
        self._master_key = bytearray(master_key)
        self._lock = lock
        self._write_lock = threading.RLock()
        self.engine: Engine = open_engine(self.database_path, self.subkey("sqlcipher"))
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._signer: Signer | None = None
        self.backup_made: Path | None = None
        self.blobs = BlobStore(path / BLOBS_NAME, self.subkey("blobs"))
        self.blobs.remove_partial_files()

    # -- locations -------------------------------------------------------

    @property
    def database_path(self) -> Path:
        return self.path / DATABASE_NAME

    @property
    def header_path(self) -> Path:
        return self.path / HEADER_NAME

    # -- creation and unlocking ----------------------------------------------

    @classmethod
    def create(
        cls, path: Path, passphrase: str, *, kdf: keys.KdfParams | None = None
    ) -> tuple["Vault", str]:
        """Make a new vault; return it, unlocked, and its recovery code (shown once)."""
        check_new_passphrase(passphrase)
        path = Path(path)
        if (path / HEADER_NAME).exists():
            raise VaultExistsError("a vault already exists there; choose another folder")
        if path.exists() and any(path.iterdir()):
            raise VaultExistsError("that folder is not empty; choose a new or empty folder")
        vault_id = uuid.uuid4()
        kdf = kdf or keys.calibrate()
        master_key = keys.new_master_key()
        recovery_code = keys.new_recovery_code()
        created_folder = not path.exists()
        try:
            with private_umask():
                path.mkdir(mode=0o700, parents=True, exist_ok=True)
                path.chmod(0o700)
                (path / LOCK_NAME).touch(mode=0o600)
            provisional = VaultHeader(
                vault_id=vault_id,
                kdf=kdf,
                passphrase_slot=WrappedKey(b"", b"", b""),
                recovery_slot=WrappedKey(b"", b"", b""),
            )
            header = provisional.with_passphrase_slot(
                _passphrase_slot(master_key, passphrase, kdf, provisional.context("passphrase")),
                kdf,
            ).with_recovery_slot(
                _recovery_slot(master_key, recovery_code, provisional.context("recovery"))
            )
            lock = VaultLock(path / LOCK_NAME)
            lock.acquire()
            with private_umask():
                engine = open_engine(
                    path / DATABASE_NAME, keys.subkey(master_key, "sqlcipher"), create=True
                )
                try:
                    upgrade(engine)
                finally:
                    engine.dispose()
                vault = cls(path, header, master_key, lock)
                vault._initialise_keys()
                # The header goes last: a folder without it is not (yet) a vault.
                header.write(vault.header_path)
            fsync_dir(path)
        except BaseException:
            if created_folder:
                shutil.rmtree(path, ignore_errors=True)
            raise
        return vault, recovery_code

    @classmethod
    def _read_header(cls, path: Path) -> VaultHeader:
        header_path = Path(path) / HEADER_NAME
        if not header_path.is_file():
            raise VaultNotFoundError(
                "no vault at {path}; create one with 'fieldlog init' or pass --vault DIR",
                path=path,
            )
        return VaultHeader.read(header_path)

    @classmethod
    def unlock_key(cls, path: Path, passphrase: str) -> tuple[VaultHeader, bytes]:
        """Check the passphrase and return the master key. Writes nothing."""
        header = cls._read_header(path)
        slot = header.passphrase_slot
        kek = keys.derive_passphrase_key(passphrase, slot.salt, header.kdf)
        master_key = keys.unwrap(kek, slot.nonce, slot.ciphertext, header.context("passphrase"))
        if master_key is None:
            raise WrongPassphraseError("wrong passphrase")
        return header, master_key

    @classmethod
    def recovery_key(cls, path: Path, code: str) -> tuple[VaultHeader, bytes]:
        header = cls._read_header(path)
        normalised = keys.normalise_recovery_code(code)
        if normalised is None:
            raise WrongPassphraseError("that is not a recovery code: it has 32 letters and digits")
        slot = header.recovery_slot
        kek = keys.derive_recovery_key(normalised, slot.salt)
        master_key = keys.unwrap(kek, slot.nonce, slot.ciphertext, header.context("recovery"))
        if master_key is None:
            raise WrongPassphraseError("wrong recovery code")
        return header, master_key

    @classmethod
    def open(
        cls, path: Path, passphrase: str | None = None, *, recovery_code: str | None = None
    ) -> "Vault":
        """Unlock a vault with its passphrase or its recovery code, upgrading it if needed."""
        path = Path(path)
        if recovery_code is not None:
            header, master_key = cls.recovery_key(path, recovery_code)
        elif passphrase is not None:
            header, master_key = cls.unlock_key(path, passphrase)
        else:
            raise ValueError("a passphrase or a recovery code is needed")
        lock = VaultLock(path / LOCK_NAME)
        lock.acquire()
        try:
            make_private(path)
            with private_umask():
                vault = cls(path, header, master_key, lock)
                vault.backup_made = upgrade_with_backup(
                    vault.engine, vault.database_path, path / BACKUPS_NAME
                )
                # Fresh connections after Alembic's: measured several times faster
                # full-text searches with cipher_memory_security on.
                vault.engine.dispose()
        except DBAPIError as exc:
            lock.release()
            raise VaultDamagedError(DATABASE_DAMAGED) from exc
        except BaseException:
            lock.release()
            raise
        return vault

    # -- keys ---------------------------------------------------------------

    def subkey(self, purpose: str) -> bytes:
        return keys.subkey(bytes(self._master_key), purpose)

    def _initialise_keys(self) -> None:
        signing = Ed25519PrivateKey.generate()
        age_identity = pyrage.x25519.Identity.generate()
        now = utcnow()
        self._signer = Signer(signing)
        with self.writing() as session:
            session.add_all(
                [
                    DeviceKey(
                        purpose="signing",
                        secret=signing.private_bytes(
                            Encoding.Raw, PrivateFormat.Raw, NoEncryption()
                        ),
                        public=signing.public_key()
                        .public_bytes(Encoding.Raw, PublicFormat.Raw)
                        .hex(),
                        created_at=now,
                    ),
                    DeviceKey(
                        purpose="age",
                        secret=str(age_identity).encode("ascii"),
                        public=str(age_identity.to_public()),
                        created_at=now,
                    ),
                ]
            )
            session.flush()
            append_events(
                session,
                self.signer,
                [PendingEvent("vault.create", "vault", str(self.header.vault_id))],
            )

    @property
    def signer(self) -> Signer:
        if self._signer is None:
            with self.session() as session:
                secret = session.scalar(
                    select(DeviceKey.secret).where(DeviceKey.purpose == "signing")
                )
            if secret is None:
                raise FieldLogError("the vault has no device key; it is damaged")
            self._signer = Signer(Ed25519PrivateKey.from_private_bytes(secret))
        return self._signer

    def change_passphrase(self, new_passphrase: str, *, kdf: keys.KdfParams | None = None) -> None:
        """Rewrap the master key under a new passphrase. Nothing else changes."""
        check_new_passphrase(new_passphrase)
        kdf = kdf or self.header.kdf
        slot = _passphrase_slot(
            bytes(self._master_key), new_passphrase, kdf, self.header.context("passphrase")
        )
        header = self.header.with_passphrase_slot(slot, kdf)
        header.write(self.header_path)
        self.header = header

    def new_recovery_code(self) -> str:
        """Replace the recovery code (after it was used, or may have been seen)."""
        code = keys.new_recovery_code()
        header = self.header.with_recovery_slot(
            _recovery_slot(bytes(self._master_key), code, self.header.context("recovery"))
        )
        header.write(self.header_path)
        self.header = header
        return code

    # -- sessions -------------------------------------------------------------

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session."""
        with self._sessions() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A write transaction; writers in this process take turns (the custody chain is serial)."""
        with self._write_lock, self._sessions() as session, session.begin():
            yield session

    # -- closing ----------------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()
        for index in range(len(self._master_key)):
            self._master_key[index] = 0
        self._signer = None
        self._lock.release()

    def __enter__(self) -> "Vault":
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
