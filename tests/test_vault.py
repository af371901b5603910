"""The vault: creation, unlocking, passphrase and recovery code, locking, what is on disk."""

import json
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from fieldlog.errors import (
    FieldLogError,
    VaultDamagedError,
    VaultExistsError,
    VaultInUseError,
    VaultNotFoundError,
    WrongPassphraseError,
)
from fieldlog.services.incidents import add_incidents
from fieldlog.vault import Vault, database
from fieldlog.vault.keys import MIN_ITERATIONS, MIN_MEMORY_KIB, MINIMUM_KDF, calibrate
from tests.conftest import PASSPHRASE, all_bytes, snapshot

SECRET_TESTIMONY = "Le témoin Zarathustra-7 a vu le policier frapper Yonas au visage"
SECRET_TITLE = "Kettling near the Quai Paul Devot ZQXW"
SECRET_RIO = "9876543"
SECRET_PLATE = "QZ-918-XK"


def secret_incident() -> dict[str, Any]:
    return {
        "occurred_at": "2017-07-15T19:30:00+02:00",
        "location": {"name": "Quai Paul Devot ZQXW", "lat": 50.96, "lon": 1.85},
        "categories": ["police_violence"],
        "perpetrators": ["police"],
        "title": SECRET_TITLE,
        "description": "Description ZQXW unique words",
        "language": "en",
        "testimonies": [
            {
                "witness": "Zarathustra-7",
                "role": "witness",
                "language": "fr",
                "text": SECRET_TESTIMONY,
                "translation": "Translation ZQXW",
                "consent": "internal",
            }
        ],
        "officers": [
            {
                "identifier": SECRET_RIO,
                "identifier_kind": "rio",
                "unit": "CRS 99",
                "visibility": "visible",
            }
        ],
        "vehicles": [
            {
                "plate": SECRET_PLATE,
                "country": "FR",
                "unit": "CRS 99",
                "plate_visibility": "partial",
            }
        ],
    }


def test_create_and_open(created_vault: tuple[Path, str]) -> None:
    path, _ = created_vault
    assert sorted(p.name for p in path.iterdir()) == [".lock", "fieldlog.db", "vault.json"]
    with Vault.open(path, PASSPHRASE) as vault:
        assert len(vault.signer.public_hex) == 64


def test_files_are_private(created_vault: tuple[Path, str]) -> None:
    path, _ = created_vault
    assert stat.S_IMODE(path.stat().st_mode) == 0o700
    for file in path.iterdir():
        assert stat.S_IMODE(file.stat().st_mode) & 0o077 == 0, file.name


def test_a_vault_copied_with_open_modes_is_made_private_when_opened(
    created_vault: tuple[Path, str], tmp_path: Path
) -> None:
    """``cp -r`` or an unpacked archive gives the copy 0755 and 0644: others could list
    it and read the files (encrypted, but their sizes and times tell a lot)."""
    path, _ = created_vault
    copy = tmp_path / "copied"
    shutil.copytree(path, copy)
    (copy / "backups").mkdir()
    for entry in [copy, *copy.iterdir()]:
        entry.chmod(0o755 if entry.is_dir() else 0o644)
    with pytest.raises(WrongPassphraseError):
        Vault.open(copy, "not the passphrase at all")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o755  # a wrong passphrase changes nothing
    with Vault.open(copy, PASSPHRASE):
        pass
    assert stat.S_IMODE(copy.stat().st_mode) == 0o700
    assert stat.S_IMODE((copy / "backups").stat().st_mode) == 0o700
    for name in ("fieldlog.db", "vault.json", ".lock"):
        assert stat.S_IMODE((copy / name).stat().st_mode) == 0o600, name


def test_an_emptied_database_is_refused_and_left_as_it_is(
    created_vault: tuple[Path, str],
) -> None:
    """Opened as a new database, it was upgraded into an empty vault without its keys."""
    path, _ = created_vault
    (path / "fieldlog.db").write_bytes(b"")
    before = snapshot(path)
    with pytest.raises(VaultDamagedError, match="the vault database is empty"):
        Vault.open(path, PASSPHRASE)
    assert snapshot(path) == before


def test_a_vault_copied_without_its_lock_file_opens(created_vault: tuple[Path, str]) -> None:
    path, _ = created_vault
    (path / ".lock").unlink()
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.signer.public_hex
    assert stat.S_IMODE((path / ".lock").stat().st_mode) == 0o600


