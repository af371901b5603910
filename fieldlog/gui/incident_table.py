"""The incident list: a table model that fetches pages lazily on the read worker.

Neither scrolling nor filtering queries the database on the GUI thread: a page
is asked for, and rows are inserted when it arrives. A change of filter or
sort starts a new generation; late pages of an old one are dropped.
"""

from dataclasses import replace
from typing import Any, ClassVar, TypeAlias

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from fieldlog.gui import vocabulary
from fieldlog.gui.tasks import TaskRunner
from fieldlog.interchange.document import Record
from fieldlog.services.queries import IncidentFilter, list_incidents, search_incidents
from fieldlog.vault import Vault

PAGE_SIZE = 200
SEARCH_LIMIT = 1000
ID_ROLE = Qt.ItemDataRole.UserRole + 1
# A row as shown: id, when, title, place, categories. Tuples of strings only: the garbage
# collector stops tracking them, so 100,000 rows add nothing to its full passes (which,
# measured, paused the window for 200 ms when rows were dicts).
Row: TypeAlias = tuple[str, str, str, str, str]


def _as_row(summary: Record, category_names: dict[str, str]) -> Row:
    when = str(summary["occurred_at"]).replace("T", " ")[:16]
    if summary["occurred_precision"] == "approximate":
        when = "~ " + when
    return (
        str(summary["id"]),
        when,
        str(summary["title"]),
        str(summary["location"]["name"]),
        ", ".join(category_names.get(c, c) for c in summary["categories"]),
    )


Index: TypeAlias = QModelIndex | QPersistentModelIndex


class IncidentTableModel(QAbstractTableModel):
    COLUMNS = ("occurred", "title", "place", "categories")
    SORTABLE: ClassVar[dict[int, str]] = {0: "occurred", 1: "title", 2: "place"}
    loading_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, vault: Vault, reads: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._reads = reads
        self._rows: list[Row] = []
        self._filters = IncidentFilter()
        self._search = ""
        self._sort = "occurred"
        self._descending = True
        self._generation = 0
        self._loading = False
        self._complete = False
        self._category_names = vocabulary.categories()
        self.headers = {
            0: self.tr("When"),
            1: self.tr("Title"),
            2: self.tr("Place"),
            3: self.tr("Categories"),
        }

    # -- Qt model -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row[0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column() + 1]
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers.get(section)
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._complete and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._request_page()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORTABLE.get(column)
        if key is None or self._search:
            return  # search results stay in order of relevance
        self._sort, self._descending = key, order == Qt.SortOrder.DescendingOrder
        self.reload()

    # -- loading --------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._loading

    def set_vault(self, vault: Vault) -> None:
        self._vault = vault

    def set_filters(self, filters: IncidentFilter, search: str = "") -> None:
        self._filters, self._search = filters, search.strip()
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._complete = False
        self._loading = False
        self.endResetModel()
        self._request_page()

    def clear(self) -> None:
        """Forget every row (the vault is being locked)."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._complete = True
        self.endResetModel()

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def _request_page(self) -> None:
        generation = self._generation
        after = self._rows[-1][0] if self._rows else None
        vault, filters, search = self._vault, replace(self._filters), self._search
        sort, descending = self._sort, self._descending
        names = self._category_names  # translated here: the worker thread only reads them

        def fetch() -> list[Row]:
            if search:
                found = search_incidents(vault, search, limit=SEARCH_LIMIT, filters=filters)
            else:
                found = list_incidents(
                    vault, filters, limit=PAGE_SIZE, after=after, sort=sort, descending=descending
                )
            return [_as_row(summary, names) for summary in found]

        self._set_loading(True)
        self._reads.run(
            fetch,
            lambda rows: self._page_arrived(generation, rows, complete=bool(search)),
            self._page_failed,
        )

    def _page_arrived(self, generation: int, rows: list[Row], *, complete: bool) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._complete = complete or len(rows) < PAGE_SIZE

    def _page_failed(self, message: str) -> None:
        self._set_loading(False)
        self._complete = True
        self.failed.emit(message)

    def row_of(self, incident_id: str) -> int | None:
        for number, row in enumerate(self._rows):
            if row[0] == incident_id:
                return number
        return None
