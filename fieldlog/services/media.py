"""Attaching media to incidents, getting them back, shareable copies, a photo's time and place."""

import hashlib
import io
import os
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from fieldlog.errors import FieldLogError, InvalidInputError, RecordNotFoundError
from fieldlog.fsutil import atomic_replace
from fieldlog.interchange.document import Record
from fieldlog.media.blobstore import BlobCorruptError
from fieldlog.media.images import Box, ImageRefused, display_copy, make_preview, shareable_copy
from fieldlog.media.ingest import Cancelled, Ingested, Progress, ingest_stream
from fieldlog.media.metadata import MediaMetadata, read_metadata
from fieldlog.model import Incident, Media
from fieldlog.model.base import utcnow
from fieldlog.services.custody import PendingEvent, append_events
from fieldlog.services.ids import resolve_uuid
from fieldlog.services.incidents import latest_record, resolve_id, update_incident
from fieldlog.vault import Vault


@dataclass(frozen=True)
class Attached:
    media_id: uuid.UUID
    new: bool  # False when this very file was already attached to the incident


def _metadata_for(ingested: Ingested) -> tuple[MediaMetadata, dict[str, Any]]:
    metadata = read_metadata(ingested.head) if ingested.kind == "image" else MediaMetadata()
    extra: dict[str, Any] = {}
    note = metadata.note
    if ingested.kind == "image":
        if ingested.whole is None:
            note = note or "not shown: the image file is too large for a preview"
        else:
            try:
                preview = make_preview(ingested.whole)
            except ImageRefused as refused:
                note = note or str(refused)
            else:
                extra = {
                    "width": preview.width,
                    "height": preview.height,
                    "thumbnail": preview.thumbnail,
                }
    extra["note"] = note
    return metadata, extra


def _record_media(
    vault: Vault,
    incident_id: uuid.UUID,
    ingested: Ingested,
    filename: str,
    *,
    derived_from: uuid.UUID | None = None,
    derivation: dict[str, Any] | None = None,
) -> Attached:
    """Name the encrypted blob and record it, or reuse the copy already stored."""
    metadata, extra = _metadata_for(ingested)
    with vault.writing() as session:
        same = session.execute(
            select(Media.id, Media.incident_id, Media.blob, Media.derived_from).where(
                Media.sha256 == ingested.sha256
            )
        ).all()
        for row in same:
            if row.incident_id == incident_id and row.derived_from == derived_from:
                ingested.temp_blob.unlink(missing_ok=True)
                return Attached(row.id, new=False)
        if same:  # stored once: a second record points at the same encrypted file
            ingested.temp_blob.unlink(missing_ok=True)
            blob, fresh_blob = same[0].blob, False
        else:
            blob, fresh_blob = vault.blobs.commit_temp(ingested.temp_blob), True
        media_id = uuid.uuid4()
        now = utcnow()
        try:
            session.execute(
                insert(Media),
                [
                    {
                        "id": media_id,
                        "incident_id": incident_id,
                        "blob": blob,
                        "sha256": ingested.sha256,
                        "size": ingested.size,
                        "filename": filename,
                        "media_type": ingested.media_type,
                        "kind": ingested.kind,
                        "added_at": now,
                        "captured_at": metadata.captured_at,
                        "latitude": metadata.latitude,
                        "longitude": metadata.longitude,
                        "device": metadata.device,
                        "orientation": metadata.orientation,
                        "derived_from": derived_from,
                        "derivation": derivation,
                        **extra,
                    }
                ],
            )
            action = "media.derive" if derived_from else "media.add"
            append_events(
                session,
                vault.signer,
                [PendingEvent(action, "media", str(media_id), None, ingested.sha256, now)],
            )
            session.flush()
        except BaseException:
            if fresh_blob:
                vault.blobs.remove(blob)
            raise
    return Attached(media_id, new=True)


def _existing_incident(session: Session, incident_ref: str) -> uuid.UUID:
    return resolve_id(session, incident_ref)


