"""Evidence media on a real vault, with the real camera files of shared/samples/photos."""

import hashlib
import io
import json
import random
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import exifread
import pytest
from PIL import Image
from sqlalchemy import select, text

from fieldlog.cli import main
from fieldlog.errors import InvalidInputError
from fieldlog.media.blobstore import BlobCorruptError, BlobWriter, read_blob
from fieldlog.media.images import Box
from fieldlog.media.ingest import IngestCancelled
from fieldlog.media.metadata import read_metadata
from fieldlog.model import Media
from fieldlog.services.audit import audit_vault
from fieldlog.services.incidents import add_incidents
from fieldlog.services.media import (
    attach_file,
    attach_files,
    export_original,
    make_shareable_copy,
    original_bytes,
    thumbnail,
    use_time_and_place,
)
from fieldlog.services.queries import get_incident
from fieldlog.vault import Vault
from tests.conftest import PASSPHRASE, SHARED, all_bytes

PHOTOS = SHARED / "samples" / "photos"
ALL_PHOTOS = sorted(p for p in PHOTOS.iterdir() if p.suffix.lower() in (".jpg", ".heic"))
INCIDENT = {
    "occurred_at": "2017-07-15T19:30:00+02:00",
    "location": {"name": "Calais"},
    "categories": ["tear_gas"],
    "title": "Gas at the distribution",
}

pytestmark = pytest.mark.skipif(
    not PHOTOS.is_dir(), reason="shared/samples/photos is not beside the checkout"
)


@pytest.fixture
def incident(vault: Vault) -> str:
    return str(add_incidents(vault, [INCIDENT])[0])


def media_record(vault: Vault, incident_id: str, media_id: str) -> dict[str, Any]:
    return next(m for m in get_incident(vault, incident_id)["media"] if m["id"] == media_id)


# -- metadata ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "captured", "lat", "lon"),
    [
        ("DSCN0010.jpg", "2008-10-22T16:28:39", 43.4674483, 11.8851267),
        ("DSCN0012.jpg", "2008-10-22T16:29:49", 43.4671567, 11.8853950),
        ("DSCN0021.jpg", "2008-10-22T16:38:20", 43.4670817, 11.8845383),
    ],
)
def test_gps_and_capture_time(
    vault: Vault, incident: str, name: str, captured: str, lat: float, lon: float
) -> None:
    media_id = str(attach_file(vault, incident, PHOTOS / name).media_id)
    record = media_record(vault, incident, media_id)
    assert record["captured_at"] == captured
    assert record["gps"]["lat"] == pytest.approx(lat, abs=1e-6)
    assert record["gps"]["lon"] == pytest.approx(lon, abs=1e-6)
    assert record["device"] == "NIKON COOLPIX P6000"
    assert record["kind"] == "image"
    assert record["media_type"] == "image/jpeg"
    assert record["sha256"] == hashlib.sha256((PHOTOS / name).read_bytes()).hexdigest()
    assert record["size"] == (PHOTOS / name).stat().st_size


def test_heic_from_an_iphone(vault: Vault, incident: str) -> None:
    media_id = str(attach_file(vault, incident, PHOTOS / "iphone_13_pro_max.HEIC").media_id)
    record = media_record(vault, incident, media_id)
    assert record["captured_at"] == "2022-02-16T12:55:41+01:00"  # with the offset it recorded
    assert record["device"] == "Apple iPhone 13 Pro Max"
    assert record["media_type"] == "image/heic"
    assert record["gps"] is None  # this phone photo carries no position
    assert record["orientation"] == 6
    assert (record["width"], record["height"]) == (3024, 4032)  # shown upright
    thumb = thumbnail(vault, media_id)
    assert thumb is not None
    with Image.open(io.BytesIO(thumb)) as image:
        assert image.height > image.width


@pytest.mark.parametrize("name", ["portrait_6.jpg", "landscape_3.jpg"])
def test_orientation_is_applied_to_previews(vault: Vault, incident: str, name: str) -> None:
    media_id = str(attach_file(vault, incident, PHOTOS / name).media_id)
    record = media_record(vault, incident, media_id)
    thumb = thumbnail(vault, media_id)
    assert thumb is not None
    with Image.open(io.BytesIO(thumb)) as image:
        assert (image.width > image.height) == (record["width"] > record["height"])
    if name == "portrait_6.jpg":
        assert record["height"] > record["width"]


