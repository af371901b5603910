"""The bundle signature: Ed25519 over the bytes of ``tagmanifest-sha256.txt``.

The tag manifest holds the SHA-256 of ``bag-info.txt`` and ``manifest-sha256.txt``, which
hold the SHA-256 of every payload file, so this one signature covers every byte of the bag
except itself. It is made with the vault's device key, the same key that signs its custody
log, so a legal team can tie the bundle to the chain inside it.

``fieldlog-signature.txt``::

    Signature-Algorithm: Ed25519
    Signer: <public key, 64 hex digits>
    Signed-File: tagmanifest-sha256.txt
    Signature: <128 hex digits>
"""

import hashlib
import re

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldlog.bundles.bagit import TAGMANIFEST_NAME
from fieldlog.bundles.errors import BadSignatureError
from fieldlog.errors import InvalidInputError
from fieldlog.services.custody import Signer

_FORMAT = re.compile(
    r"Signature-Algorithm: Ed25519\n"
    r"Signer: (?P<signer>[0-9a-f]{64})\n"
    rf"Signed-File: {re.escape(TAGMANIFEST_NAME)}\n"
    r"Signature: (?P<signature>[0-9a-f]{128})\n"
)


def fingerprint(public_hex: str) -> str:
    """20 hex digits of SHA-256 of the raw public key, in groups of four, to read aloud."""
    digest = hashlib.sha256(bytes.fromhex(public_hex)).hexdigest()[:20]
    return " ".join(digest[i : i + 4] for i in range(0, 20, 4))


def check_public_key(text: str) -> str:
    """A signing key as people paste it: 64 hex digits (spaces allowed), returned lowercase."""
    cleaned = "".join(text.split()).lower()
    if len(cleaned) != 64 or any(c not in "0123456789abcdef" for c in cleaned):
        raise InvalidInputError("a signing key is 64 hexadecimal digits (see 'fieldlog keys')")
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(cleaned))
    except ValueError:
        raise InvalidInputError("that is not an Ed25519 signing key") from None
    return cleaned


def signature_file(signer: Signer, tagmanifest: bytes) -> bytes:
    return (
        "Signature-Algorithm: Ed25519\n"
        f"Signer: {signer.public_hex}\n"
        f"Signed-File: {TAGMANIFEST_NAME}\n"
        f"Signature: {signer.sign(tagmanifest)}\n"
    ).encode("ascii")


def verify_signature_file(raw: bytes, tagmanifest: bytes) -> str:
    """Return the signer's public key (hex) when the signature holds; refuse otherwise."""
    try:
        match = _FORMAT.fullmatch(raw.decode("ascii"))
    except UnicodeDecodeError:
        match = None
    if match is None:
        raise BadSignatureError("refused: the bundle's signature file is not well formed")
    signer = match["signer"]
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(signer)).verify(
            bytes.fromhex(match["signature"]), tagmanifest
        )
    except (InvalidSignature, ValueError):
        raise BadSignatureError(
            "refused: the bundle's signature does not match its contents (bad signature)"
        ) from None
    return signer
