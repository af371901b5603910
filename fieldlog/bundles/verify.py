"""Reading a bundle: every check, in one streaming pass, before anything is kept.

The order of the checks follows the order of the bundle:

1. the age header: is it encrypted to this vault, is the header intact;
2. the tag files (the first five members): BagIt declaration, the signature over the tag
   manifest, whether the signer is trusted, the tag manifest against the other tag files;
3. ``data/incidents.json``: its hash, the schema, canonical form and content hashes;
4. ``data/custody.jsonl``: its hash, every link, hash and signature, and that it records
   each exported revision and file;
5. each media file: listed in the manifest and in the records, its size, its hash;
6. the end: no file missing, Payload-Oxum right, the tar and the age stream properly ended.

Every encrypted chunk is authenticated before its bytes reach the tar reader, and the tar
reader refuses unsafe or non-canonical members before their content is handed out. What a
media file's bytes become is up to ``media_sink``: hashed and dropped by ``verify``, or
encrypted into temporary blobs of the vault by ``import`` (discarded on any refusal).
"""

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from fieldlog.bundles import bagit
from fieldlog.bundles.agestream import AgeReader, Source
from fieldlog.bundles.chain import ChainCheck
from fieldlog.bundles.errors import (
    BundleContentError,
    BundleDamagedError,
    BundleLimitError,
    UnsafeMemberError,
    UntrustedSignerError,
)
from fieldlog.bundles.export import BUNDLE_FORMAT_VERSION, BundleProgress
from fieldlog.bundles.records import (
    CUSTODY_PATH,
    INCIDENTS_PATH,
    MAX_DOCUMENT_BYTES,
    BundleIncident,
    read_incidents,
)
from fieldlog.bundles.signing import fingerprint, verify_signature_file
from fieldlog.bundles.tarstream import Limits, Member, TarReader, check_name
from fieldlog.errors import InvalidInputError, Message
from fieldlog.interchange.consent import share_digest
from fieldlog.interchange.document import Record
from fieldlog.streams.hashing import ThreadedHash
from fieldlog.streams.pipeline import Handover

TAG_LIMITS = {
    bagit.BAGIT_NAME: 1024,
    bagit.BAG_INFO_NAME: 64 * 1024,
    bagit.MANIFEST_NAME: 64 << 20,
    bagit.TAGMANIFEST_NAME: 4096,
    bagit.SIGNATURE_NAME: 1024,
}
_OXUM = re.compile(r"(0|[1-9][0-9]{0,15})\.(0|[1-9][0-9]{0,8})")
_HEAD = re.compile(r"([1-9][0-9]{0,15}) ([0-9a-f]{64})")
READ_SIZE = 1 << 20
# Format 1 did not record filtered views in the chain: only the signature vouches for its
# consent-filtered records (OpenedBundle.unchained counts them).
READABLE_FORMATS = frozenset({"1", BUNDLE_FORMAT_VERSION})


@dataclass(frozen=True)
class Trust:
    trusted: bool
    name: str | None = None  # the contact's name, or "this vault"


class MemberStream:
    """One media member's content, read by the sink; it cannot read past the member."""

    def __init__(self, tar: TarReader, size: int) -> None:
        self._tar = tar
        self.remaining = size

    def read(self, size: int = READ_SIZE) -> Handover:
        if size < 0:
            size = READ_SIZE
        data = self._tar.read(min(size, self.remaining))
        self.remaining -= len(data)
        return data


MediaSink = Callable[[Record, MemberStream], str]  # returns the SHA-256 of what it read


def hash_only(_record: Record, stream: MemberStream) -> str:
    with ThreadedHash() as digest:
        while chunk := stream.read():
            digest.update(chunk)
        return digest.hexdigest()


@dataclass
class OpenedBundle:
    bundle_sha256: str  # of the signed tag manifest: the same for every recipient's copy
    signer: str
    trust: Trust
    info: dict[str, str]
    incidents: list[BundleIncident]
    payload_bytes: int = 0
    files: int = 0
    media: int = 0
    chain_events: int = 0
    # Each incident's revisions in the exporting vault, oldest first (their SHA-256; for a
    # consent-filtered record, those of their filtered views).
    lineage: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Consent-filtered records that the custody log does not vouch for (bundle format 1).
    unchained: int = 0

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signer)


@dataclass
class _Reading:
    tar: TarReader
    manifest: dict[str, str] = field(default_factory=dict)
    octets: int = 0


def _read_all(tar: TarReader, member: Member, limit: int) -> bytes:
    if member.size > limit:
        raise BundleLimitError("refused: a file in the bundle is larger than FieldLog accepts")
    parts = []
    while chunk := tar.read(READ_SIZE):
        parts.append(chunk)
    return b"".join(parts)


