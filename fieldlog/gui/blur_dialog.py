"""Drawing the rectangles to blur on a photo before a shareable copy is made."""

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldlog.media.images import Box

MAX_VIEW = QSize(900, 650)


class _Canvas(QWidget):
    """Shows the photo scaled down; rectangles are drawn with the mouse, kept in image pixels."""

    def __init__(self, image: QImage, full_width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap.fromImage(image).scaled(
            MAX_VIEW, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self._scale = full_width / max(self._pixmap.width(), 1)
        self.setFixedSize(self._pixmap.size())
        self.rects: list[QRect] = []
        self._start: QPoint | None = None
        self._current: QRect | None = None
        self.setCursor(Qt.CursorShape.CrossCursor)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._pixmap)
        painter.setPen(QPen(QColor("#ff1744"), 2))
        painter.setBrush(QColor(255, 23, 68, 70))
        for rect in [*self.rects, *([self._current] if self._current else [])]:
            painter.drawRect(rect)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._start = event.position().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._start is not None:
            self._current = QRect(self._start, event.position().toPoint()).normalized()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._current is not None and self._current.width() > 3 and self._current.height() > 3:
            self.rects.append(self._current.intersected(self.rect()))
        self._start, self._current = None, None
        self.update()

    def boxes(self) -> list[Box]:
        return [
            Box(
                round(r.x() * self._scale),
                round(r.y() * self._scale),
                max(1, round(r.width() * self._scale)),
                max(1, round(r.height() * self._scale)),
            )
            for r in self.rects
        ]


class BlurDialog(QDialog):
    def __init__(self, jpeg: bytes, full_width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shareable copy"))
        # An upright screen-sized JPEG from Pillow (any format, HEIC too), decoded in memory.
        self.canvas = _Canvas(QImage.fromData(jpeg), full_width)
        self.canvas.setAccessibleName(self.tr("Photo: drag to mark areas to blur"))
        explain = QLabel(
            self.tr(
                "Drag over faces, bystanders or anything that identifies someone. "
                "The copy keeps no metadata (no time, place or device)."
            )
        )
        explain.setWordWrap(True)
        undo = QPushButton(self.tr("&Undo last rectangle"))
        undo.clicked.connect(self._undo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.canvas, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(undo)
        layout.addWidget(buttons)

    def _undo(self) -> None:
        if self.canvas.rects:
            self.canvas.rects.pop()
            self.canvas.update()

    def boxes(self) -> list[Box]:
        return self.canvas.boxes()
