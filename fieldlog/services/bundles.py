"""Export a bundle for a legal team; verify a bundle; import (merge) one into this vault.

Verification never writes: ``verify_bundle`` decrypts and checks every byte, hashing the
media and dropping them. ``import_bundle`` makes the same single pass, but streams each
media file into a temporary blob of this vault's blob store, encrypted with the vault's
key like every stored file; only when every check has passed does it merge, in one
transaction, and give the blobs their names. On any refusal the temporary blobs are
deleted and nothing else was touched. One pass, not two: a second decryption would double
the time of an import, and the temporary blobs are never plaintext.
"""

import json
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO, cast

from sqlalchemy import func, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from fieldlog import __version__
from fieldlog.bundles.agestream import parse_recipient
from fieldlog.bundles.chain import chain_lines
from fieldlog.bundles.errors import BundleContentError
from fieldlog.bundles.export import (
    BUNDLE_FORMAT_VERSION,
    BagContents,
    BundleProgress,
    Cancelled,
    MediaSource,
    write_bundle,
)
from fieldlog.bundles.merge import (
    CHILDREN,
    consents_kept_narrower,
    merge_records,
    own_fields,
    removed_children,
)
from fieldlog.bundles.records import (
    CUSTODY_PATH,
    INCIDENTS_PATH,
    MEDIA_DIR,
    BundleIncident,
    bundle_incident,
    incidents_document,
)
from fieldlog.bundles.signing import fingerprint
from fieldlog.bundles.tarstream import Limits
from fieldlog.bundles.verify import MemberStream, OpenedBundle, hash_only, read_bundle
from fieldlog.canonical import canonical_json, sha256_hex
from fieldlog.errors import InvalidInputError, RecordNotFoundError
from fieldlog.fsutil import atomic_replace, private_umask
from fieldlog.interchange.consent import (
    ConsentCounts,
    filter_consent,
    share_digest,
    shared_view_sha256,
)
from fieldlog.interchange.document import Record
from fieldlog.media.blobstore import CHUNK_SIZE
from fieldlog.media.images import MAX_PREVIEW_BYTES, ImageRefused, make_preview
from fieldlog.model import (
    CustodyEvent,
    Incident,
    IncidentRevision,
    Media,
    RecordProvenance,
    SenderRevision,
    SupersededRevision,
)
from fieldlog.model.base import utcnow
from fieldlog.services.contacts import resolve_recipients, trust_check, vault_identity
from fieldlog.services.custody import SHARE_ACTION, PendingEvent, append_events
from fieldlog.services.incidents import check_children_belong, resolve_id
from fieldlog.services.media import describe, original_id
from fieldlog.services.projection import ProjectionRows, replace_current_view
from fieldlog.services.queries import IncidentFilter
from fieldlog.streams.hashing import ThreadedHash
from fieldlog.streams.pipeline import ThreadedSink, prefetch
from fieldlog.streams.syncing import BackgroundSync, SyncingWriter
from fieldlog.vault import Vault

MAX_SAFE_NAME = 50

# -- export -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportOptions:
    recipients: tuple[str, ...]  # contact names or age1... recipients
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None
    categories: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()  # full ids or unique prefixes
    shareable_copies: bool = False  # photos' shareable copies instead of the originals


@dataclass
class ExportReport:
    path: Path
    recipients: int
    incidents: int
    testimonies: int
    testimonies_withheld: int  # consent "internal"
    testimonies_anonymised: int  # consent "anonymised": pseudonym removed
    media: int
    media_left_out: int  # originals with no shareable copy, when copies were asked for
    payload_bytes: int
    bundle_bytes: int

    def to_json(self) -> dict[str, Any]:
        return {**self.__dict__, "path": str(self.path)}


def _safe_name(filename: str) -> str:
    """A short plain-ASCII name for the file inside the bag (the real name is in the record)."""
    cleaned = "".join(c if c.isascii() and (c.isalnum() or c in "._-") else "_" for c in filename)
    cleaned = cleaned.lstrip("._-") or "file"
    if len(cleaned) > MAX_SAFE_NAME:
        stem, dot, ext = cleaned.rpartition(".")
        ext = ext[:10] if dot and stem else ""
        cleaned = cleaned[: MAX_SAFE_NAME - len(ext) - 1] + "." + ext if ext else cleaned[:50]
    return cleaned