def collect_files(paths: list[Path]) -> list[Path]:
    """Files to attach: the files given, and every file inside a folder given (sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
        elif path.is_file():
            files.append(path)
        elif path.exists():  # reading a pipe or a device could wait, or never end
            raise InvalidInputError(
                "{path} is not a plain file (a pipe, a device or a socket); "
                "attach files or folders",
                path=path,
            )
        else:
            raise InvalidInputError("no such file: {path}", path=path)
    for file in files:
        if not os.access(file, os.R_OK):
            raise InvalidInputError("cannot read {path}: permission denied", path=file)
    return files


def attach_file(
    vault: Vault,
    incident_ref: str,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Attached:
    """Store one file byte-exact, encrypted, with its metadata; record it in the custody log."""
    with vault.session() as session:
        incident_id = _existing_incident(session, incident_ref)
    with path.open("rb") as source:
        ingested = ingest_stream(source, vault.blobs, progress=progress, cancelled=cancelled)
    try:
        return _record_media(vault, incident_id, ingested, path.name)
    finally:
        ingested.temp_blob.unlink(missing_ok=True)


def attach_files(vault: Vault, incident_ref: str, paths: list[Path]) -> list[Attached]:
    files = collect_files(paths)
    with vault.session() as session:
        incident_id = str(_existing_incident(session, incident_ref))
    return [attach_file(vault, incident_id, file) for file in files]


def resolve_media(session: Session, text: str) -> Media:
    medium = session.get(Media, resolve_uuid(session, Media.id, text, "media"))
    if medium is None:
        raise RecordNotFoundError("no media with that id in this vault")
    return medium


def read_original(vault: Vault, media_ref: str) -> tuple[Media, Iterator[bytes]]:
    """The original bytes, decrypted chunk by chunk (authenticated as they are read)."""
    with vault.session() as session:
        medium = resolve_media(session, media_ref)
    return medium, vault.blobs.read(medium.blob)


def export_original(
    vault: Vault, media_ref: str, target: Path, *, overwrite: bool = False
) -> Media:
    """Write the original bytes to ``target`` and check them against the recorded SHA-256."""
    if target.exists() and not overwrite:
        raise InvalidInputError("{path} exists; choose another name", path=target)
    medium, chunks = read_original(vault, media_ref)
    digest = hashlib.sha256()
    with atomic_replace(target) as out:
        for chunk in chunks:
            digest.update(chunk)
            out.write(chunk)
        if digest.hexdigest() != medium.sha256:
            raise BlobCorruptError("a stored file does not match its recorded SHA-256")
    return medium


def original_bytes(vault: Vault, media_ref: str, limit: int) -> tuple[Media, bytes]:
    medium, chunks = read_original(vault, media_ref)
    if medium.size > limit:
        raise FieldLogError("the file is too large to open in memory")
    data = b"".join(chunks)
    if hashlib.sha256(data).hexdigest() != medium.sha256:
        raise BlobCorruptError("a stored file does not match its recorded SHA-256")
    return medium, data


SHAREABLE_SOURCE_LIMIT = 256 << 20


def make_shareable_copy(vault: Vault, media_ref: str, blur: list[Box] | None = None) -> Attached:
    """A derived copy without any metadata, optionally with blurred rectangles.

    The original is never changed; the copy is a new record linked to it.
    """
    medium, data = original_bytes(vault, media_ref, SHAREABLE_SOURCE_LIMIT)
    if medium.kind != "image":
        raise InvalidInputError("only photos can have a shareable copy")
    boxes = blur or []
    try:
        clean = shareable_copy(data, boxes)
    except ImageRefused as refused:
        raise InvalidInputError("no shareable copy: {reason}", reason=refused.message) from None
    del data
    ingested = ingest_stream(io.BytesIO(clean), vault.blobs)
    try:
        return _record_media(
            vault,
            medium.incident_id,
            ingested,
            # Not the original's name: it may hold a person's name or, from a camera
            # (IMG_20170715_193012), the time the copy is meant not to tell.
            f"shareable-{str(medium.id)[:8]}.jpg",
            derived_from=medium.id,
            derivation={
                "metadata": "removed",
                "blurred": [[b.x, b.y, b.width, b.height] for b in boxes],
            },
        )
    finally:
        ingested.temp_blob.unlink(missing_ok=True)


def photo_for_display(vault: Vault, media_ref: str) -> tuple[bytes, int, int]:
    """An upright, screen-sized JPEG of a photo (for drawing blur rectangles), in memory only."""
    _, data = original_bytes(vault, media_ref, SHAREABLE_SOURCE_LIMIT)
    try:
        return display_copy(data)
    except ImageRefused as refused:
        raise InvalidInputError(refused.message) from None


def original_id(medium: Media) -> uuid.UUID | None:
    """The original a shareable copy was made from, or None for an original.

    A copy imported without its original names it in ``derivation`` (media rows are never
    changed, so the link is not written when the original arrives later: it is read here).
    """
    if medium.derived_from is not None:
        return medium.derived_from
    missing = (medium.derivation or {}).get("original_not_imported")
    return uuid.UUID(missing) if isinstance(missing, str) else None


def describe(medium: Media) -> Record:
    gps = (
        {"lat": medium.latitude, "lon": medium.longitude}
        if medium.latitude is not None and medium.longitude is not None
        else None
    )
    return {
        "id": str(medium.id),
        "filename": medium.filename,
        "sha256": medium.sha256,
        "size": medium.size,
        "media_type": medium.media_type,
        "kind": medium.kind,
        "captured_at": medium.captured_at,
        "gps": gps,
        "device": medium.device,
        "orientation": medium.orientation,
        "width": medium.width,
        "height": medium.height,
        "note": medium.note,
        "derived_from": str(original) if (original := original_id(medium)) else None,
        "derivation": medium.derivation,
        "added_at": medium.added_at.isoformat(timespec="seconds"),
    }


def media_of(session: Session, incident_id: uuid.UUID) -> list[Record]:
    rows = session.scalars(
        select(Media).where(Media.incident_id == incident_id).order_by(Media.added_at, Media.id)
    )
    return [describe(m) for m in rows]


def thumbnail(vault: Vault, media_ref: str) -> bytes | None:
    with vault.session() as session:
        return resolve_media(session, media_ref).thumbnail


def use_time_and_place(
    vault: Vault,
    media_ref: str,
    *,
    time: bool = True,
    place: bool = True,
    offset: str | None = None,
) -> int | None:
    """Set the incident's time and/or position from a photo's metadata (a new revision)."""
    with vault.session() as session:
        medium = resolve_media(session, media_ref)
        incident_id = medium.incident_id
        number, record = latest_record(session, incident_id)
        if session.get(Incident, incident_id) is None:
            raise RecordNotFoundError("the photo's incident is missing")
    changed = dict(record)
    if time:
        if medium.captured_at is None:
            raise InvalidInputError("the photo has no capture time")
        captured = medium.captured_at
        if len(captured) == 19:  # the camera recorded no offset
            if offset is not None and not _OFFSET.fullmatch(offset):
                raise InvalidInputError(
                    "the UTC offset must look like +02:00 or -05:30 (hours up to 14)"
                )
            known = offset or _offset_of(record["occurred_at"])
            if known is None:
                raise InvalidInputError(
                    "the photo's time has no UTC offset and the incident's gives none: give "
                    "the incident a time with its offset first (command line: --offset +02:00)"
                )
            captured += known
        changed["occurred_at"] = captured
        changed["occurred_precision"] = "exact"
    if place:
        if medium.latitude is None or medium.longitude is None:
            raise InvalidInputError("the photo has no GPS position")
        changed["location"] = {
            **record["location"],
            "lat": medium.latitude,
            "lon": medium.longitude,
        }
    # Made on the revision just read: a change in between is refused, not undone.
    _, revision = update_incident(vault, str(incident_id), changed, based_on=number)
    return revision


_OFFSET = re.compile(r"[+-](0\d|1[0-4]):[0-5]\d")


def _offset_of(occurred_at: str) -> str | None:
    if len(occurred_at) > 10 and occurred_at[-6] in "+-":
        return occurred_at[-6:]
    return None
