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
from fieldlog.bundles.hashing import ThreadedHash
from fieldlog.bundles.signing import signature_file
from fieldlog.bundles.tarstream import TarWriter
from fieldlog.services.custody import Signer

BUNDLE_FORMAT_VERSION = "1"

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


def _checked(
    source: MediaSource,
    done: list[int],
    total: int,
    progress: BundleProgress | None,
    cancelled: Cancelled | None,
) -> Iterator[bytes]:
    with ThreadedHash() as digest:
        for chunk in source.chunks():
            if cancelled is not None and cancelled():
                raise ExportCancelled("export cancelled; no bundle was written")
            digest.update(chunk)
            done[0] += len(chunk)
            if progress is not None:
                progress(done[0], total)
            yield chunk
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
    total = sum(f.size for f in contents.payload())
    age = AgeWriter(out, recipients)
    tar = TarWriter(age, int(now.timestamp()))
    for name, data in tag_files(signer, contents, now):
        tar.add_bytes(name, data)
    done = [0]
    for name, data in contents.documents:
        tar.add_bytes(name, data)
        done[0] += len(data)
    for source in contents.media:
        tar.add_stream(source.path, source.size, _checked(source, done, total, progress, cancelled))
    tar.close()
    age.close()
    return total