@pytest.mark.parametrize("path", ALL_PHOTOS, ids=lambda p: p.name)
def test_media_get_returns_the_original_bytes(
    vault: Vault, incident: str, path: Path, tmp_path: Path
) -> None:
    media_id = str(attach_file(vault, incident, path).media_id)
    out = tmp_path / "out.bin"
    export_original(vault, media_id, out)
    assert out.read_bytes() == path.read_bytes()
    assert out.stat().st_mode & 0o077 == 0


def test_damaged_and_bare_files_are_kept_with_a_note(vault: Vault, incident: str) -> None:
    bare = media_record(
        vault, incident, str(attach_file(vault, incident, PHOTOS / "no_exif.jpg").media_id)
    )
    assert bare["captured_at"] is None
    assert bare["gps"] is None
    assert bare["device"] is None
    damaged_bytes = (PHOTOS / "DSCN0010.jpg").read_bytes()[:3000]  # cut inside the image data
    damaged = Path(tempfile.mkdtemp()) / "cut.jpg"
    damaged.write_bytes(damaged_bytes)
    record = media_record(vault, incident, str(attach_file(vault, incident, damaged).media_id))
    assert record["size"] == 3000
    assert record["note"]
    assert original_bytes(vault, record["id"], 1 << 20)[1] == damaged_bytes


def test_the_same_file_is_stored_once(vault: Vault, incident: str) -> None:
    other = str(add_incidents(vault, [INCIDENT])[0])
    first = attach_file(vault, incident, PHOTOS / "DSCN0010.jpg")
    again = attach_file(vault, incident, PHOTOS / "DSCN0010.jpg")
    elsewhere = attach_file(vault, other, PHOTOS / "DSCN0010.jpg")
    assert again.media_id == first.media_id
    assert not again.new
    assert elsewhere.new
    assert elsewhere.media_id != first.media_id
    assert len(vault.blobs.names()) == 1


# -- the blob format -------------------------------------------------------------


KEY = bytes(range(32))


def sealed(data: bytes, chunk_size: int = 1000) -> bytes:
    out = io.BytesIO()
    writer = BlobWriter(out, KEY, chunk_size=chunk_size)
    for start in range(0, len(data), 333):
        writer.write(data[start : start + 333])
    writer.finish()
    return out.getvalue()


def opened(blob: bytes) -> bytes:
    return b"".join(read_blob(io.BytesIO(blob), KEY))


@pytest.mark.parametrize("size", [0, 1, 999, 1000, 1001, 4000, 4321])
def test_blob_round_trip(size: int) -> None:
    data = random.Random(size).randbytes(size)
    assert opened(sealed(data)) == data


# Digests of blobs sealed by the first release's BlobWriter (AESGCM.encrypt per chunk), salt
# pinned: existing vaults must stay readable, so the bytes on disk must not change.
FORMAT_V1 = {
    0: "e1c4fd7a75ba45dc656e762c8f827be9ce743e7825418c550f724dd663f15c9a",
    1000: "56abbe9c4d17e56eea243304914993d0cd6d143952818371809fc02cf21fd92d",
    2500: "6b3d63639d162ba17f7e213e51d4fcacfbd918507e0069f97e32466b21347282",
    4000: "ca369ed97381025dfc7e5509399227c534caef540fe54d04cfbb8ffd28d511bc",
}


