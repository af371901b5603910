"""The desktop app driven through its real widgets (pytest-qt, offscreen)."""

import errno
import json
import re
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLineEdit,
    QStyleOptionViewItem,
    QTableWidgetItem,
)
from pytestqt.qtbot import QtBot

from fieldlog.errors import InvalidInputError
from fieldlog.fsutil import atomic_replace
from fieldlog.gui.app import NOWHERE, Session, create_application
from fieldlog.gui.history_view import HistoryView, local_time
from fieldlog.gui.i18n import install_translators
from fieldlog.gui.incident_editor import normalised_offset, three_way
from fieldlog.gui.main_window import MainWindow
from fieldlog.gui.summaries_view import SummariesView
from fieldlog.gui.tasks import TaskRunner, safe_message
from fieldlog.gui.unlock import CreateVaultDialog, UnlockDialog
from fieldlog.services.audit import audit_vault
from fieldlog.services.drafts import list_drafts
from fieldlog.services.history import incident_history
from fieldlog.services.incidents import add_incidents, update_incident
from fieldlog.services.queries import get_incident, list_incidents
from fieldlog.vault import Vault
from tests.conftest import PASSPHRASE, SHARED, all_bytes

PHOTO = SHARED / "samples" / "photos" / "DSCN0010.jpg"
WAIT = 10_000
GAS = {
    "occurred_at": "2017-07-15",
    "location": {"name": "Calais"},
    "categories": ["tear_gas"],
    "title": "Gas",
}


def window_of(session: Session) -> MainWindow:
    assert session.window is not None
    return session.window


def wait_idle(qtbot: QtBot, session: Session) -> None:
    qtbot.waitUntil(lambda: session.reads.idle and session.writes.idle, timeout=WAIT)


def try_to_unlock(qtbot: QtBot, session: Session, passphrase: str) -> UnlockDialog:
    unlock = session.unlock_dialog
    assert unlock is not None
    qtbot.addWidget(unlock)
    unlock.passphrase.setText(passphrase)
    unlock.unlock_button.click()
    return unlock


def test_create_a_vault_with_its_recovery_code(qtbot: QtBot, tmp_path: Path) -> None:
    runner = TaskRunner("test-writes")
    dialog = CreateVaultDialog(tmp_path / "new-vault", runner)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("short")
    dialog.repeat.setText("short")
    dialog.create_button.click()
    assert "too short" in dialog.message.text()
    dialog.passphrase.setText("rain over the dunes of calais")
    dialog.repeat.setText("rain over the dunes of calais")
    assert dialog.strength.text() == "Strong."
    with qtbot.waitSignal(dialog.created, timeout=WAIT) as created:
        dialog.create_button.click()
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT)
        code = dialog.code.text()
        assert re.fullmatch(r"([0-9A-Z]{4}-){7}[0-9A-Z]{4}", code)
        assert not dialog.done_button.isEnabled()  # not before "I have written it down"
        dialog.written.setChecked(True)
        dialog.done_button.click()
    vault = created.args[0]
    assert isinstance(vault, Vault)
    assert dialog.code.text() == ""
    vault.close()
    with Vault.open(tmp_path / "new-vault", recovery_code=code):
        pass
    runner.stop()


def fill_incident(window: MainWindow) -> None:
    editor = window.editor
    window.new_action.trigger()
    editor.title.setText("Tents slashed at the Verrotières camp")
    editor.place.setText("Rue des Verrotières, Calais")
    editor.lat.setText("50.9436")
    editor.lon.setText("1.878")
    editor.description.setPlainText("Police slashed tents and took sleeping bags at dawn.")
    editor.categories["destruction_of_belongings"].setChecked(True)
    editor.perpetrators["police"].setChecked(True)
    editor.testimonies.add_button.click()
    editor.testimonies.witness.setText("Witness K.")
    editor.testimonies.text.setPlainText("جاءت الشرطة في الفجر وقطعت الخيام")
    editor.testimonies.translation.setPlainText("The police came at dawn and cut the tents.")
    editor.testimonies.language.setText("ar")
    index = editor.testimonies.consent.findData("legal")
    editor.testimonies.consent.setCurrentIndex(index)
    editor.officers.add_button.click()
    editor.officers.unit.setText("CRS 8")
    editor.officers.visibility.setCurrentIndex(editor.officers.visibility.findData("hidden"))


