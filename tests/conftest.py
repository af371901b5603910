"""Shared fixtures: real encrypted vaults in tmp_path, the real sample data."""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldlog.vault import Vault
from fieldlog.vault.keys import MINIMUM_KDF

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE_JSON = SHARED / "samples" / "incidents-calais-2017.json"
if not SAMPLE_JSON.exists():  # a checkout without shared/ beside it: the packaged copy
    SAMPLE_JSON = REPO / "resources" / "samples" / "incidents-calais-2017.json"

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user's vault or data folder."""
    monkeypatch.setenv("FIELDLOG_VAULT", str(tmp_path / "default-vault"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def sample_document() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SAMPLE_JSON.read_text("utf-8"))
    return loaded


@pytest.fixture
def sample_incidents(sample_document: dict[str, Any]) -> list[dict[str, Any]]:
    incidents: list[dict[str, Any]] = sample_document["incidents"]
    return incidents


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def created_vault(vault_path: Path) -> tuple[Path, str]:
    """A closed vault at the Argon2id floor (fast enough for tests, never weaker)."""
    vault, code = Vault.create(vault_path, PASSPHRASE, kdf=MINIMUM_KDF)
    vault.close()
    return vault_path, code


@pytest.fixture
def vault(created_vault: tuple[Path, str]) -> Iterator[Vault]:
    with Vault.open(created_vault[0], PASSPHRASE) as opened:
        yield opened


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below ``folder`` with its bytes and modification time."""
    return {
        str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())