def _tag_files(tar: TarReader) -> dict[str, bytes]:
    tags: dict[str, bytes] = {}
    for expected in bagit.TAG_FILES:
        member = tar.next()
        if member is None or member.is_dir or member.name != expected:
            raise BundleContentError(
                "refused: the bundle does not start with its BagIt tag files in FieldLog's order"
            )
        tags[expected] = _read_all(tar, member, TAG_LIMITS[expected])
    if tags[bagit.BAGIT_NAME] != bagit.BAGIT_TXT:
        raise BundleContentError("refused: bagit.txt does not declare BagIt 1.0 in UTF-8")
    return tags


def _check_tag_manifest(tags: dict[str, bytes]) -> None:
    listed = bagit.parse_manifest(tags[bagit.TAGMANIFEST_NAME], Message("the tag manifest"))
    expected = {
        name: hashlib.sha256(tags[name]).hexdigest()
        for name in (bagit.BAGIT_NAME, bagit.BAG_INFO_NAME, bagit.MANIFEST_NAME)
    }
    if listed != expected:
        raise BundleDamagedError(
            "refused: a tag file does not match the signed tag manifest (it was changed)"
        )


def _check_info(info: dict[str, str], signer: str) -> tuple[int, int, tuple[int, str]]:
    oxum = _OXUM.fullmatch(info.get("Payload-Oxum", ""))
    head = _HEAD.fullmatch(info.get("FieldLog-Chain-Head", ""))
    if oxum is None or head is None or "Bagging-Date" not in info:
        raise BundleContentError("refused: bag-info.txt lacks a field FieldLog needs")
    if info.get("FieldLog-Bundle-Format") not in READABLE_FORMATS:
        raise BundleContentError(
            "refused: the bundle was made by a newer FieldLog; update FieldLog to read it"
        )
    if info.get("FieldLog-Signer") != signer:
        raise BundleContentError("refused: bag-info.txt names another signer than the signature")
    return int(oxum[1]), int(oxum[2]), (int(head[1]), head[2])


def _document(reading: _Reading, path: str) -> Member:
    member = reading.tar.next()
    if member is None or member.name != path:
        raise BundleContentError("refused: the bundle's files are not in FieldLog's order")
    return member


def read_bundle(
    source: Source,
    identities: list[bytes],
    trust: Callable[[str], Trust],
    *,
    accept_unknown_signer: bool = False,
    media_sink: MediaSink = hash_only,
    limits: Limits | None = None,
    progress: BundleProgress | None = None,
) -> OpenedBundle:
    """Check a whole bundle; raise a BundleRefusedError naming the first problem."""
    reading = _Reading(TarReader(AgeReader(source, identities), limits))
    tags = _tag_files(reading.tar)
    signer = verify_signature_file(tags[bagit.SIGNATURE_NAME], tags[bagit.TAGMANIFEST_NAME])
    decision = trust(signer)
    if not decision.trusted and not accept_unknown_signer:
        raise UntrustedSignerError(
            "refused: the bundle is signed by a key that is not a trusted contact "
            "(fingerprint {fingerprint}); compare it with the sender, then "
            "'fieldlog contacts add NAME --signing-key KEY', or use --accept-unknown-signer",
            fingerprint=fingerprint(signer),
        )
    _check_tag_manifest(tags)
    info = bagit.parse_bag_info(tags[bagit.BAG_INFO_NAME])
    octets, count, head = _check_info(info, signer)
    reading.manifest = bagit.parse_manifest(
        tags[bagit.MANIFEST_NAME], Message("the payload manifest")
    )
    for path in reading.manifest:
        if not path.startswith(bagit.PAYLOAD_DIR):
            raise UnsafeMemberError("refused: the manifest lists a path outside data/")
        try:
            check_name(path)
        except InvalidInputError:
            raise UnsafeMemberError("refused: the manifest lists an unsafe path") from None
    if count != len(reading.manifest):
        raise BundleContentError("refused: Payload-Oxum does not match the manifest")
    if INCIDENTS_PATH not in reading.manifest or CUSTODY_PATH not in reading.manifest:
        raise BundleContentError("refused: the manifest lacks the records or the custody log")

    member = _document(reading, INCIDENTS_PATH)
    raw = _read_all(reading.tar, member, MAX_DOCUMENT_BYTES)
    reading.octets += len(raw)
    if hashlib.sha256(raw).hexdigest() != reading.manifest[INCIDENTS_PATH]:
        raise BundleDamagedError(
            "refused: data/incidents.json does not match its manifest hash (it was changed)"
        )
    incidents = read_incidents(raw)
    del raw
    media = {m["path"]: m for incident in incidents for m in incident.media}
    if set(media) != set(reading.manifest) - {INCIDENTS_PATH, CUSTODY_PATH}:
        raise BundleContentError("refused: the manifest and the records list different files")
    bundle = OpenedBundle(
        bundle_sha256=hashlib.sha256(tags[bagit.TAGMANIFEST_NAME]).hexdigest(),
        signer=signer,
        trust=decision,
        info=info,
        incidents=incidents,
    )
    _custody(reading, incidents, signer, head, bundle)
    _media(reading, media, media_sink, octets, progress)
    if reading.octets != octets:
        raise BundleContentError("refused: Payload-Oxum does not match the files in the bundle")
    bundle.payload_bytes = reading.octets
    bundle.files = len(reading.manifest)
    bundle.media = len(media)
    return bundle