def _media_record(medium: Media) -> Record:
    """The record shown by ``fieldlog show``, plus where the file sits inside the bag."""
    path = f"{MEDIA_DIR}{medium.id}-{_safe_name(medium.filename)}"
    # added_at to the microsecond (``show`` rounds it to the second): files are listed in
    # the order they were attached, which the recipient's vault must keep.
    return {
        "id": str(medium.id),
        "path": path,
        **describe(medium),
        "added_at": medium.added_at.isoformat(),
    }


def _chosen_media(media: list[Media], shareable: bool) -> tuple[list[Media], int]:
    """Originals; or, when asked, the newest shareable copy of each original instead."""
    originals = [m for m in media if original_id(m) is None]
    if not shareable:
        return originals, 0
    newest: dict[uuid.UUID, Media] = {}
    for medium in sorted(media, key=lambda m: (m.added_at, str(m.id))):
        if (original := original_id(medium)) is not None:
            newest[original] = medium
    chosen = [newest[m.id] for m in originals if m.id in newest]
    return chosen, len(originals) - len(chosen)


def _selected_ids(session: Session, options: ExportOptions) -> list[uuid.UUID]:
    query = IncidentFilter(
        since=options.since, until=options.until, categories=options.categories
    ).apply(select(Incident.id))
    if options.ids:
        query = query.where(Incident.id.in_([resolve_id(session, ref) for ref in options.ids]))
    return list(session.scalars(query.order_by(Incident.occurred_utc, Incident.number)))


@dataclass
class _Gathered:
    incidents: list[Record] = field(default_factory=list)
    media: list[MediaSource] = field(default_factory=list)
    counts: ConsentCounts = field(default_factory=ConsentCounts)
    left_out: int = 0
    custody: bytes = b""
    head: tuple[int, str] = (0, "")
    wanted: set[tuple[str, str]] = field(default_factory=set)  # subjects given whole
    # The share events given whole: the exported revisions' (each earlier one was filtered
    # by its own revision's consent, which may have been narrowed since: links only).
    shared: set[str] = field(default_factory=set)
    unshared: list[PendingEvent] = field(default_factory=list)  # views to record first


def _gather(vault: Vault, options: ExportOptions) -> _Gathered:
    """The records, files and chain to export. The first time a revision's filtered view
    leaves the vault, its hash is recorded in the custody log (``incident.share``) before
    the chain is read, under the write lock: so nothing changes between the records and
    the chain."""
    with vault.session() as session:
        gathered = _gather_records(session, vault, options)
        if not gathered.unshared:
            _gather_chain(session, gathered)
            return gathered
    with vault.writing() as session:
        gathered = _gather_records(session, vault, options)
        append_events(session, vault.signer, gathered.unshared)
        session.flush()
        _gather_chain(session, gathered)
    return gathered


def _gather_records(session: Session, vault: Vault, options: ExportOptions) -> _Gathered:
    gathered = _Gathered()
    ids = _selected_ids(session, options)
    if not ids:
        raise RecordNotFoundError("no incident matches; nothing was exported")
    for incident_id in ids:
        revisions = session.scalars(
            select(IncidentRevision)
            .where(IncidentRevision.incident_id == incident_id)
            .order_by(IncidentRevision.number)
        ).all()
        revision = revisions[-1]
        record, filtered = filter_consent(json.loads(revision.content), gathered.counts)
        # A filtered record's revision hash, and the chain's events about it, would let
        # a recipient test guesses of what was withheld: they stay in this vault. So do
        # those of a record that an earlier revision of would be filtered (a pseudonym
        # removed since): its hash is in those events.
        filtered = filtered or any(
            filter_consent(json.loads(r.content), ConsentCounts())[1] for r in revisions[:-1]
        )
        media, left_out = _chosen_media(
            list(
                session.scalars(
                    select(Media)
                    .where(Media.incident_id == incident_id)
                    .order_by(Media.added_at, Media.id)
                )
            ),
            options.shareable_copies,
        )
        gathered.left_out += left_out
        records = [_media_record(m) for m in media]
        gathered.incidents.append(
            bundle_incident(
                record,
                revision=revision.number,
                revision_id=revision.id,
                revision_sha256=None if filtered else revision.content_sha256,
                consent_filtered=filtered,
                media=records,
            )
        )
        if filtered:
            view = gathered.incidents[-1]["content_sha256"]  # hashed by bundle_incident
            digest, pending = _share_event(session, str(incident_id), revision, view)
            gathered.shared.add(digest)
            gathered.unshared += pending
        else:
            gathered.wanted.add(("incident", str(incident_id)))
        for medium, medium_record in zip(media, records, strict=True):
            gathered.wanted.add(("media", str(medium.id)))
            gathered.media.append(
                MediaSource(
                    path=medium_record["path"],
                    size=medium.size,
                    sha256=medium.sha256,
                    chunks=partial(prefetch, partial(vault.blobs.read, medium.blob)),
                )
            )
    return gathered


