"""Small building blocks shared by the forms."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLayout, QPlainTextEdit, QWidget


def choice_box(
    options: dict[str, str], accessible_name: str, parent: QWidget | None = None
) -> QComboBox:
    """A combo box showing translated names and holding the stored values."""
    box = QComboBox(parent)
    for value, label in options.items():
        box.addItem(label, value)
    box.setAccessibleName(accessible_name)
    return box


def select_value(box: QComboBox, value: str) -> None:
    index = box.findData(value)
    box.setCurrentIndex(max(index, 0))


def text_area(accessible_name: str, parent: QWidget | None = None) -> QPlainTextEdit:
    """A text area that lays out each paragraph in its own direction (Arabic, Farsi, Pashto)."""
    area = QPlainTextEdit(parent)
    option = area.document().defaultTextOption()
    option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    area.document().setDefaultTextOption(option)
    area.setAccessibleName(accessible_name)
    area.setTabChangesFocus(True)
    return area


def message_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label


def show_message(label: QLabel, text: str, *, error: bool = False) -> None:
    label.setStyleSheet("color: #a40000; font-weight: bold;" if error else "color: #1b5e20;")
    label.setText(text)
    label.setVisible(bool(text))


def add_row(
    form: QFormLayout, text: str, field: QWidget | QLayout, buddy: QWidget | None = None
) -> None:
    """A labelled row whose &-mnemonic moves the focus to its field (Alt+letter)."""
    label = QLabel(text)
    target = buddy if buddy is not None else field if isinstance(field, QWidget) else None
    if target is not None:
        label.setBuddy(target)
    form.addRow(label, field)