def test_header_holds_no_secret_and_respects_the_floor(created_vault: tuple[Path, str]) -> None:
    path, code = created_vault
    header = json.loads((path / "vault.json").read_text())
    assert header["kdf"]["algorithm"] == "argon2id"
    assert header["kdf"]["memory_kib"] >= MIN_MEMORY_KIB
    assert header["kdf"]["iterations"] >= MIN_ITERATIONS
    raw = (path / "vault.json").read_text()
    assert PASSPHRASE not in raw
    assert code.replace("-", "") not in raw.replace("-", "")


def test_calibration_never_goes_below_the_floor() -> None:
    params = calibrate(target_seconds=0.01)
    assert params.memory_kib >= MIN_MEMORY_KIB
    assert params.iterations >= MIN_ITERATIONS


def test_wrong_passphrase_changes_nothing(created_vault: tuple[Path, str]) -> None:
    path, _ = created_vault
    with Vault.open(path, PASSPHRASE) as vault:
        add_incidents(vault, [secret_incident()])
    before = snapshot(path)
    with pytest.raises(WrongPassphraseError, match=r"^wrong passphrase$"):
        Vault.open(path, "not the passphrase at all")
    assert snapshot(path) == before


def test_wrong_recovery_code_is_refused(created_vault: tuple[Path, str]) -> None:
    path, _ = created_vault
    with pytest.raises(WrongPassphraseError, match="wrong recovery code"):
        Vault.open(path, recovery_code="0000-0000-0000-0000-0000-0000-0000-0000")
    with pytest.raises(WrongPassphraseError, match="not a recovery code"):
        Vault.open(path, recovery_code="banana")


def test_recovery_code_opens_the_vault_as_typed(created_vault: tuple[Path, str]) -> None:
    path, code = created_vault
    typed = code.lower().replace("-", " ").replace("0", "o")
    with Vault.open(path, recovery_code=typed) as vault:
        assert vault.header.vault_id


def test_passphrase_change_rewraps_only_the_key(created_vault: tuple[Path, str]) -> None:
    path, code = created_vault
    database_before = (path / "fieldlog.db").read_bytes()
    header_before = json.loads((path / "vault.json").read_text())
    with Vault.open(path, PASSPHRASE) as vault:
        vault.change_passphrase("a brand new passphrase")
    header_after = json.loads((path / "vault.json").read_text())
    assert (path / "fieldlog.db").read_bytes() == database_before
    assert header_after["recovery"] == header_before["recovery"]
    assert header_after["passphrase"] != header_before["passphrase"]
    assert (
        len(json.loads(json.dumps(header_after["passphrase"]))["ciphertext"]) == 64
    )  # 32+16 bytes
    with pytest.raises(WrongPassphraseError):
        Vault.open(path, PASSPHRASE)
    with Vault.open(path, "a brand new passphrase"):
        pass
    with Vault.open(path, recovery_code=code):  # the recovery code still opens it
        pass


def test_new_recovery_code_replaces_the_old(created_vault: tuple[Path, str]) -> None:
    path, old = created_vault
    with Vault.open(path, recovery_code=old) as vault:
        new = vault.new_recovery_code()
    with pytest.raises(WrongPassphraseError):
        Vault.open(path, recovery_code=old)
    with Vault.open(path, recovery_code=new):
        pass


def test_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FieldLogError, match="too short"):
        Vault.create(tmp_path / "v", "short", kdf=MINIMUM_KDF)
    assert not (tmp_path / "v").exists()


def test_create_refuses_an_existing_vault_or_a_full_folder(
    created_vault: tuple[Path, str], tmp_path: Path
) -> None:
    with pytest.raises(VaultExistsError):
        Vault.create(created_vault[0], PASSPHRASE, kdf=MINIMUM_KDF)
    full = tmp_path / "full"
    full.mkdir()
    (full / "notes.txt").write_text("mine")
    with pytest.raises(VaultExistsError):
        Vault.create(full, PASSPHRASE, kdf=MINIMUM_KDF)
    assert (full / "notes.txt").read_text() == "mine"


def test_missing_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFoundError, match="no vault at"):
        Vault.open(tmp_path / "nowhere", PASSPHRASE)


