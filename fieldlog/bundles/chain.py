"""``data/custody.jsonl``: the exporting vault's custody chain, from its first event to its
head when the bundle was made, one JSON object per line.

Events about what the bundle carries (its incidents, its media files) and the vault's
creation are given whole, with every field their hash covers; for an incident that consent
filtered, only the ``incident.share`` event of the exported revision is (it records the
hash of the view exported, bound to the revision: the revisions' own hashes, and earlier
views made under a consent since narrowed, would let a recipient test guesses of what was
withheld). Every other event is given
as its link only (``seq``, ``prev_hash``, ``hash``, ``signer``, ``signature``, and
``"redacted": true``): its signature can still be checked, because the device key signs
the hash, and so can its place in the chain, but what it was about stays in the vault.
So a verifier proves that the chain is whole and unbroken up to the head named in the
signed ``bag-info.txt``, and that each exported revision and file is recorded in it.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldlog.bundles.errors import BundleContentError
from fieldlog.canonical import canonical_json, sha256_hex
from fieldlog.jsontext import has_lone_surrogate
from fieldlog.model import CustodyEvent
from fieldlog.services.custody import GENESIS_HASH, SHARE_ACTION

HASHED_FIELDS = (
    "seq",
    "id",
    "at",
    "action",
    "subject_type",
    "subject_id",
    "revision_id",
    "content_sha256",
    "prev_hash",
    "signer",
)
FULL_KEYS = frozenset({*HASHED_FIELDS, "hash", "signature"})
REDACTED_KEYS = frozenset({"seq", "prev_hash", "hash", "signer", "signature", "redacted"})
MAX_LINE_BYTES = 4096


def event_line(event: CustodyEvent, *, whole: bool) -> bytes:
    if whole:
        data: dict[str, object] = {
            "seq": event.seq,
            "id": str(event.id),
            "at": event.at.isoformat(timespec="microseconds"),
            "action": event.action,
            "subject_type": event.subject_type,
            "subject_id": event.subject_id,
            "revision_id": str(event.revision_id) if event.revision_id else None,
            "content_sha256": event.content_sha256,
            "prev_hash": event.prev_hash,
            "hash": event.hash,
            "signer": event.signer,
            "signature": event.signature,
        }
    else:
        data = {
            "seq": event.seq,
            "prev_hash": event.prev_hash,
            "hash": event.hash,
            "signer": event.signer,
            "signature": event.signature,
            "redacted": True,
        }
    return canonical_json(data) + b"\n"


def hash_input(event: dict[str, object]) -> bytes:
    """The same bytes as ``services.custody.event_hash_input``, from the exported strings."""
    return canonical_json({key: event[key] for key in HASHED_FIELDS})


def _is_hex(value: object, length: int) -> bool:
    return (
        isinstance(value, str)
        and len(value) == length
        and all(c in "0123456789abcdef" for c in value)
    )


@dataclass
class ChainCheck:
    """Checks the lines as they stream in; ``finish`` checks the head and what is needed.

    ``needed`` maps (subject_type, subject_id) to the (revision_id, content_sha256) pairs
    that must each be recorded by a whole event. ``lineage`` gathers, for each incident in
    ``needed``, the (revision_id, content_sha256) of every revision the chain records, in
    order: the exporting vault's history of it. ``views`` keeps, for each incident, what
    its last whole ``incident.share`` event records (see interchange.consent).
    """

    signer: str
    head: tuple[int, str]
    needed: dict[tuple[str, str], set[tuple[str | None, str]]]
    lineage: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    views: dict[str, str] = field(default_factory=dict)
    _seq: int = 0
    _prev: str = GENESIS_HASH
    _buffer: bytearray = field(default_factory=bytearray)
    _key: Ed25519PublicKey | None = None

    def feed(self, data: bytes | bytearray) -> None:
        self._buffer += data
        *lines, rest = self._buffer.split(b"\n")
        if len(rest) > MAX_LINE_BYTES:
            raise BundleContentError("refused: the custody log has a line that is too long")
        self._buffer = bytearray(rest)
        for line in lines:
            self._line(bytes(line))

    def _line(self, line: bytes) -> None:
        try:
            event = json.loads(line)
        except (ValueError, RecursionError):  # JSONDecodeError, UnicodeDecodeError, huge integers
            raise BundleContentError(
                "refused: the custody log has a line that is not JSON"
            ) from None
        if (
            not isinstance(event, dict)
            or has_lone_surrogate(line, event)
            or canonical_json(event) != line
        ):
            raise BundleContentError("refused: the custody log has a line that is not well formed")
        self._seq += 1
        keys = set(event)
        seq = self._seq
        if keys == REDACTED_KEYS and event["redacted"] is True:
            whole = False
        elif keys == FULL_KEYS:
            whole = True
        else:
            raise BundleContentError(
                "refused: custody event {seq} does not have the fields it should", seq=seq
            )
        if event["seq"] != self._seq or isinstance(event["seq"], bool):
            raise BundleContentError(
                "refused: custody event {seq} is missing or out of order in the chain", seq=seq
            )
        if event["prev_hash"] != self._prev:
            raise BundleContentError(
                "refused: custody event {seq} does not link to the event before it", seq=seq
            )
        if not (_is_hex(event["hash"], 64) and _is_hex(event["signature"], 128)):
            raise BundleContentError("refused: custody event {seq} is not well formed", seq=seq)
        if event["signer"] != self.signer:
            raise BundleContentError(
                "refused: custody event {seq} is not signed by the bundle's signer", seq=seq
            )
        if whole and sha256_hex(hash_input(event)) != event["hash"]:
            raise BundleContentError(
                "refused: custody event {seq} was changed after it was written", seq=seq
            )
        if self._key is None:
            self._key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(self.signer))
        try:
            self._key.verify(bytes.fromhex(event["signature"]), bytes.fromhex(event["hash"]))
        except InvalidSignature:
            raise BundleContentError(
                "refused: custody event {seq} has a bad signature", seq=seq
            ) from None
        self._prev = event["hash"]
        if whole and event["action"] == SHARE_ACTION:
            # Never a record's own revision: only a consent-filtered record's view.
            if event["subject_type"] == "incident":
                self.views[str(event["subject_id"])] = str(event["content_sha256"])
        elif whole:
            subject = (str(event["subject_type"]), str(event["subject_id"]))
            wanted = self.needed.get(subject)
            if wanted is not None:
                revision = event["revision_id"]
                revision = revision if isinstance(revision, str) else None
                wanted.discard((revision, str(event["content_sha256"])))
                if subject[0] == "incident" and revision is not None:
                    self.lineage.setdefault(subject[1], []).append(
                        (revision, str(event["content_sha256"]))
                    )

    def finish(self) -> None:
        if self._buffer:
            raise BundleContentError("refused: the custody log does not end with a full line")
        if (self._seq, self._prev) != self.head:
            raise BundleContentError(
                "refused: the custody log does not end at the chain head the bundle names"
            )
        if any(self.needed.values()):
            raise BundleContentError(
                "refused: a record in the bundle is not recorded in its custody log"
            )


def chain_lines(
    events: Iterable[CustodyEvent], wanted: set[tuple[str, str]], shared: set[str]
) -> bytes:
    """Every event, whole when (subject_type, subject_id) is in ``wanted``, when it is the
    vault's creation, or an ``incident.share`` event recording a digest in ``shared``;
    otherwise as its link only."""
    return b"".join(
        event_line(
            event,
            whole=event.action == "vault.create"
            or (event.subject_type, event.subject_id) in wanted
            or (event.action == SHARE_ACTION and event.content_sha256 in shared),
        )
        for event in events
    )