def test_record_lock_unlock_and_search(qtbot: QtBot, session: Session) -> None:
    window = window_of(session)
    qtbot.addWidget(window)
    fill_incident(window)
    assert "Legal" in window.editor.testimonies.consent_note.text()
    window.save_action.trigger()
    qtbot.waitUntil(lambda: window.editor.incident_id is not None, timeout=WAIT)
    incident_id = window.editor.incident_id
    assert incident_id is not None
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT)

    window.editor.media.attach([PHOTO])
    qtbot.waitUntil(lambda: window.editor.media.gallery.count() == 1, timeout=WAIT)
    vault = session.vault
    assert vault is not None
    record = get_incident(vault, incident_id)
    assert record["officers"][0]["visibility"] == "hidden"
    assert record["officers"][0]["identifier"] == ""
    assert record["testimonies"][0]["consent"] == "legal"
    assert record["testimonies"][0]["language"] == "ar"
    assert record["location"]["lat"] == 50.9436
    assert record["media"][0]["sha256"]
    assert audit_vault(vault).ok

    # Lock: the keys go, the views are emptied, the clipboard is cleared.
    QApplication.clipboard().setText("Witness K.")
    wait_idle(qtbot, session)
    window.lock_action.trigger()
    assert session.vault is None
    assert window.model.rowCount() == 0
    assert window.editor.title.text() == ""
    assert QApplication.clipboard().text() == ""
    unlock = try_to_unlock(qtbot, session, "not the passphrase")
    qtbot.waitUntil(lambda: unlock.message.text() == "Wrong passphrase.", timeout=WAIT)
    try_to_unlock(qtbot, session, PASSPHRASE)
    qtbot.waitUntil(lambda: session.vault is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT)

    # Search as you type: the Arabic testimony, and the place without its accent.
    for query in ("الخيام", "verrotieres"):
        window.search.setText(query)
        qtbot.waitUntil(
            lambda: not window.model.loading and window.model.rowCount() == 1, timeout=WAIT
        )
    window.search.setText("nothing like this")
    qtbot.waitUntil(lambda: not window.model.loading and window.model.rowCount() == 0, timeout=WAIT)


def test_identifier_seen_elsewhere(qtbot: QtBot, session: Session) -> None:
    vault = session.vault
    assert vault is not None
    (earlier,) = add_incidents(
        vault,
        [
            {
                "occurred_at": "2017-07-15T19:30:00+02:00",
                "location": {"name": "Calais"},
                "categories": ["police_violence"],
                "title": "Earlier",
                "officers": [
                    {
                        "identifier": "1234567",
                        "identifier_kind": "rio",
                        "unit": "CRS 8",
                        "visibility": "visible",
                    }
                ],
            }
        ],
    )
    window = window_of(session)
    window.new_action.trigger()
    officers = window.editor.officers
    officers.add_button.click()
    officers.identifier.setText("123 4567")
    qtbot.waitUntil(lambda: officers.seen.text() == "Seen in 1 other incident", timeout=WAIT)
    assert not officers.open_seen.isHidden()
    with qtbot.waitSignal(window.editor.open_incidents, timeout=WAIT) as shown:
        officers.open_seen.click()
    assert shown.args[0] == [str(earlier)]


def test_drafts_are_saved_encrypted_as_you_type(qtbot: QtBot, session: Session) -> None:
    window = window_of(session)
    vault = session.vault
    assert vault is not None
    window.new_action.trigger()
    window.editor.title.setText("Half-typed title ZQXV")
    qtbot.waitUntil(lambda: bool(list_drafts(vault)), timeout=WAIT)
    wait_idle(qtbot, session)
    (draft,) = list_drafts(vault)
    assert draft.incident["title"] == "Half-typed title ZQXV"
    assert b"ZQXV" not in all_bytes(vault.path)
    # No place and no category yet: each is asked for in the form's words, the draft stays.
    window.editor.save()
    assert window.editor.message.text() == "Give the place where it happened."
    window.editor.place.setText("Calais")
    window.editor.save()
    assert window.editor.message.text() == "Choose at least one category."
    assert list_drafts(vault)
    assert window.editor.incident_id is None
    window.editor.categories["eviction"].setChecked(True)
    window.editor.save()
    qtbot.waitUntil(lambda: window.editor.incident_id is not None, timeout=WAIT)
    wait_idle(qtbot, session)
    assert not list_drafts(vault)