@pytest.mark.parametrize("size", sorted(FORMAT_V1))
def test_blob_format_is_unchanged(size: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("secrets.token_bytes", lambda n: bytes(range(100, 100 + n)))
    data = random.Random(7).randbytes(size)
    blob = sealed(data)
    assert hashlib.sha256(blob).hexdigest() == FORMAT_V1[size]
    assert opened(blob) == data


HEADER = 44
CHUNK = 1000 + 16


def reorder(blob: bytes) -> bytes:
    chunks = [blob[HEADER + i * CHUNK : HEADER + (i + 1) * CHUNK] for i in range(4)]
    return (
        blob[:HEADER] + chunks[1] + chunks[0] + chunks[2] + chunks[3] + blob[HEADER + 4 * CHUNK :]
    )


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda b: b[:-1], id="truncated-by-a-byte"),
        pytest.param(lambda b: b[: HEADER + 2 * CHUNK], id="truncated-at-a-chunk-boundary"),
        pytest.param(lambda b: b[:HEADER], id="only-the-header"),
        pytest.param(lambda b: b[:20], id="half-a-header"),
        pytest.param(lambda b: b + b"\0", id="one-byte-appended"),
        pytest.param(lambda b: b + b[HEADER : HEADER + CHUNK], id="chunk-appended"),
        pytest.param(reorder, id="chunks-reordered"),
        pytest.param(lambda b: b[:HEADER] + b[HEADER + CHUNK :], id="first-chunk-removed"),
        pytest.param(lambda b: b[:3000] + bytes([b[3000] ^ 1]) + b[3001:], id="bit-flipped"),
        pytest.param(lambda b: b[:14] + bytes([b[14] ^ 1]) + b[15:], id="salt-flipped"),
        pytest.param(lambda b: b[:9] + b"\x00\x00\x00" + b[12:], id="chunk-size-changed"),
    ],
)
def test_tampered_blobs_are_refused(tamper: Any) -> None:
    blob = sealed(random.Random(1).randbytes(4500))
    with pytest.raises(BlobCorruptError):
        opened(tamper(blob))


def blob_file(vault: Vault) -> Path:
    (name,) = vault.blobs.names()
    return vault.blobs.path_of(name)


def test_tampered_blob_in_the_vault_is_refused_and_nothing_is_written(
    vault: Vault, incident: str, tmp_path: Path
) -> None:
    media_id = str(attach_file(vault, incident, PHOTOS / "DSCN0010.jpg").media_id)
    path = blob_file(vault)
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x40
    path.write_bytes(bytes(raw))
    out = tmp_path / "out.jpg"
    with pytest.raises(BlobCorruptError, match="integrity check"):
        export_original(vault, media_id, out)
    assert list(tmp_path.iterdir()) == [tmp_path / "vault"]


# -- hostile and damaged files ------------------------------------------------------


def mutations(seed: int, count: int) -> Iterator[bytes]:
    source = (PHOTOS / "DSCN0010.jpg").read_bytes()
    rng = random.Random(seed)
    for _ in range(count):
        data = bytearray(source)
        for _ in range(rng.randint(1, 40)):
            choice = rng.random()
            position = rng.randrange(len(data))
            if choice < 0.6:
                data[position] = rng.randrange(256)
            elif choice < 0.8:
                del data[position : position + rng.randint(1, 2000)]
            else:
                data[position:position] = rng.randbytes(rng.randint(1, 500))
        if rng.random() < 0.3:  # mutate the EXIF block in particular
            for _ in range(20):
                data[rng.randrange(2, min(len(data), 12000))] = rng.randrange(256)
        yield bytes(data)


def test_mutated_jpegs_are_all_kept(vault: Vault, incident: str, tmp_path: Path) -> None:
    folder = tmp_path / "mutated"
    folder.mkdir()
    originals = {}
    for number, data in enumerate(mutations(seed=2017, count=300)):
        path = folder / f"{number:03}.jpg"
        path.write_bytes(data)
        originals[hashlib.sha256(data).hexdigest()] = data
    attached = attach_files(vault, incident, [folder])
    assert len(attached) == 300
    records = get_incident(vault, incident)["media"]
    assert {r["sha256"] for r in records} == set(originals)
    for record in records[::10]:
        assert original_bytes(vault, record["id"], 1 << 22)[1] == originals[record["sha256"]]
    assert audit_vault(vault).ok


def test_decompression_bomb_is_kept_but_not_decoded(
    vault: Vault, incident: str, tmp_path: Path
) -> None:
    bomb = tmp_path / "bomb.png"
    Image.new("1", (20000, 20000)).save(bomb, optimize=True)  # 400 megapixels in a small file
    assert bomb.stat().st_size < 200_000
    media_id = str(attach_file(vault, incident, bomb).media_id)
    record = media_record(vault, incident, media_id)
    assert "too large" in record["note"]
    assert thumbnail(vault, media_id) is None
    assert original_bytes(vault, media_id, 1 << 22)[1] == bomb.read_bytes()
    with pytest.raises(InvalidInputError, match="no shareable copy"):
        make_shareable_copy(vault, media_id)


