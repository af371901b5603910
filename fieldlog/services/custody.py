"""The custody log: an append-only chain of signed events.

Each event's hash covers its fields and the previous event's hash; the hash
is signed with the vault's Ed25519 device key. Editing, removing or reordering
any event breaks a link, a hash or a signature.
"""

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldlog.canonical import canonical_json, sha256_hex
from fieldlog.ids import new_id
from fieldlog.interchange.consent import share_digest, shared_view_sha256
from fieldlog.model import CustodyEvent, Incident, IncidentRevision, Media
from fieldlog.model.base import utcnow
from fieldlog.services.bulk import bulk_insert

GENESIS_HASH = "0" * 64
# Records the hash of a revision's consent-filtered view, bound to the revision's number
# and id (interchange.consent.share_digest), when a bundle first takes that revision.
# Recipients check the view they get against it. (No revision_id: that column names the
# one event that records a revision.)
SHARE_ACTION = "incident.share"


class Signer:
    """The vault's device key, held in memory while the vault is open."""

    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._key = private_key
        self.public_hex = (
            private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
        )

    def sign(self, message: bytes) -> str:
        return self._key.sign(message).hex()


@dataclass(frozen=True)
class PendingEvent:
    action: str
    subject_type: str
    subject_id: str
    revision_id: uuid.UUID | None = None
    content_sha256: str | None = None
    at: datetime = field(default_factory=utcnow)


def event_hash_input(
    *,
    seq: int,
    event_id: uuid.UUID,
    at: datetime,
    action: str,
    subject_type: str,
    subject_id: str,
    revision_id: uuid.UUID | None,
    content_sha256: str | None,
    prev_hash: str,
    signer: str,
) -> bytes:
    return canonical_json(
        {
            "seq": seq,
            "id": str(event_id),
            "at": at.isoformat(timespec="microseconds"),
            "action": action,
            "subject_type": subject_type,
            "subject_id": subject_id,
            "revision_id": str(revision_id) if revision_id else None,
            "content_sha256": content_sha256,
            "prev_hash": prev_hash,
            "signer": signer,
        }
    )


def _chain_head(session: Session) -> tuple[int, str]:
    row = session.execute(
        select(CustodyEvent.seq, CustodyEvent.hash).order_by(CustodyEvent.seq.desc()).limit(1)
    ).first()
    return (0, GENESIS_HASH) if row is None else (row.seq, row.hash)


def append_events(session: Session, signer: Signer, events: Iterable[PendingEvent]) -> None:
    """Chain, sign and insert ``events`` in order. The caller holds the write lock."""
    seq, prev = _chain_head(session)
    rows = []
    for pending in events:
        seq += 1
        event_id = new_id()
        at = pending.at.astimezone(utcnow().tzinfo)
        digest = sha256_hex(
            event_hash_input(
                seq=seq,
                event_id=event_id,
                at=at,
                action=pending.action,
                subject_type=pending.subject_type,
                subject_id=pending.subject_id,
                revision_id=pending.revision_id,
                content_sha256=pending.content_sha256,
                prev_hash=prev,
                signer=signer.public_hex,
            )
        )
        rows.append(
            {
                "seq": seq,
                "id": event_id,
                "at": at,
                "action": pending.action,
                "subject_type": pending.subject_type,
                "subject_id": pending.subject_id,
                "revision_id": pending.revision_id,
                "content_sha256": pending.content_sha256,
                "prev_hash": prev,
                "hash": digest,
                "signer": signer.public_hex,
                "signature": signer.sign(bytes.fromhex(digest)),
            }
        )
        prev = digest
    bulk_insert(session, CustodyEvent, rows)


@dataclass
class AuditReport:
    events: int = 0
    revisions: int = 0
    incidents: int = 0
    media: int = 0
    files_checked: int = 0  # stored files decrypted and hashed (0: not asked for)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


MAX_REPORTED_PROBLEMS = 50


