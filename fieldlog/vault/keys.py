"""Key derivation and key wrapping.

The vault has one random 256-bit master key. It is stored only wrapped
(AES-256-GCM), once under a key derived from the passphrase with Argon2id and
once under a key derived from the recovery code. Every working key (the
database key, later the blob keys) is derived from the master key with HKDF,
so changing the passphrase rewraps 32 bytes and touches nothing else.
"""

import os
import secrets
import time
from dataclasses import asdict, dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MASTER_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12

# Floor from the issue and OWASP: never weaker than 64 MiB and 3 passes.
MIN_MEMORY_KIB = 64 * 1024
MIN_ITERATIONS = 3
# An old laptop with 4 GiB must still unlock: cap memory and grow passes instead.
MAX_MEMORY_KIB = 512 * 1024
# What a vault header may ask for, read back: far above what calibration sets, but no
# edited vault.json can make unlocking take hours (a million passes) or fail in Argon2.
HEADER_MAX_MEMORY_KIB = 4 * 1024 * 1024
HEADER_MAX_ITERATIONS = 100
HEADER_MAX_LANES = 16
LANES = 4
DEFAULT_TARGET_SECONDS = 0.75

# Crockford's base32 alphabet: no I, L, O or U to misread when copied by hand.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS = 8
RECOVERY_GROUP_LEN = 4  # 32 characters of 5 bits: 160 bits of entropy


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int = LANES

    def to_json(self) -> dict[str, int | str]:
        return {"algorithm": "argon2id", **asdict(self)}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> "KdfParams":
        if data.get("algorithm") != "argon2id":
            raise ValueError("unknown key derivation")
        memory, iterations, lanes = data["memory_kib"], data["iterations"], data["lanes"]
        if not (isinstance(memory, int) and isinstance(iterations, int) and isinstance(lanes, int)):
            raise ValueError("bad key derivation parameters")
        if not (
            MIN_MEMORY_KIB <= memory <= HEADER_MAX_MEMORY_KIB
            and MIN_ITERATIONS <= iterations <= HEADER_MAX_ITERATIONS
            and 1 <= lanes <= HEADER_MAX_LANES
        ):
            raise ValueError("key derivation parameters out of range")
        return cls(memory_kib=memory, iterations=iterations, lanes=lanes)


MINIMUM_KDF = KdfParams(memory_kib=MIN_MEMORY_KIB, iterations=MIN_ITERATIONS)


def derive_passphrase_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def calibrate(target_seconds: float = DEFAULT_TARGET_SECONDS) -> KdfParams:
    """Pick Argon2id costs that take about ``target_seconds`` on this machine.

    Memory grows first (it is what makes guessing on GPUs expensive), up to a
    cap that old laptops can afford; then the number of passes. The result is
    never below the floor.
    """
    probe = MINIMUM_KDF
    start = time.perf_counter()
    derive_passphrase_key("calibration", os.urandom(SALT_BYTES), probe)
    elapsed = max(time.perf_counter() - start, 1e-3)
    factor = target_seconds / elapsed
    if factor <= 1:
        return probe
    memory = min(MAX_MEMORY_KIB, int(probe.memory_kib * factor))
    memory = max(MIN_MEMORY_KIB, memory - memory % 1024)
    iterations = max(MIN_ITERATIONS, round(probe.iterations * factor * probe.memory_kib / memory))
    return KdfParams(memory_kib=memory, iterations=iterations)


def subkey(master_key: bytes, purpose: str, length: int = 32, salt: bytes | None = None) -> bytes:
    """Derive an independent key for one purpose (HKDF-SHA256)."""
    return HKDF(
        algorithm=hashes.SHA256(),
        length=length,
        salt=salt,
        info=f"fieldlog/{purpose}".encode(),
    ).derive(master_key)


def new_master_key() -> bytes:
    return secrets.token_bytes(MASTER_KEY_BYTES)


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def wrap(kek: bytes, master_key: bytes, context: bytes) -> tuple[bytes, bytes]:
    """Encrypt the master key; ``context`` binds the result to its vault and slot."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce, AESGCM(kek).encrypt(nonce, master_key, context)


def unwrap(kek: bytes, nonce: bytes, wrapped: bytes, context: bytes) -> bytes | None:
    """Return the master key, or None when the key (so the passphrase) is wrong."""
    try:
        key = AESGCM(kek).decrypt(nonce, wrapped, context)
    except InvalidTag:
        return None
    return key if len(key) == MASTER_KEY_BYTES else None


def new_recovery_code() -> str:
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * 4))
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def normalise_recovery_code(code: str) -> str | None:
    """Accept the code as typed: any case, spaces or dashes, O for 0 and I/L for 1."""
    cleaned = code.upper().replace("O", "0").replace("I", "1").replace("L", "1")
    cleaned = "".join(ch for ch in cleaned if ch not in " -\t\r\n")
    length = RECOVERY_GROUPS * RECOVERY_GROUP_LEN
    if len(cleaned) != length or any(ch not in RECOVERY_ALPHABET for ch in cleaned):
        return None
    return cleaned


def derive_recovery_key(normalised_code: str, salt: bytes) -> bytes:
    # The code carries 160 random bits, far beyond brute force, so a fast KDF
    # suffices here (unlike the passphrase, which a person chose).
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"fieldlog/recovery-code"
    ).derive(normalised_code.encode("ascii"))
