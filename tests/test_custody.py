"""The custody chain proves that no event or revision was edited, removed or reordered."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from fieldlog.services.audit import audit_vault
from fieldlog.services.incidents import add_incidents, update_incident
from fieldlog.vault import Vault
from tests.conftest import PASSPHRASE


@pytest.fixture
def filled(
    created_vault: tuple[Path, str], sample_incidents: list[dict[str, Any]]
) -> Iterator[Vault]:
    with Vault.open(created_vault[0], PASSPHRASE) as vault:
        ids = add_incidents(vault, sample_incidents[:5])
        edited = dict(sample_incidents[0], title="Corrected title")
        update_incident(vault, str(ids[0]), edited)
        yield vault


def tamper(vault: Vault, *statements: str) -> None:
    """What someone holding the key could do with raw SQL, bypassing the append-only triggers."""
    with vault.engine.begin() as connection:
        for trigger in (
            "custody_events_no_update",
            "custody_events_no_delete",
            "incident_revisions_no_update",
            "incident_revisions_no_delete",
        ):
            connection.execute(text(f"DROP TRIGGER {trigger}"))
        for statement in statements:
            connection.execute(text(statement))


def problems(vault: Vault) -> list[str]:
    return audit_vault(vault).problems


def test_intact_chain_verifies(filled: Vault) -> None:
    report = audit_vault(filled)
    assert report.ok, report.problems
    # vault.create + 5 incident.create + 1 incident.revise
    assert (report.events, report.revisions, report.incidents) == (7, 6, 5)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE custody_events SET at = '2016-01-01T00:00:00.000000+00:00' WHERE seq = 3",
        "UPDATE custody_events SET action = 'incident.revise' WHERE seq = 2",
        "UPDATE custody_events SET subject_id = 'someone-else' WHERE seq = 4",
    ],
)
def test_edited_event_is_detected(filled: Vault, statement: str) -> None:
    tamper(filled, statement)
    assert any("changed after it was written" in p for p in problems(filled))


def test_removed_event_is_detected(filled: Vault) -> None:
    tamper(filled, "DELETE FROM custody_events WHERE seq = 4")
    found = problems(filled)
    assert any("an event is missing" in p for p in found)
    assert any("no custody event records it" in p for p in found)


def test_removed_last_event_is_detected(filled: Vault) -> None:
    tamper(filled, "DELETE FROM custody_events WHERE seq = (SELECT max(seq) FROM custody_events)")
    assert any("no custody event records it" in p for p in problems(filled))


def test_reordered_events_are_detected(filled: Vault) -> None:
    tamper(
        filled,
        "UPDATE custody_events SET seq = -1 WHERE seq = 3",
        "UPDATE custody_events SET seq = 3 WHERE seq = 4",
        "UPDATE custody_events SET seq = 4 WHERE seq = -1",
    )
    assert any("does not link" in p for p in problems(filled))


def test_re_signed_event_with_another_key_is_detected(filled: Vault) -> None:
    # A forger can recompute a hash but cannot sign with the device key.
    tamper(
        filled, "UPDATE custody_events SET signature = substr(signature, 3) || '00' WHERE seq = 2"
    )
    assert any("bad signature" in p for p in problems(filled))


def test_edited_revision_is_detected(filled: Vault) -> None:
    tamper(
        filled,
        "UPDATE incident_revisions SET content = replace(content, 'Corrected', 'Falsified') "
        "WHERE number = 2",
    )
    assert any("does not match its hash" in p for p in problems(filled))


@pytest.mark.parametrize(
    ("statement", "problem"),
    [
        (
            "DELETE FROM custody_events WHERE seq = 1",
            "the custody log does not begin with the vault's creation",
        ),
        (
            "DELETE FROM custody_events",
            "the custody log is empty: not even the vault's creation is recorded",
        ),
    ],
)
def test_a_log_without_its_beginning_is_detected(
    filled: Vault, statement: str, problem: str
) -> None:
    """An emptied database once opened as a new vault, whose audit passed."""
    tamper(filled, statement)
    assert problem in problems(filled)


def test_current_view_must_match_latest_revision(filled: Vault) -> None:
    tamper(
        filled,
        "DELETE FROM custody_events WHERE action = 'incident.revise'",
        "DELETE FROM incident_revisions WHERE number = 2",
    )
    assert any("current view does not match" in p for p in problems(filled))


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE custody_events SET action = 'x'",
        "DELETE FROM custody_events",
        "UPDATE incident_revisions SET content = '{}'",
        "DELETE FROM incident_revisions",
    ],
)
def test_history_tables_refuse_changes(filled: Vault, statement: str) -> None:
    with pytest.raises(DBAPIError, match="append-only"), filled.engine.begin() as connection:
        connection.execute(text(statement))
    assert audit_vault(filled).ok


def test_messages_name_no_content(filled: Vault) -> None:
    tamper(filled, "UPDATE incident_revisions SET content = replace(content, 'Calais', 'Paris')")
    for problem in problems(filled):
        assert "Calais" not in problem
        assert "Paris" not in problem
