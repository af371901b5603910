"""Dated summaries: choose a period, a language and categories; preview; save a file."""

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldlog.errors import FieldLogError
from fieldlog.fsutil import atomic_write_bytes
from fieldlog.gui import vocabulary
from fieldlog.gui.i18n import interface_language
from fieldlog.gui.tasks import Task, TaskRunner, safe_message
from fieldlog.gui.widgets import add_row, choice_box, message_label, select_value, show_message
from fieldlog.reports import SummaryOptions, build_summary, format_for_path, render
from fieldlog.vault import Vault

PREVIEW_DELAY_MS = 400
SUFFIXES = (".pdf", ".html", ".htm", ".md", ".csv")


def date_edit(value: QDate, accessible_name: str) -> QDateEdit:
    edit = QDateEdit(value)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(accessible_name)
    return edit


def month_bounds() -> tuple[QDate, QDate]:
    today = QDate.currentDate()
    first = QDate(today.year(), today.month(), 1)
    return first, first.addMonths(1).addDays(-1)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class TaskDialog(QDialog):
    """A dialog whose pending tasks are cancelled when it closes: no callback reaches it
    once it is gone (an export in progress stops; a merge completes, unannounced)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks: list[Task] = []
        self.stopping = threading.Event()  # asked of long work that can stop early

    def track(self, task: Task) -> Task:
        self._tasks = [t for t in self._tasks if not t.cancel.is_set()] + [task]
        return task

    def done(self, result: int) -> None:
        self.stopping.set()
        for task in self._tasks:
            task.cancel.set()
        self._tasks = []  # their callbacks hold this window: no cycle to wait for
        super().done(result)


class SummariesView(TaskDialog):
    def __init__(
        self, vault: Vault, reads: TaskRunner, writes: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._vault, self._reads, self._writes = vault, reads, writes
        self._pending: Task | None = None
        self.setWindowTitle(self.tr("Summaries"))
        first, last = month_bounds()
        self.since = date_edit(first, self.tr("From date"))
        self.until = date_edit(last, self.tr("Until date"))
        # Names of languages are written in their own language, never translated.
        self.language = choice_box(
            {"en": "English", "fr": "Français"}, self.tr("Language of the summary")
        )
        select_value(self.language, interface_language())  # the interface's, to begin with
        self.categories = QListWidget()
        self.categories.setAccessibleName(self.tr("Categories (none checked: all)"))
        for value, label in vocabulary.categories().items():
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.categories.addItem(item)
        self.categories.setMaximumHeight(150)
        self.leave_out = QCheckBox(self.tr("&Leave out testimony text"))
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(self.tr("Preview"))
        self.save_button = QPushButton(self.tr("&Save as…"))
        self.close_button = QPushButton(self.tr("&Close"))
        self.message = message_label()

        form = QFormLayout()
        add_row(form, self.tr("&From"), self.since)
        add_row(form, self.tr("&Until"), self.until)
        add_row(form, self.tr("L&anguage"), self.language)
        add_row(form, self.tr("&Categories"), self.categories)
        form.addRow(self.leave_out)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        for signal in (
            self.since.dateChanged,
            self.until.dateChanged,
            self.language.currentIndexChanged,
            self.categories.itemChanged,
            self.leave_out.toggled,
        ):
            signal.connect(self._timer.start)
        self.save_button.clicked.connect(self._choose_file)
        self.close_button.clicked.connect(self.reject)
        self.resize(1000, 700)
        self._timer.start()

    def options(self) -> SummaryOptions:
        chosen = []
        for row in range(self.categories.count()):
            item = self.categories.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return SummaryOptions(
            since=to_date(self.since.date()),
            until=to_date(self.until.date()),
            categories=tuple(chosen),
            testimony_text=not self.leave_out.isChecked(),
        )

    def lang(self) -> str:
        return str(self.language.currentData())

    def refresh(self) -> None:
        try:
            options = self.options()
        except FieldLogError as error:  # an invalid period: its message is safe to show
            show_message(self.message, safe_message(error), error=True)
            return
        vault, lang = self._vault, self.lang()
        if self._pending is not None:
            self._pending.cancel.set()  # only the newest preview is shown
        self._pending = self.track(
            self._reads.run(
                lambda: render(build_summary(vault, options), "md", lang).decode("utf-8"),
                self._show_preview,
                lambda message: show_message(self.message, message, error=True),
            )
        )

    def _show_preview(self, markdown: str) -> None:
        self._pending = None
        show_message(self.message, "")
        self.preview.setMarkdown(markdown)

    def _choose_file(self) -> None:
        name, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the summary"),
            "",
            self.tr("PDF (*.pdf);;HTML (*.html *.htm);;Markdown (*.md);;CSV (*.csv)"),
        )
        if name:
            path = Path(name)
            if path.suffix.lower() not in SUFFIXES:  # no suffix typed: the one of the filter
                suffix = next((s for s in SUFFIXES if f"*{s}" in chosen), ".md")
                path = path.with_name(path.name + suffix)
            self.save(path)

    def save(self, path: Path) -> None:
        try:
            options = self.options()
        except FieldLogError as error:  # an invalid period: its message is safe to show
            show_message(self.message, safe_message(error), error=True)
            return
        vault, lang, kind = self._vault, self.lang(), format_for_path(path)

        def write() -> Path:
            atomic_write_bytes(path, render(build_summary(vault, options), kind, lang))
            return path

        self.save_button.setEnabled(False)
        self.track(self._writes.run(write, self._saved, self._failed))

    def _saved(self, path: Path) -> None:
        self.save_button.setEnabled(True)
        show_message(self.message, self.tr("Saved to %1.").replace("%1", str(path)))

    def _failed(self, message: str) -> None:
        self.save_button.setEnabled(True)
        show_message(self.message, message, error=True)
