"""Writing a bundle: a BagIt bag, streamed as a tar, streamed through age encryption.

Order inside the tar: the five tag files first, then ``data/incidents.json``,
``data/custody.jsonl``, then the media files. The tag files can come first because the
exporter knows every payload hash before it streams anything: the two documents are
built in memory, and each media file's SHA-256 was recorded when it was attached. Each
file is hashed again as it streams out of the blob store, and a file that does not match
its record stops the export (the partly written output is removed). So the importer
learns the signer and checks the signature before it reads a byte of payload, and checks
every payload file against a signed manifest as it arrives.

No plaintext of the bag is ever on disk: blobs are decrypted chunk by chunk into the tar
stream, which is encrypted chunk by chunk into the output file.
"""

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from fieldlog.bundles import bagit
from fieldlog.bundles.agestream import AgeWriter
from fieldlog.bundles.errors import BundleDamagedError, ExportCancelled
from fieldlog.bundles.signing import signature_file
from fieldlog.bundles.tarstream import TarWriter
from fieldlog.services.custody import Signer
from fieldlog.streams.hashing import ThreadedHash

BUNDLE_FORMAT_VERSION = "2"  # 2: the chain records the filtered views it exports

BundleProgress = Callable[[int, int], None]  # payload bytes done, payload bytes in all
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class MediaSource:
    path: str
    size: int
    sha256: str  # as recorded when the file was attached
    chunks: Callable[[], Iterator[bytes]]


@dataclass(frozen=True)
class BagContents:
    info: list[tuple[str, str]]  # FieldLog's own bag-info fields
    documents: list[tuple[str, bytes]]  # written whole, before the media
    media: list[MediaSource]

    def payload(self) -> list[bagit.PayloadFile]:
        files = [
            bagit.PayloadFile(path, len(data), hashlib.sha256(data).hexdigest())
            for path, data in self.documents
        ]
        return files + [bagit.PayloadFile(m.path, m.size, m.sha256) for m in self.media]


def tag_files(signer: Signer, contents: BagContents, now: datetime) -> list[tuple[str, bytes]]:
    """bagit.txt, bag-info.txt, both manifests and the signature, in that order."""
    payload = contents.payload()
    info = bagit.bag_info(
        [
            ("Bagging-Date", now.date().isoformat()),
            ("Payload-Oxum", bagit.payload_oxum(payload)),
            *contents.info,
        ]
    )
    manifest = bagit.manifest([(f.sha256, f.path) for f in payload])
    tags = [
        (bagit.BAGIT_NAME, bagit.BAGIT_TXT),
        (bagit.BAG_INFO_NAME, info),
        (bagit.MANIFEST_NAME, manifest),
    ]
    tagmanifest = bagit.manifest([(hashlib.sha256(data).hexdigest(), name) for name, data in tags])
    return [
        *tags,
        (bagit.TAGMANIFEST_NAME, tagmanifest),
        (bagit.SIGNATURE_NAME, signature_file(signer, tagmanifest)),
    ]


@dataclass
class _Progress:
    total: int
    report: BundleProgress | None
    cancelled: Cancelled | None
    done: int = 0

    def add(self, size: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled("export cancelled; no bundle was written")
        self.done += size
        if self.report is not None:
            self.report(self.done, self.total)


def _hashed(source: MediaSource, digest: ThreadedHash, progress: _Progress) -> Iterator[bytes]:
    for chunk in source.chunks():
        progress.add(len(chunk))
        digest.update(chunk)
        yield chunk


def _check(digest: ThreadedHash, source: MediaSource) -> None:
    if digest.hexdigest() != source.sha256:
        raise BundleDamagedError(
            "a stored file does not match its recorded SHA-256; nothing was exported "
            "(run 'fieldlog audit verify')"
        )


def write_bundle(
    out: BinaryIO,
    *,
    recipients: list[bytes],
    signer: Signer,
    contents: BagContents,
    now: datetime,
    progress: BundleProgress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Stream the encrypted bundle into ``out``; return the payload size in bytes."""
    done = _Progress(sum(f.size for f in contents.payload()), progress, cancelled)
    age = AgeWriter(out, recipients)
    tar = TarWriter(age, int(now.timestamp()))
    for name, data in tag_files(signer, contents, now):
        tar.add_bytes(name, data)
    for name, data in contents.documents:
        tar.add_bytes(name, data)
        done.done += len(data)
    # Each file's hash is checked once the next file has streamed: by then its thread has
    # caught up, so the encryption does not wait for it. The bundle is only complete (and
    # renamed into place by the caller) after every check.
    hashing: list[tuple[ThreadedHash, MediaSource]] = []
    try:
        for source in contents.media:
            digest = ThreadedHash()
            hashing.append((digest, source))
            tar.add_stream(source.path, source.size, _hashed(source, digest, done))
            while len(hashing) > 1:
                _check(*hashing.pop(0))
        while hashing:
            _check(*hashing.pop(0))
    finally:
        for digest, _source in hashing:
            digest.close()
    tar.close()
    age.close()
    return done.total