def test_the_form_asks_in_its_own_words_and_keeps_what_was_typed(
    qtbot: QtBot, session: Session
) -> None:
    window = window_of(session)
    vault = session.vault
    assert vault is not None
    window.new_action.trigger()
    editor = window.editor
    editor.place.setText("Calais")
    editor.title.setText("Tents taken at dawn")
    editor.categories["destruction_of_belongings"].setChecked(True)
    # Fields take no more than the vault would store.
    editor.officers.add_button.click()
    editor.officers.identifier.setText("1" * 80)
    assert editor.officers.identifier.text() == "1" * 64
    editor.title.setText("T" * 1200)
    assert len(editor.title.text()) == 1000
    editor.title.setText("Tents taken at dawn")
    editor.sources.insertRow(0)
    delegate = editor.sources.itemDelegate()
    for column, longest in ((0, 1000), (1, 4000)):
        cell = delegate.createEditor(
            editor.sources.viewport(),
            QStyleOptionViewItem(),
            editor.sources.model().index(0, column),
        )
        assert isinstance(cell, QLineEdit)
        assert cell.maxLength() == longest
        cell.deleteLater()
    editor.sources.removeRow(0)

    editor.lat.setText("95")
    editor.lon.setText("1.87")
    editor.save()
    assert (
        editor.message.text() == "Latitude is between -90 and 90, longitude between -180 and 180."
    )
    editor.lat.setText("50.95")
    editor.lon.setText("")
    editor.save()
    assert editor.message.text() == "Give both latitude and longitude, or neither."
    assert editor.lon.hasFocus() or not editor.isActiveWindow()
    editor.lon.setText("1.87")

    # A testimony's language given as a word: its testimony is shown, its field focused.
    editor.testimonies.add_button.click()
    editor.testimonies.add_button.click()
    editor.testimonies.language.setText("Arabic (Sudan)")
    editor.testimonies.list.setCurrentRow(0)
    editor.save()
    assert editor.message.text() == "Write the language as a code, such as fr, en, ar, ps or ti."
    assert editor.tabs.currentWidget() is editor.testimonies
    assert editor.testimonies.list.currentRow() == 1
    assert editor.testimonies.language.text() == "Arabic (Sudan)"
    assert not list_incidents(vault)  # nothing saved yet
    editor.testimonies.language.setText("ar-SD")

    # A source given by its address alone is kept.
    editor.sources.insertRow(0)
    editor.sources.setItem(0, 1, QTableWidgetItem("https://example.org/report"))
    editor.save()
    qtbot.waitUntil(lambda: editor.incident_id is not None, timeout=WAIT)
    wait_idle(qtbot, session)
    assert editor.incident_id
    saved = get_incident(vault, editor.incident_id)
    assert saved["sources"] == [{"title": "", "url": "https://example.org/report"}]
    assert [t["language"] for t in saved["testimonies"]] == ["und", "ar-SD"]
    assert saved["location"]["lat"] == 50.95


@pytest.mark.parametrize(
    ("typed", "offset"),
    [("+2", "+02:00"), ("+02", "+02:00"), ("-0530", "-05:30"), ("+05:45", "+05:45")]
    + [(bad, None) for bad in ("+2 x", "+15", "+14:30", "-05:60", "2", "")],
)
def test_an_offset_is_taken_as_people_type_it(typed: str, offset: str | None) -> None:
    assert normalised_offset(typed) == offset