def _share_event(
    session: Session, incident_id: str, revision: IncidentRevision, view: str
) -> tuple[str, list[PendingEvent]]:
    """The ``incident.share`` digest of the exported revision, and the event to record it
    when the custody log does not hold it yet."""
    digest = share_digest(revision.number, str(revision.id), view)
    recorded = session.scalar(
        select(CustodyEvent.seq).where(
            CustodyEvent.action == SHARE_ACTION,
            CustodyEvent.subject_id == incident_id,
            CustodyEvent.content_sha256 == digest,
        )
    )
    if recorded is not None:
        return digest, []
    return digest, [PendingEvent(SHARE_ACTION, "incident", incident_id, None, digest)]


def _gather_chain(session: Session, gathered: _Gathered) -> None:
    events = list(session.scalars(select(CustodyEvent).order_by(CustodyEvent.seq)))
    gathered.custody = chain_lines(events, gathered.wanted, gathered.shared)
    gathered.head = (events[-1].seq, events[-1].hash)


def export_bundle(
    vault: Vault,
    options: ExportOptions,
    out_path: Path,
    progress: BundleProgress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportReport:
    """Write a signed, encrypted bundle of the chosen incidents to ``out_path``, atomically."""
    recipients = [parse_recipient(r) for r in resolve_recipients(vault, options.recipients)]
    if out_path.exists():
        raise InvalidInputError("{path} exists; choose another name", path=out_path)
    gathered = _gather(vault, options)
    now = utcnow()
    signer = vault.signer
    contents = BagContents(
        info=[
            ("Bag-Software-Agent", f"FieldLog {__version__}"),
            ("Source-Organization", f"FieldLog vault {fingerprint(signer.public_hex)}"),
            ("External-Identifier", str(uuid.uuid4())),
            ("FieldLog-Bundle-Format", BUNDLE_FORMAT_VERSION),
            ("FieldLog-Source-Vault", str(vault.header.vault_id)),
            ("FieldLog-Signer", signer.public_hex),
            ("FieldLog-Exported-At", now.isoformat(timespec="seconds")),
            ("FieldLog-Chain-Head", f"{gathered.head[0]} {gathered.head[1]}"),
            ("FieldLog-Incidents", str(len(gathered.incidents))),
            ("FieldLog-Testimonies", str(gathered.counts.exported)),
            ("FieldLog-Testimonies-Withheld", str(gathered.counts.withheld)),
            ("FieldLog-Testimonies-Anonymised", str(gathered.counts.anonymised)),
            ("FieldLog-Media", str(len(gathered.media))),
            (
                "FieldLog-Media-Files",
                "shareable copies" if options.shareable_copies else "originals",
            ),
        ],
        documents=[
            (INCIDENTS_PATH, incidents_document(gathered.incidents)),
            (CUSTODY_PATH, gathered.custody),
        ],
        media=gathered.media,
    )
    with private_umask(), atomic_replace(out_path) as out:
        syncing = SyncingWriter(out)
        behind = ThreadedSink(syncing.write)
        try:
            payload = write_bundle(
                cast(BinaryIO, behind),  # only write() is used
                recipients=recipients,
                signer=signer,
                contents=contents,
                now=now,
                progress=progress,
                cancelled=cancelled,
            )
        finally:
            try:
                behind.close()
            finally:
                syncing.finish()
    return ExportReport(
        path=out_path,
        recipients=len(recipients),
        incidents=len(gathered.incidents),
        testimonies=gathered.counts.exported,
        testimonies_withheld=gathered.counts.withheld,
        testimonies_anonymised=gathered.counts.anonymised,
        media=len(gathered.media),
        media_left_out=gathered.left_out,
        payload_bytes=payload,
        bundle_bytes=out_path.stat().st_size,
    )


# -- verify -----------------------------------------------------------------------------


@dataclass
class VerifyReport:
    bundle_sha256: str
    signer: str
    fingerprint: str
    signer_trusted: bool
    signer_name: str | None
    accepted_unknown_signer: bool
    bagging_date: str
    exported_at: str | None
    incidents: int
    testimonies: int
    consent_filtered: int  # incidents with a testimony left out or anonymised
    # Of those, the ones whose filtered view the custody log does not record (bundles of
    # format 1): only the signature vouches for them.
    consent_filtered_unchained: int
    media: int
    payload_bytes: int
    chain_events: int

    @property
    def ok(self) -> bool:
        """Intact, and signed by a trusted contact (or the unknown signer was accepted)."""
        return self.signer_trusted or self.accepted_unknown_signer

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, **self.__dict__}


