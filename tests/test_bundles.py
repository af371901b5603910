"""Bundles for legal teams, on real encrypted vaults, with the real sample photos, the real
age format, the stock ``age`` and ``tar`` tools and the ``bagit`` validator."""

import hashlib
import importlib
import io
import json
import os
import re
import shutil
import subprocess
import tarfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyrage
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from fieldlog.bundles import bagit
from fieldlog.bundles.agestream import (
    AgeReader,
    AgeWriter,
    bech32_encode,
    parse_identity,
    parse_recipient,
)
from fieldlog.bundles.chain import event_line, hash_input
from fieldlog.bundles.errors import (
    BundleContentError,
    BundleDamagedError,
    BundleRefusedError,
    ExportCancelled,
    NotABundleError,
    NotForThisVaultError,
    UnsafeMemberError,
    UntrustedSignerError,
)
from fieldlog.bundles.merge import merge_records, removed_children
from fieldlog.bundles.records import BUNDLE_KEYS
from fieldlog.bundles.signing import fingerprint, signature_file
from fieldlog.bundles.tarstream import Limits, TarWriter
from fieldlog.canonical import canonical_json, sha256_hex
from fieldlog.cli import main
from fieldlog.cli.bundle_commands import import_lines
from fieldlog.errors import InvalidInputError
from fieldlog.interchange.consent import share_digest
from fieldlog.media.blobstore import BlobCorruptError
from fieldlog.model import CustodyEvent, IncidentRevision, RecordProvenance
from fieldlog.services.audit import audit_vault
from fieldlog.services.bundles import ExportOptions, export_bundle, import_bundle, verify_bundle
from fieldlog.services.contacts import add_contact, list_contacts, vault_identity, vault_keys
from fieldlog.services.custody import (
    SHARE_ACTION,
    PendingEvent,
    Signer,
    append_events,
    chain_length,
    event_hash_input,
)
from fieldlog.services.history import incident_history
from fieldlog.services.incidents import add_incidents, update_incident
from fieldlog.services.media import attach_file, export_original, make_shareable_copy
from fieldlog.services.queries import get_incident, list_incidents
from fieldlog.vault import Vault
from fieldlog.vault.keys import MINIMUM_KDF
from tests.conftest import PASSPHRASE, SAMPLE_JSON, SHARED, snapshot

PHOTOS = SHARED / "samples" / "photos"
ALL_PHOTOS = sorted(p for p in PHOTOS.iterdir() if p.suffix.lower() in (".jpg", ".heic"))
SAMPLE = json.loads(SAMPLE_JSON.read_text("utf-8"))["incidents"]
INTERNAL_TEXT = SAMPLE[8]["testimonies"][1]["text"]
ANONYMISED_WITNESS = SAMPLE[4]["testimonies"][0]["witness"]

pytestmark = pytest.mark.skipif(
    not PHOTOS.is_dir(), reason="shared/samples/photos is not beside the checkout"
)


def new_vault(path: Path) -> Vault:
    vault, _code = Vault.create(path, PASSPHRASE, kdf=MINIMUM_KDF)
    return vault


def state(vault: Vault) -> dict[str, tuple[bytes, int]]:
    """Every file of the vault with its bytes and time. The shared-memory index of the open
    database changes on reads (it is SQLite's lock table, not data), so it is left out; the
    database and its write-ahead log are in."""
    return {k: v for k, v in snapshot(vault.path).items() if not k.endswith("-shm")}


def trust(importer: Vault, exporter: Vault, name: str = "Volunteer") -> None:
    add_contact(importer, name, signing_key=vault_keys(exporter).signing_key)


def export_to(exporter: Vault, importer: Vault, out: Path, **options: Any) -> Path:
    export_bundle(
        exporter, ExportOptions(recipients=(vault_keys(importer).recipient,), **options), out
    )
    return out


def identity_file(vault: Vault, folder: Path) -> Path:
    path = folder / "identity.txt"
    path.write_text(bech32_encode("age-secret-key-", vault_identity(vault)).upper() + "\n")
    return path


def read_all(reader: AgeReader, size: int = 1 << 20) -> bytes:
    parts = []
    while chunk := reader.read(size):
        parts.append(chunk)
    return b"".join(parts)


def decrypt(vault: Vault, bundle: Path) -> bytes:
    with bundle.open("rb") as source:
        return read_all(AgeReader(source, [vault_identity(vault)]))


def first_id(vault: Vault) -> str:
    """The first sample incident, the one the photos are attached to."""
    return str(next(i["id"] for i in list_incidents(vault) if i["title"] == SAMPLE[0]["title"]))


def actions(vault: Vault) -> list[str]:
    with vault.session() as session:
        return list(session.scalars(select(CustodyEvent.action).order_by(CustodyEvent.seq)))


@pytest.fixture
def volunteer(tmp_path: Path) -> Iterator[Vault]:
    with new_vault(tmp_path / "volunteer") as vault:
        yield vault


@pytest.fixture
def legal(tmp_path: Path) -> Iterator[Vault]:
    with new_vault(tmp_path / "legal") as vault:
        yield vault


@pytest.fixture
def stranger(tmp_path: Path) -> Iterator[Vault]:
    with new_vault(tmp_path / "stranger") as vault:
        yield vault


LIGHT_PHOTOS = [PHOTOS / "Canon_40D.jpg", PHOTOS / "DSCN0010.jpg"]


@pytest.fixture
def filled(volunteer: Vault) -> Vault:
    """The sixteen sample incidents; two sample photos attached to the first one."""
    ids = add_incidents(volunteer, SAMPLE)
    for photo in LIGHT_PHOTOS:
        attach_file(volunteer, str(ids[0]), photo)
    return volunteer


class PhotoBundle:
    """Every sample photo, exported once from a volunteer's vault to a legal team's."""

    def __init__(self, root: Path) -> None:
        self.volunteer = new_vault(root / "volunteer")
        self.legal = new_vault(root / "legal")
        ids = add_incidents(self.volunteer, SAMPLE)
        for photo in ALL_PHOTOS:
            attach_file(self.volunteer, str(ids[0]), photo)
        trust(self.legal, self.volunteer)
        self.bundle = export_to(self.volunteer, self.legal, root / "photos.fieldlog")


@pytest.fixture(scope="module")
def photo_bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PhotoBundle]:
    made = PhotoBundle(tmp_path_factory.mktemp("photos"))
    yield made
    made.volunteer.close()
    made.legal.close()


# -- the age format -------------------------------------------------------------------------


