"""Summaries, export for a legal team and import of a bundle, through their real widgets."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from fieldlog.gui.app import Session
from fieldlog.gui.bundle_dialogs import ExportDialog, ImportDialog, bundle_name
from fieldlog.gui.summaries_view import SummariesView
from fieldlog.gui.tasks import TaskRunner
from fieldlog.interchange.document import parse_document
from fieldlog.services.contacts import add_contact, vault_keys
from fieldlog.services.incidents import add_incidents
from fieldlog.services.queries import count_incidents
from fieldlog.vault import Vault
from fieldlog.vault.keys import MINIMUM_KDF
from tests.conftest import PASSPHRASE, SAMPLE_JSON

WAIT = 20_000
INTERNAL = ("Internal testimony", "Témoignage interne")


def filled_vault(session: Session) -> Vault:
    vault = session.vault
    assert vault is not None
    add_incidents(vault, parse_document(SAMPLE_JSON.read_bytes()))
    return vault


@pytest.fixture
def legal(tmp_path: Path) -> Iterator[Vault]:
    vault, _ = Vault.create(tmp_path / "legal", PASSPHRASE, kdf=MINIMUM_KDF)
    yield vault
    vault.close()


def test_summary_preview_languages_and_save(qtbot: QtBot, session: Session, tmp_path: Path) -> None:
    vault = filled_vault(session)
    view = SummariesView(vault, session.reads, session.writes)
    qtbot.addWidget(view)
    view.since.setDate(QDate(2017, 7, 1))
    view.until.setDate(QDate(2017, 7, 31))

    def shows(text: str) -> bool:
        preview = view.preview.toPlainText()
        assert not any(internal in preview for internal in INTERNAL)
        return text in preview

    qtbot.waitUntil(lambda: shows("15 July 2017"), timeout=WAIT)
    view.language.setCurrentIndex(view.language.findData("fr"))
    qtbot.waitUntil(lambda: shows("15 juillet 2017"), timeout=WAIT)

    target = tmp_path / "july.html"
    view.save(target)
    qtbot.waitUntil(lambda: target.exists() and view.save_button.isEnabled(), timeout=WAIT)
    html = target.read_text("utf-8")
    assert "15 juillet 2017" in html
    assert not any(internal in html for internal in INTERNAL)
    assert "july.html" in view.message.text()


def test_summary_refuses_a_reversed_period(qtbot: QtBot, session: Session) -> None:
    vault = filled_vault(session)
    view = SummariesView(vault, session.reads, session.writes)
    qtbot.addWidget(view)
    view.since.setDate(QDate(2017, 8, 1))
    view.until.setDate(QDate(2017, 7, 1))
    view.refresh()
    assert "after its end" in view.message.text()


def test_export_then_verify_and_merge(
    qtbot: QtBot, session: Session, legal: Vault, tmp_path: Path
) -> None:
    vault = filled_vault(session)
    add_contact(vault, "Legal team", recipient=vault_keys(legal).recipient)
    export = ExportDialog(vault, session.reads, session.writes)
    qtbot.addWidget(export)
    export.show()  # before the count arrives, as the app opens it
    qtbot.waitUntil(lambda: export.recipient.currentData() == "Legal team", timeout=WAIT)
    export.since.setDate(QDate(2017, 1, 1))
    export.until.setDate(QDate(2017, 12, 31))
    qtbot.waitUntil(lambda: export.consent.text().startswith("16 incidents"), timeout=WAIT)
    assert (
        "with their pseudonym: 2; without it: 1; staying in this vault: 1." in export.consent.text()
    )
    # The count is read whole: the dialog is laid out around "Counting…", and once cut it.
    qtbot.waitUntil(
        lambda: export.consent.height() >= export.consent.heightForWidth(export.consent.width()),
        timeout=WAIT,
    )
    assert bundle_name("reports/for-legal") == "reports/for-legal.fieldlog"
    assert bundle_name("reports/july.bundle") == "reports/july.bundle"
    bundle = tmp_path / "for-legal.fieldlog"
    export.output.setText(str(bundle))
    with qtbot.waitSignal(export.exported, timeout=WAIT) as exported:
        export.export_button.click()
    assert exported.args[0].incidents == 16
    assert "Exported 16 incidents" in export.message.text()
    assert bundle.exists()

    reads, writes = TaskRunner("legal-reads"), TaskRunner("legal-writes")
    try:
        dialog = ImportDialog(legal, reads, writes)
        qtbot.addWidget(dialog)
        dialog.open_bundle(bundle)
        qtbot.waitUntil(lambda: dialog.accept_unknown.isVisibleTo(dialog), timeout=WAIT)
        assert "UNKNOWN" in dialog.report.text()
        assert "16 incidents" in dialog.report.text()
        assert not dialog.merge_button.isEnabled()
        dialog.accept_unknown.setChecked(True)
        assert dialog.merge_button.isEnabled()
        with qtbot.waitSignal(dialog.imported, timeout=WAIT) as imported:
            dialog.merge_button.click()
        assert imported.args[0].incidents_added == 16
        assert "Incidents added: 16," in dialog.message.text()
        assert count_incidents(legal) == 16

        # Once the volunteer's signing key is a contact, the signer is known.
        add_contact(legal, "Volunteer", signing_key=vault_keys(vault).signing_key)
        dialog.open_bundle(bundle)
        qtbot.waitUntil(lambda: "trusted contact Volunteer" in dialog.report.text(), timeout=WAIT)
        assert not dialog.accept_unknown.isVisibleTo(dialog)
        assert dialog.merge_button.isEnabled()
    finally:
        reads.stop()
        writes.stop()


def test_menu_opens_the_dialogs(qtbot: QtBot, session: Session) -> None:
    window = session.window
    assert window is not None
    qtbot.addWidget(window)
    window.summaries_action.trigger()
    window.export_action.trigger()
    window.import_action.trigger()
    for kind in (SummariesView, ExportDialog, ImportDialog):
        assert len(window.findChildren(kind)) == 1
    qtbot.waitUntil(lambda: session.reads.idle and session.writes.idle, timeout=WAIT)
    window.lock_action.trigger()
    qtbot.waitUntil(
        lambda: (
            not any(
                window.findChildren(kind) for kind in (SummariesView, ExportDialog, ImportDialog)
            )
        ),
        timeout=WAIT,
    )