def _report(opened: OpenedBundle, accepted: bool) -> VerifyReport:
    return VerifyReport(
        bundle_sha256=opened.bundle_sha256,
        signer=opened.signer,
        fingerprint=opened.fingerprint,
        signer_trusted=opened.trust.trusted,
        signer_name=opened.trust.name,
        accepted_unknown_signer=accepted and not opened.trust.trusted,
        bagging_date=opened.info["Bagging-Date"],
        exported_at=opened.info.get("FieldLog-Exported-At"),
        incidents=len(opened.incidents),
        testimonies=sum(len(i.core["testimonies"]) for i in opened.incidents),
        consent_filtered=sum(i.consent_filtered for i in opened.incidents),
        consent_filtered_unchained=opened.unchained,
        media=opened.media,
        payload_bytes=opened.payload_bytes,
        chain_events=opened.chain_events,
    )


def _open_bundle_file(path: Path) -> Any:
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InvalidInputError("no such file: {path}", path=path) from None
    except IsADirectoryError:
        raise InvalidInputError("{path} is a folder, not a bundle", path=path) from None


def verify_bundle(
    vault: Vault,
    path: Path,
    accept_unknown_signer: bool = False,
    *,
    progress: BundleProgress | None = None,
    limits: Limits | None = None,
) -> VerifyReport:
    """Check everything in a bundle without writing anything. A bundle that fails a check
    raises BundleRefusedError; one from an unknown signer is checked in full and reported
    with ``signer_trusted`` false (``ok`` false unless ``accept_unknown_signer``)."""
    identity = vault_identity(vault)
    with _open_bundle_file(path) as source:
        opened = read_bundle(
            source,
            [identity],
            trust_check(vault),
            accept_unknown_signer=True,
            media_sink=hash_only,
            limits=limits,
            progress=progress,
        )
    return _report(opened, accept_unknown_signer)


# -- import -----------------------------------------------------------------------------


@dataclass
class ImportReport:
    verified: VerifyReport
    incidents_added: int = 0
    incidents_revised: int = 0
    incidents_unchanged: int = 0
    media_added: int = 0
    media_unchanged: int = 0
    # Testimonies and observations this vault had removed, which the bundle still has:
    # left out of the merge (see bundles/merge.py).
    children_kept_removed: int = 0
    # Of the unchanged: records older than what this vault holds (an older bundle, a copy
    # of a copy), left alone rather than undoing what came after them.
    incidents_older: int = 0
    # Of the revised: incidents changed here since the sender's copy, whose own fields
    # (time, place, title, ...) the bundle replaced; this vault's values stay in the history.
    incidents_diverged: int = 0
    # Testimonies whose consent the bundle would have widened: their narrower consent here
    # holds (a witness who narrowed it must not be exposed by an older copy).
    consents_kept_narrower: int = 0
    already_imported: bool = False  # this very bundle was imported before; nothing changed

    @property
    def changed(self) -> bool:
        return bool(self.incidents_added or self.incidents_revised or self.media_added)

    def to_json(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "verified"}
        return {**data, "verified": self.verified.to_json()}


