"""Export a signed, encrypted bundle for a legal team; verify and merge one into this vault."""

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.bundles.export import BundleProgress
from fieldlog.gui.i18n import fill
from fieldlog.gui.summaries_view import TaskDialog, date_edit, month_bounds
from fieldlog.gui.tasks import Task, TaskRunner
from fieldlog.gui.widgets import add_row, message_label, show_message
from fieldlog.services.bundles import (
    ExportOptions,
    ExportReport,
    ImportReport,
    VerifyReport,
    export_bundle,
    import_bundle,
    verify_bundle,
)
from fieldlog.services.contacts import ContactInfo, list_contacts
from fieldlog.services.queries import IncidentFilter, get_incident, list_incidents
from fieldlog.vault import Vault

PROGRESS_STEPS = 1000
BUNDLE_SUFFIX = ".fieldlog"


class _Progress(QObject):
    """Carries progress from the worker thread to the GUI thread."""

    advanced = Signal(int)  # thousandths done


@dataclass(frozen=True)
class ConsentSummary:
    incidents: int = 0
    with_pseudonym: int = 0  # testimonies that leave with the witness's pseudonym
    anonymised: int = 0  # testimonies that leave without it
    internal: int = 0  # testimonies that stay in this vault


def consent_summary(vault: Vault, since: str, until: str) -> ConsentSummary:
    """What an export of this period would carry, counted from the records (read-only)."""
    incidents = list_incidents(vault, IncidentFilter(since=since, until=until))
    counts = {"legal": 0, "anonymised": 0, "internal": 0}
    for summary in incidents:
        for testimony in get_incident(vault, str(summary["id"]))["testimonies"]:
            consent = testimony["consent"]
            if consent == "anonymised" and not testimony["witness"]:
                consent = "legal"  # nothing to remove: it leaves as it is
            counts[consent if consent in counts else "legal"] += 1
    return ConsentSummary(len(incidents), counts["legal"], counts["anonymised"], counts["internal"])