def _custody(
    reading: _Reading,
    incidents: list[BundleIncident],
    signer: str,
    head: tuple[int, str],
    bundle: OpenedBundle,
) -> None:
    needed: dict[tuple[str, str], set[tuple[str | None, str]]] = {}
    for incident in incidents:
        if incident.revision_sha256 is not None:  # a consent-filtered record's is not given
            needed.setdefault(("incident", incident.id), set()).add(
                (incident.revision_id, incident.revision_sha256)
            )
        for medium in incident.media:
            needed.setdefault(("media", medium["id"]), set()).add((None, medium["sha256"]))
    member = _document(reading, CUSTODY_PATH)
    if member.size > MAX_DOCUMENT_BYTES:
        raise BundleLimitError("refused: a file in the bundle is larger than FieldLog accepts")
    check = ChainCheck(signer=signer, head=head, needed=needed)
    digest = hashlib.sha256()
    while chunk := reading.tar.read(READ_SIZE):
        digest.update(chunk)
        check.feed(chunk)
    reading.octets += member.size
    if digest.hexdigest() != reading.manifest[CUSTODY_PATH]:
        raise BundleDamagedError(
            "refused: data/custody.jsonl does not match its manifest hash (it was changed)"
        )
    check.finish()
    recorded_views = bundle.info["FieldLog-Bundle-Format"] != "1"
    for index, incident in enumerate(incidents, start=1):
        if incident.revision_sha256 is None:
            recorded = check.views.get(incident.id)
            if recorded is None and not recorded_views:
                bundle.lineage[incident.id] = ()
                bundle.unchained += 1
                continue
            if recorded is None:
                raise BundleContentError(
                    "refused: incident {index} is not recorded in its custody log", index=index
                )
            # Its revisions' events are links; the share event of the exported revision
            # binds the view to its revision number and id.
            shared = share_digest(incident.revision, incident.revision_id, incident.content_sha256)
            if recorded != shared:
                raise BundleContentError(
                    "refused: incident {index} is not the latest revision its custody log records",
                    index=index,
                )
            bundle.lineage[incident.id] = (incident.content_sha256,)
            continue
        history = check.lineage.get(incident.id, [])
        # An export takes each incident's latest revision and the chain in one snapshot.
        if not history or history[-1] != (incident.revision_id, incident.revision_sha256):
            raise BundleContentError(
                "refused: incident {index} is not the latest revision its custody log records",
                index=index,
            )
        if len(history) != incident.revision:
            raise BundleContentError(
                "refused: incident {index} does not have the revision number its custody "
                "log records",
                index=index,
            )
        bundle.lineage[incident.id] = tuple(digest for _, digest in history)
    bundle.chain_events = head[0]


def _media(
    reading: _Reading,
    media: dict[str, Record],
    sink: MediaSink,
    octets: int,
    progress: BundleProgress | None,
) -> None:
    seen: set[str] = set()
    parents = {path.rsplit("/", 1)[0] + "/" for path in reading.manifest} | {bagit.PAYLOAD_DIR}
    while (member := reading.tar.next()) is not None:
        if member.is_dir and member.name in parents:
            continue
        record = media.get(member.name)
        if record is None or member.is_dir:
            raise BundleContentError("refused: the bundle has a file that is not in its manifest")
        if member.size != record["size"]:
            raise BundleContentError("refused: a file's size does not match its record")
        stream = MemberStream(reading.tar, member.size)
        digest = sink(record, stream)
        if stream.remaining:
            raise BundleDamagedError("the bundle could not be read to the end of a file")
        reading.octets += member.size
        if progress is not None:
            progress(reading.octets, octets)
        if digest != reading.manifest[member.name] or digest != record["sha256"]:
            raise BundleDamagedError(
                "refused: a file in the bundle does not match its manifest hash (it was changed)"
            )
        seen.add(member.name)
    if seen != set(media):
        raise BundleContentError(
            "refused: a file listed in the manifest is missing from the bundle"
        )