@dataclass
class _Staged:
    temp_blob: Path | None  # None when this vault already holds the same bytes
    sha256: str
    width: int | None = None
    height: int | None = None
    thumbnail: bytes | None = None


class _Stager:
    """Receives each media file: into a temporary encrypted blob, or only hashed when this
    vault already stores the same bytes (a re-import writes nothing to disk)."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self.staged: dict[str, _Staged] = {}
        with vault.session() as session:
            self.known = set(session.scalars(select(Media.sha256).distinct()))

    def __call__(self, record: Record, stream: MemberStream) -> str:
        if record["sha256"] in self.known:
            digest = hash_only(record, stream)
            self.staged[record["id"]] = _Staged(None, digest)
            return digest
        temp, sha256, whole = self._store(stream, keep_whole=record["kind"] == "image")
        staged = _Staged(temp, sha256)
        self.staged[record["id"]] = staged
        if whole is not None:
            try:
                preview = make_preview(whole)
            except ImageRefused:
                pass
            else:
                staged.width, staged.height = preview.width, preview.height
                staged.thumbnail = preview.thumbnail
        return sha256

    def _store(self, stream: MemberStream, *, keep_whole: bool) -> tuple[Path, str, bytes | None]:
        """Like ``media.ingest.ingest_stream``, but syncing to disk as it goes (see
        ``streams.syncing``): an import is mostly writing, and waiting for one fsync per
        file at the end of each doubled its time."""
        temp, out = self.vault.blobs.new_temp()
        whole: bytearray | None = bytearray() if keep_whole else None
        try:
            with out, ThreadedHash() as digest:
                sync = BackgroundSync(out.fileno())
                writer = self.vault.blobs.writer(out)

                def encrypt(chunk: bytes) -> None:
                    writer.write(chunk)
                    sync.wrote(len(chunk))

                behind = ThreadedSink(encrypt)
                try:
                    while chunk := stream.read(CHUNK_SIZE):
                        digest.update(chunk)
                        behind.write(chunk)
                        if whole is not None and len(whole) + len(chunk) <= MAX_PREVIEW_BYTES:
                            whole += chunk
                        else:
                            whole = None
                finally:
                    try:
                        behind.close()
                    finally:
                        sync.finish()
                writer.finish()
                out.flush()
                os.fsync(out.fileno())
                sha256 = digest.hexdigest()
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return temp, sha256, None if whole is None else bytes(whole)

    def discard(self) -> None:
        for staged in self.staged.values():
            if staged.temp_blob is not None:
                staged.temp_blob.unlink(missing_ok=True)


def import_bundle(
    vault: Vault,
    path: Path,
    accept_unknown_signer: bool = False,
    *,
    progress: BundleProgress | None = None,
    limits: Limits | None = None,
) -> ImportReport:
    """Check the bundle in full, then merge it in one transaction; refuse and write nothing
    when any check fails."""
    identity = vault_identity(vault)
    trust = trust_check(vault)
    blobs_folder_existed = vault.blobs.folder.exists()
    stager = _Stager(vault)
    try:
        with _open_bundle_file(path) as source:
            opened = read_bundle(
                source,
                [identity],
                trust,
                accept_unknown_signer=accept_unknown_signer,
                media_sink=stager,
                limits=limits,
                progress=progress,
            )
        report = ImportReport(verified=_report(opened, accept_unknown_signer))
        _merge(vault, opened, stager.staged, report)
    finally:
        stager.discard()
        folder = vault.blobs.folder
        if not blobs_folder_existed and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return report


@dataclass
class _Transaction:
    session: Session
    opened: OpenedBundle
    now: datetime
    events: list[PendingEvent] = field(default_factory=list)
    provenance: list[dict[str, Any]] = field(default_factory=list)
    seen: set[tuple[str, uuid.UUID]] = field(default_factory=set)
    committed_blobs: list[str] = field(default_factory=list)
    sender_revisions: list[dict[str, Any]] = field(default_factory=list)
    superseded: list[dict[str, Any]] = field(default_factory=list)

    def remember_history(self, incident: "BundleIncident") -> None:
        """Keep what a trusted bundle shows of its sender's history of ``incident``."""
        if not self.opened.trust.trusted:
            # A stranger's bundle must not be able to make a later one look old.
            return
        incident_id = uuid.UUID(incident.id)
        self.sender_revisions.append(
            {
                "incident_id": incident_id,
                "signer": self.opened.signer,
                "revision": incident.revision,
            }
        )
        self.superseded += [
            {"incident_id": incident_id, "sha256": digest}
            for digest in set(self.opened.lineage[incident.id][:-1])
        ]

    def provenance_row(
        self, kind: str, record_id: uuid.UUID, sha256: str, outcome: str, revision: int | None
    ) -> None:
        if (kind, record_id) in self.seen:
            return
        self.provenance.append(
            {
                "record_type": kind,
                "record_id": record_id,
                "content_sha256": sha256,
                "outcome": outcome,
                "revision": revision,
                "bundle_sha256": self.opened.bundle_sha256,
                "signer": self.opened.signer,
                "signer_verified": self.opened.trust.trusted,
                "imported_at": self.now,
            }
        )