def _progress_callback(progress: _Progress) -> BundleProgress:
    def report(done: int, total: int) -> None:
        progress.advanced.emit(PROGRESS_STEPS * done // total if total else PROGRESS_STEPS)

    return report


def bundle_name(name: str) -> str:
    """The file name chosen for a bundle, with ``.fieldlog`` when it was typed without one:
    the import window lists ``*.fieldlog`` files first."""
    return name if Path(name).suffix else name + BUNDLE_SUFFIX


class ExportDialog(TaskDialog):
    exported = Signal(object)  # ExportReport

    def __init__(
        self, vault: Vault, reads: TaskRunner, writes: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._vault, self._reads, self._writes = vault, reads, writes
        self._cancel = threading.Event()
        self._progress = _Progress()
        self._counting: Task | None = None
        self.setWindowTitle(self.tr("Export for a legal team"))
        self.recipient = QComboBox()
        self.recipient.setAccessibleName(self.tr("Contact to export to"))
        self.pasted = QLineEdit()
        self.pasted.setPlaceholderText(self.tr("or paste an age1… recipient"))
        self.pasted.setAccessibleName(self.tr("Recipient"))
        first, last = month_bounds()
        self.since = date_edit(first, self.tr("From date"))
        self.until = date_edit(last, self.tr("Until date"))
        self.consent = QLabel()
        self.consent.setWordWrap(True)
        # Room for the count as it wraps (two lines in French): a dialog laid out around
        # "Counting…" does not grow when the longer text arrives, and cut its first line.
        self.consent.setMinimumHeight(3 * self.consent.fontMetrics().lineSpacing())
        self.shareable = QCheckBox(self.tr("&Shareable copies of photos instead of originals"))
        self.output = QLineEdit()
        self.output.setAccessibleName(self.tr("Bundle file"))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.export_button = QPushButton(self.tr("&Export"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.setVisible(False)
        self.message = message_label()

        output = QHBoxLayout()
        output.addWidget(self.output, 1)
        output.addWidget(self.browse_button)
        form = QFormLayout()
        add_row(form, self.tr("&Contact"), self.recipient)
        add_row(form, self.tr("&Recipient"), self.pasted)
        add_row(form, self.tr("&From"), self.since)
        add_row(form, self.tr("&Until"), self.until)
        form.addRow(self.consent)
        form.addRow(self.shareable)
        add_row(form, self.tr("&Output file"), output, self.output)
        progress = QHBoxLayout()
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.cancel_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.since.dateChanged.connect(self.count)
        self.until.dateChanged.connect(self.count)
        self.browse_button.clicked.connect(self._choose_output)
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self._cancel.set)
        self._progress.advanced.connect(self.progress.setValue)
        self.setMinimumWidth(560)
        self.track(self._reads.run(lambda: list_contacts(vault), self._fill_contacts, self._failed))
        self.count()

    def _fill_contacts(self, contacts: list[ContactInfo]) -> None:
        self.recipient.clear()
        self.recipient.addItem(self.tr("(none: use the pasted recipient)"), "")
        for contact in contacts:
            if contact.recipient:
                self.recipient.addItem(contact.name, contact.name)
        if self.recipient.count() > 1:
            self.recipient.setCurrentIndex(1)

    def _period(self) -> tuple[str, str]:
        return self.since.date().toString("yyyy-MM-dd"), self.until.date().toString("yyyy-MM-dd")

    def count(self) -> None:
        vault, (since, until) = self._vault, self._period()
        self.consent.setText(self.tr("Counting…"))
        if self._counting is not None:
            self._counting.cancel.set()  # only the count of the newest period is shown
        self._counting = self.track(
            self._reads.run(
                lambda: consent_summary(vault, since, until), self._show_count, self._failed
            )
        )

    def _show_count(self, summary: ConsentSummary) -> None:
        self._counting = None
        testimonies = self.tr(
            "Testimonies with their pseudonym: %1; without it: %2; staying in this vault: %3."
        )
        self.consent.setText(
            self.tr("%n incident(s) will leave.", "", summary.incidents)
            + " "
            + fill(testimonies, summary.with_pseudonym, summary.anonymised, summary.internal)
        )

    def _choose_output(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the bundle"), "", self.tr("Bundles (*.fieldlog)")
        )
        if name:
            self.output.setText(bundle_name(name))

    def export(self) -> None:
        recipient = self.pasted.text().strip() or str(self.recipient.currentData() or "")
        if not recipient:
            show_message(
                self.message, self.tr("Choose a contact or paste a recipient."), error=True
            )
            return
        if not self.output.text().strip():
            show_message(self.message, self.tr("Choose where to save the bundle."), error=True)
            return
        self.output.setText(bundle_name(self.output.text().strip()))
        since, until = self._period()
        options = ExportOptions(
            recipients=(recipient,),
            since=since,
            until=until,
            shareable_copies=self.shareable.isChecked(),
        )
        vault, path = self._vault, Path(self.output.text().strip())
        report = _progress_callback(self._progress)
        cancel, stopping = self._cancel, self.stopping
        cancel.clear()
        self._busy(True)
        self.track(
            self._writes.run(
                lambda: export_bundle(
                    vault, options, path, report, lambda: cancel.is_set() or stopping.is_set()
                ),
                self._done,
                self._failed,
            )
        )

    def _busy(self, busy: bool) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.export_button.setEnabled(not busy)
        show_message(self.message, "")

    def _done(self, report: ExportReport) -> None:
        self._busy(False)
        text = self.tr("Exported %n incident(s)", "", report.incidents) + fill(
            self.tr(". Testimonies: %1 (anonymised: %2, left out: %3); media files: %4; to %5."),
            report.testimonies,
            report.testimonies_anonymised,
            report.testimonies_withheld,
            report.media,
            report.path,
        )
        show_message(self.message, text)
        self.exported.emit(report)

    def _failed(self, message: str) -> None:
        self._busy(False)
        show_message(self.message, message, error=True)


class ImportDialog(TaskDialog):
    imported = Signal(object)  # ImportReport

    def __init__(
        self, vault: Vault, reads: TaskRunner, writes: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._vault, self._reads, self._writes = vault, reads, writes
        self.setWindowTitle(self.tr("Import a bundle"))
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Bundle file"))
        self.path.setReadOnly(True)
        self.browse_button = QPushButton(self.tr("&Choose a bundle…"))
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.report.setAccessibleName(self.tr("Verification"))
        self.accept_unknown = QCheckBox(self.tr("&Accept this unknown signer"))
        self.accept_unknown.setVisible(False)
        self.merge_button = QPushButton(self.tr("&Merge"))
        self.merge_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # verification reports no steps worth showing here
        self.progress.setVisible(False)
        self.message = message_label()
        self._verified: VerifyReport | None = None

        chooser = QHBoxLayout()
        chooser.addWidget(self.path, 1)
        chooser.addWidget(self.browse_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.report)
        layout.addWidget(self.accept_unknown)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)  # the report reads from the top, under the file
        layout.addLayout(buttons)

        self.browse_button.clicked.connect(self._choose)
        self.accept_unknown.toggled.connect(self._update_merge)
        self.merge_button.clicked.connect(self.merge)
        self.report.setText(
            self.tr(
                "Choose a bundle received from a volunteer or a colleague. FieldLog checks its "
                "signature and every file first; nothing is added to this vault until you merge."
            )
        )
        self.resize(640, 320)

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a bundle"), "", self.tr("Bundles (*.fieldlog);;All files (*)")
        )
        if name:
            self.open_bundle(Path(name))

    def open_bundle(self, path: Path) -> None:
        self.path.setText(str(path))
        self._verified = None
        self.accept_unknown.setChecked(False)
        self.accept_unknown.setVisible(False)
        self.report.setText(self.tr("Checking every file of the bundle…"))
        self._set_busy(True)
        vault = self._vault
        self.track(
            self._reads.run(lambda: verify_bundle(vault, path), self._show_report, self._failed)
        )

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.browse_button.setEnabled(not busy)
        show_message(self.message, "")
        self._update_merge()
        if busy:
            self.merge_button.setEnabled(False)

    def _show_report(self, report: VerifyReport) -> None:
        self._verified = report
        self._set_busy(False)
        if report.signer_trusted:
            signer = fill(
                self.tr("Signed by the trusted contact %1 (fingerprint %2)."),
                report.signer_name or "",
                report.fingerprint,
            )
        else:
            signer = self.tr(
                "Signed by an UNKNOWN key, not a trusted contact (fingerprint %1)."
            ).replace("%1", report.fingerprint)
        lines = [
            self.tr("Intact: every hash, the manifests and the custody chain check out."),
            signer,
            self.tr("%n incident(s)", "", report.incidents)
            + ", "
            + self.tr("%n testimony(ies)", "", report.testimonies)
            + ", "
            + self.tr("%n media file(s)", "", report.media)
            + ".",
        ]
        if report.consent_filtered:
            lines.append(
                self.tr(
                    "%n incident(s) were filtered by consent at export.",
                    "",
                    report.consent_filtered,
                )
            )
        if report.consent_filtered_unchained:
            lines.append(
                self.tr(
                    "%n filtered incident(s), from an earlier FieldLog, are vouched for by "
                    "the signature only, not by the custody log.",
                    "",
                    report.consent_filtered_unchained,
                )
            )
        self.report.setText("\n".join(lines))
        self.accept_unknown.setVisible(not report.signer_trusted)
        self._update_merge()

    def _update_merge(self) -> None:
        report = self._verified
        self.merge_button.setEnabled(
            report is not None and (report.signer_trusted or self.accept_unknown.isChecked())
        )

    def merge(self) -> None:
        if self._verified is None:
            return
        vault, path, accept = self._vault, Path(self.path.text()), self.accept_unknown.isChecked()
        self._set_busy(True)
        self.track(
            self._writes.run(lambda: import_bundle(vault, path, accept), self._merged, self._failed)
        )

    def _merged(self, report: ImportReport) -> None:
        self._set_busy(False)
        self.merge_button.setEnabled(False)  # a second merge would change nothing
        if report.already_imported:
            show_message(self.message, self.tr("This bundle was imported before; nothing changed."))
        else:
            text = fill(
                self.tr("Incidents added: %1, revised: %2, unchanged: %3; media files added: %4."),
                report.incidents_added,
                report.incidents_revised,
                report.incidents_unchanged,
                report.media_added,
            )
            if report.incidents_older:
                text += " " + self.tr(
                    "%n incident(s) older than this vault's records left as they are.",
                    "",
                    report.incidents_older,
                )
            if report.incidents_diverged:
                text += " " + self.tr(
                    "%n incident(s) also changed here: the bundle's details taken, "
                    "this vault's kept in the history.",
                    "",
                    report.incidents_diverged,
                )
            if report.children_kept_removed:
                text += " " + self.tr(
                    "%n testimony(ies) or observation(s) removed in this vault left out.",
                    "",
                    report.children_kept_removed,
                )
            if report.consents_kept_narrower:
                text += " " + self.tr(
                    "%n testimony(ies) keep the narrower consent given in this vault.",
                    "",
                    report.consents_kept_narrower,
                )
            show_message(self.message, text)
        self.imported.emit(report)

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.report.setText(self.tr("The bundle was refused."))
        show_message(self.message, message, error=True)
