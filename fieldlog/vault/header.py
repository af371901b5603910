"""The vault header, ``vault.json``: how to unwrap the master key.

It holds no user content: a format version, the vault id, the Argon2id salt
and costs, and the master key wrapped for the passphrase and for the recovery
code. It is replaced atomically, never edited in place.
"""

import base64
import json
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from fieldlog.errors import VaultDamagedError
from fieldlog.fsutil import atomic_write_bytes
from fieldlog.vault import keys
from fieldlog.vault.keys import KdfParams

HEADER_FORMAT = "fieldlog-vault"
HEADER_VERSION = 1


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected base64 text")
    return base64.b64decode(text, validate=True)


# Salt, nonce, and the wrapped master key with its AES-GCM tag.
_SLOT_SIZES = (keys.SALT_BYTES, keys.NONCE_BYTES, keys.MASTER_KEY_BYTES + 16)


@dataclass(frozen=True)
class WrappedKey:
    salt: bytes
    nonce: bytes
    ciphertext: bytes

    def to_json(self) -> dict[str, str]:
        return {
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "ciphertext": _b64(self.ciphertext),
        }

    @classmethod
    def from_json(cls, data: Any) -> "WrappedKey":
        slot = cls(_unb64(data["salt"]), _unb64(data["nonce"]), _unb64(data["ciphertext"]))
        if (len(slot.salt), len(slot.nonce), len(slot.ciphertext)) != _SLOT_SIZES:
            raise ValueError("a key slot of the wrong size")
        return slot


@dataclass(frozen=True)
class VaultHeader:
    vault_id: uuid.UUID
    kdf: KdfParams
    passphrase_slot: WrappedKey
    recovery_slot: WrappedKey

    def context(self, slot: str) -> bytes:
        """Associated data binding a wrapped key to this vault and slot."""
        return f"{HEADER_FORMAT}/{HEADER_VERSION}/{self.vault_id}/{slot}".encode()

    def with_passphrase_slot(self, slot: WrappedKey, kdf: KdfParams) -> "VaultHeader":
        return replace(self, passphrase_slot=slot, kdf=kdf)

    def with_recovery_slot(self, slot: WrappedKey) -> "VaultHeader":
        return replace(self, recovery_slot=slot)

    def to_bytes(self) -> bytes:
        data = {
            "format": HEADER_FORMAT,
            "version": HEADER_VERSION,
            "vault_id": str(self.vault_id),
            "kdf": self.kdf.to_json(),
            "passphrase": self.passphrase_slot.to_json(),
            "recovery": self.recovery_slot.to_json(),
        }
        return (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("ascii")

    @classmethod
    def from_bytes(cls, raw: bytes) -> "VaultHeader":
        try:
            data = json.loads(raw)
            if data.get("format") != HEADER_FORMAT:
                raise ValueError("not a vault header")
            if data.get("version") != HEADER_VERSION:
                raise VaultDamagedError(
                    "this vault was made by a newer FieldLog; update FieldLog to open it"
                )
            return cls(
                vault_id=uuid.UUID(data["vault_id"]),
                kdf=KdfParams.from_json(data["kdf"]),
                passphrase_slot=WrappedKey.from_json(data["passphrase"]),
                recovery_slot=WrappedKey.from_json(data["recovery"]),
            )
        except VaultDamagedError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise VaultDamagedError("the vault header (vault.json) is damaged") from exc

    @classmethod
    def read(cls, path: Path) -> "VaultHeader":
        return cls.from_bytes(path.read_bytes())

    def write(self, path: Path) -> None:
        atomic_write_bytes(path, self.to_bytes())