def _merge(
    vault: Vault, opened: OpenedBundle, staged: dict[str, _Staged], report: ImportReport
) -> None:
    committed: list[str] = []
    try:
        with vault.writing() as session:
            tx = _Transaction(session, opened, utcnow(), committed_blobs=committed)
            tx.seen = {
                (row.record_type, row.record_id)
                for row in session.execute(
                    select(RecordProvenance.record_type, RecordProvenance.record_id).where(
                        RecordProvenance.bundle_sha256 == opened.bundle_sha256
                    )
                )
            }
            _merge_incidents(tx, report)
            _merge_media(vault, tx, staged, report)
            if report.changed or tx.provenance:
                tx.events.append(
                    PendingEvent(
                        "bundle.import",
                        "bundle",
                        opened.bundle_sha256,
                        None,
                        opened.bundle_sha256,
                        tx.now,
                    )
                )
            if tx.provenance:
                session.execute(insert(RecordProvenance), tx.provenance)
            for model, rows in (
                (SenderRevision, tx.sender_revisions),
                (SupersededRevision, tx.superseded),
            ):
                if rows:
                    session.execute(sqlite_insert(model).on_conflict_do_nothing(), rows)
            append_events(session, vault.signer, tx.events)
            report.already_imported = bool(tx.seen) and not report.changed
    except BaseException:
        for blob in committed:  # named, but the transaction that recorded them rolled back
            vault.blobs.remove(blob)
        raise


def _merge_incidents(tx: _Transaction, report: ImportReport) -> None:
    session = tx.session
    number = (session.scalar(select(func.max(Incident.number))) or 0) + 1
    rows = ProjectionRows()
    for incident in tx.opened.incidents:
        incident_id = uuid.UUID(incident.id)
        tx.remember_history(incident)  # also on a second import: trusted since, or upgraded
        if ("incident", incident_id) in tx.seen:
            # Imported from this very bundle before: edits made here since must stay.
            report.incidents_unchanged += 1
            continue
        try:
            check_children_belong(session, incident_id, incident.core)
        except InvalidInputError:
            raise BundleContentError(
                "refused: a testimony or observation in the bundle belongs to another "
                "incident in this vault"
            ) from None
        revisions = session.execute(
            select(
                IncidentRevision.number, IncidentRevision.content, IncidentRevision.content_sha256
            )
            .where(IncidentRevision.incident_id == incident_id)
            .order_by(IncidentRevision.number)
        ).all()
        if not revisions:
            content = canonical_json(incident.core)
            _insert_revision(tx, incident_id, 1, content, "incident.import")
            rows.add(
                incident.core,
                number=number,
                revision=1,
                sha256=sha256_hex(content),
                updated_at=tx.now,
            )
            number += 1
            report.incidents_added += 1
            tx.provenance_row("incident", incident_id, incident.content_sha256, "added", 1)
            continue
        outcome, revision = _merge_existing(tx, incident, revisions, report)
        if outcome == "revised":
            report.incidents_revised += 1
        else:
            report.incidents_unchanged += 1
        tx.provenance_row("incident", incident_id, incident.content_sha256, outcome, revision)
    rows.insert(session)


