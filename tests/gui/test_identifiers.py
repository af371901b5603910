"""The identifier index window, through its real widgets on a real vault."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldlog.gui.app import Session
from fieldlog.gui.i18n import install_translators
from fieldlog.gui.identifiers_view import IdentifiersView
from fieldlog.gui.main_window import MainWindow
from fieldlog.services.incidents import add_incidents

WAIT = 10_000


def incident(day: str, title: str, **children: Any) -> dict[str, Any]:
    return {
        "occurred_at": day,
        "location": {"name": "Calais"},
        "categories": ["police_violence"],
        "title": title,
        **children,
    }


def officer(identifier: str, unit: str, visibility: str = "visible") -> dict[str, str]:
    return {
        "identifier": identifier,
        "identifier_kind": "rio",
        "unit": unit,
        "visibility": visibility,
    }


def open_index(qtbot: QtBot, session: Session) -> tuple[MainWindow, IdentifiersView]:
    window = session.window
    assert window is not None
    vault = session.vault
    assert vault is not None
    add_incidents(
        vault,
        [
            incident("2017-07-15", "First", officers=[officer("1234567", "CRS 8")]),
            incident(
                "2017-07-20",
                "Second",
                officers=[officer("123 4567", "CRS 8"), officer("", "BAC", "hidden")],
                vehicles=[
                    {
                        "plate": "AB-123-CD",
                        "country": "FR",
                        "unit": "BAC",
                        "plate_visibility": "visible",
                    }
                ],
            ),
            incident("2017-08-02", "Third", officers=[officer("7654321", "PAF")]),
        ],
    )
    window.identifiers_action.trigger()
    (view,) = window.findChildren(IdentifiersView)
    qtbot.waitUntil(lambda: view.rows.rowCount() == 2, timeout=WAIT)
    return window, view


def cells(view: IdentifiersView) -> list[list[str]]:
    return [
        [str(view.rows.index(row, column).data()) for column in range(view.rows.columnCount())]
        for row in range(view.rows.rowCount())
    ]


def test_the_index_lists_numbers_plates_and_units_and_shows_their_incidents(
    qtbot: QtBot, session: Session
) -> None:
    window, view = open_index(qtbot, session)
    # The same number written two ways is one entry; the one seen most comes first.
    assert cells(view) == [
        ["1234567", "RIO number", "CRS 8", "2"],
        ["7654321", "RIO number", "PAF", "1"],
    ]
    view.filter.setText("paf")
    assert cells(view) == [["7654321", "RIO number", "PAF", "1"]]
    view.filter.clear()

    view.kinds.setCurrentIndex(1)
    assert cells(view) == [["AB-123-CD", "FR", "BAC", "1"]]
    view.kinds.setCurrentIndex(2)
    # Units: incidents, observations, and how often the number was hidden or not worn.
    view.filter.setText("2")  # the names only: no unit has a 2 in it, whatever its counts
    assert cells(view) == []
    view.filter.clear()
    assert sorted(cells(view)) == [
        ["BAC", "1", "2", "1"],
        ["CRS 8", "2", "2", "0"],
        ["PAF", "1", "1", "0"],
    ]

    view.kinds.setCurrentIndex(0)
    assert not view.show_button.isEnabled()
    view.table.selectRow(0)
    assert view.show_button.isEnabled()
    view.show_button.click()
    qtbot.waitUntil(lambda: not window.model.loading and window.model.rowCount() == 2, timeout=WAIT)
    titles = {window.model.index(row, 1).data() for row in range(2)}
    assert titles == {"First", "Second"}
    assert window.show_all.isVisibleTo(window)

    # Beside the main window, not in front of it; opened again, the same window.
    assert view.windowModality() == Qt.WindowModality.NonModal
    window.identifiers_action.trigger()
    assert window.findChildren(IdentifiersView) == [view]

    # Identifiers are records: locking closes the window and drops them.
    assert view.isVisible()
    window.lock_action.trigger()
    assert not view.isVisible()
    assert view.model.rowCount() == 0
    assert session.vault is None


def test_the_index_in_french(qtbot: QtBot, qapp: QApplication, session: Session) -> None:
    install_translators(qapp, "fr")
    _, view = open_index(qtbot, session)
    assert view.windowTitle() == "Identifiants"
    assert cells(view)[0][1] == "Numéro RIO"
    assert view.model.horizontalHeaderItem(0).text() == "Numéro"
    assert view.kinds.tabText(1) == "Plaques des véhicules"
