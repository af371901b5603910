"""Unlocking a vault, and creating one on first run (with its recovery code shown once)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldlog.gui.tasks import TaskRunner, safe_message
from fieldlog.gui.widgets import message_label, show_message
from fieldlog.passphrase import MIN_PASSPHRASE_LENGTH, check_new_passphrase

if TYPE_CHECKING:
    from fieldlog.vault import Vault


def strength_hint(passphrase: str) -> tuple[int, str]:
    """A rough score (0-3) and words for it; long passphrases of several words are best."""
    words = len(passphrase.split())
    classes = sum(
        any(test(ch) for ch in passphrase)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    score = 0
    if len(passphrase) >= MIN_PASSPHRASE_LENGTH:
        score = 1
    if len(passphrase) >= 14 and (words >= 3 or classes >= 3):
        score = 2
    if len(passphrase) >= 20 and words >= 4:
        score = 3
    return score, ""


def _vault_class() -> type[Vault]:
    # Imported on first use, on the worker: the unlock window shows before the database stack loads.
    from fieldlog.vault import Vault  # noqa: PLC0415

    return Vault


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class UnlockDialog(QDialog):
    unlocked = Signal(object)  # Vault

    def __init__(self, vault_path: Path, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path, self._runner = vault_path, runner
        self.setWindowTitle(self.tr("FieldLog — unlock"))
        self.passphrase = _password_field(self.tr("Passphrase"))
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.message = message_label()
        where = QLabel(self.tr("Vault: %1").replace("%1", str(vault_path)))
        where.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        self.unlock_button.clicked.connect(self.unlock)
        self.passphrase.returnPressed.connect(self.unlock)
        self.resize(460, 160)

    def unlock(self) -> None:
        passphrase, path = self.passphrase.text(), self._path
        if not passphrase:
            show_message(self.message, self.tr("Type the passphrase."), error=True)
            return
        self.unlock_button.setEnabled(False)
        show_message(self.message, self.tr("Unlocking…"))
        self._runner.run(lambda: _vault_class().open(path, passphrase), self._opened, self._failed)

    def _opened(self, vault: Vault) -> None:
        self.passphrase.clear()
        self.unlock_button.setEnabled(True)
        show_message(self.message, "")
        self.unlocked.emit(vault)
        self.accept()

    def _failed(self, message: str) -> None:
        self.passphrase.selectAll()
        self.unlock_button.setEnabled(True)
        show_message(self.message, message, error=True)


class CreateVaultDialog(QDialog):
    """First run: a passphrase twice, then the recovery code, shown once."""

    created = Signal(object)  # Vault

    def __init__(self, vault_path: Path, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path, self._runner = vault_path, runner
        self._vault: Vault | None = None
        self.setWindowTitle(self.tr("FieldLog — create your vault"))
        self.pages = QStackedWidget()

        first = QWidget()
        intro = QLabel(
            self.tr(
                "Everything you record is kept encrypted in a vault on this laptop. "
                "Choose a passphrase: several words you will remember, that nobody could guess."
            )
        )
        intro.setWordWrap(True)
        self.passphrase = _password_field(self.tr("New passphrase"))
        self.repeat = _password_field(self.tr("Passphrase again"))
        self.strength = QLabel()
        self.strength.setAccessibleName(self.tr("Passphrase strength"))
        self.create_button = QPushButton(self.tr("&Create vault"))
        self.create_button.setDefault(True)
        self.message = message_label()
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        form.addRow(self.tr("&Again"), self.repeat)
        form.addRow("", self.strength)
        first_layout = QVBoxLayout(first)
        first_layout.addWidget(intro)
        first_layout.addWidget(QLabel(self.tr("Vault: %1").replace("%1", str(vault_path))))
        first_layout.addLayout(form)
        first_layout.addWidget(self.message)
        first_layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)

        second = QWidget()
        explain = QLabel(
            self.tr(
                "This recovery code opens the vault if the passphrase is lost. "
                "Write it on paper now and keep it away from this laptop. It is shown only once."
            )
        )
        explain.setWordWrap(True)
        self.code = QLabel()
        self.code.setAccessibleName(self.tr("Recovery code"))
        code_font = QFont("monospace")
        code_font.setStyleHint(QFont.StyleHint.Monospace)
        code_font.setPointSize(16)
        self.code.setFont(code_font)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.written = QCheckBox(self.tr("I have &written it down"))
        self.done_button = QPushButton(self.tr("&Start"))
        self.done_button.setEnabled(False)
        second_layout = QVBoxLayout(second)
        second_layout.addWidget(explain)
        second_layout.addWidget(self.code, 0, Qt.AlignmentFlag.AlignCenter)
        second_layout.addWidget(self.written)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        second_layout.addLayout(buttons)

        self.pages.addWidget(first)
        self.pages.addWidget(second)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.passphrase.textChanged.connect(self._show_strength)
        self.create_button.clicked.connect(self.create_vault)
        self.repeat.returnPressed.connect(self.create_vault)
        self.written.toggled.connect(self.done_button.setEnabled)
        self.done_button.clicked.connect(self._finish)
        self._show_strength("")
        self.resize(520, 260)

    def _show_strength(self, text: str) -> None:
        score, _ = strength_hint(text)
        words = [
            self.tr("Too short: at least %n characters.", "", MIN_PASSPHRASE_LENGTH),
            self.tr("Weak: add more words."),
            self.tr("Fair: another word or two would help."),
            self.tr("Strong."),
        ]
        colours = ["#a40000", "#a40000", "#8a5a00", "#1b5e20"]
        self.strength.setText(words[score] if text else words[0])
        self.strength.setStyleSheet(f"color: {colours[score]};")

    def create_vault(self) -> None:
        first, second, path = self.passphrase.text(), self.repeat.text(), self._path
        if first != second:
            show_message(self.message, self.tr("The two passphrases differ."), error=True)
            return
        try:
            check_new_passphrase(first)
        except Exception as error:  # noqa: BLE001 - a one-line message for the person
            show_message(self.message, safe_message(error), error=True)
            return
        self.create_button.setEnabled(False)
        show_message(self.message, self.tr("Creating the vault… (measuring this laptop's speed)"))
        self._runner.run(lambda: _vault_class().create(path, first), self._created, self._failed)

    def _created(self, result: tuple[Vault, str]) -> None:
        self._vault, code = result
        self.passphrase.clear()
        self.repeat.clear()
        self.code.setText(code)
        self.pages.setCurrentIndex(1)
        self.written.setFocus()

    def _failed(self, message: str) -> None:
        self.create_button.setEnabled(True)
        show_message(self.message, message, error=True)

    def _finish(self) -> None:
        self.code.clear()  # the code is not kept anywhere once this window closes
        if self._vault is not None:
            self.created.emit(self._vault)
        self.accept()