def _merge_existing(
    tx: _Transaction, incident: BundleIncident, revisions: Sequence[Any], report: ImportReport
) -> tuple[str, int]:
    """Merge the bundle's record into an incident this vault holds; the outcome
    (unchanged or revised) and the revision it leaves the incident at."""
    latest = revisions[-1]
    if incident.content_sha256 == latest.content_sha256:
        return "unchanged", latest.number
    records = [json.loads(r.content) for r in revisions]  # parsed once, for every rule below
    local = records[-1]
    left_out = removed_children(records[:-1], local) & {
        c["id"] for key in CHILDREN for c in incident.core[key]
    }
    # Counted also when the bundle holds an older version, which changes nothing: its
    # sender still has what was removed here.
    report.children_kept_removed += len(left_out)
    if _older_than_here(tx, incident, revisions, records):
        report.incidents_older += 1
        return "unchanged", latest.number
    report.consents_kept_narrower += consents_kept_narrower(local, incident.core)
    merged = merge_records(local, incident.core, left_out)
    if not _revise(tx, uuid.UUID(incident.id), latest.number, latest.content, merged):
        return "unchanged", latest.number
    if _changed_on_both_sides(tx, incident, revisions, records, merged):
        report.incidents_diverged += 1
    return "revised", latest.number + 1


def _changed_on_both_sides(
    tx: _Transaction,
    incident: BundleIncident,
    revisions: Sequence[Any],
    records: list[Record],
    merged: Record,
) -> bool:
    """Whether the bundle replaced own fields that this vault changed since the newest of its
    revisions the sender also had (its chain shows which). Unknown, so not said, when the
    bundle carries no history of the record (consent filtered it) or shares none with us.

    ``records``: the revisions' contents, parsed."""
    local = own_fields(records[-1])
    if incident.consent_filtered or own_fields(merged) == local:
        return False
    history = set(tx.opened.lineage[incident.id])
    shared = [i for i, r in enumerate(revisions) if r.content_sha256 in history]
    if not shared or shared[-1] == len(revisions) - 1:
        return False
    return own_fields(records[shared[-1]]) != local


def _older_than_here(
    tx: _Transaction, incident: BundleIncident, revisions: Sequence[Any], records: list[Record]
) -> bool:
    """Whether the bundle's record is a version this vault already has or has moved past.

    The sender's own revision numbers decide when a trusted bundle from the same sender
    came before: the same or a lower number is older; a higher one is new, even when its
    content is an earlier one's (a correction undone). Otherwise: one of the revisions here;
    one of them as consent filtering exported it, come back from a recipient; or a revision
    that a trusted sender's chain showed replaced by one merged here (a copy of a copy).
    """
    session, incident_id = tx.session, uuid.UUID(incident.id)
    newest_from_sender = session.scalar(
        select(func.max(SenderRevision.revision)).where(
            SenderRevision.incident_id == incident_id,
            SenderRevision.signer == tx.opened.signer,
        )
    )
    if newest_from_sender is not None:
        return incident.revision <= newest_from_sender
    digests = {incident.content_sha256, incident.revision_sha256} - {None}
    if digests & {r.content_sha256 for r in revisions}:
        return True
    if incident.content_sha256 in {shared_view_sha256(record) for record in records}:
        return True
    superseded = session.scalars(
        select(SupersededRevision.sha256).where(SupersededRevision.incident_id == incident_id)
    )
    return bool(digests & set(superseded))


def _revise(
    tx: _Transaction, incident_id: uuid.UUID, latest: int, latest_content: str, merged: Record
) -> bool:
    """Write ``merged`` as the incident's next revision, unless it is the latest again."""
    content = canonical_json(merged)
    if content == latest_content.encode("utf-8"):
        return False
    _check_distinct_children(merged)
    _insert_revision(tx, incident_id, latest + 1, content, "incident.import_revise")
    local_number = tx.session.scalar(select(Incident.number).where(Incident.id == incident_id))
    if local_number is None:
        raise RecordNotFoundError(
            "an incident is missing from the current view; run 'fieldlog audit verify'"
        )
    replace_current_view(
        tx.session,
        merged,
        number=local_number,
        revision=latest + 1,
        sha256=sha256_hex(content),
        updated_at=tx.now,
    )
    return True