def test_an_unfinished_offset_is_asked_for_and_kept_in_the_draft(
    qtbot: QtBot, session: Session
) -> None:
    """ "+2 ..." once made the incident's draft unreadable: its reopening raised, quoting what
    was typed on stderr, and stopped the drafts of that incident for the session."""
    vault = session.vault
    assert vault is not None
    (incident_id,) = add_incidents(vault, [{**GAS, "occurred_at": "2017-07-15T19:30:00+02:00"}])
    editor = window_of(session).editor
    editor.open(str(incident_id))
    qtbot.waitUntil(lambda: editor.title.text() == "Gas", timeout=WAIT)
    line = editor.offset.lineEdit()
    assert line is not None
    line.clear()
    QTest.keyClicks(line, "+2 ZQXV")  # the validator takes what an offset may be: "+2"
    assert editor.offset.currentText() == "+2"
    editor.offset.setCurrentText("+")  # half typed
    editor.title.setText("Gas at the distribution")
    editor.flush_draft()
    wait_idle(qtbot, session)
    editor.save()
    assert editor.message.text() == "Write the offset from UTC as +02:00 or -05:30."
    assert editor.offset.hasFocus() or editor.focusWidget() is editor.offset

    # The draft comes back with what was typed, and drafts go on being saved.
    (draft,) = list_drafts(vault)
    assert draft.incident["occurred_at"] == "2017-07-15T19:30:00+"
    window_of(session).new_action.trigger()  # another form, then the incident again
    editor.open(str(incident_id))
    qtbot.waitUntil(lambda: editor.title.text() == "Gas at the distribution", timeout=WAIT)
    assert editor.offset.currentText() == "+"
    assert editor.when.dateTime().toString("yyyy-MM-dd HH:mm") == "2017-07-15 19:30"
    editor.offset.setCurrentText("+2")
    editor.title.setText("Gas at the distribution, 19:30")
    editor.flush_draft()
    wait_idle(qtbot, session)
    (draft,) = list_drafts(vault)
    assert draft.incident["occurred_at"] == "2017-07-15T19:30:00+02:00"


def test_qt_keeps_no_history_of_the_folders_used(qtbot: QtBot, tmp_path: Path) -> None:
    """Qt's file dialogs remember their last folders in QtProject.conf; a folder's name
    can tell a place or a person. Those settings are never written."""
    create_application()
    config = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.ConfigLocation))
    before = {p: p.stat().st_mtime_ns for p in config.parent.rglob("QtProject.conf")}
    folder = tmp_path / "Camp at the Puythouck lake"
    folder.mkdir()
    dialog = QFileDialog(None, "Attach files", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setDirectory(str(folder))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.reject()
    dialog.deleteLater()  # Qt writes its history when the dialog goes
    qtbot.waitUntil(lambda: not dialog.isVisible())
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, 0)
    qt_settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    qt_settings.sync()
    assert qt_settings.fileName().startswith(NOWHERE)
    qt_settings.setValue("probe", 1)
    qt_settings.sync()
    assert qt_settings.status() == QSettings.Status.AccessError  # it cannot be written
    after = {p: p.stat().st_mtime_ns for p in config.parent.rglob("QtProject.conf")}
    assert after == before


def test_quitting_empties_the_clipboard_and_the_selection(session: Session) -> None:
    """Clipboard managers take over what an app holds when it quits, and may keep it."""
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("RIO 1234567, copied from a testimony")
    if clipboard.supportsSelection():
        clipboard.setText("selected text", QClipboard.Mode.Selection)
    session.shutdown()
    assert clipboard.text() == ""
    assert clipboard.text(QClipboard.Mode.Selection) == ""


def test_a_save_over_a_change_made_meanwhile_is_refused(qtbot: QtBot, session: Session) -> None:
    vault = session.vault
    assert vault is not None
    record = dict(GAS)
    (incident_id,) = add_incidents(vault, [record])
    window = window_of(session)
    window.editor.open(str(incident_id))
    qtbot.waitUntil(lambda: window.editor.title.text() == "Gas", timeout=WAIT)
    # Meanwhile an import (or another window) revises the incident.
    update_incident(vault, str(incident_id), {**record, "title": "Gas, as imported"})
    window.editor.title.setText("Gas, as typed here")
    window.editor.save()
    message = window.editor.message
    qtbot.waitUntil(lambda: "changed since revision 1" in message.text(), timeout=WAIT)
    assert window.editor.title.text() == "Gas, as typed here"  # still on screen
    qtbot.waitUntil(lambda: bool(list_drafts(vault)), timeout=WAIT)  # and kept as a draft
    wait_idle(qtbot, session)
    assert get_incident(vault, str(incident_id))["title"] == "Gas, as imported"
    assert [d.incident["title"] for d in list_drafts(vault)] == ["Gas, as typed here"]


