"""The identifier index: every officer number, plate and unit, and the incidents it is in.

What a legal team looks for first: the same RIO number, plate or CRS company across many
incidents, and how often the numbers were hidden or not worn. The index comes from the
same service as ``fieldlog identifiers``; "Show incidents" lists an entry's incidents in
the main window, as "Show them" does from an incident.
"""

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldlog.gui import vocabulary
from fieldlog.gui.summaries_view import TaskDialog
from fieldlog.gui.tasks import TaskRunner
from fieldlog.gui.widgets import message_label, show_message
from fieldlog.services.queries import identifier_index
from fieldlog.vault import Vault


@dataclass(frozen=True)
class _Columns:
    text: int  # the first columns, which hold text: the filter looks at those only
    stretch: int  # the column that takes the room the others leave
    most: int  # the count the entries are sorted on, most first


# Numbers and plates: name, kind or country, units, incidents. Units: unit, then counts.
COLUMNS = {"officer": _Columns(3, 2, 3), "vehicle": _Columns(3, 2, 3), "unit": _Columns(1, 0, 1)}
KINDS = tuple(COLUMNS)
INCIDENTS_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class _TextColumns(QSortFilterProxyModel):
    """Filters on the columns that hold text (a number, a plate, a unit, a country), not on
    the counts: "2" should find RIO numbers with a 2 in them, not every pair of incidents."""

    text_columns = 3

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        wanted = self.filterRegularExpression()
        model = self.sourceModel()
        return any(
            wanted.match(str(model.index(row, column, parent).data() or "")).hasMatch()
            for column in range(min(self.text_columns, model.columnCount(parent)))
        )


class IdentifiersView(TaskDialog):
    show_incidents = Signal(list)  # incident ids, oldest first

    def __init__(self, vault: Vault, reads: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Identifiers"))
        self._entries: list[dict[str, Any]] = []
        self.kinds = QTabBar()
        self.kinds.setAccessibleName(self.tr("Kind of identifier"))
        for label in (self.tr("Officer numbers"), self.tr("Vehicle plates"), self.tr("Units")):
            self.kinds.addTab(label)
        self.kinds.currentChanged.connect(lambda _index: self._fill())
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter: part of a number, a plate or a unit"))
        self.filter.setAccessibleName(self.tr("Filter"))
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.rows = _TextColumns(self)
        self.rows.setSourceModel(self.model)
        self.rows.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self.rows.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.rows)
        self.table.setAccessibleName(self.tr("Identifiers"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _index: self._show())
        self.show_button = QPushButton(self.tr("&Show incidents"))
        self.show_button.setToolTip(self.tr("List the incidents of this entry in the main window"))
        self.show_button.setEnabled(False)
        self.show_button.clicked.connect(self._show)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.show_button.setEnabled(bool(self._selected_incidents()))
        )
        self.message = message_label()

        layout = QVBoxLayout(self)
        layout.addWidget(self.kinds)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.show_button)
        layout.addLayout(buttons)
        self.resize(760, 560)

        show_message(self.message, self.tr("Reading the index…"))
        self.track(reads.run(lambda: identifier_index(vault), self._loaded, self._failed))

    @property
    def kind(self) -> str:
        return KINDS[max(self.kinds.currentIndex(), 0)]

    def _loaded(self, entries: list[dict[str, Any]]) -> None:
        self._entries = entries
        show_message(self.message, "")
        self._fill()

    def _failed(self, message: str) -> None:
        show_message(self.message, message, error=True)

    def _headings(self) -> list[str]:
        if self.kind == "officer":
            return [self.tr("Number"), self.tr("Kind"), self.tr("Units"), self.tr("Incidents")]
        if self.kind == "vehicle":
            return [self.tr("Plate"), self.tr("Country"), self.tr("Units"), self.tr("Incidents")]
        return [
            self.tr("Unit"),
            self.tr("Incidents"),
            self.tr("Observations"),
            self.tr("Hidden or not worn"),
        ]

    def _cells(self, entry: dict[str, Any], kinds: dict[str, str]) -> list[str | int]:
        units = ", ".join(entry.get("units", []))
        count = len(entry["incidents"])
        if self.kind == "officer":
            kind = kinds.get(entry["identifier_kind"], entry["identifier_kind"])
            return [entry["identifier"], kind, units, count]
        if self.kind == "vehicle":
            return [entry["plate"], entry["country"], units, count]
        return [entry["unit"], count, entry["observations"], entry["hidden_or_absent"]]

    def _fill(self) -> None:
        self.table.setSortingEnabled(False)  # rows go in as they come; sorted once, after
        self.model.clear()
        self.model.setHorizontalHeaderLabels(self._headings())
        columns = COLUMNS[self.kind]
        self.rows.text_columns = columns.text
        kinds = vocabulary.identifier_kinds()
        for entry in self._entries:
            if entry["kind"] != self.kind:
                continue
            items = []
            for value in self._cells(entry, kinds):
                item = QStandardItem()
                item.setData(value, Qt.ItemDataRole.DisplayRole)  # numbers sort as numbers
                if isinstance(value, int):
                    item.setTextAlignment(RIGHT)
                items.append(item)
            items[0].setData(entry["incidents"], INCIDENTS_ROLE)
            self.model.appendRow(items)
        # Measured once, not on every change: a large vault has thousands of entries.
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(columns.stretch, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        # Most incidents first: the numbers and plates that come back again and again.
        self.table.sortByColumn(columns.most, Qt.SortOrder.DescendingOrder)
        self.show_button.setEnabled(False)

    def _selected_incidents(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return []
        first = self.rows.mapToSource(rows[0]).siblingAtColumn(0)
        incidents: list[str] = self.model.itemFromIndex(first).data(INCIDENTS_ROLE) or []
        return incidents

    def _show(self) -> None:
        incidents = self._selected_incidents()
        if incidents:
            self.show_incidents.emit(incidents)

    def done(self, result: int) -> None:
        # The index is records: gone from memory when the window closes (and on lock).
        super().done(result)
        self._entries = []
        self.filter.clear()
        self.model.clear()