def _check_distinct_children(record: Record) -> None:
    ids = [c["id"] for key in ("testimonies", "officers", "vehicles") for c in record[key]]
    if len(ids) != len(set(ids)):
        raise BundleContentError("refused: the bundle gives one id to two different records")


def _insert_revision(
    tx: _Transaction, incident_id: uuid.UUID, number: int, content: bytes, action: str
) -> None:
    revision_id = uuid.uuid4()
    digest = sha256_hex(content)
    tx.session.execute(
        insert(IncidentRevision),
        [
            {
                "id": revision_id,
                "incident_id": incident_id,
                "number": number,
                "created_at": tx.now,
                "content": content.decode("utf-8"),
                "content_sha256": digest,
            }
        ],
    )
    tx.events.append(
        PendingEvent(action, "incident", str(incident_id), revision_id, digest, tx.now)
    )


def _merge_media(
    vault: Vault, tx: _Transaction, staged: dict[str, _Staged], report: ImportReport
) -> None:
    session = tx.session
    records = [(uuid.UUID(i.id), m) for i in tx.opened.incidents for m in i.media]
    records.sort(key=lambda pair: pair[1]["derived_from"] is not None)  # originals first
    blobs: dict[str, str] = {}
    inserted: set[uuid.UUID] = set()
    for incident_id, record in records:
        media_id = uuid.UUID(record["id"])
        existing = session.get(Media, media_id)
        if existing is not None:
            if existing.sha256 != record["sha256"] or existing.incident_id != incident_id:
                raise BundleContentError(
                    "refused: a media record in the bundle has the id of another file here"
                )
            report.media_unchanged += 1
            tx.provenance_row("media", media_id, record["sha256"], "unchanged", None)
            continue
        blob = blobs.get(record["sha256"]) or session.scalar(
            select(Media.blob).where(Media.sha256 == record["sha256"]).limit(1)
        )
        stage = staged[record["id"]]
        if blob is None:
            if stage.temp_blob is None:  # pragma: no cover - staged only when unknown
                raise BundleContentError("refused: a media file could not be stored")
            blob = vault.blobs.commit_temp(stage.temp_blob)
            tx.committed_blobs.append(blob)
        blobs[record["sha256"]] = blob
        derived_from = uuid.UUID(record["derived_from"]) if record["derived_from"] else None
        derivation = record["derivation"]
        if (
            derived_from is not None
            and derived_from not in inserted
            and session.get(Media, derived_from) is None
        ):
            # The original stayed with the sender (a shareable copy was exported).
            derivation = {**(derivation or {}), "original_not_imported": str(derived_from)}
            derived_from = None
        gps = record["gps"] or {}
        session.execute(
            insert(Media),
            [
                {
                    "id": media_id,
                    "incident_id": incident_id,
                    "blob": blob,
                    "sha256": record["sha256"],
                    "size": record["size"],
                    "filename": record["filename"],
                    "media_type": record["media_type"],
                    "kind": record["kind"],
                    # When it was attached, as the sender recorded it; the import's own
                    # time is in the provenance row and the custody log.
                    "added_at": datetime.fromisoformat(record["added_at"]).astimezone(UTC),
                    "captured_at": record["captured_at"],
                    "latitude": gps.get("lat"),
                    "longitude": gps.get("lon"),
                    "device": record["device"],
                    "orientation": record["orientation"],
                    "width": stage.width if stage.width is not None else record["width"],
                    "height": stage.height if stage.height is not None else record["height"],
                    "note": record["note"],
                    "thumbnail": stage.thumbnail,
                    "derived_from": derived_from,
                    "derivation": derivation,
                }
            ],
        )
        inserted.add(media_id)
        tx.events.append(
            PendingEvent("media.import", "media", str(media_id), None, record["sha256"], tx.now)
        )
        report.media_added += 1
        tx.provenance_row("media", media_id, record["sha256"], "added", None)
