"""Photos, videos and recordings of an incident: drop to attach, a gallery, details, copies."""

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldlog.gui.blur_dialog import BlurDialog
from fieldlog.gui.i18n import fill, interface_language
from fieldlog.gui.tasks import TaskRunner, safe_message
from fieldlog.gui.widgets import message_label, show_message
from fieldlog.media.images import Box
from fieldlog.messages import translate_text
from fieldlog.services.media import (
    attach_file,
    collect_files,
    make_shareable_copy,
    photo_for_display,
    thumbnail,
    use_time_and_place,
)
from fieldlog.vault import Vault

MEDIA_ROLE = Qt.ItemDataRole.UserRole + 1


class _Progress(QObject):
    """Carries progress from the worker thread to the GUI thread."""

    advanced = Signal(int, int, int)  # file number, bytes done, bytes of the file


class MediaPanel(QWidget):
    incident_changed = Signal()  # the incident was revised (time and place from a photo)
    media_changed = Signal()

    def __init__(
        self, writes: TaskRunner, reads: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._vault: Vault | None = None
        self._incident_id: str | None = None
        self._writes, self._reads = writes, reads
        self._cancel = threading.Event()
        self._progress = _Progress()
        self._progress.advanced.connect(self._show_progress)
        self.setAcceptDrops(True)

        self.gallery = QListWidget()
        self.gallery.setViewMode(QListWidget.ViewMode.IconMode)
        self.gallery.setIconSize(QSize(128, 128))
        self.gallery.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.gallery.setAccessibleName(self.tr("Attached files"))
        self.add_button = QPushButton(self.tr("&Attach files…"))
        self.use_button = QPushButton(self.tr("Use this photo's &time and place"))
        self.share_button = QPushButton(self.tr("Make a &shareable copy…"))
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.message = message_label()
        self.hint = QLabel(self.tr("Drop photos, videos, recordings or a folder here."))

        self.details = QFormLayout()
        self.fields = {
            key: QLabel()
            for key in ("filename", "sha256", "size", "captured_at", "gps", "device", "note")
        }
        labels = {
            "filename": self.tr("File"),
            "sha256": self.tr("SHA-256"),
            "size": self.tr("Size"),
            "captured_at": self.tr("Taken"),
            "gps": self.tr("Position"),
            "device": self.tr("Device"),
            "note": self.tr("Note"),
        }
        for key, label in self.fields.items():
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            self.details.addRow(labels[key], label)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.addLayout(self.details)
        details_layout.addWidget(self.use_button)
        details_layout.addWidget(self.share_button)
        details_layout.addStretch(1)

        splitter = QSplitter()
        splitter.addWidget(self.gallery)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.hint, 1)
        progress = QHBoxLayout()
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        layout.addLayout(progress)
        layout.addWidget(self.message)

        self.add_button.clicked.connect(self._choose_files)
        self.cancel_button.clicked.connect(self._cancel.set)
        self.gallery.currentItemChanged.connect(lambda *_: self._show_details())
        self.use_button.clicked.connect(self._use_time_and_place)
        self.share_button.clicked.connect(self._make_copy)
        self._shown = 0
        self.set_incident(None, None, [])

    # -- showing -------------------------------------------------------------

    def set_incident(
        self, vault: Vault | None, incident_id: str | None, media: list[dict[str, Any]]
    ) -> None:
        self._vault, self._incident_id = vault, incident_id
        self._shown += 1  # thumbnails still on their way belong to the items cleared here
        self.setEnabled(incident_id is not None)
        self.hint.setText(
            self.tr("Drop photos, videos, recordings or a folder here.")
            if incident_id
            else self.tr("Save the incident first, then attach files.")
        )
        self.gallery.clear()
        for medium in media:
            item = QListWidgetItem(medium["filename"])
            item.setData(MEDIA_ROLE, medium)
            item.setToolTip(medium["filename"])
            self.gallery.addItem(item)
            if medium["kind"] == "image" and vault is not None:
                self._load_thumbnail(item, medium["id"])
        self._show_details()

    def _load_thumbnail(self, item: QListWidgetItem, media_id: str) -> None:
        vault, shown = self._vault, self._shown
        if vault is None:
            return

        def show(data: bytes | None) -> None:
            if data and shown == self._shown:
                image = QImage.fromData(data)  # decoded in memory: no thumbnail cache on disk
                item.setIcon(QIcon(QPixmap.fromImage(image)))

        self._reads.run(lambda: thumbnail(vault, media_id), show)

    def current_media(self) -> dict[str, Any] | None:
        if self.gallery.currentRow() < 0:
            return None
        medium: dict[str, Any] = self.gallery.currentItem().data(MEDIA_ROLE)
        return medium

    def _show_details(self) -> None:
        medium = self.current_media()
        for key, label in self.fields.items():
            value = medium.get(key) if medium else None
            if key == "gps" and value:
                value = f"{value['lat']:.6f}, {value['lon']:.6f}"
            if key == "size" and value is not None:
                value = self.tr("%n byte(s)", "", int(value))
            if key == "note" and value:
                value = translate_text(value, interface_language())
            label.setText("" if value is None else str(value))
        is_image = bool(medium and medium["kind"] == "image")
        self.use_button.setEnabled(bool(medium and (medium["captured_at"] or medium["gps"])))
        self.share_button.setEnabled(is_image and not (medium or {}).get("derived_from"))

    # -- attaching -----------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and self._incident_id:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.attach(paths)

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        if names:
            self.attach([Path(n) for n in names])

    def attach(self, paths: list[Path]) -> None:
        vault, incident_id = self._vault, self._incident_id
        if vault is None or incident_id is None:
            return
        try:
            files = collect_files(paths)
        except Exception as error:  # noqa: BLE001 - shown as a one-line message
            show_message(self.message, safe_message(error), error=True)
            return
        self._cancel.clear()
        progress, cancel = self._progress, self._cancel

        def work() -> int:
            done = 0
            for number, file in enumerate(files, start=1):
                size = file.stat().st_size

                def advanced(count: int, n: int = number, s: int = size) -> None:
                    progress.advanced.emit(n, count, s)

                attach_file(vault, incident_id, file, progress=advanced, cancelled=cancel.is_set)
                done += 1
            return done

        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self._files_total = len(files)
        self._writes.run(work, self._attached, self._attach_failed)

    def _show_progress(self, number: int, done: int, size: int) -> None:
        fraction = (number - 1 + (done / size if size else 1)) / max(self._files_total, 1)
        self.progress.setValue(int(fraction * 1000))
        self.progress.setFormat(fill(self.tr("File %1 of %2"), number, self._files_total))

    def _finish_progress(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)

    def _attached(self, count: int) -> None:
        self._finish_progress()
        show_message(self.message, self.tr("%n file(s) attached.", "", count))
        self.media_changed.emit()

    def _attach_failed(self, message: str) -> None:
        self._finish_progress()
        text = (
            self.tr("Cancelled; the files attached before are kept.")
            if self._cancel.is_set()
            else message
        )
        show_message(self.message, text, error=not self._cancel.is_set())
        self.media_changed.emit()

    # -- photo actions -------------------------------------------------------------

    def _done(self, text: str, signal: Any) -> None:
        show_message(self.message, text)
        signal.emit()

    def _use_time_and_place(self) -> None:
        medium, vault = self.current_media(), self._vault
        if medium is None or vault is None:
            return
        media_id = medium["id"]
        time, place = bool(medium["captured_at"]), bool(medium["gps"])
        if time and place:
            done = self.tr("The incident now has the photo's time and place.")
        elif time:
            done = self.tr("The incident now has the photo's time (the photo has no position).")
        else:
            done = self.tr("The incident now has the photo's position (the photo has no time).")
        self._writes.run(
            lambda: use_time_and_place(vault, media_id, time=time, place=place),
            lambda _revision: self._done(done, self.incident_changed),
            lambda message: show_message(self.message, message, error=True),
        )

    def _make_copy(self) -> None:
        medium, vault = self.current_media(), self._vault
        if medium is None or vault is None:
            return
        media_id = medium["id"]
        self._reads.run(
            lambda: photo_for_display(vault, media_id),
            lambda shown: self._blur_and_save(media_id, shown),
            lambda message: show_message(self.message, message, error=True),
        )

    def _blur_and_save(self, media_id: str, shown: tuple[bytes, int, int]) -> None:
        dialog = BlurDialog(shown[0], shown[1], self)
        if not dialog.exec():
            return
        boxes: list[Box] = dialog.boxes()
        vault = self._vault
        if vault is None:
            return
        self._writes.run(
            lambda: make_shareable_copy(vault, media_id, boxes),
            lambda _attached: self._done(
                self.tr("Shareable copy made; the original is unchanged."), self.media_changed
            ),
            lambda message: show_message(self.message, message, error=True),
        )
