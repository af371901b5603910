"""Settings: interface language and automatic locking."""

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from fieldlog.gui.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Interface language"))
        for value, label in (
            ("system", self.tr("As the system")),
            ("en", "English"),
            ("fr", "Français"),
        ):
            self.language.addItem(label, value)
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.idle = QSpinBox()
        self.idle.setRange(1, 240)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(settings.idle_minutes)
        self.idle.setAccessibleName(self.tr("Lock after this many idle minutes"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("Lock after &idle"), self.idle)
        form.addRow(buttons)

    def result_settings(self) -> Settings:
        return Settings(language=str(self.language.currentData()), idle_minutes=self.idle.value())