def unlock_again(qtbot: QtBot, session: Session) -> None:
    unlock = session.unlock_dialog
    assert unlock is not None
    qtbot.addWidget(unlock)
    unlock.passphrase.setText(PASSPHRASE)
    unlock.unlock_button.click()
    qtbot.waitUntil(lambda: session.vault is not None, timeout=WAIT)
    wait_idle(qtbot, session)


def test_attaching_a_photo_keeps_what_was_typed(qtbot: QtBot, session: Session) -> None:
    vault = session.vault
    assert vault is not None
    (incident_id,) = add_incidents(vault, [GAS])
    editor = window_of(session).editor
    editor.open(str(incident_id))
    qtbot.waitUntil(lambda: editor.title.text() == "Gas", timeout=WAIT)
    editor.description.setPlainText("Typed, not saved yet")
    editor.media.attach([PHOTO])  # reloads the incident with its new photo
    qtbot.waitUntil(lambda: editor.media.gallery.count() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: editor.description.toPlainText() == "Typed, not saved yet")
    assert editor.discard_button.isVisible()
    wait_idle(qtbot, session)
    (draft,) = list_drafts(vault)
    assert draft.incident["description"] == "Typed, not saved yet"
    editor.discard_button.click()
    qtbot.waitUntil(lambda: editor.description.toPlainText() == "", timeout=WAIT)
    wait_idle(qtbot, session)
    assert not list_drafts(vault)


def test_a_draft_put_back_over_a_newer_revision_is_merged_with_it(
    qtbot: QtBot, session: Session
) -> None:
    """Typed on revision 1, then an import made revision 2: what the import changed and the
    volunteer did not touch comes in; what was typed stays; nothing is undone unseen."""
    vault = session.vault
    assert vault is not None
    (incident_id, other) = add_incidents(vault, [GAS, {**GAS, "title": "Other"}])
    editor = window_of(session).editor
    editor.open(str(incident_id))
    qtbot.waitUntil(lambda: editor.title.text() == "Gas", timeout=WAIT)
    editor.title.setText("Gas, as typed here")
    editor.flush_draft()
    editor.open(str(other))
    qtbot.waitUntil(lambda: editor.title.text() == "Other", timeout=WAIT)
    update_incident(vault, str(incident_id), {**GAS, "description": "From the import"})
    editor.open(str(incident_id))
    qtbot.waitUntil(lambda: editor.title.text() == "Gas, as typed here", timeout=WAIT)
    assert editor.description.toPlainText() == "From the import"
    assert "changed since these changes were typed" in editor.message.text()
    editor.save()
    qtbot.waitUntil(lambda: "Saved" in editor.message.text(), timeout=WAIT)
    wait_idle(qtbot, session)
    saved = get_incident(vault, str(incident_id))
    assert (saved["title"], saved["description"], saved["revision"]) == (
        "Gas, as typed here",
        "From the import",
        3,
    )
    assert not list_drafts(vault)


def test_three_way_keeps_the_typed_place_name_and_takes_the_photos_position() -> None:
    base = {"title": "Gas", "location": {"name": "Calais"}}
    new = {"title": "Gas", "location": {"name": "Calais", "lat": 50.95, "lon": 1.85}}
    typed = {"title": "Gas at dawn", "location": {"name": "Jungle, Grande-Synthe"}}
    assert three_way(base, new, typed) == {
        "title": "Gas at dawn",
        "location": {"name": "Jungle, Grande-Synthe", "lat": 50.95, "lon": 1.85},
    }


def test_a_new_incident_typed_is_offered_back_after_the_lock_and_elsewhere(
    qtbot: QtBot, session: Session
) -> None:
    window = window_of(session)
    vault = session.vault
    assert vault is not None
    (other,) = add_incidents(vault, [GAS])
    window.new_action.trigger()
    window.editor.title.setText("A new one, half typed")
    window._show_only([str(other)])  # "Show them", next to an identifier seen elsewhere
    qtbot.waitUntil(lambda: window.editor.title.text() == "Gas", timeout=WAIT)
    window.new_action.trigger()
    qtbot.waitUntil(lambda: window.editor.title.text() == "A new one, half typed", timeout=WAIT)
    wait_idle(qtbot, session)
    window.lock_action.trigger()
    assert window.editor.title.text() == ""
    unlock_again(qtbot, session)
    qtbot.waitUntil(lambda: window.editor.title.text() == "A new one, half typed", timeout=WAIT)
    assert "Unsaved changes put back" in window.editor.message.text()


