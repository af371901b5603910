"""The main window: filters and the incident list on the left, the incident on the right."""

from typing import Any

from PySide6.QtCore import QDate, QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldlog.gui import vocabulary
from fieldlog.gui.bundle_dialogs import ExportDialog, ImportDialog  # summaries and bundles
from fieldlog.gui.identifiers_view import IdentifiersView
from fieldlog.gui.incident_editor import IncidentEditor
from fieldlog.gui.incident_table import ID_ROLE, IncidentTableModel
from fieldlog.gui.summaries_view import SummariesView  # summaries and bundles
from fieldlog.gui.tasks import TaskRunner
from fieldlog.services.queries import IncidentFilter
from fieldlog.vault import Vault

EARLIEST = QDate(1990, 1, 1)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    hide_requested = Signal()
    settings_requested = Signal()

    def __init__(self, vault: Vault, reads: TaskRunner, writes: TaskRunner) -> None:
        super().__init__()
        self.vault: Vault | None = vault
        self.reads, self.writes = reads, writes  # summaries and bundles
        self.setWindowTitle(self.tr("FieldLog"))
        self.model = IncidentTableModel(vault, reads, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Incidents"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        # Rows of one height: the view then never measures rows one by one, which
        # a list of 100,000 would pay for on every page that arrives.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._size_columns()

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search incidents, testimonies, places, numbers…"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.since = QDateEdit(EARLIEST)
        self.until = QDateEdit(QDate.currentDate())
        for edit, name in ((self.since, self.tr("From date")), (self.until, self.tr("Until date"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), "")
        for value, label in vocabulary.categories().items():
            self.category.addItem(label, value)
        self.category.setAccessibleName(self.tr("Category"))
        self.perpetrator = QComboBox()
        self.perpetrator.addItem(self.tr("All perpetrators"), "")
        for value, label in vocabulary.perpetrators().items():
            self.perpetrator.addItem(label, value)
        self.perpetrator.setAccessibleName(self.tr("Perpetrator"))
        self.status = QLabel()
        self.show_all = QPushButton(self.tr("Show &all"))
        self.show_all.setToolTip(self.tr("Show every incident again, with the filters above"))
        self.show_all.hide()
        self.show_all.clicked.connect(self.apply_filters)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.since)
        filters.addWidget(QLabel(self.tr("until")))
        filters.addWidget(self.until)
        filters2 = QHBoxLayout()
        filters2.addWidget(self.category)
        filters2.addWidget(self.perpetrator)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addLayout(filters2)
        left_layout.addWidget(self.table, 1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.show_all, 0)
        left_layout.addLayout(status_row)

        self.editor = IncidentEditor(writes, reads)
        self.editor.set_vault(vault)
        self.editor.clear()  # offers back a new incident typed before the app was closed
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 700])
        self.setCentralWidget(splitter)
        self._build_actions()

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(250)  # search as you type, once typing pauses
        self._filter_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._filter_timer.start)
        for signal in (
            self.since.dateChanged,
            self.until.dateChanged,
            self.category.currentIndexChanged,
            self.perpetrator.currentIndexChanged,
        ):
            signal.connect(self._filter_timer.start)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        # The count is redrawn at most every 200 ms: while a long list loads, pages
        # arrive faster than that, and each new text lays out and repaints the pane.
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(200)
        self._count_timer.timeout.connect(lambda: self._show_count(self.model.loading))
        self.model.loading_changed.connect(lambda _loading: self._count_changed())
        self.model.rowsInserted.connect(lambda *_: self._count_changed())
        self.model.modelReset.connect(self._count_changed)
        self.editor.saved.connect(lambda _id: self.model.reload())
        self.editor.open_incidents.connect(self._show_only)
        self.resize(1320, 820)
        self.apply_filters()

    def _build_actions(self) -> None:
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        menu = self.menuBar().addMenu(self.tr("&File"))

        def action(
            text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str, slot: Any, tip: str
        ) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.setToolTip(
                f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
            )
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.new_action = action(
            self.tr("&New incident"),
            QKeySequence.StandardKey.New,
            self.new_incident,
            self.tr("Record a new incident"),
        )
        self.save_action = action(
            self.tr("&Save"),
            QKeySequence.StandardKey.Save,
            self.editor.save,
            self.tr("Save the incident as a new revision"),
        )
        self.find_action = action(
            self.tr("&Find"), QKeySequence.StandardKey.Find, self._focus_search, self.tr("Search")
        )
        self.lock_action = action(
            self.tr("&Lock"),
            "Ctrl+L",
            self.lock_requested.emit,
            self.tr("Lock the vault and clear the screen"),
        )
        self.hide_action = action(
            self.tr("&Hide now"),
            "Ctrl+Shift+H",
            self.hide_requested.emit,
            self.tr("Lock and hide the window at once"),
        )
        self.settings_action = action(
            self.tr("Se&ttings…"),
            "Ctrl+,",
            self.settings_requested.emit,
            self.tr("Language and automatic locking"),
        )
        # -- summaries and bundles: begin
        self.summaries_action = action(
            self.tr("Su&mmaries…"),
            "Ctrl+Shift+S",
            self.open_summaries,
            self.tr("Dated summaries and timelines to save as PDF, HTML, Markdown or CSV"),
        )
        self.export_action = action(
            self.tr("E&xport for a legal team…"),
            "Ctrl+Shift+E",
            self.open_export,
            self.tr("Write a signed, encrypted bundle for a legal team"),
        )
        self.import_action = action(
            self.tr("&Import a bundle…"),
            "Ctrl+Shift+I",
            self.open_import,
            self.tr("Check a bundle, then merge it into this vault"),
        )
        # -- summaries and bundles: end
        self.identifiers_action = action(
            self.tr("I&dentifiers…"),
            "Ctrl+Shift+O",
            self.open_identifiers,
            self.tr("Every officer number, plate and unit, and the incidents it appears in"),
        )
        self.quit_action = action(
            self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close, self.tr("Quit FieldLog")
        )
        for act in (self.new_action, self.save_action, self.lock_action, self.hide_action):
            toolbar.addAction(act)
        for act in (
            self.new_action,
            self.save_action,
            self.find_action,
            self.lock_action,
            self.hide_action,
            self.settings_action,
            self.summaries_action,  # summaries and bundles
            self.export_action,  # summaries and bundles
            self.import_action,  # summaries and bundles
            self.identifiers_action,
            self.quit_action,
        ):
            menu.addAction(act)

    # -- filters and selection ------------------------------------------------------

    def current_filters(self) -> IncidentFilter:
        since = self.since.date()
        return IncidentFilter(
            since=None if since <= EARLIEST else since.toString("yyyy-MM-dd"),
            until=self.until.date().toString("yyyy-MM-dd"),
            categories=(self.category.currentData(),) if self.category.currentData() else (),
            perpetrators=(self.perpetrator.currentData(),)
            if self.perpetrator.currentData()
            else (),
        )

    def apply_filters(self) -> None:
        self.show_all.hide()
        if self.vault is not None:
            self.model.set_filters(self.current_filters(), self.search.text())

    def _show_only(self, ids: list[str]) -> None:
        """The incidents an identifier was also seen in ("Show them"): the list shows only
        those, until "Show all" or another filter."""
        if not ids or self.vault is None:
            return
        self.editor.flush_draft()  # what was typed stays a draft, offered back later
        self.model.set_filters(IncidentFilter(ids=tuple(ids)))
        self.show_all.show()
        self.editor.open(ids[0])

    def _count_changed(self) -> None:
        if not self._count_timer.isActive():  # throttled, not postponed while pages arrive
            self._count_timer.start()

    def _show_count(self, loading: bool) -> None:
        count = self.model.rowCount()
        text = self.tr("%n incident(s) shown", "", count)
        self.status.setText(text + (self.tr(" — loading…") if loading else ""))

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.editor.flush_draft()
            self.editor.open(str(indexes[0].data(ID_ROLE)))

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_incident(self) -> None:
        self.editor.flush_draft()
        self.table.clearSelection()
        self.editor.clear()
        self.editor.tabs.setCurrentIndex(0)
        self.editor.when.setFocus()

    # -- summaries and bundles: begin ---------------------------------------------------

    def _show_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_summaries(self) -> None:
        if self.vault is not None:
            self._show_dialog(SummariesView(self.vault, self.reads, self.writes, self))

    def open_export(self) -> None:
        if self.vault is not None:
            self._show_dialog(ExportDialog(self.vault, self.reads, self.writes, self))

    def open_import(self) -> None:
        if self.vault is not None:
            dialog = ImportDialog(self.vault, self.reads, self.writes, self)
            dialog.imported.connect(lambda _report: self.model.reload())
            self._show_dialog(dialog)

    def _close_record_dialogs(self) -> None:
        for kind in (SummariesView, ExportDialog, ImportDialog, IdentifiersView):
            for dialog in self.findChildren(kind):
                dialog.close()  # they hold the vault: gone with the keys

    # -- summaries and bundles: end -----------------------------------------------------

    def open_identifiers(self) -> None:
        """Beside the main window, not in front of it: "Show incidents" lists them there,
        and the person goes from one to the other. One such window at a time."""
        if self.vault is None:
            return
        view = next(iter(self.findChildren(IdentifiersView)), None)
        if view is None:
            view = IdentifiersView(self.vault, self.reads, self)
            view.show_incidents.connect(self._show_only)
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        view.raise_()
        view.activateWindow()

    # -- locking ------------------------------------------------------------------------

    def clear_for_lock(self) -> None:
        """Drop every view of the records (the keys are dropped by the caller)."""
        self.editor.flush_draft()
        self._close_record_dialogs()  # summaries, bundles, identifiers
        self.model.clear()
        self.editor.set_vault(None)
        self.editor.clear()
        self.search.clear()
        self.vault = None

    def attach_vault(self, vault: Vault) -> None:
        self.vault = vault
        self.model.set_vault(vault)
        self.editor.set_vault(vault)
        self.editor.clear()  # offers back a new incident typed before the lock, if any
        self.apply_filters()

    def _size_columns(self) -> None:
        """Every column in view at the window's first size: the title takes what the
        others leave, and an elided title shows whole in its tooltip."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        padding = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 8
        when = metrics.horizontalAdvance("~ 2017-07-25 15:00") + padding
        self.table.setColumnWidth(0, max(when, header.sectionSizeHint(0)))
        for column in (2, 3):  # place, categories: about eleven characters
            self.table.setColumnWidth(column, metrics.averageCharWidth() * 11 + padding)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.editor.flush_draft()
        super().closeEvent(event)
