"""The encrypted vault: key management, the SQLCipher database, locking, migrations."""

from fieldlog.vault.vault import Vault

__all__ = ["Vault"]
