"""Drafts: what is being typed, saved encrypted as it is typed, so a dying laptop loses nothing.

A draft is not evidence: it is a working copy of an incident form, kept in
``drafts/`` inside the vault, encrypted like the blobs, under a name derived
with a keyed hash (the name reveals nothing without the vault key). It is
removed once the incident is saved.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from fieldlog.fsutil import atomic_replace, private_umask
from fieldlog.media.blobstore import BlobCorruptError, BlobWriter, read_blob
from fieldlog.model.base import utcnow
from fieldlog.vault import Vault

DRAFTS_FOLDER = "drafts"
NEW_INCIDENT = "new"


@dataclass(frozen=True)
class Draft:
    key: str  # an incident id, or "new"
    saved_at: datetime
    incident: dict[str, Any]


def _folder(vault: Vault) -> Path:
    return vault.path / DRAFTS_FOLDER


def _path(vault: Vault, key: str) -> Path:
    name = hmac.new(vault.subkey("draft-names"), key.encode(), hashlib.sha256).hexdigest()[:32]
    return _folder(vault) / f"{name}.draft"


def save_draft(vault: Vault, key: str, incident: dict[str, Any]) -> None:
    payload = json.dumps(
        {"key": key, "saved_at": utcnow().isoformat(), "incident": incident}, ensure_ascii=False
    ).encode("utf-8")
    with private_umask():
        _folder(vault).mkdir(mode=0o700, exist_ok=True)
    with atomic_replace(_path(vault, key)) as out:
        writer = BlobWriter(out, vault.subkey("drafts"))
        writer.write(payload)
        writer.finish()


def _read(vault: Vault, path: Path) -> Draft | None:
    try:
        with path.open("rb") as handle:
            data = json.loads(b"".join(read_blob(handle, vault.subkey("drafts"))))
        return Draft(data["key"], datetime.fromisoformat(data["saved_at"]), data["incident"])
    except (OSError, BlobCorruptError, ValueError, KeyError, TypeError):
        return None  # a damaged draft is not worth an error: the records are intact


def load_draft(vault: Vault, key: str) -> Draft | None:
    path = _path(vault, key)
    return _read(vault, path) if path.exists() else None


def list_drafts(vault: Vault) -> list[Draft]:
    folder = _folder(vault)
    if not folder.is_dir():
        return []
    drafts = [_read(vault, p) for p in sorted(folder.glob("*.draft"))]
    return sorted((d for d in drafts if d is not None), key=lambda d: d.saved_at, reverse=True)


def discard_draft(vault: Vault, key: str) -> None:
    _path(vault, key).unlink(missing_ok=True)