class _Audit:
    """One pass over the record; messages name sequence numbers and ids, never content."""

    def __init__(self, session: Session, trusted_signers: set[str] | None) -> None:
        self.session = session
        self.trusted = trusted_signers
        self.report = AuditReport()
        self.revision_hashes: dict[uuid.UUID, str] = {}
        self.seen_revisions: set[uuid.UUID] = set()
        self.media_events: dict[str, str | None] = {}
        self.share_events: dict[str, list[tuple[int, str | None]]] = {}
        self.public_keys: dict[str, Ed25519PublicKey | None] = {}

    def problem(self, message: str) -> None:
        if len(self.report.problems) < MAX_REPORTED_PROBLEMS:
            self.report.problems.append(message)

    def revisions(self) -> None:
        for rev in self.session.execute(
            select(IncidentRevision.id, IncidentRevision.content, IncidentRevision.content_sha256)
        ):
            self.report.revisions += 1
            if sha256_hex(rev.content.encode("utf-8")) != rev.content_sha256:
                self.problem(f"revision {rev.id}: content does not match its hash")
            self.revision_hashes[rev.id] = rev.content_sha256

    def _public_key(self, signer: str) -> Ed25519PublicKey | None:
        if signer not in self.public_keys:
            try:
                self.public_keys[signer] = Ed25519PublicKey.from_public_bytes(bytes.fromhex(signer))
            except ValueError:
                self.public_keys[signer] = None
        return self.public_keys[signer]

    def _signature_ok(self, event: CustodyEvent) -> bool:
        public_key = self._public_key(event.signer)
        if public_key is None:
            return False
        try:
            public_key.verify(bytes.fromhex(event.signature), bytes.fromhex(event.hash))
        except (InvalidSignature, ValueError):
            return False
        return True

    def events(self) -> None:
        expected_seq, prev = 1, GENESIS_HASH
        for event in self.session.scalars(select(CustodyEvent).order_by(CustodyEvent.seq)):
            self.report.events += 1
            if self.report.events == 1 and event.action != "vault.create":
                self.problem("the custody log does not begin with the vault's creation")
            if event.seq != expected_seq:
                self.problem(
                    f"event {event.seq}: expected sequence number {expected_seq} "
                    "(an event is missing)"
                )
            expected_seq = event.seq + 1
            if event.prev_hash != prev:
                self.problem(f"event {event.seq}: does not link to the event before it")
            prev = event.hash
            if sha256_hex(_hash_input_of(event)) != event.hash:
                self.problem(f"event {event.seq}: its content was changed after it was written")
            if self.trusted is not None and event.signer not in self.trusted:
                self.problem(f"event {event.seq}: signed by a key this vault does not know")
            if not self._signature_ok(event):
                self.problem(f"event {event.seq}: bad signature")
            if event.subject_type == "media":
                self.media_events[event.subject_id] = event.content_sha256
            if event.action == SHARE_ACTION:
                shared = self.share_events.setdefault(event.subject_id, [])
                shared.append((event.seq, event.content_sha256))
            elif event.revision_id is not None:
                self.seen_revisions.add(event.revision_id)
                if self.revision_hashes.get(event.revision_id) != event.content_sha256:
                    self.problem(
                        f"event {event.seq}: the revision it records is missing or was changed"
                    )

    def shared_views(self) -> None:
        """Each ``incident.share`` event records the view of one of its incident's revisions."""
        expected: dict[str, set[str]] = {}
        subjects = sorted(self.share_events)
        for start in range(0, len(subjects), 500):  # under SQLite's limit of bound values
            chunk = []
            for subject in subjects[start : start + 500]:
                try:
                    chunk.append(uuid.UUID(subject))
                except ValueError:
                    continue
            for rev in self.session.execute(
                select(
                    IncidentRevision.id,
                    IncidentRevision.incident_id,
                    IncidentRevision.number,
                    IncidentRevision.content,
                ).where(IncidentRevision.incident_id.in_(chunk))
            ):
                view = shared_view_sha256(json.loads(rev.content))
                digests = expected.setdefault(str(rev.incident_id), set())
                digests.add(share_digest(rev.number, str(rev.id), view))
        for subject, events in self.share_events.items():
            for seq, digest in events:
                if digest not in expected.get(subject, set()):
                    self.problem(
                        f"event {seq}: the shared view it records does not match a revision"
                    )

    def records(self) -> None:
        for revision_id in self.revision_hashes.keys() - self.seen_revisions:
            self.problem(f"revision {revision_id}: no custody event records it")
        for medium in self.session.execute(select(Media.id, Media.sha256)):
            self.report.media += 1
            if self.media_events.pop(str(medium.id), None) != medium.sha256:
                self.problem(f"media {medium.id}: no custody event records this file as it is")
        for media_id in self.media_events:
            self.problem(f"media {media_id}: in the custody log but missing from the vault")

    def current_view(self) -> None:
        latest = (
            select(IncidentRevision.incident_id, func.max(IncidentRevision.number).label("number"))
            .group_by(IncidentRevision.incident_id)
            .subquery()
        )
        latest_hash = select(
            IncidentRevision.incident_id, IncidentRevision.number, IncidentRevision.content_sha256
        ).join(
            latest,
            (latest.c.incident_id == IncidentRevision.incident_id)
            & (latest.c.number == IncidentRevision.number),
        )
        expected = {
            row.incident_id: (row.number, row.content_sha256)
            for row in self.session.execute(latest_hash)
        }
        for incident in self.session.execute(
            select(Incident.id, Incident.revision, Incident.content_sha256)
        ):
            self.report.incidents += 1
            if expected.pop(incident.id, None) != (incident.revision, incident.content_sha256):
                self.problem(
                    f"incident {incident.id}: the current view does not match its latest revision"
                )
        for incident_id in expected:
            self.problem(
                f"incident {incident_id}: has revisions but is missing from the current view"
            )


def _hash_input_of(event: CustodyEvent) -> bytes:
    return event_hash_input(
        seq=event.seq,
        event_id=event.id,
        at=event.at,
        action=event.action,
        subject_type=event.subject_type,
        subject_id=event.subject_id,
        revision_id=event.revision_id,
        content_sha256=event.content_sha256,
        prev_hash=event.prev_hash,
        signer=event.signer,
    )


def verify_chain(session: Session, trusted_signers: set[str] | None = None) -> AuditReport:
    """Check every link, hash and signature; that revisions, media and events match one to one;
    and that the current view of every incident is its latest revision."""
    audit = _Audit(session, trusted_signers)
    audit.revisions()
    audit.events()
    if not audit.report.events:  # every vault's log begins when the vault is made
        audit.problem("the custody log is empty: not even the vault's creation is recorded")
    audit.shared_views()
    audit.records()
    audit.current_view()
    return audit.report


def chain_length(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(CustodyEvent)) or 0