def test_metadata_parsing_is_bounded_in_time() -> None:
    head = (PHOTOS / "DSCN0010.jpg").read_bytes()
    assert (
        read_metadata(head, seconds=0.0).note
        == "metadata could not be read: the file took too long to parse"
    )


def test_video_audio_and_other_files_keep_hash_and_type(
    vault: Vault, incident: str, tmp_path: Path
) -> None:
    samples = {
        "clip.mp4": b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(5000),
        "voice.wav": b"RIFF\x24\x08\x00\x00WAVEfmt " + bytes(3000),
        "report.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(2000),
        "notes.bin": random.Random(3).randbytes(3000),
        "empty": b"",
    }
    kinds = {}
    for name, data in samples.items():
        (tmp_path / name).write_bytes(data)
        media_id = str(attach_file(vault, incident, tmp_path / name).media_id)
        record = media_record(vault, incident, media_id)
        assert record["sha256"] == hashlib.sha256(data).hexdigest()
        assert original_bytes(vault, media_id, 1 << 20)[1] == data
        kinds[name] = (record["kind"], record["media_type"])
    assert kinds["clip.mp4"] == ("video", "video/mp4")
    assert kinds["voice.wav"][0] == "audio"
    assert kinds["report.pdf"] == ("pdf", "application/pdf")
    assert kinds["notes.bin"] == ("other", "application/octet-stream")
    assert kinds["empty"][0] == "other"


# -- no plaintext anywhere ---------------------------------------------------------------