def test_show_them_lists_only_the_incidents_an_identifier_was_seen_in(
    qtbot: QtBot, session: Session
) -> None:
    vault = session.vault
    assert vault is not None
    plate = {"plate": "AB-123-CD", "plate_visibility": "visible"}
    seen = add_incidents(vault, [{**GAS, "vehicles": [plate]}, {**GAS, "vehicles": [plate]}])
    add_incidents(vault, [{**GAS, "title": "Unrelated"}] * 3)
    window = window_of(session)
    window.apply_filters()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=WAIT)
    window._show_only([str(i) for i in seen])
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=WAIT)
    assert window.show_all.isVisibleTo(window)
    window.show_all.click()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=WAIT)
    assert not window.show_all.isVisibleTo(window)
    wait_idle(qtbot, session)


def test_locking_closes_a_dialog_left_open(qtbot: QtBot, session: Session) -> None:
    """A photo in the blur dialog must not stay on screen, nor keep the unlock window from
    taking the passphrase."""
    window = window_of(session)
    dialog = QDialog(window)
    dialog.setModal(True)
    dialog.setEnabled(False)  # busy, as the blur dialog is while it works
    dialog.show()
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    session.lock()
    assert not dialog.isVisible()
    unlock_again(qtbot, session)


def test_a_file_error_names_the_path_and_nothing_else(tmp_path: Path) -> None:
    """Saving a summary or a bundle into a folder that is not there (a mistyped path)."""
    missing = tmp_path / "nowhere" / "july.pdf"
    with pytest.raises(FileNotFoundError) as caught, atomic_replace(missing):
        pass
    assert safe_message(caught.value) == f"No such folder: {missing.parent}"
    assert safe_message(ValueError("a testimony's text")) == (
        "unexpected failure (ValueError); nothing was changed"
    )


def test_errors_are_shown_in_the_interface_language(
    qtbot: QtBot, qapp: QApplication, session: Session
) -> None:
    install_translators(qapp, "fr")
    wait_idle(qtbot, session)
    window_of(session).lock_action.trigger()
    unlock = try_to_unlock(qtbot, session, "not the passphrase")
    qtbot.waitUntil(lambda: unlock.message.text() == "Phrase de passe incorrecte.", timeout=WAIT)
    # A message about a field keeps the field's name as it is written in the JSON.
    error = InvalidInputError("{field} is out of range", field="location.lat")
    assert safe_message(error) == "location.lat est hors des limites."
    assert safe_message(ValueError("a testimony's text")) == (
        "échec inattendu (ValueError) ; rien n'a été modifié"
    )
    # The system words file errors in English; the common ones are given in French.
    full = OSError(errno.ENOSPC, "No space left on device", "/media/usb/july.pdf")
    assert safe_message(full) == "Le disque est plein : /media/usb/july.pdf"
    odd = OSError(errno.EXDEV, "Invalid cross-device link", "/media/usb/july.pdf")
    assert safe_message(odd) == "Invalid cross-device link : /media/usb/july.pdf"


def test_idle_time_locks(qtbot: QtBot, session: Session) -> None:
    session.idle.timer.setInterval(50)
    session.idle.start()
    qtbot.waitUntil(lambda: session.vault is None, timeout=WAIT)
    assert session.unlock_dialog is not None


def test_french_interface(qtbot: QtBot, qapp: QApplication, session: Session) -> None:
    vault = session.vault
    assert vault is not None
    install_translators(qapp, "fr")
    window = MainWindow(vault, session.reads, session.writes)
    qtbot.addWidget(window)
    assert window.new_action.text() == "&Nouvel incident"
    assert window.editor.tabs.tabText(1) == "&Témoignages"
    assert window.category.itemText(1) == "Violences policières"
    assert "Interne" in window.editor.testimonies.consent.itemText(2)
    # A plural string of a base class, shown by a subclass (PySide6's tr() misses those).
    window.editor.officers.show_seen("123 4567", ["x"], None)
    assert window.editor.officers.seen.text() == "Vu dans 1 autre incident"
    window.editor.save()  # an empty form: what it needs, in French
    assert window.editor.message.text() == "Indiquez le lieu où cela s'est passé."
    summaries = SummariesView(vault, session.reads, session.writes, window)
    qtbot.addWidget(summaries)
    assert summaries.lang() == "fr"  # a French interface writes French summaries at first
    wait_idle(qtbot, session)