def need(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is not installed (apt-get install age)")
        pytest.skip(f"{tool} is not installed")
    return found


@pytest.mark.parametrize("size", [0, 1, 65535, 65536, 65537, 200_000])
def test_age_stream_opens_with_age_and_pyrage_and_reads_theirs(size: int, tmp_path: Path) -> None:
    age = need("age")
    identity = pyrage.x25519.Identity.generate()
    recipient = str(identity.to_public())
    key = tmp_path / "key.txt"
    key.write_text(f"{identity}\n")
    data = os.urandom(size)
    out = io.BytesIO()
    writer = AgeWriter(out, [parse_recipient(recipient)])
    for start in range(0, size, 7000):
        writer.write(data[start : start + 7000])
    writer.close()
    assert pyrage.decrypt(out.getvalue(), [identity]) == data
    opened = subprocess.run(
        [age, "-d", "-i", str(key)], input=out.getvalue(), capture_output=True, check=False
    )
    assert opened.stdout == data, opened.stderr
    secret = parse_identity(str(identity))
    theirs = [
        subprocess.run([age, "-r", recipient], input=data, capture_output=True, check=True).stdout,
        pyrage.encrypt(data, [identity.to_public(), pyrage.x25519.Identity.generate().to_public()]),
    ]
    for ciphertext in theirs:
        assert read_all(AgeReader(io.BytesIO(ciphertext), [secret]), 5000) == data


def test_age_keys_round_trip_through_bech32() -> None:
    identity = pyrage.x25519.Identity.generate()
    assert bech32_encode("age", parse_recipient(str(identity.to_public()))) == str(
        identity.to_public()
    )
    recipient = str(identity.to_public())
    other = "p" if recipient[-1] == "q" else "q"  # any other character breaks the checksum
    with pytest.raises(InvalidInputError, match="not an age recipient"):
        parse_recipient(recipient[:-1] + other)


# -- export and import ------------------------------------------------------------------


def test_round_trip_keeps_the_real_photos_byte_identical(
    photo_bundle: PhotoBundle, tmp_path: Path
) -> None:
    filled, legal, bundle = photo_bundle.volunteer, photo_bundle.legal, photo_bundle.bundle
    assert bundle.stat().st_mode & 0o077 == 0
    raw = bundle.read_bytes()
    for photo in ALL_PHOTOS:  # encrypted: no file's own bytes are visible
        assert photo.read_bytes()[:48] not in raw
    report = import_bundle(legal, bundle)
    assert (report.incidents_added, report.media_added) == (16, len(ALL_PHOTOS))
    assert report.verified.signer_trusted
    assert report.verified.signer_name == "Volunteer"
    first = first_id(filled)
    media = get_incident(legal, first)["media"]
    by_name = {m["filename"]: m for m in media}
    for photo in ALL_PHOTOS:
        out = tmp_path / f"{photo.name}.out"
        export_original(legal, by_name[photo.name]["id"], out)
        assert out.read_bytes() == photo.read_bytes()
    sent = get_incident(filled, first)["media"]
    assert [m["id"] for m in media] == [m["id"] for m in sent]  # in the same order
    original = {m["id"]: m for m in sent}
    for medium in media:  # same ids, hashes and metadata as in the volunteer's vault
        for key in ("sha256", "size", "captured_at", "gps", "device", "media_type", "added_at"):
            assert medium[key] == original[medium["id"]][key]
    assert audit_vault(legal).ok, audit_vault(legal).problems
    assert actions(legal)[-1] == "bundle.import"
    assert {"incident.import", "media.import"} <= set(actions(legal))
    with legal.session() as session:
        rows = list(session.scalars(select(RecordProvenance)))
    assert len(rows) == 16 + len(ALL_PHOTOS)
    assert {r.bundle_sha256 for r in rows} == {report.verified.bundle_sha256}
    assert {r.signer for r in rows} == {vault_keys(filled).signing_key}
    assert all(r.signer_verified for r in rows)


def test_stock_age_tar_and_bagit_open_a_bundle(photo_bundle: PhotoBundle, tmp_path: Path) -> None:
    age, tar = need("age"), need("tar")
    try:
        bagit_validator = importlib.import_module("bagit")  # the Library of Congress validator
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("the bagit validator is not installed (pip install bagit)")
        pytest.skip("the bagit validator is not installed")
    filled, legal, bundle = photo_bundle.volunteer, photo_bundle.legal, photo_bundle.bundle
    shutil.copy(PHOTOS / "ATTRIBUTION.md", tmp_path / "ATTRIBUTION.md")  # beside the copies
    bag = tmp_path / "bag"
    bag.mkdir()
    key = identity_file(legal, tmp_path)
    decrypted = subprocess.Popen([age, "-d", "-i", str(key), str(bundle)], stdout=subprocess.PIPE)
    with decrypted:
        subprocess.run([tar, "-x", "-C", str(bag)], stdin=decrypted.stdout, check=True)
    assert decrypted.returncode == 0
    bagit_validator.Bag(str(bag)).validate()
    assert (bag / "bagit.txt").read_bytes() == bagit.BAGIT_TXT
    info = (bag / "bag-info.txt").read_text()
    octets = sum(p.stat().st_size for p in (bag / "data").rglob("*") if p.is_file())
    assert f"Payload-Oxum: {octets}." in info
    assert "FieldLog-Signer: " + vault_keys(filled).signing_key in info
    extracted = {p.name.split("-", 5)[-1]: p for p in (bag / "data" / "media").iterdir()}
    for photo in ALL_PHOTOS:
        assert extracted[photo.name].read_bytes() == photo.read_bytes()
    # The signature is checkable with any Ed25519 tool: it covers the tag manifest's bytes.
    signature = dict(
        line.split(": ", 1) for line in (bag / bagit.SIGNATURE_NAME).read_text().splitlines()
    )
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey  # noqa: PLC0415

    Ed25519PublicKey.from_public_bytes(bytes.fromhex(signature["Signer"])).verify(
        bytes.fromhex(signature["Signature"]), (bag / bagit.TAGMANIFEST_NAME).read_bytes()
    )
    # A changed file is caught by the validator too.
    victim = next((bag / "data" / "media").iterdir())
    victim.write_bytes(victim.read_bytes()[:-1] + b"\0")
    with pytest.raises(bagit_validator.BagValidationError):
        bagit_validator.Bag(str(bag)).validate()


def test_bundle_of_an_unknown_volunteer_is_refused_until_trusted(
    stranger: Vault, legal: Vault, tmp_path: Path
) -> None:
    add_incidents(stranger, SAMPLE[:2])
    bundle = export_to(stranger, legal, tmp_path / "stranger.fieldlog")
    before = state(legal)
    with pytest.raises(UntrustedSignerError, match="not a trusted contact") as refused:
        import_bundle(legal, bundle)
    assert fingerprint(vault_keys(stranger).signing_key) in str(refused.value)
    assert state(legal) == before
    report = verify_bundle(legal, bundle)
    assert not report.signer_trusted
    assert not report.ok
    assert state(legal) == before
    trust(legal, stranger, "Stranger, checked by phone")
    imported = import_bundle(legal, bundle)
    assert imported.incidents_added == 2
    assert imported.verified.signer_name == "Stranger, checked by phone"


def test_unknown_signer_can_be_accepted_and_is_recorded_unverified(
    stranger: Vault, legal: Vault, tmp_path: Path
) -> None:
    add_incidents(stranger, SAMPLE[:1])
    bundle = export_to(stranger, legal, tmp_path / "stranger.fieldlog")
    report = import_bundle(legal, bundle, accept_unknown_signer=True)
    assert report.incidents_added == 1
    assert not report.verified.signer_trusted
    with legal.session() as session:
        (row,) = session.scalars(select(RecordProvenance))
    assert row.signer == vault_keys(stranger).signing_key
    assert not row.signer_verified


def test_a_bundle_for_another_vault_is_refused(
    filled: Vault, legal: Vault, stranger: Vault, tmp_path: Path
) -> None:
    trust(legal, filled)
    bundle = export_to(filled, stranger, tmp_path / "for-stranger.fieldlog")
    before = state(legal)
    with pytest.raises(NotForThisVaultError, match="not encrypted to this vault"):
        import_bundle(legal, bundle)
    with pytest.raises(NotForThisVaultError):
        verify_bundle(legal, bundle)
    plain = tmp_path / "plain.json"
    plain.write_bytes(SAMPLE_JSON.read_bytes())
    with pytest.raises(NotABundleError, match="not age-encrypted"):
        import_bundle(legal, plain)
    assert state(legal) == before


def test_consent_is_enforced_and_survives_the_way_back(
    volunteer: Vault, legal: Vault, tmp_path: Path
) -> None:
    ids = add_incidents(volunteer, SAMPLE)
    trust(legal, volunteer)
    trust(volunteer, legal, "Legal team")
    bundle = tmp_path / "out.fieldlog"
    report = export_bundle(
        volunteer, ExportOptions(recipients=(vault_keys(legal).recipient,)), bundle
    )
    assert (report.testimonies, report.testimonies_withheld, report.testimonies_anonymised) == (
        3,
        1,
        1,
    )
    plain = decrypt(legal, bundle)
    assert INTERNAL_TEXT.encode() not in plain
    assert ANONYMISED_WITNESS.encode() + b'"' not in plain.replace(b'"witness":""', b"")
    import_bundle(legal, bundle)
    gathering = get_incident(legal, str(ids[8]))
    assert [t["consent"] for t in gathering["testimonies"]] == ["legal"]
    breakfast = get_incident(legal, str(ids[4]))
    assert breakfast["testimonies"][0]["witness"] == ""
    assert audit_vault(legal).ok
    # The filtered records come back: the volunteer keeps the internal testimony and the
    # pseudonym, and nothing changes.
    back = tmp_path / "back.fieldlog"
    export_bundle(legal, ExportOptions(recipients=(vault_keys(volunteer).recipient,)), back)
    returned = import_bundle(volunteer, back)
    assert returned.incidents_revised == 0
    assert returned.incidents_unchanged == 16
    assert [t["consent"] for t in get_incident(volunteer, str(ids[8]))["testimonies"]] == [
        "legal",
        "internal",
    ]
    assert get_incident(volunteer, str(ids[4]))["testimonies"][0]["witness"] == ANONYMISED_WITNESS


def test_importing_the_same_bundle_twice_changes_nothing(
    filled: Vault, legal: Vault, tmp_path: Path
) -> None:
    trust(legal, filled)
    bundle = export_to(filled, legal, tmp_path / "out.fieldlog")
    import_bundle(legal, bundle)
    before = state(legal)
    events = len(actions(legal))
    again = import_bundle(legal, bundle)
    assert again.already_imported
    assert not again.changed
    assert (again.incidents_unchanged, again.media_unchanged) == (16, len(LIGHT_PHOTOS))
    assert state(legal) == before
    assert len(actions(legal)) == events
    # A new bundle of the same records adds provenance, not records.
    second = export_to(filled, legal, tmp_path / "second.fieldlog")
    other = import_bundle(legal, second)
    assert not other.changed
    assert not other.already_imported
    assert len(list_incidents(legal)) == 16
    assert audit_vault(legal).ok


def test_two_volunteers_bundles_about_one_incident_merge(
    volunteer: Vault, stranger: Vault, legal: Vault, tmp_path: Path
) -> None:
    shared_id = str(uuid.uuid4())
    base = {**SAMPLE[0], "id": shared_id, "testimonies": []}
    first_testimony = {"id": str(uuid.uuid4()), "text": "First account", "consent": "legal"}
    second_testimony = {"id": str(uuid.uuid4()), "text": "Second account", "consent": "legal"}
    add_incidents(volunteer, [{**base, "testimonies": [first_testimony]}])
    add_incidents(stranger, [{**base, "testimonies": [second_testimony]}])
    update_incident(
        stranger, shared_id, {**base, "title": "Corrected title", "testimonies": [second_testimony]}
    )
    trust(legal, volunteer, "First")
    trust(legal, stranger, "Second")
    one = import_bundle(legal, export_to(volunteer, legal, tmp_path / "one.fieldlog"))
    two = import_bundle(legal, export_to(stranger, legal, tmp_path / "two.fieldlog"))
    assert (one.incidents_added, two.incidents_revised) == (1, 1)
    merged = get_incident(legal, shared_id)
    assert len(list_incidents(legal)) == 1
    assert merged["title"] == "Corrected title"
    assert [t["text"] for t in merged["testimonies"]] == ["First account", "Second account"]
    assert merged["revision"] == 2
    # Each volunteer's bundle again: already held, nothing changes.
    again = import_bundle(legal, export_to(volunteer, legal, tmp_path / "one-again.fieldlog"))
    assert again.incidents_unchanged == 1
    assert get_incident(legal, shared_id)["revision"] == 2
    assert audit_vault(legal).ok


def _share_then_withdraw(volunteer: Vault, stranger: Vault, tmp_path: Path) -> str:
    """An incident with two accounts goes to a colleague; then one account is removed here."""
    shared_id = str(uuid.uuid4())
    kept = {"id": str(uuid.uuid4()), "text": "Gas at the distribution", "consent": "legal"}
    withdrawn = {"id": str(uuid.uuid4()), "text": "Withdrawn account", "consent": "legal"}
    base = {**SAMPLE[0], "id": shared_id, "testimonies": [kept, withdrawn]}
    add_incidents(volunteer, [base])
    trust(stranger, volunteer, "First")
    trust(volunteer, stranger, "Second")
    import_bundle(stranger, export_to(volunteer, stranger, tmp_path / "out.fieldlog"))
    update_incident(volunteer, shared_id, {**base, "testimonies": [kept]})
    return shared_id


def test_a_testimony_removed_here_is_not_brought_back_by_a_bundle(
    volunteer: Vault, stranger: Vault, tmp_path: Path
) -> None:
    """A witness withdrew consent; a colleague's older copy must not undo the removal."""
    shared_id = _share_then_withdraw(volunteer, stranger, tmp_path)
    # Meanwhile the colleague adds an officer to their copy, which still has both accounts.
    seen = get_incident(stranger, shared_id)
    officer = {"identifier": "1234567", "unit": "CRS 8", "visibility": "visible"}
    update_incident(stranger, shared_id, {**seen, "officers": [officer]})

    report = import_bundle(volunteer, export_to(stranger, volunteer, tmp_path / "back.fieldlog"))
    merged = get_incident(volunteer, shared_id)
    assert [t["text"] for t in merged["testimonies"]] == ["Gas at the distribution"]
    assert [o["identifier"] for o in merged["officers"]] == ["1234567"]
    assert (report.incidents_revised, report.children_kept_removed) == (1, 1)
    # The account is still in this vault's earlier revision: removed, never lost.
    first = incident_history(volunteer, shared_id)["revisions"][0]["record"]
    assert "Withdrawn account" in [t["text"] for t in first["testimonies"]]
    assert audit_vault(volunteer).ok


def test_a_bundle_of_an_older_revision_changes_nothing_and_says_what_it_still_holds(
    volunteer: Vault, stranger: Vault, tmp_path: Path
) -> None:
    """The colleague's copy is exactly this vault's first revision: nothing to merge, but
    the import says that it still holds the account removed here."""
    shared_id = _share_then_withdraw(volunteer, stranger, tmp_path)

    report = import_bundle(volunteer, export_to(stranger, volunteer, tmp_path / "back.fieldlog"))
    assert (report.incidents_unchanged, report.incidents_revised) == (1, 0)
    assert report.children_kept_removed == 1
    merged = get_incident(volunteer, shared_id)
    assert merged["revision"] == 2
    assert [t["text"] for t in merged["testimonies"]] == ["Gas at the distribution"]
    assert audit_vault(volunteer).ok


def test_a_colleagues_older_copy_never_widens_a_consent_narrowed_here(
    volunteer: Vault, stranger: Vault, legal: Vault, tmp_path: Path
) -> None:
    """Two witnesses narrowed their consent after a colleague got the incident; the
    colleague fixes the title and sends it back: their words must not leave as before."""
    shared_id = str(uuid.uuid4())
    first = {"id": str(uuid.uuid4()), "witness": "Ahmed", "text": "First account"}
    second = {"id": str(uuid.uuid4()), "witness": "Yonas", "text": "Second account"}
    base = {
        **SAMPLE[0],
        "id": shared_id,
        "testimonies": [{**first, "consent": "legal"}, {**second, "consent": "legal"}],
    }
    add_incidents(volunteer, [base])
    trust(stranger, volunteer, "First")
    trust(volunteer, stranger, "Second")
    import_bundle(stranger, export_to(volunteer, stranger, tmp_path / "out.fieldlog"))
    narrowed = [{**first, "consent": "internal"}, {**second, "consent": "anonymised"}]
    update_incident(volunteer, shared_id, {**base, "testimonies": narrowed})
    theirs = get_incident(stranger, shared_id)
    update_incident(stranger, shared_id, {**theirs, "title": theirs["title"] + " (corrected)"})

    report = import_bundle(volunteer, export_to(stranger, volunteer, tmp_path / "back.fieldlog"))
    assert (report.incidents_revised, report.consents_kept_narrower) == (1, 2)
    assert import_lines(report)[-1] == (
        "2 testimonies keep their narrower consent from this vault (the bundle had a wider one)"
    )
    merged = get_incident(volunteer, shared_id)
    assert merged["title"].endswith("(corrected)")
    assert [(t["witness"], t["consent"]) for t in merged["testimonies"]] == [
        ("Ahmed", "internal"),
        ("Yonas", "anonymised"),
    ]
    trust(legal, volunteer)
    import_bundle(legal, export_to(volunteer, legal, tmp_path / "to-lawyers.fieldlog"))
    received = get_incident(legal, shared_id)["testimonies"]
    assert [(t["witness"], t["text"]) for t in received] == [("", "Second account")]


def _two_bundles(volunteer: Vault, legal: Vault, tmp_path: Path, base: dict[str, Any]) -> Path:
    """The volunteer's bundle of ``base`` as first recorded (returned, not yet imported),
    then a newer one, title corrected and the last testimony withdrawn, imported."""
    add_incidents(volunteer, [base])
    older = export_to(volunteer, legal, tmp_path / "older.fieldlog")
    update_incident(
        volunteer,
        base["id"],
        {**base, "title": "Corrected", "testimonies": base["testimonies"][:-1]},
    )
    import_bundle(legal, export_to(volunteer, legal, tmp_path / "newer.fieldlog"))
    return older


def _correct_title(vault: Vault, incident_id: str) -> None:
    update_incident(vault, incident_id, {**get_incident(vault, incident_id), "title": "Corrected"})


def _shared_with_a_colleague_and_the_lawyers(
    volunteer: Vault, stranger: Vault, legal: Vault, tmp_path: Path
) -> str:
    """A volunteer's incident, sent to a colleague and to the lawyers, who trust both."""
    trust(stranger, volunteer, "First")
    trust(legal, volunteer, "First")
    trust(legal, stranger, "Second")
    (incident_id,) = add_incidents(volunteer, [SAMPLE[0]])
    import_bundle(stranger, export_to(volunteer, stranger, tmp_path / "to-colleague.fieldlog"))
    import_bundle(legal, export_to(volunteer, legal, tmp_path / "first.fieldlog"))
    return str(incident_id)


def _filtered_shared_then_corrected(volunteer: Vault, legal: Vault, tmp_path: Path) -> str:
    """An incident whose testimony is anonymised goes to the lawyers; then its title is
    corrected in the volunteer's vault."""
    (incident_id,) = add_incidents(volunteer, [SAMPLE[4]])
    import_bundle(legal, export_to(volunteer, legal, tmp_path / "first.fieldlog"))
    _correct_title(volunteer, str(incident_id))
    return str(incident_id)


def test_an_older_bundle_arriving_late_changes_nothing(
    volunteer: Vault, legal: Vault, tmp_path: Path
) -> None:
    """A volunteer's two bundles reach the lawyers in the wrong order: the first one, older,
    must not bring back the old title or an account the witness withdrew."""
    shared_id = str(uuid.uuid4())
    kept = {"id": str(uuid.uuid4()), "text": "Kept account", "consent": "legal"}
    withdrawn = {"id": str(uuid.uuid4()), "text": "Withdrawn account", "consent": "legal"}
    base = {**SAMPLE[0], "id": shared_id, "title": "First title", "testimonies": [kept, withdrawn]}
    trust(legal, volunteer)
    older = _two_bundles(volunteer, legal, tmp_path, base)

    report = import_bundle(legal, older)
    assert (report.incidents_unchanged, report.incidents_older) == (1, 1)
    assert import_lines(report)[1:] == [
        "1 of the unchanged was older than this vault's records and left as they are"
    ]
    held = get_incident(legal, shared_id)
    assert (held["title"], held["revision"]) == ("Corrected", 1)
    assert [t["text"] for t in held["testimonies"]] == ["Kept account"]
    assert audit_vault(legal).ok


def test_a_consent_filtered_copy_coming_back_does_not_undo_later_edits(
    volunteer: Vault, legal: Vault, tmp_path: Path
) -> None:
    """The lawyers' copy lacks the pseudonym, so it is no revision here; it is still this
    vault's own first revision as it left, and the title corrected since must stay."""
    trust(legal, volunteer)
    trust(volunteer, legal)
    incident_id = _filtered_shared_then_corrected(volunteer, legal, tmp_path)

    report = import_bundle(volunteer, export_to(legal, volunteer, tmp_path / "back.fieldlog"))
    assert (report.incidents_revised, report.incidents_older) == (0, 1)
    held = get_incident(volunteer, incident_id)
    assert held["title"] == "Corrected"
    assert held["testimonies"][0]["witness"] == ANONYMISED_WITNESS


def test_importing_a_bundle_again_keeps_the_edits_made_since(
    volunteer: Vault, legal: Vault, tmp_path: Path
) -> None:
    trust(legal, volunteer)
    (incident_id,) = add_incidents(volunteer, [SAMPLE[0]])
    bundle = export_to(volunteer, legal, tmp_path / "out.fieldlog")
    import_bundle(legal, bundle)
    record = get_incident(legal, str(incident_id))
    update_incident(legal, str(incident_id), {**record, "title": "Checked by the lawyers"})

    again = import_bundle(legal, bundle)
    assert (again.incidents_revised, again.already_imported) == (0, True)
    assert get_incident(legal, str(incident_id))["title"] == "Checked by the lawyers"


def test_an_import_says_when_both_vaults_changed_an_incident(
    volunteer: Vault, stranger: Vault, legal: Vault, tmp_path: Path
) -> None:
    """One volunteer corrects the title, a colleague adds an officer to the older copy:
    the lawyers are told that the second bundle's details replaced newer ones."""
    shared = _shared_with_a_colleague_and_the_lawyers(volunteer, stranger, legal, tmp_path)
    _correct_title(volunteer, shared)
    update = import_bundle(legal, export_to(volunteer, legal, tmp_path / "update.fieldlog"))
    assert (update.incidents_revised, update.incidents_diverged) == (1, 0)

    theirs = get_incident(stranger, shared)
    officer = {"identifier": "1234567", "unit": "CRS 8", "visibility": "visible"}
    update_incident(stranger, shared, {**theirs, "officers": [officer]})
    report = import_bundle(legal, export_to(stranger, legal, tmp_path / "colleague.fieldlog"))
    assert (report.incidents_revised, report.incidents_diverged) == (1, 1)
    titles = [r["record"]["title"] for r in incident_history(legal, shared)["revisions"]]
    assert titles == [SAMPLE[0]["title"], "Corrected", SAMPLE[0]["title"]]
    assert import_lines(report)[1].startswith("1 of the revised was also changed here")


def test_a_filtered_record_gives_no_hash_to_test_guesses_of_the_pseudonym(
    volunteer: Vault, legal: Vault, tmp_path: Path
) -> None:
    """Everything but a short pseudonym is in the bundle: a hash of the whole revision (in
    the record or the chain) would let a recipient try names until one matches."""
    (incident_id,) = add_incidents(volunteer, [SAMPLE[4]])
    _correct_title(volunteer, str(incident_id))
    trust(legal, volunteer)
    bundle = export_to(volunteer, legal, tmp_path / "out.fieldlog")
    plain = decrypt(legal, bundle)
    with tarfile.open(fileobj=io.BytesIO(plain)) as archive:
        member = archive.extractfile("data/incidents.json")
        assert member is not None
        (exported,) = json.loads(member.read())["incidents"]
        member = archive.extractfile("data/custody.jsonl")
        assert member is not None
        chain = [json.loads(line) for line in member.read().splitlines()]
    assert (exported["consent_filtered"], exported["revision_sha256"]) == (True, None)
    history = incident_history(volunteer, str(incident_id))
    for revision in history["revisions"]:
        assert revision["sha256"].encode() not in plain
    # The revisions' events are links only: their hashes cover a random event id.
    links = {event["hash"] for event in chain if event.get("redacted")}
    revision_events = [e for e in history["events"] if e["action"] != "incident.share"]
    assert len(revision_events) == 2
    assert all(event["hash"] in links for event in revision_events)
    # What names the incident is the share event of the exported revision: its view.
    naming = [event for event in chain if event.get("subject_id") == str(incident_id)]
    assert [event["action"] for event in naming] == ["incident.share"]
    assert naming[0]["content_sha256"] == share_digest(
        2, exported["revision_id"], exported["content_sha256"]
    )
    assert ANONYMISED_WITNESS.encode() not in plain
    assert verify_bundle(legal, bundle).ok
    report = import_bundle(legal, bundle)
    assert report.incidents_added == 1
    assert get_incident(legal, str(incident_id))["title"] == "Corrected"
    # Sent again, the same filtered record is known and left alone.
    update_incident(
        legal, str(incident_id), {**get_incident(legal, str(incident_id)), "status": "verified"}
    )
    again = import_bundle(legal, export_to(volunteer, legal, tmp_path / "again.fieldlog"))
    assert (again.incidents_revised, again.incidents_older) == (0, 1)


def test_a_contact_is_completed_later_but_never_changed(
    volunteer: Vault, legal: Vault, tmp_path: Path
) -> None:
    """The volunteer first trusts the legal team's signing key, later exports to them."""
    keys = vault_keys(legal)
    add_contact(volunteer, "Legal team", signing_key=keys.signing_key)
    with pytest.raises(InvalidInputError, match="already exists"):
        add_contact(volunteer, "Legal team", signing_key=keys.signing_key)
    completed = add_contact(volunteer, "Legal team", recipient=keys.recipient)
    assert (completed.recipient, completed.signing_key) == (keys.recipient, keys.signing_key)
    add_incidents(volunteer, [SAMPLE[0]])
    out = tmp_path / "out.fieldlog"
    export_bundle(volunteer, ExportOptions(recipients=("Legal team",)), out)
    trust(legal, volunteer)
    assert import_bundle(legal, out).incidents_added == 1
    other = vault_keys(volunteer)
    for change in ({"recipient": other.recipient}, {"signing_key": other.signing_key}):
        with pytest.raises(InvalidInputError, match="never replaced"):
            add_contact(volunteer, "Legal team", **change)
    (contact,) = list_contacts(volunteer)
    assert (contact.recipient, contact.signing_key) == (keys.recipient, keys.signing_key)


def test_a_filtered_update_is_not_taken_for_an_edit_made_on_both_sides(
    volunteer: Vault, legal: Vault, tmp_path: Path
) -> None:
    """A filtered record's history is not in its bundle: nothing to compare, nothing said."""
    trust(legal, volunteer)
    incident_id = _filtered_shared_then_corrected(volunteer, legal, tmp_path)
    report = import_bundle(legal, export_to(volunteer, legal, tmp_path / "update.fieldlog"))
    assert (report.incidents_revised, report.incidents_diverged) == (1, 0)
    assert get_incident(legal, incident_id)["title"] == "Corrected"


def test_an_older_bundle_of_a_filtered_record_changes_nothing(
    volunteer: Vault, legal: Vault, tmp_path: Path
) -> None:
    """Its history is not in the bundle (links only), but the sender's revision numbers are."""
    trust(legal, volunteer)
    withdrawn = {"id": str(uuid.uuid4()), "text": "Withdrawn account", "consent": "legal"}
    base = {**SAMPLE[4], "id": str(uuid.uuid4())}
    base["testimonies"] = [*base["testimonies"], withdrawn]
    older = _two_bundles(volunteer, legal, tmp_path, base)
    report = import_bundle(legal, older)
    assert (report.incidents_revised, report.incidents_older) == (0, 1)
    held = get_incident(legal, base["id"])
    assert held["title"] == "Corrected"
    assert "Withdrawn account" not in [t["text"] for t in held["testimonies"]]


def test_a_correction_undone_is_new_although_its_content_was_seen(
    volunteer: Vault, legal: Vault, tmp_path: Path
) -> None:
    trust(legal, volunteer)
    (incident_id,) = add_incidents(volunteer, [SAMPLE[0]])
    shared = str(incident_id)
    import_bundle(legal, export_to(volunteer, legal, tmp_path / "first.fieldlog"))
    record = get_incident(volunteer, shared)
    update_incident(volunteer, shared, {**record, "title": "A wrong correction"})
    import_bundle(legal, export_to(volunteer, legal, tmp_path / "second.fieldlog"))
    update_incident(
        volunteer, shared, {**get_incident(volunteer, shared), "title": record["title"]}
    )
    report = import_bundle(legal, export_to(volunteer, legal, tmp_path / "third.fieldlog"))
    assert (report.incidents_revised, report.incidents_older) == (1, 0)
    assert get_incident(legal, shared)["title"] == SAMPLE[0]["title"]


def test_a_bundle_trusted_after_its_import_still_makes_older_ones_old(
    volunteer: Vault, legal: Vault, tmp_path: Path
) -> None:
    base = {**SAMPLE[0], "id": str(uuid.uuid4())}
    base["testimonies"] = [*base["testimonies"], {"text": "Withdrawn", "consent": "legal"}]
    add_incidents(volunteer, [base])
    older = export_to(volunteer, legal, tmp_path / "older.fieldlog")
    update_incident(volunteer, base["id"], {**get_incident(volunteer, base["id"]), "title": "New"})
    newer = export_to(volunteer, legal, tmp_path / "newer.fieldlog")
    import_bundle(legal, newer, accept_unknown_signer=True)  # not yet a trusted contact
    trust(legal, volunteer)
    assert import_bundle(legal, newer).already_imported
    report = import_bundle(legal, older)
    assert (report.incidents_revised, report.incidents_older) == (0, 1)
    assert get_incident(legal, base["id"])["title"] == "New"


def test_an_earlier_revision_with_a_pseudonym_keeps_the_record_history_in_the_vault(
    volunteer: Vault, legal: Vault, tmp_path: Path
) -> None:
    """The pseudonym was removed since: the record leaves whole, but the hash of the
    revision that had it would let a recipient guess it back."""
    (incident_id,) = add_incidents(volunteer, [SAMPLE[4]])
    record = get_incident(volunteer, str(incident_id))
    cleared = [{**t, "witness": ""} for t in record["testimonies"]]
    update_incident(volunteer, str(incident_id), {**record, "testimonies": cleared})
    trust(legal, volunteer)
    bundle = export_to(volunteer, legal, tmp_path / "out.fieldlog")
    plain = decrypt(legal, bundle)
    first, latest = incident_history(volunteer, str(incident_id))["revisions"]
    assert first["sha256"].encode() not in plain
    assert latest["sha256"].encode() in plain  # the record's own hash: no pseudonym in it
    assert ANONYMISED_WITNESS.encode() not in plain
    assert import_bundle(legal, bundle).incidents_added == 1


def test_no_both_sides_report_when_only_testimonies_were_added_here(
    volunteer: Vault, stranger: Vault, legal: Vault, tmp_path: Path
) -> None:
    shared = _shared_with_a_colleague_and_the_lawyers(volunteer, stranger, legal, tmp_path)
    theirs = get_incident(stranger, shared)
    account = {"text": "A colleague's account", "consent": "legal"}
    update_incident(stranger, shared, {**theirs, "testimonies": [*theirs["testimonies"], account]})
    import_bundle(legal, export_to(stranger, legal, tmp_path / "colleague.fieldlog"))
    _correct_title(volunteer, shared)
    report = import_bundle(legal, export_to(volunteer, legal, tmp_path / "update.fieldlog"))
    assert (report.incidents_revised, report.incidents_diverged) == (1, 0)
    held = get_incident(legal, shared)
    assert held["title"] == "Corrected"
    assert "A colleague's account" in [t["text"] for t in held["testimonies"]]


def test_merge_leaves_out_the_children_this_vault_removed() -> None:
    def child(key: str) -> dict[str, Any]:
        return {"id": key, "identifier": key}

    first = {"testimonies": [], "officers": [child("a"), child("b")], "vehicles": []}
    latest = {**first, "officers": [child("a")]}
    removed = removed_children([first], latest)
    assert removed == {"b"}
    incoming = {**first, "officers": [child("a"), child("b"), child("c")]}
    merged = merge_records(
        {**latest, "recorded_at": "2017-07-15T20:00:00+00:00"},
        {**incoming, "recorded_at": "2017-07-15T20:00:00+00:00"},
        removed,
    )
    assert [o["id"] for o in merged["officers"]] == ["a", "c"]


def test_merge_rules_keep_every_child() -> None:
    stamp = "2017-07-15T20:00:00+00:00"
    later = "2017-07-16T20:00:00+00:00"

    def testimony(key: str, witness: str, consent: str, when: str) -> dict[str, Any]:
        return {
            "id": key,
            "witness": witness,
            "role": "witness",
            "language": "fr",
            "text": key,
            "translation": "",
            "consent": consent,
            "recorded_at": when,
        }

    local = {
        "title": "mine",
        "recorded_at": stamp,
        "testimonies": [
            testimony("a", "A.", "anonymised", stamp),
            testimony("b", "B.", "internal", stamp),
        ],
        "officers": [],
        "vehicles": [],
    }
    incoming = {
        "title": "theirs",
        "recorded_at": later,
        "testimonies": [
            testimony("c", "", "legal", later),
            testimony("a", "", "anonymised", later),
        ],
        "officers": [],
        "vehicles": [],
    }
    merged = merge_records(local, incoming)
    assert merged["title"] == "theirs"
    assert merged["recorded_at"] == stamp
    assert [(t["id"], t["witness"], t["recorded_at"]) for t in merged["testimonies"]] == [
        ("a", "A.", stamp),
        ("b", "B.", stamp),
        ("c", "", later),
    ]


def test_export_options_select_and_share_copies(
    filled: Vault, legal: Vault, tmp_path: Path
) -> None:
    trust(legal, filled)
    recipient = (vault_keys(legal).recipient,)
    july = export_bundle(
        filled,
        ExportOptions(
            recipients=recipient, since="2017-07-01", until="2017-07-31", categories=("tear_gas",)
        ),
        tmp_path / "july.fieldlog",
    )
    expected = [
        i for i in SAMPLE if "2017-07" in i["occurred_at"][:7] and "tear_gas" in i["categories"]
    ]
    assert july.incidents == len(expected)
    first = first_id(filled)
    one = export_bundle(
        filled, ExportOptions(recipients=recipient, ids=(first,)), tmp_path / "one.fieldlog"
    )
    assert (one.incidents, one.media) == (1, len(LIGHT_PHOTOS))
    photo = next(m for m in get_incident(filled, first)["media"] if m["filename"] == "DSCN0010.jpg")
    copy = make_shareable_copy(filled, photo["id"])
    shared = export_bundle(
        filled,
        ExportOptions(recipients=recipient, ids=(first,), shareable_copies=True),
        tmp_path / "shared.fieldlog",
    )
    assert (shared.media, shared.media_left_out) == (1, len(LIGHT_PHOTOS) - 1)
    plain = decrypt(legal, tmp_path / "shared.fieldlog")
    assert b"NIKON" not in plain
    assert b"Exif\x00\x00" not in plain
    import_bundle(legal, tmp_path / "shared.fieldlog")
    (imported,) = get_incident(legal, first)["media"]
    assert imported["id"] == str(copy.media_id)
    assert imported["derived_from"] == photo["id"]  # named, though not in this vault
    assert imported["derivation"]["original_not_imported"] == photo["id"]
    assert audit_vault(legal).ok
    # The originals come later: the copy is linked to its original, not taken for one.
    import_bundle(legal, tmp_path / "one.fieldlog")
    held = {m["id"]: m for m in get_incident(legal, first)["media"]}
    assert held[str(copy.media_id)]["derived_from"] == photo["id"] in held
    onward = export_bundle(
        legal, ExportOptions(recipients=recipient, ids=(first,)), tmp_path / "onward.fieldlog"
    )
    assert onward.media == len(LIGHT_PHOTOS)  # the originals only
    with pytest.raises(InvalidInputError, match="exists"):
        export_bundle(filled, ExportOptions(recipients=recipient), tmp_path / "one.fieldlog")


def test_cancelled_export_leaves_no_file(filled: Vault, legal: Vault, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportCancelled):
        export_bundle(
            filled,
            ExportOptions(recipients=(vault_keys(legal).recipient,)),
            out / "bundle.fieldlog",
            cancelled=lambda: True,
        )
    assert list(out.iterdir()) == []


def test_chain_lines_hash_like_the_custody_log(filled: Vault) -> None:
    with filled.session() as session:
        event = session.scalars(select(CustodyEvent).where(CustodyEvent.seq == 2)).one()
    exported = json.loads(event_line(event, whole=True))
    assert hash_input(exported) == event_hash_input(
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


# -- hostile bundles ------------------------------------------------------------------------


class Bench:
    """A volunteer's vault, a trusting legal team's vault and one bundle between them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.volunteer = new_vault(root / "volunteer")
        self.legal = new_vault(root / "legal")
        ids = add_incidents(self.volunteer, [SAMPLE[0], SAMPLE[8]])
        for name in ("Canon_40D.jpg", "DSCN0012.jpg"):
            attach_file(self.volunteer, str(ids[0]), PHOTOS / name)
        trust(self.legal, self.volunteer)
        self.bundle = export_to(self.volunteer, self.legal, root / "good.fieldlog")
        self.ciphertext = self.bundle.read_bytes()
        self.plaintext = decrypt(self.legal, self.bundle)
        self.recipient = parse_recipient(vault_keys(self.legal).recipient)
        self.signer: Signer = self.volunteer.signer
        with tarfile.open(fileobj=io.BytesIO(self.plaintext)) as archive:
            self.members = [
                (m.name, archive.extractfile(m).read())  # type: ignore[union-attr]
                for m in archive.getmembers()
            ]
            self.headers = [m.offset for m in archive.getmembers()]
            self.mtime = int(archive.getmembers()[0].mtime)
        self.state = state(self.legal)
        self.count = 0

    def encrypt(self, plain: bytes) -> bytes:
        out = io.BytesIO()
        writer = AgeWriter(out, [self.recipient])
        writer.write(plain)
        writer.close()
        return out.getvalue()

    def repack(
        self, payload: dict[str, bytes], manifest: bytes | None = None, version: str = "2"
    ) -> bytes:
        """A validly signed bundle of ``payload`` (tag files remade, then signed by the
        trusted volunteer), so what is refused is the content, not the signature;
        ``version``: the bundle format it says it is."""
        tags = dict(self.members[:5])
        ordered = sorted(
            payload, key=lambda p: (not p.endswith(".json"), not p.endswith(".jsonl"), p)
        )
        if manifest is None:
            manifest = bagit.manifest(
                [(hashlib.sha256(payload[p]).hexdigest(), p) for p in ordered]
            )
        info = [
            line
            for line in tags[bagit.BAG_INFO_NAME].decode().splitlines()
            if not line.startswith(("Payload-Oxum", "FieldLog-Bundle-Format"))
        ]
        info.append(f"FieldLog-Bundle-Format: {version}")
        oxum = f"Payload-Oxum: {sum(len(d) for d in payload.values())}.{len(payload)}"
        tags[bagit.BAG_INFO_NAME] = ("\n".join([oxum, *info]) + "\n").encode()
        tags[bagit.MANIFEST_NAME] = manifest
        listed = [bagit.BAGIT_NAME, bagit.BAG_INFO_NAME, bagit.MANIFEST_NAME]
        tagmanifest = bagit.manifest([(hashlib.sha256(tags[n]).hexdigest(), n) for n in listed])
        tags[bagit.TAGMANIFEST_NAME] = tagmanifest
        tags[bagit.SIGNATURE_NAME] = signature_file(self.signer, tagmanifest)
        out = io.BytesIO()
        tar = TarWriter(out, self.mtime)
        for name in bagit.TAG_FILES:
            tar.add_bytes(name, tags[name])
        for path in ordered:
            tar.add_bytes(path, payload[path])
        tar.close()
        return self.encrypt(out.getvalue())

    def payload(self) -> dict[str, bytes]:
        return dict(self.members[5:])

    def refused(self, data: bytes, limits: Limits | None = None) -> BundleRefusedError:
        self.count += 1
        path = self.root / f"mutated-{self.count}.fieldlog"
        path.write_bytes(data)
        try:
            with pytest.raises(BundleRefusedError) as caught:
                import_bundle(self.legal, path, limits=limits)
            assert "\n" not in str(caught.value)
            assert state(self.legal) == self.state
        finally:
            path.unlink()
        return caught.value

    def accepted(self, data: bytes) -> None:
        path = self.root / "control.fieldlog"
        path.write_bytes(data)
        assert verify_bundle(self.legal, path).ok


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bench]:
    made = Bench(tmp_path_factory.mktemp("bench"))
    yield made
    made.volunteer.close()
    made.legal.close()


def test_the_bench_bundle_and_its_repack_are_accepted(bench: Bench) -> None:
    bench.accepted(bench.ciphertext)
    bench.accepted(bench.encrypt(bench.plaintext))
    bench.accepted(bench.repack(bench.payload()))


def flip(data: bytes, position: int, mask: int) -> bytes:
    return data[:position] + bytes([data[position] ^ mask]) + data[position + 1 :]


@st.composite
def byte_mutations(draw: st.DrawFn, bench: Bench) -> tuple[str, bytes]:
    layer = draw(st.sampled_from(["ciphertext", "tar", "tar-header"]))
    kind = draw(st.sampled_from(["flip", "truncate", "append"]))
    if layer == "tar-header":
        start = draw(st.sampled_from(bench.headers))
        position = start + draw(st.integers(0, 511))
        mutated = flip(bench.plaintext, position, draw(st.integers(1, 255)))
        return layer, bench.encrypt(mutated)
    data = bench.ciphertext if layer == "ciphertext" else bench.plaintext
    if kind == "flip":
        mutated = flip(data, draw(st.integers(0, len(data) - 1)), draw(st.integers(1, 255)))
    elif kind == "truncate":
        mutated = data[: draw(st.integers(0, len(data) - 1))]
    else:
        mutated = data + draw(st.binary(min_size=1, max_size=1024))
    return layer, mutated if layer == "ciphertext" else bench.encrypt(mutated)


@settings(
    max_examples=80,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_every_flipped_cut_or_appended_byte_is_refused(bench: Bench, data: st.DataObject) -> None:
    _layer, mutated = data.draw(byte_mutations(bench))
    bench.refused(mutated)


def _manifest_mutation(draw: st.DrawFn, bench: Bench) -> bytes:
    payload = bench.payload()
    lines = bagit.manifest(
        [(hashlib.sha256(d).hexdigest(), p) for p, d in payload.items()]
    ).splitlines(keepends=True)
    index = draw(st.integers(0, len(lines) - 1))
    operation = draw(st.sampled_from(["drop", "twice", "digit", "unlisted", "swap", "path"]))
    if operation == "drop":
        del lines[index]
    elif operation == "twice":
        lines.insert(index, lines[index])
    elif operation == "digit":
        line = lines[index]
        position = draw(st.integers(0, 63))
        digit = "0" if line[position : position + 1] != b"0" else "1"
        lines[index] = line[:position] + digit.encode() + line[position + 1 :]
    elif operation == "unlisted":
        lines.append(b"0" * 64 + b"  data/media/unlisted.bin\n")
    elif operation == "swap":
        other = (index + 1) % len(lines)
        lines[index], lines[other] = (
            lines[index][:64] + lines[other][64:],
            lines[other][:64] + lines[index][64:],
        )
    else:
        lines[index] = lines[index][:66] + b"../" + lines[index][66:]
    return bench.repack(payload, b"".join(lines))


def _json_mutation(draw: st.DrawFn, bench: Bench) -> bytes:
    payload = bench.payload()
    if draw(st.booleans()):
        document = json.loads(payload["data/incidents.json"])
        incident = draw(st.sampled_from(document["incidents"]))
        key = draw(st.sampled_from(sorted(incident)))
        operation = draw(st.sampled_from(["drop", "wrong type", "extra field", "change"]))
        if operation == "drop":
            del incident[key]
        elif operation == "wrong type":
            incident[key] = draw(st.sampled_from([12345, None, "x", [], {"a": 1}, True, -1.5]))
            if incident[key] == incident.get(key) and key in ("title",):  # pragma: no cover
                incident[key] = 0
        elif operation == "extra field":
            incident[draw(st.sampled_from(["extra", "Title", "id2"]))] = "x"
        elif key in ("title", "description", "location", "occurred_at"):
            incident[key] = {
                "title": "Changed",
                "description": "Changed",
                "location": {"name": "Elsewhere"},
                "occurred_at": "2017-01-01",
            }[key]
        else:
            incident["title"] = incident["title"] + "."
        if document == json.loads(payload["data/incidents.json"]):
            # The draw changed nothing ([] for an empty list, None for a None): that bundle
            # is the real one re-signed, and rightly accepted. Make it a change.
            incident["title"] = incident["title"] + "."
        payload["data/incidents.json"] = json.dumps(document).encode()
    else:
        lines = payload["data/custody.jsonl"].splitlines(keepends=True)
        index = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["drop", "twice", "edit", "swap"]))
        if operation == "drop":
            del lines[index]
        elif operation == "twice":
            lines.insert(index, lines[index])
        elif operation == "swap" and len(lines) > 1:
            other = (index + 1) % len(lines)
            lines[index], lines[other] = lines[other], lines[index]
        else:
            event = json.loads(lines[index])
            field = draw(st.sampled_from(sorted(event)))
            event[field] = "0" * 64 if event[field] != "0" * 64 else "1" * 64
            lines[index] = json.dumps(event, sort_keys=True, separators=(",", ":")).encode() + b"\n"
        payload["data/custody.jsonl"] = b"".join(lines)
    return bench.repack(payload)


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_every_changed_manifest_line_or_record_is_refused_even_when_re_signed(
    bench: Bench, data: st.DataObject
) -> None:
    mutate: Callable[[st.DrawFn, Bench], bytes] = data.draw(
        st.sampled_from([_manifest_mutation, _json_mutation])
    )
    bench.refused(data.draw(st.composite(lambda draw: mutate(draw, bench))()))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("revision", 12345, "revision number"),
        ("consent_filtered", True, "marked consent-filtered"),
    ],
)
def test_a_record_that_disagrees_with_its_chain_is_refused_even_when_re_signed(
    bench: Bench, field: str, value: object, message: str
) -> None:
    """Found by the mutation test above: these two fields were once taken on trust."""
    payload = bench.payload()
    document = json.loads(payload["data/incidents.json"])
    unfiltered = next(i for i in document["incidents"] if not i["consent_filtered"])
    unfiltered[field] = value
    payload["data/incidents.json"] = json.dumps(document).encode()
    assert message in str(bench.refused(bench.repack(payload)))


def _retitled(record: dict[str, Any]) -> None:
    """Changed after export, with a content hash made to match."""
    record["title"] = "Something else happened"
    core = {key: value for key, value in record.items() if key not in BUNDLE_KEYS}
    record["content_sha256"] = sha256_hex(canonical_json(core))


def _links_only(custody: bytes, incident_id: str) -> bytes:
    """The chain with every event about ``incident_id`` turned into a bare link."""
    lines = []
    for line in custody.splitlines(keepends=True):
        event = json.loads(line)
        if event.get("subject_id") != incident_id:
            lines.append(line)
            continue
        keep = ("seq", "prev_hash", "hash", "signer", "signature")
        lines.append(canonical_json({**{k: event[k] for k in keep}, "redacted": True}) + b"\n")
    return b"".join(lines)


def test_a_consent_filtered_record_is_checked_against_the_view_its_chain_records(
    bench: Bench,
) -> None:
    """A filtered record changed after export, or a whole one passed off as filtered to
    escape its chain, is refused even when re-signed: the chain records the filtered view."""
    payload = bench.payload()
    document = json.loads(payload["data/incidents.json"])
    filtered = next(i for i in document["incidents"] if i["consent_filtered"])
    _retitled(filtered)
    payload["data/incidents.json"] = json.dumps(document).encode()
    assert "not the latest revision" in str(bench.refused(bench.repack(payload)))
    # Format 1 did not record views, but where the chain has them they are checked.
    assert "not the latest revision" in str(bench.refused(bench.repack(payload, version="1")))

    payload = bench.payload()
    document = json.loads(payload["data/incidents.json"])
    whole = next(i for i in document["incidents"] if not i["consent_filtered"])
    whole["consent_filtered"], whole["revision_sha256"] = True, None
    _retitled(whole)
    payload["data/incidents.json"] = json.dumps(document).encode()
    assert "not recorded in its custody log" in str(bench.refused(bench.repack(payload)))
    # Hidden as links in a bundle that says it is of format 1, it is read, and the
    # report says that only the signature vouches for it.
    payload["data/custody.jsonl"] = _links_only(payload["data/custody.jsonl"], whole["id"])
    path = bench.root / "format-1.fieldlog"
    path.write_bytes(bench.repack(payload, version="1"))
    report = verify_bundle(bench.legal, path)
    assert (report.consent_filtered, report.consent_filtered_unchained) == (2, 1)
    path.unlink()


def test_a_record_that_names_a_field_twice_is_refused_even_when_re_signed(
    bench: Bench,
) -> None:
    """Which of the two values a reader keeps is a guess: JSON leaves it open."""
    payload = bench.payload()
    raw = payload["data/incidents.json"]
    assert b'"status": "recorded"' in raw
    payload["data/incidents.json"] = raw.replace(
        b'"status": "recorded"', b'"status": "withdrawn", "status": "recorded"', 1
    )
    assert "not valid JSON" in str(bench.refused(bench.repack(payload)))


def _share_events(vault: Vault, incident_id: str) -> list[str | None]:
    with vault.session() as session:
        return list(
            session.scalars(
                select(CustodyEvent.content_sha256)
                .where(CustodyEvent.action == SHARE_ACTION, CustodyEvent.subject_id == incident_id)
                .order_by(CustodyEvent.seq)
            )
        )


def test_the_custody_log_records_each_filtered_view_once_and_the_audit_checks_it(
    volunteer: Vault, legal: Vault, tmp_path: Path
) -> None:
    (incident_id,) = add_incidents(volunteer, [SAMPLE[4]])
    trust(legal, volunteer)
    export_to(volunteer, legal, tmp_path / "first.fieldlog")
    export_to(volunteer, legal, tmp_path / "again.fieldlog")
    assert len(_share_events(volunteer, str(incident_id))) == 1
    _correct_title(volunteer, str(incident_id))
    report = import_bundle(legal, export_to(volunteer, legal, tmp_path / "edited.fieldlog"))
    assert report.incidents_added == 1
    views = _share_events(volunteer, str(incident_id))
    assert len(views) == 2
    (received,) = incident_history(legal, str(incident_id))["revisions"]  # the view, as is
    with volunteer.session() as session:
        second = session.scalar(
            select(IncidentRevision.id).where(
                IncidentRevision.incident_id == incident_id, IncidentRevision.number == 2
            )
        )
    assert views[-1] == share_digest(2, str(second), received["sha256"])
    assert audit_vault(volunteer).ok

    # A share event that does not match its revision: the audit says so, export stops.
    with volunteer.writing() as session:
        append_events(
            session,
            volunteer.signer,
            [PendingEvent(SHARE_ACTION, "incident", str(incident_id), None, "0" * 64)],
        )
    problems = audit_vault(volunteer).problems
    assert problems == [
        f"event {chain_length_of(volunteer)}: the shared view it records does not match a revision"
    ]


def test_an_earlier_view_made_under_a_wider_consent_never_leaves_again(
    volunteer: Vault, legal: Vault, stranger: Vault, tmp_path: Path
) -> None:
    """Shared while the witness's name could go out, then narrowed to anonymised: the old
    view's hash (with the name in it) would let a later recipient test guesses of it."""
    assert SAMPLE[8]["testimonies"][0]["witness"]  # consent legal; the other is internal
    (incident_id,) = add_incidents(volunteer, [SAMPLE[8]])
    trust(legal, volunteer)
    trust(stranger, volunteer)
    export_to(volunteer, legal, tmp_path / "while-legal.fieldlog")
    current = get_incident(volunteer, str(incident_id))
    current["testimonies"][0]["consent"] = "anonymised"
    update_incident(volunteer, str(incident_id), current)
    bundle = export_to(volunteer, stranger, tmp_path / "narrowed.fieldlog")
    with tarfile.open(fileobj=io.BytesIO(decrypt(stranger, bundle))) as archive:
        member = archive.extractfile("data/custody.jsonl")
        assert member is not None
        chain = [json.loads(line) for line in member.read().splitlines()]
    views = _share_events(volunteer, str(incident_id))
    assert len(views) == 2  # revision 1's (its name shared while legal), then revision 2's
    whole = [e["content_sha256"] for e in chain if e.get("action") == "incident.share"]
    assert whole == views[-1:]
    assert verify_bundle(stranger, bundle).ok
    assert audit_vault(volunteer).ok


def chain_length_of(vault: Vault) -> int:
    with vault.session() as session:
        return chain_length(session)


def _raw_tar(bench: Bench, extra: list[tuple[tarfile.TarInfo, bytes]]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.GNU_FORMAT) as archive:
        for name, data in bench.members:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), bench.mtime, 0o600
            archive.addfile(info, io.BytesIO(data))
        for info, data in extra:
            info.mtime, info.mode = bench.mtime, 0o600  # canonical but for what is tested
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def _member(
    name: str, kind: bytes = tarfile.REGTYPE, link: str = "", size: int = 0
) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.linkname, info.size = kind, link, size
    return info


@pytest.mark.parametrize(
    ("member", "message"),
    [
        (_member("data/media/link", tarfile.SYMTYPE, "/etc/passwd"), "link"),
        (_member("data/media/hard", tarfile.LNKTYPE, "bagit.txt"), "link"),
        (_member("data/media/dev", tarfile.CHRTYPE), "device"),
        (_member("data/media/fifo", tarfile.FIFOTYPE), "device or pipe"),
        (_member("/etc/cron.d/x", size=1), "absolute path"),
        (_member("data/../../x", size=1), r"'\.\.'"),
        (_member("data/incidents.json", size=1), "appears twice"),
        (_member("data/media/unlisted.bin", size=1), "not in its manifest"),
    ],
    ids=["symlink", "hardlink", "device", "fifo", "absolute", "dotdot", "twice", "unlisted"],
)
def test_unsafe_archive_members_are_refused(
    bench: Bench, member: tarfile.TarInfo, message: str
) -> None:
    refused = bench.refused(bench.encrypt(_raw_tar(bench, [(member, b"x" * member.size)])))
    assert isinstance(refused, UnsafeMemberError | BundleContentError)
    assert refused.args[0].startswith("refused:")
    assert re.search(message, str(refused))


def test_archive_bombs_are_refused(bench: Bench) -> None:
    assert "more files" in str(bench.refused(bench.ciphertext, Limits(max_members=4)))
    assert "larger" in str(bench.refused(bench.ciphertext, Limits(max_total_bytes=20_000)))
    assert "larger" in str(bench.refused(bench.ciphertext, Limits(max_member_bytes=10_000)))
    huge = _member("data/media/huge.bin", size=0)
    raw = bytearray(_raw_tar(bench, [(huge, b"")]))
    # Declare 1 PiB in the last header (base-256), fix its checksum: refused before reading.
    header_at = next(i for i in range(0, len(raw), 512) if raw[i : i + 18] == b"data/media/huge.bi")
    raw[header_at + 124 : header_at + 136] = b"\x80" + (1 << 50).to_bytes(11, "big")
    raw[header_at + 148 : header_at + 156] = b" " * 8
    raw[header_at + 148 : header_at + 156] = b"%06o\0 " % sum(raw[header_at : header_at + 512])
    assert "larger" in str(bench.refused(bench.encrypt(bytes(raw))))


def test_records_that_do_not_match_the_schema_are_refused(bench: Bench) -> None:
    payload = bench.payload()
    document = json.loads(payload["data/incidents.json"])
    document["incidents"][0]["categories"] = ["not_a_category"]
    payload["data/incidents.json"] = json.dumps(document).encode()
    refused = bench.refused(bench.repack(payload))
    assert "do not match the schema" in str(refused)
    assert "categories" in str(refused)


@pytest.mark.parametrize("member", ["data/incidents.json", "data/custody.jsonl"])
def test_half_a_character_is_refused_in_one_line_even_when_re_signed(
    bench: Bench, member: str
) -> None:
    """JSON can spell a lone surrogate (\\ud800), which no UTF-8 text can hold: once it
    reached the hashing as an uncaught UnicodeEncodeError."""
    payload = bench.payload()
    if member == "data/incidents.json":
        document = json.loads(payload[member])
        document["incidents"][0]["title"] += "\ud800"
        payload[member] = json.dumps(document).encode()
    else:
        lines = payload[member].splitlines(keepends=True)
        event = json.loads(lines[0])
        event["action"] += "\ud800"
        lines[0] = json.dumps(event, sort_keys=True, separators=(",", ":")).encode() + b"\n"
        payload[member] = b"".join(lines)
    message = str(bench.refused(bench.repack(payload)))
    assert "\n" not in message
    assert SAMPLE[0]["title"] not in message


def test_messages_name_no_content(bench: Bench) -> None:
    payload = bench.payload()
    document = json.loads(payload["data/incidents.json"])
    document["incidents"][1]["title"] = 42
    payload["data/incidents.json"] = json.dumps(document).encode()
    message = str(bench.refused(bench.repack(payload)))
    for incident in (SAMPLE[0], SAMPLE[8]):
        assert incident["title"] not in message
        assert incident["location"]["name"] not in message


def test_a_damaged_blob_stops_the_export(filled: Vault, legal: Vault, tmp_path: Path) -> None:
    name = sorted(filled.blobs.names())[0]
    path = filled.blobs.path_of(name)
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 1
    path.write_bytes(bytes(raw))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(BlobCorruptError):
        export_to(filled, legal, out / "bundle.fieldlog")
    assert list(out.iterdir()) == []


def test_a_swapped_blob_stops_the_export(filled: Vault, legal: Vault, tmp_path: Path) -> None:
    """The blobs' encryption does not tie a blob to its record; the export's checks do (the
    size here, else the hash)."""
    first, second = (filled.blobs.path_of(name) for name in sorted(filled.blobs.names())[:2])
    swap = first.with_name("swap")
    first.rename(swap)
    second.rename(first)
    swap.rename(second)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(BundleDamagedError, match="a stored file"):
        export_to(filled, legal, out / "bundle.fieldlog")
    assert list(out.iterdir()) == []


# -- the command line -----------------------------------------------------------------------


@pytest.fixture
def bundle_main() -> Callable[[list[str]], int]:
    """The real ``fieldlog.cli.main``, with the bundle commands wired in."""
    return main


def test_command_line(
    tmp_path: Path,
    passphrase_file: Path,
    capsys: pytest.CaptureFixture[str],
    bundle_main: Callable[[list[str]], int],
) -> None:
    paths = {name: tmp_path / name for name in ("volunteer", "legal")}
    for path in paths.values():
        new_vault(path).close()
    base = {
        n: ["--vault", str(p), "--passphrase-file", str(passphrase_file)] for n, p in paths.items()
    }
    with Vault.open(paths["volunteer"], PASSPHRASE) as vault:
        add_incidents(vault, SAMPLE[:9])
    assert bundle_main([*base["legal"], "keys", "--json"]) == 0
    legal_keys = json.loads(capsys.readouterr().out)
    assert set(legal_keys) == {"recipient", "signing_key", "fingerprint"}
    assert bundle_main([*base["volunteer"], "keys"]) == 0
    volunteer_text = capsys.readouterr().out
    volunteer_key = volunteer_text.split("signing key  ")[1].split()[0]
    assert (
        bundle_main(
            [
                *base["volunteer"],
                "contacts",
                "add",
                "Legal team",
                "--recipient",
                legal_keys["recipient"],
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert (
        bundle_main(
            [
                *base["volunteer"],
                "contacts",
                "add",
                "Legal team",
                "--recipient",
                legal_keys["recipient"],
            ]
        )
        == 1
    )
    assert capsys.readouterr().err == "error: a contact with that name already exists\n"
    assert bundle_main([*base["volunteer"], "contacts", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["recipient"] == legal_keys["recipient"]
    out = tmp_path / "calais.fieldlog"
    assert (
        bundle_main(
            [
                *base["volunteer"],
                "export",
                "--recipient",
                "Legal team",
                "--since",
                "2017-07-01",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    printed = capsys.readouterr().out
    assert "Consent: 1 internal testimony left out" in printed
    assert bundle_main([*base["legal"], "verify", str(out)]) == 1
    captured = capsys.readouterr()
    assert "UNKNOWN key" in captured.out
    assert captured.err.startswith("error: the bundle is intact but its signer is not a trusted")
    assert bundle_main([*base["legal"], "import", str(out)]) == 1
    assert capsys.readouterr().err.startswith("error: refused: the bundle is signed by a key")
    assert (
        bundle_main(
            [*base["legal"], "contacts", "add", "Volunteer", "--signing-key", volunteer_key]
        )
        == 0
    )
    capsys.readouterr()
    assert bundle_main([*base["legal"], "verify", str(out), "--json"]) == 0
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["ok"]
    assert verdict["signer_name"] == "Volunteer"
    assert bundle_main([*base["legal"], "import", str(out)]) == 0
    assert "added" in capsys.readouterr().out
    assert bundle_main([*base["legal"], "import", str(out)]) == 0
    assert "nothing changed" in capsys.readouterr().out
    with Vault.open(paths["legal"], PASSPHRASE) as vault:
        assert len(list_incidents(vault)) == len(
            [i for i in SAMPLE[:9] if i["occurred_at"] >= "2017-07-01"]
        )
        assert [c.name for c in list_contacts(vault)] == ["Volunteer"]
        with vault.session() as session:
            assert session.execute(text("SELECT count(*) FROM record_provenance")).scalar()
    damaged = tmp_path / "damaged.fieldlog"
    raw = bytearray(out.read_bytes())
    raw[len(raw) // 2] ^= 1
    damaged.write_bytes(bytes(raw))
    assert bundle_main([*base["legal"], "verify", str(damaged), "--json"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["ok"] is False
    assert captured.err.startswith("error: the bundle is damaged or was changed")