def test_damaged_header(created_vault: tuple[Path, str]) -> None:
    path, _ = created_vault
    (path / "vault.json").write_text("{not json")
    with pytest.raises(VaultDamagedError, match=r"vault\.json\) is damaged"):
        Vault.open(path, PASSPHRASE)


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("kdf", "memory_kib"), 0),
        (("kdf", "lanes"), 0),
        (("kdf", "iterations"), -1),
        (("kdf", "iterations"), 10**6),  # would take hours, and ignore SIGTERM meanwhile
        (("passphrase", "salt"), ""),
        (("passphrase", "nonce"), "AAAA"),
        (("recovery", "ciphertext"), "AAAA"),
    ],
)
def test_an_edited_header_is_damaged_not_a_crash_or_a_hang(
    created_vault: tuple[Path, str], where: tuple[str, str], value: object
) -> None:
    path, _ = created_vault
    header = json.loads((path / "vault.json").read_text())
    header[where[0]][where[1]] = value
    (path / "vault.json").write_text(json.dumps(header))
    with pytest.raises(VaultDamagedError, match=r"vault\.json\) is damaged"):
        Vault.open(path, PASSPHRASE)


def test_damaged_database(created_vault: tuple[Path, str]) -> None:
    path, _ = created_vault
    database = path / "fieldlog.db"
    raw = bytearray(database.read_bytes())
    raw[5000] ^= 0xFF  # inside the first pages: SQLCipher's HMAC must catch it
    database.write_bytes(bytes(raw))
    with pytest.raises(VaultDamagedError):
        Vault.open(path, PASSPHRASE)


def test_second_open_in_the_same_process_is_refused(vault: Vault) -> None:
    with pytest.raises(VaultInUseError, match=r"^vault in use"):
        Vault.open(vault.path, PASSPHRASE)


def test_second_process_gets_vault_in_use(vault: Vault, passphrase_file: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "fieldlog",
            "--vault",
            str(vault.path),
            "--passphrase-file",
            str(passphrase_file),
            "list",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode != 0
    assert result.stderr.startswith("error: vault in use")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_no_plaintext_on_disk(vault_path: Path, created_vault: tuple[Path, str]) -> None:
    needles = [
        SECRET_TESTIMONY,
        SECRET_TITLE,
        SECRET_RIO,
        SECRET_PLATE,
        "Zarathustra",
        "ZQXW",
        "SQLite format 3",
        "police_violence",
        "incident",
    ]
    with Vault.open(vault_path, PASSPHRASE) as vault:
        add_incidents(vault, [secret_incident()])
        # While open (the write-ahead log may hold the newest pages) ...
        raw_open = all_bytes(vault_path)
    raw_closed = all_bytes(vault_path)
    for raw in (raw_open, raw_closed):
        for needle in needles:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert needle.encode(encoding) not in raw, needle


def test_database_errors_do_not_carry_content(vault: Vault) -> None:
    with vault.engine.connect() as connection, pytest.raises(IntegrityError) as caught:
        connection.execute(
            text(
                "INSERT INTO device_keys (purpose, secret, public, created_at) "
                "VALUES (:p, :s, :u, :c)"
            ),
            {"p": "signing", "s": SECRET_TESTIMONY.encode(), "u": SECRET_TESTIMONY, "c": "x"},
        )
    assert SECRET_TESTIMONY not in str(caught.value)
    assert "Zarathustra" not in repr(caught.value)


def test_sqlcipher_settings(vault: Vault) -> None:
    with vault.engine.connect() as connection:
        assert str(connection.exec_driver_sql("PRAGMA cipher_version").scalar()).startswith("4.")
        assert connection.exec_driver_sql("PRAGMA cipher_memory_security").scalar() == "1"
        assert connection.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # memory
        assert connection.exec_driver_sql("PRAGMA cipher_log_level").scalar() == "NONE"
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -65536
    if sys.platform == "linux":  # the wheels for Linux export SQLite's C API
        assert database.LOOKASIDE_ENLARGED


def test_the_connection_used_last_is_taken_again(vault: Vault) -> None:
    # Its page cache is the warm one: another connection would decrypt the pages again.
    with vault.engine.connect() as first, vault.engine.connect() as second:
        assert first.connection.dbapi_connection is not second.connection.dbapi_connection
    with vault.engine.connect() as connection:
        last = connection.connection.dbapi_connection
    for _ in range(3):
        with vault.engine.connect() as connection:
            assert connection.connection.dbapi_connection is last


def test_database_is_unreadable_without_the_key(created_vault: tuple[Path, str]) -> None:
    path, _ = created_vault
    connection = sqlcipher3.connect(str(path / "fieldlog.db"))
    connection.execute("PRAGMA key = \"x'" + "00" * 32 + "'\"")
    with pytest.raises(sqlcipher3.DatabaseError):
        connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
    connection.close()