def _custody_lines(view: HistoryView) -> list[tuple[str, str]]:
    """Each custody event's "What" text and tooltip, in order."""
    events = view.tree.topLevelItem(1)
    assert events is not None
    lines = []
    for index in range(events.childCount()):
        item = events.child(index)
        assert item is not None
        lines.append((re.sub(r"^#\d+ ", "", item.text(1)), item.toolTip(1)))
    return lines


def test_history_times_are_local(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        assert local_time("2017-07-15T18:30:00+00:00") == "2017-07-15 20:30"  # summer time
        assert local_time("2017-01-15T18:30:00.123456+00:00") == "2017-01-15 19:30"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_history_says_what_each_custody_event_records(
    qtbot: QtBot, qapp: QApplication, session: Session
) -> None:
    vault = session.vault
    assert vault is not None
    record = dict(GAS)
    (incident_id,) = add_incidents(vault, [record])
    update_incident(vault, str(incident_id), {**record, "title": "Gas at the distribution"})
    history = incident_history(vault, str(incident_id))
    view = HistoryView()
    qtbot.addWidget(view)
    view.show_history(history)
    # In words, with the code the signed log holds (and audit verify names) as the tooltip.
    assert _custody_lines(view) == [
        ("Recorded", "incident.create"),
        ("Edited", "incident.revise"),
    ]
    assert view.action_label("incident.someday") == "incident.someday"
    # Times in this laptop's zone, to the minute; the stored UTC time in the tooltip.
    events = view.tree.topLevelItem(1)
    assert events is not None
    first = events.child(0)
    assert first is not None
    assert first.toolTip(0) == history["events"][0]["at"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", first.text(0))

    install_translators(qapp, "fr")
    view.show_history(history)
    assert [what for what, _ in _custody_lines(view)] == ["Enregistré", "Modifié"]


def test_large_list_loads_in_pages(qtbot: QtBot, session: Session) -> None:
    vault = session.vault
    assert vault is not None
    add_incidents(
        vault,
        [
            {
                "occurred_at": f"2017-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "location": {"name": "Calais"},
                "categories": ["other"],
                "title": f"Incident {i}",
            }
            for i in range(450)
        ],
    )
    window = window_of(session)
    window.model.reload()
    qtbot.waitUntil(lambda: window.model.rowCount() == 200, timeout=WAIT)
    assert window.model.canFetchMore()
    window.model.fetchMore()
    qtbot.waitUntil(lambda: window.model.rowCount() == 400, timeout=WAIT)
    window.model.fetchMore()
    qtbot.waitUntil(lambda: window.model.rowCount() == 450, timeout=WAIT)
    assert not window.model.canFetchMore()
    titles = [window.model.index(r, 0).data() for r in range(450)]
    assert titles == sorted(titles, reverse=True)
    assert window.model.index(0, 3).data() == "Other"  # a category's name, not its code
    assert len(list_incidents(vault)) == 450
    window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: window.model.rowCount() == 200, timeout=WAIT)
    assert window.model.index(0, 1).data() == "Incident 0"
    json.dumps(window.model.index(0, 0).data())


def test_every_column_of_the_list_is_in_view_at_the_first_size(
    qtbot: QtBot, session: Session
) -> None:
    vault = session.vault
    assert vault is not None
    add_incidents(vault, [GAS])
    window = window_of(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.apply_filters()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT)
    table = window.table
    visible = table.viewport().width()
    for column in range(window.model.columnCount()):
        right = table.columnViewportPosition(column) + table.columnWidth(column)
        assert right <= visible, window.model.headers[column]
        assert table.columnWidth(column) >= 60, window.model.headers[column]
    assert not table.horizontalScrollBar().isVisible()
    # The date and time fits whole; the title is elided, and whole in its tooltip.
    when = window.model.index(0, 0)
    assert table.fontMetrics().horizontalAdvance(when.data()) < table.columnWidth(0)
    assert window.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == GAS["title"]
    wait_idle(qtbot, session)
