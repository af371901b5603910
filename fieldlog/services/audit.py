"""Checking the whole custody record of a vault."""

from fieldlog.services.custody import AuditReport, verify_chain
from fieldlog.vault import Vault


def audit_vault(vault: Vault) -> AuditReport:
    with vault.session() as session:
        return verify_chain(session)
