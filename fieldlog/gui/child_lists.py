"""Editors for the lists inside an incident: testimonies, officers, vehicles.

Each is a list on the left and a form on the right for the selected entry.
Entries keep their ids, so an edit is recorded as a change of the same
testimony or observation, never as a new one.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldlog.gui import vocabulary
from fieldlog.gui.widgets import add_row, choice_box, select_value, text_area
from fieldlog.interchange import limits

Entry = dict[str, Any]


class ChildListEditor(QWidget):
    changed = Signal()

    def __init__(self, add_label: str, remove_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._loading = False
        self.list = QListWidget()
        self.list.setAccessibleName(add_label)
        self.add_button = QPushButton(add_label)
        self.remove_button = QPushButton(remove_label)
        self.form = QWidget()
        self.form_layout = QFormLayout(self.form)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button.clicked.connect(self.remove_entry)
        self.list.currentRowChanged.connect(self._show_entry)
        self.build_form()
        self._show_entry(-1)

    # -- for subclasses ---------------------------------------------------------

    def build_form(self) -> None:
        raise NotImplementedError

    def blank(self) -> Entry:
        raise NotImplementedError

    def label_of(self, entry: Entry) -> str:
        raise NotImplementedError

    def read_form(self) -> Entry:
        raise NotImplementedError

    def write_form(self, entry: Entry) -> None:
        raise NotImplementedError

    def watch(self, signal: Any) -> None:
        """Connect a field's change signal: the form is copied into the selected entry."""
        signal.connect(self._form_edited)

    # -- behaviour --------------------------------------------------------------

    def entries(self) -> list[Entry]:
        return [dict(e) for e in self._entries]

    def set_entries(self, entries: list[Entry]) -> None:
        self._entries = [dict(e) for e in entries]
        self._loading = True
        self.list.clear()
        for entry in self._entries:
            self.list.addItem(QListWidgetItem(self.label_of(entry)))
        self._loading = False
        self.list.setCurrentRow(0 if self._entries else -1)
        self._show_entry(self.list.currentRow())

    def add_entry(self) -> None:
        self._entries.append(self.blank())
        self.list.addItem(QListWidgetItem(self.label_of(self._entries[-1])))
        self.list.setCurrentRow(len(self._entries) - 1)
        self.changed.emit()

    def remove_entry(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        # Removing from the current state; the earlier revision keeps it.
        del self._entries[row]
        self.list.takeItem(row)
        self._show_entry(self.list.currentRow())
        self.changed.emit()

    def _show_entry(self, row: int) -> None:
        has = 0 <= row < len(self._entries)
        self.form.setEnabled(has)
        self.remove_button.setEnabled(has)
        self._loading = True
        self.write_form(self._entries[row] if has else self.blank())
        self._loading = False

    def _form_edited(self, *_args: object) -> None:
        row = self.list.currentRow()
        if self._loading or not 0 <= row < len(self._entries):
            return
        self._entries[row].update(self.read_form())
        item = self.list.item(row)
        if item is not None:
            item.setText(self.label_of(self._entries[row]))
        self.changed.emit()


class TestimonyEditor(ChildListEditor):
    """Original and translation side by side; consent always in view with its meaning."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add testimony"), self.tr("Remove testimony"), parent)

    def build_form(self) -> None:
        self.witness = QLineEdit()
        self.witness.setAccessibleName(self.tr("Witness pseudonym"))
        self.witness.setMaxLength(limits.max_length("testimonies", "witness"))
        self.witness.setPlaceholderText(self.tr("A pseudonym, never a full name"))
        self.role = choice_box(vocabulary.roles(), self.tr("Role"))
        self.language = QLineEdit()
        self.language.setAccessibleName(self.tr("Language of the testimony"))
        self.language.setPlaceholderText(self.tr("e.g. fr, ar, ps, ti"))
        self.consent = choice_box(vocabulary.consents(), self.tr("Consent"))
        self.consent_note = QLabel()
        self.consent_note.setWordWrap(True)
        self.text = text_area(self.tr("Original text"))
        self.translation = text_area(self.tr("Translation"))
        texts = QSplitter(Qt.Orientation.Horizontal)
        for title, area in (
            (self.tr("Original"), self.text),
            (self.tr("Translation"), self.translation),
        ):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(QLabel(title))
            box_layout.addWidget(area)
            texts.addWidget(box)
        add_row(self.form_layout, self.tr("&Pseudonym"), self.witness)
        add_row(self.form_layout, self.tr("&Role"), self.role)
        add_row(self.form_layout, self.tr("&Language"), self.language)
        add_row(self.form_layout, self.tr("&Consent"), self.consent)
        self.form_layout.addRow("", self.consent_note)
        self.form_layout.addRow(texts)
        for signal in (
            self.witness.textChanged,
            self.role.currentIndexChanged,
            self.language.textChanged,
            self.consent.currentIndexChanged,
            self.text.textChanged,
            self.translation.textChanged,
        ):
            self.watch(signal)
        self.consent.currentIndexChanged.connect(self._show_consent)

    def _show_consent(self) -> None:
        value = self.consent.currentData()
        colours = {"legal": "#1b5e20", "anonymised": "#8a5a00", "internal": "#a40000"}
        self.consent_note.setStyleSheet(f"color: {colours.get(value, '#000')}; font-weight: bold;")
        self.consent_note.setText(vocabulary.consents().get(value, ""))

    def blank(self) -> Entry:
        return {
            "witness": "",
            "role": "witness",
            "language": "",
            "text": "",
            "translation": "",
            "consent": "internal",
        }

    def label_of(self, entry: Entry) -> str:
        name = entry.get("witness") or self.tr("(no pseudonym)")
        return f"{name} — {vocabulary.consents().get(entry.get('consent', ''), '').split(':')[0]}"

    def read_form(self) -> Entry:
        return {
            "witness": self.witness.text(),
            "role": self.role.currentData(),
            "language": self.language.text().strip(),
            "consent": self.consent.currentData(),
            "text": self.text.toPlainText(),
            "translation": self.translation.toPlainText(),
        }

    def write_form(self, entry: Entry) -> None:
        self.witness.setText(entry.get("witness", ""))
        select_value(self.role, entry.get("role", "witness"))
        self.language.setText(entry.get("language", "") if entry.get("language") != "und" else "")
        select_value(self.consent, entry.get("consent", "internal"))
        self.text.setPlainText(entry.get("text", ""))
        self.translation.setPlainText(entry.get("translation", ""))
        self._show_consent()


Lookup = Callable[[str, str], None]  # kind, value: ask how often it was seen elsewhere


class _ObservationEditor(ChildListEditor):
    """Officers and vehicles: as an identifier is typed, how often it was seen elsewhere."""

    lookup_requested = Signal(str, str)
    open_requested = Signal(list)
    KIND = ""

    def build_lookup(self, field: QLineEdit) -> None:
        self.seen = QLabel()
        self.seen.setAccessibleName(self.tr("Other incidents with this identifier"))
        self.open_seen = QPushButton(self.tr("Show them"))
        self.open_seen.setVisible(False)
        self._seen_ids: list[str] = []
        row = QHBoxLayout()
        row.addWidget(self.seen, 1)
        row.addWidget(self.open_seen)
        self.form_layout.addRow("", row)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(lambda: self.lookup_requested.emit(self.KIND, field.text()))
        field.textChanged.connect(lambda _text: self._timer.start())
        self.open_seen.clicked.connect(lambda: self.open_requested.emit(self._seen_ids))

    def show_seen(self, value: str, incident_ids: list[str], current_id: str | None) -> None:
        others = [i for i in incident_ids if i != current_id]
        self._seen_ids = others
        if not value.strip():
            self.seen.setText("")
        elif others:
            # The context named: PySide6's tr() on a subclass does not fall back to
            # this class for plural strings, so neither language showed them.
            self.seen.setText(
                QCoreApplication.translate(
                    "_ObservationEditor", "Seen in %n other incident(s)", "", len(others)
                )
            )
        else:
            self.seen.setText(self.tr("Not seen in any other incident"))
        self.open_seen.setVisible(bool(others))


class OfficerEditor(_ObservationEditor):
    KIND = "officer"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add officer"), self.tr("Remove officer"), parent)

    def build_form(self) -> None:
        self.identifier = QLineEdit()
        self.identifier.setAccessibleName(self.tr("Officer identifier"))
        self.identifier.setMaxLength(limits.max_length("officers", "identifier"))
        self.identifier.setPlaceholderText(
            self.tr("RIO number, badge; partial is fine, e.g. 12?45")
        )
        self.kind = choice_box(vocabulary.identifier_kinds(), self.tr("Kind of identifier"))
        self.unit = QLineEdit()
        self.unit.setAccessibleName(self.tr("Unit"))
        self.unit.setMaxLength(limits.max_length("officers", "unit"))
        self.unit.setPlaceholderText(self.tr("e.g. CRS 8, BAC, PAF, gendarmerie"))
        self.visibility = choice_box(
            vocabulary.officer_visibilities(), self.tr("Visibility of the number")
        )
        self.description = text_area(self.tr("Description of the officer"))
        self.description.setMaximumHeight(90)
        add_row(self.form_layout, self.tr("&Identifier"), self.identifier)
        self.build_lookup(self.identifier)
        add_row(self.form_layout, self.tr("&Kind"), self.kind)
        add_row(self.form_layout, self.tr("&Unit"), self.unit)
        add_row(self.form_layout, self.tr("Number &visibility"), self.visibility)
        add_row(self.form_layout, self.tr("&Description"), self.description)
        for signal in (
            self.identifier.textChanged,
            self.kind.currentIndexChanged,
            self.unit.textChanged,
            self.visibility.currentIndexChanged,
            self.description.textChanged,
        ):
            self.watch(signal)

    def blank(self) -> Entry:
        return {
            "identifier": "",
            "identifier_kind": "rio",
            "unit": "",
            "visibility": "visible",
            "description": "",
        }

    def label_of(self, entry: Entry) -> str:
        number = entry.get("identifier") or vocabulary.officer_visibilities().get(
            entry.get("visibility", ""), ""
        )
        return f"{number} {entry.get('unit', '')}".strip()

    def read_form(self) -> Entry:
        return {
            "identifier": self.identifier.text().strip(),
            "identifier_kind": self.kind.currentData(),
            "unit": self.unit.text().strip(),
            "visibility": self.visibility.currentData(),
            "description": self.description.toPlainText(),
        }

    def write_form(self, entry: Entry) -> None:
        self.identifier.setText(entry.get("identifier", ""))
        select_value(self.kind, entry.get("identifier_kind", "rio"))
        self.unit.setText(entry.get("unit", ""))
        select_value(self.visibility, entry.get("visibility", "visible"))
        self.description.setPlainText(entry.get("description", ""))


class VehicleEditor(_ObservationEditor):
    KIND = "vehicle"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add vehicle"), self.tr("Remove vehicle"), parent)

    def build_form(self) -> None:
        self.plate = QLineEdit()
        self.plate.setAccessibleName(self.tr("Plate"))
        self.plate.setMaxLength(limits.max_length("vehicles", "plate"))
        self.plate.setPlaceholderText(self.tr("Partial is fine, e.g. AB-1??-CD"))
        self.country = QLineEdit()
        self.country.setAccessibleName(self.tr("Country of the plate"))
        self.country.setMaxLength(limits.max_length("vehicles", "country"))
        self.unit = QLineEdit()
        self.unit.setAccessibleName(self.tr("Unit"))
        self.unit.setMaxLength(limits.max_length("vehicles", "unit"))
        self.visibility = choice_box(
            vocabulary.plate_visibilities(), self.tr("Visibility of the plate")
        )
        self.description = text_area(self.tr("Description of the vehicle"))
        self.description.setMaximumHeight(90)
        add_row(self.form_layout, self.tr("&Plate"), self.plate)
        self.build_lookup(self.plate)
        add_row(self.form_layout, self.tr("C&ountry"), self.country)
        add_row(self.form_layout, self.tr("&Unit"), self.unit)
        add_row(self.form_layout, self.tr("Plate &visibility"), self.visibility)
        add_row(self.form_layout, self.tr("&Description"), self.description)
        for signal in (
            self.plate.textChanged,
            self.country.textChanged,
            self.unit.textChanged,
            self.visibility.currentIndexChanged,
            self.description.textChanged,
        ):
            self.watch(signal)

    def blank(self) -> Entry:
        return {
            "plate": "",
            "country": "FR",
            "unit": "",
            "plate_visibility": "visible",
            "description": "",
        }

    def label_of(self, entry: Entry) -> str:
        plate = entry.get("plate") or vocabulary.plate_visibilities().get(
            entry.get("plate_visibility", ""), ""
        )
        return f"{plate} {entry.get('unit', '')}".strip()

    def read_form(self) -> Entry:
        return {
            "plate": self.plate.text().strip(),
            "country": self.country.text().strip(),
            "unit": self.unit.text().strip(),
            "plate_visibility": self.visibility.currentData(),
            "description": self.description.toPlainText(),
        }

    def write_form(self, entry: Entry) -> None:
        self.plate.setText(entry.get("plate", ""))
        self.country.setText(entry.get("country", ""))
        self.unit.setText(entry.get("unit", ""))
        select_value(self.visibility, entry.get("plate_visibility", "visible"))
        self.description.setPlainText(entry.get("description", ""))