def test_no_plaintext_of_attachments_in_the_vault_or_temp(
    vault: Vault, incident: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "system-temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    attach_files(vault, incident, [PHOTOS])
    for media in get_incident(vault, incident)["media"]:
        if media["kind"] == "image" and media["note"] is None:
            make_shareable_copy(vault, media["id"])
    raw = all_bytes(vault.path)
    # Six bytes or more: a four-byte needle turns up by chance in ~1 % of runs
    # (tens of MB of ciphertext).
    needles = [b"Exif\x00\x00", b"COOLPIX", b"NIKON", b"iPhone 13", b"JFIF\x00\x01", b"ftypheic"]
    needles += [photo.read_bytes()[:48] for photo in ALL_PHOTOS]  # every file's own first bytes
    for needle in needles:
        assert needle not in raw, needle
    assert list(temp.iterdir()) == []


# -- shareable copies -------------------------------------------------------------------


def test_shareable_copy_has_no_metadata_and_blurs(vault: Vault, incident: str) -> None:
    original_id = str(attach_file(vault, incident, PHOTOS / "DSCN0010.jpg").media_id)
    box = Box(100, 100, 200, 150)
    copy_id = str(make_shareable_copy(vault, original_id, [box]).media_id)
    record = media_record(vault, incident, copy_id)
    assert record["derived_from"] == original_id
    assert record["derivation"] == {"metadata": "removed", "blurred": [[100, 100, 200, 150]]}
    # Nor the original's name, which may tell a person or, from a camera, the time.
    assert record["filename"] == f"shareable-{original_id[:8]}.jpg"
    _, data = original_bytes(vault, copy_id, 1 << 24)
    assert exifread.process_file(io.BytesIO(data), details=False) == {}
    for marker in (b"Exif", b"GPS", b"NIKON", b"http://ns.adobe.com/xap", b"ICC_PROFILE"):
        assert marker not in data
    with Image.open(io.BytesIO(data)) as image:
        assert not image.info.get("exif")
        copy = image.convert("RGB")
    _, source = original_bytes(vault, original_id, 1 << 24)
    with Image.open(io.BytesIO(source)) as image:
        upright = image.convert("RGB")
    inside = (box.x + box.width // 2, box.y + box.height // 2)
    outside = (500, 400)

    def variation(image: Image.Image, x: int, y: int) -> int:
        pixels = [
            image.getpixel((x + dx, y + dy)) for dx in range(-8, 9, 4) for dy in range(-8, 9, 4)
        ]
        return max(sum(p) for p in pixels) - min(sum(p) for p in pixels)  # type: ignore[arg-type]

    assert variation(copy, *inside) <= variation(upright, *inside)
    assert copy.getpixel(outside) == pytest.approx(upright.getpixel(outside), abs=12)
    # the original is untouched
    assert source == (PHOTOS / "DSCN0010.jpg").read_bytes()
    assert audit_vault(vault).ok


def test_blur_outside_the_image_is_refused(vault: Vault, incident: str) -> None:
    media_id = str(attach_file(vault, incident, PHOTOS / "DSCN0010.jpg").media_id)
    with pytest.raises(InvalidInputError, match="outside the image"):
        make_shareable_copy(vault, media_id, [Box(5000, 5000, 10, 10)])


# -- the photo's time and place ----------------------------------------------------------


def test_use_the_photos_time_and_place(vault: Vault, incident: str) -> None:
    media_id = str(attach_file(vault, incident, PHOTOS / "DSCN0010.jpg").media_id)
    assert use_time_and_place(vault, media_id) == 2
    record = get_incident(vault, incident)
    # The camera recorded no offset: the incident's own offset is kept.
    assert record["occurred_at"] == "2008-10-22T16:28:39+02:00"
    assert record["location"]["lat"] == pytest.approx(43.4674483)
    assert record["location"]["name"] == "Calais"
    no_gps = str(attach_file(vault, incident, PHOTOS / "Canon_40D.jpg").media_id)
    with pytest.raises(InvalidInputError, match="no GPS"):
        use_time_and_place(vault, no_gps)


@pytest.mark.parametrize("offset", ["25:00", "+5", "+02:00:00", "+15:00", "02:00"])
def test_a_malformed_offset_is_named_as_such(vault: Vault, incident: str, offset: str) -> None:
    media_id = str(attach_file(vault, incident, PHOTOS / "DSCN0010.jpg").media_id)
    with pytest.raises(InvalidInputError, match=r"^the UTC offset must look like \+02:00"):
        use_time_and_place(vault, media_id, offset=offset)
    assert get_incident(vault, incident)["revision"] == 1
    assert use_time_and_place(vault, media_id, place=False, offset="-05:30") == 2
    assert get_incident(vault, incident)["occurred_at"] == "2008-10-22T16:28:39-05:30"


# -- custody and crashes ----------------------------------------------------------------


def test_media_enter_the_custody_log(vault: Vault, incident: str) -> None:
    media_id = str(attach_file(vault, incident, PHOTOS / "DSCN0010.jpg").media_id)
    make_shareable_copy(vault, media_id)
    with vault.session() as session:
        actions = (
            session.execute(text("SELECT action FROM custody_events ORDER BY seq")).scalars().all()
        )
    assert actions[-2:] == ["media.add", "media.derive"]
    assert audit_vault(vault).ok
    with vault.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER media_no_update"))
        connection.execute(text("UPDATE media SET sha256 = :s"), {"s": "0" * 64})
    assert any("no custody event records this file" in p for p in audit_vault(vault).problems)


def test_the_audit_finds_a_damaged_or_missing_stored_file(vault: Vault, incident: str) -> None:
    """ "ok" must mean the photos are intact too, not only the log that vouches for them."""
    damaged = attach_file(vault, incident, PHOTOS / "DSCN0010.jpg").media_id
    missing = attach_file(vault, incident, PHOTOS / "Canon_40D.jpg").media_id
    attach_file(vault, incident, PHOTOS / "DSCN0012.jpg")
    report = audit_vault(vault)
    assert (report.ok, report.files_checked) == (True, 3)
    with vault.session() as session:
        blobs = {m.id: m.blob for m in session.scalars(select(Media))}
    path = vault.blobs.path_of(blobs[damaged])
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    path.write_bytes(bytes(raw))
    vault.blobs.path_of(blobs[missing]).unlink()
    problems = audit_vault(vault).problems
    assert {p.split(":")[0] for p in problems} == {f"media {damaged}", f"media {missing}"}
    assert len(problems) == 2
    assert audit_vault(vault, files=False).ok


def test_partial_files_from_a_crash_are_removed_on_open(created_vault: tuple[Path, str]) -> None:
    path, _ = created_vault
    with Vault.open(path, PASSPHRASE) as vault:
        temp, handle = vault.blobs.new_temp()
        handle.write(b"half an encrypted file")
        handle.close()
    assert temp.exists()
    with Vault.open(path, PASSPHRASE) as vault:
        assert not temp.exists()
        assert vault.blobs.names() == set()


def test_cancelled_ingest_leaves_nothing(vault: Vault, incident: str) -> None:
    with pytest.raises(IngestCancelled):
        attach_file(vault, incident, PHOTOS / "jolla.jpg", cancelled=lambda: True)
    assert not any(vault.blobs.folder.rglob("*")) or vault.blobs.names() == set()
    assert get_incident(vault, incident)["media"] == []


@pytest.mark.parametrize("size", [3 << 20, (2 << 20) + 12345])
def test_a_file_of_several_chunks_comes_back_byte_exact(
    vault: Vault, incident: str, tmp_path: Path, size: int
) -> None:
    data = random.Random(size).randbytes(size)
    source = tmp_path / "video.bin"
    source.write_bytes(data)
    seen: list[int] = []
    attached = attach_file(vault, incident, source, progress=seen.append)
    assert seen[-1] == size
    record = media_record(vault, incident, str(attached.media_id))
    assert record["sha256"] == hashlib.sha256(data).hexdigest()
    assert record["size"] == size
    out = tmp_path / "out.bin"
    export_original(vault, str(attached.media_id), out)
    assert out.read_bytes() == data


def test_an_ingest_cancelled_midway_leaves_nothing(
    vault: Vault, incident: str, tmp_path: Path
) -> None:
    source = tmp_path / "video.bin"
    source.write_bytes(random.Random(3).randbytes(5 << 20))
    asked = iter([False, False, True])
    with pytest.raises(IngestCancelled):
        attach_file(vault, incident, source, cancelled=lambda: next(asked))
    assert not [p for p in vault.blobs.folder.rglob("*") if p.is_file()]
    assert get_incident(vault, incident)["media"] == []


def test_a_failed_write_leaves_nothing_and_is_raised(
    vault: Vault, incident: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "video.bin"
    source.write_bytes(random.Random(4).randbytes(4 << 20))

    def disk_full(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(BlobWriter, "_emit", disk_full)
    with pytest.raises(OSError, match="No space left"):
        attach_file(vault, incident, source)
    assert not [p for p in vault.blobs.folder.rglob("*") if p.is_file()]
    assert get_incident(vault, incident)["media"] == []


# -- the command line -------------------------------------------------------------------


def test_cli_attach_show_and_get(
    created_vault: tuple[Path, str],
    passphrase_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _ = created_vault
    with Vault.open(path, PASSPHRASE) as vault:
        incident_id = str(add_incidents(vault, [INCIDENT])[0])
    base = ["--vault", str(path), "--passphrase-file", str(passphrase_file)]
    photos = [PHOTOS / "DSCN0010.jpg", PHOTOS / "iphone_13_pro_max.HEIC", PHOTOS / "corrupted.jpg"]
    assert main([*base, "attach", incident_id, *map(str, photos)]) == 0
    media_ids = capsys.readouterr().out.split()
    assert len(media_ids) == 3
    assert main([*base, "show", incident_id, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    first = shown["media"][0]
    assert {"id", "filename", "sha256", "size", "captured_at", "gps", "device"} <= set(first)
    assert first["filename"] == "DSCN0010.jpg"
    assert set(first["gps"]) == {"lat", "lon"}
    for media_id, photo in zip(media_ids, photos, strict=True):
        out = tmp_path / f"{photo.name}.out"
        assert main([*base, "media", "get", media_id, "-o", str(out)]) == 0
        assert out.read_bytes() == photo.read_bytes()
    assert main([*base, "media", "get", media_ids[0], "-o", str(out)]) == 1
    assert capsys.readouterr().err.startswith("error: ")
    assert main([*base, "attach", incident_id, str(tmp_path / "missing.jpg")]) == 1
    assert capsys.readouterr().err == f"error: no such file: {tmp_path / 'missing.jpg'}\n"
