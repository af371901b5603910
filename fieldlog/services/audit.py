"""Checking the whole custody record of a vault, and the stored files it vouches for."""

import hashlib
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, text

from fieldlog.media.blobstore import BlobCorruptError
from fieldlog.model import Media
from fieldlog.services.custody import MAX_REPORTED_PROBLEMS, AuditReport, verify_chain
from fieldlog.vault import Vault


def audit_vault(vault: Vault, *, files: bool = True) -> AuditReport:
    """The custody chain, then every page of the database against its HMAC, then (with
    ``files``) every stored file decrypted and hashed against the SHA-256 recorded for it."""
    with vault.session() as session:
        report = verify_chain(session)
        damaged_pages = session.execute(text("PRAGMA cipher_integrity_check")).all()
        stored = session.execute(select(Media.id, Media.blob, Media.sha256, Media.size)).all()
    if damaged_pages:
        report.problems.append(
            f"the database file has {len(damaged_pages)} damaged page(s); restore it from a backup"
        )
    if files:
        _check_files(vault, stored, report)
    return report


def _check_files(vault: Vault, stored: Sequence[Any], report: AuditReport) -> None:
    # Identical files are stored once: each blob is read once, for every media row on it.
    verdicts: dict[str, str | None] = {}
    for media_id, blob, sha256, size in stored:
        if blob not in verdicts:
            verdicts[blob] = _file_problem(vault, blob, sha256, size)
        problem = verdicts[blob]
        if problem is not None and len(report.problems) < MAX_REPORTED_PROBLEMS:
            report.problems.append(f"media {media_id}: {problem}; restore it from a backup")
    report.files_checked = len(verdicts)


def _file_problem(vault: Vault, blob: str, sha256: str, size: int) -> str | None:
    digest, length = hashlib.sha256(), 0
    try:
        for chunk in vault.blobs.read(blob):
            digest.update(chunk)
            length += len(chunk)
    except BlobCorruptError as exc:
        return str(exc)
    if (length, digest.hexdigest()) != (size, sha256):
        return "the stored file does not match its recorded SHA-256"
    return None
