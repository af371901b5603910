"""Checking the whole custody record of a vault."""

from sqlalchemy import text

from fieldlog.services.custody import AuditReport, verify_chain
from fieldlog.vault import Vault


def audit_vault(vault: Vault) -> AuditReport:
    """The custody chain, then every page of the database against its HMAC."""
    with vault.session() as session:
        report = verify_chain(session)
        damaged_pages = session.execute(text("PRAGMA cipher_integrity_check")).all()
    if damaged_pages:
        report.problems.append(
            f"the database file has {len(damaged_pages)} damaged page(s); restore it from a backup"
        )
    return report
