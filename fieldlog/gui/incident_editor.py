"""The incident form: every field of the data model, in tabs, saved as a new revision.

What is typed is kept as an encrypted draft a second after each change, so a
laptop that dies mid-sentence loses at most that second.
"""

import re
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldlog.gui import vocabulary
from fieldlog.gui.child_lists import OfficerEditor, TestimonyEditor, VehicleEditor
from fieldlog.gui.history_view import HistoryView
from fieldlog.gui.media_panel import MediaPanel
from fieldlog.gui.tasks import TaskRunner
from fieldlog.gui.widgets import (
    add_row,
    choice_box,
    message_label,
    select_value,
    show_message,
    text_area,
)
from fieldlog.interchange import limits
from fieldlog.services.drafts import NEW_INCIDENT, discard_draft, load_draft, save_draft
from fieldlog.services.history import incident_history
from fieldlog.services.incidents import add_incidents, update_incident
from fieldlog.services.queries import get_incident, incidents_with_identifier
from fieldlog.vault import Vault

Record = dict[str, Any]
OFFSETS = [f"{'+' if h >= 0 else '-'}{abs(h):02d}:00" for h in range(-12, 15)]
CHILD_KEYS = ("testimonies", "officers", "vehicles")


# What may be typed in the offset box, on the way to a whole offset: +2, +02, +0530, -05:30.
_OFFSET_TYPING = r"[+-]\d{0,2}(:?\d{0,2})?"
_OFFSET = re.compile(r"([+-])(\d{1,2})(?::?(\d{2}))?")


def normalised_offset(text: str) -> str | None:
    """A typed UTC offset as ISO 8601 writes it (+2 -> +02:00, -0530 -> -05:30), or None."""
    found = _OFFSET.fullmatch(text.strip())
    if found is None:
        return None
    sign, hours, minutes = found.group(1), int(found.group(2)), int(found.group(3) or 0)
    if hours > 14 or minutes > 59 or (hours == 14 and minutes):
        return None
    return f"{sign}{hours:02d}:{minutes:02d}"


def _offset_part(occurred: str) -> str:
    """What follows the time of day in an ISO 8601 moment: its offset, stored or typed."""
    return re.sub(r"^(:\d\d(\.\d+)?)?", "", occurred[16:])


def _local_offset() -> str:
    offset = datetime.now().astimezone().utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


_ABSENT = object()


def _merge_value(base: Any, new: Any, typed: Any) -> Any:
    return new if typed == base else typed


def three_way(base: Record, new: Record, typed: Record) -> Record:
    """What was typed on ``base``, over ``new``: each field typed unchanged takes its new
    value; a changed one keeps what was typed. The place's name and position are apart
    (a photo sets only the position)."""
    merged: Record = {}
    for key in {*base, *new, *typed}:
        if key == "location":
            parts: dict[str, Any] = {}
            places = (base.get(key, {}), new.get(key, {}), typed.get(key, {}))
            for part in {*places[0], *places[1], *places[2]}:
                value = _merge_value(*(place.get(part, _ABSENT) for place in places))
                if value is not _ABSENT:
                    parts[part] = value
            merged[key] = parts
            continue
        value = _merge_value(base.get(key, _ABSENT), new.get(key, _ABSENT), typed.get(key, _ABSENT))
        if value is not _ABSENT:
            merged[key] = value
    return merged


class _Gap(NamedTuple):
    """What the form needs before a save, where to type it, and the testimony it is in."""

    text: str
    field: QWidget
    testimony: int | None = None


class _LimitedCells(QStyledItemDelegate):
    """Cells that take no more characters, column by column, than the vault stores."""

    def __init__(self, lengths: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lengths = lengths

    def createEditor(  # noqa: N802 - a Qt override
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(self._lengths[index.column()])
        return editor


class IncidentEditor(QWidget):
    saved = Signal(str)  # incident id
    open_incidents = Signal(list)  # ids to show in the list

    def __init__(
        self, writes: TaskRunner, reads: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._writes, self._reads = writes, reads
        self._vault: Vault | None = None
        self._record: Record | None = None  # the latest revision being edited, None for new
        self._loading = False
        # The drafts saved in this session, by key: a draft is written on the writes thread,
        # and must be found again even before that write is done (reopening at once).
        self._drafts: dict[str, Record] = {}
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(1000)
        self._draft_timer.timeout.connect(self._save_draft)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_details(), self.tr("&Incident"))
        self.testimonies = TestimonyEditor()
        self.tabs.addTab(self.testimonies, self.tr("&Testimonies"))
        observations = QWidget()
        obs_layout = QVBoxLayout(observations)
        self.officers = OfficerEditor()
        self.vehicles = VehicleEditor()
        officers_box = QGroupBox(self.tr("Officers"))
        QVBoxLayout(officers_box).addWidget(self.officers)
        vehicles_box = QGroupBox(self.tr("Vehicles"))
        QVBoxLayout(vehicles_box).addWidget(self.vehicles)
        obs_layout.addWidget(officers_box)
        obs_layout.addWidget(vehicles_box)
        self.tabs.addTab(observations, self.tr("&Officers and vehicles"))
        self.media = MediaPanel(writes, reads)
        self.tabs.addTab(self.media, self.tr("&Media"))
        self.history = HistoryView()
        self.tabs.addTab(self.history, self.tr("&History"))

        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setDefault(True)
        self.discard_button = QPushButton(self.tr("&Discard changes"))
        self.discard_button.setToolTip(
            self.tr("Forget the unsaved changes and show the incident as it was saved")
        )
        self.discard_button.hide()
        self.message = message_label()
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addStretch(0)
        bottom.addWidget(self.discard_button, 0)
        bottom.addWidget(self.save_button, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.discard_changes)
        for child in (self.testimonies, self.officers, self.vehicles):
            child.changed.connect(self._edited)
        for observation in (self.officers, self.vehicles):
            observation.lookup_requested.connect(self._lookup)
            observation.open_requested.connect(self.open_incidents)
        self.media.incident_changed.connect(self.reload)
        self.media.media_changed.connect(self.reload)
        self.clear()

    # -- the details tab -------------------------------------------------------------

    def _build_details(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setAccessibleName(self.tr("Date and time of the incident"))
        self.offset = QComboBox()
        self.offset.setEditable(True)
        self.offset.addItems(OFFSETS)
        self.offset.setAccessibleName(self.tr("UTC offset"))
        self.offset.setValidator(
            QRegularExpressionValidator(QRegularExpression(_OFFSET_TYPING), self.offset)
        )
        self.precision = choice_box(vocabulary.precisions(), self.tr("Precision of the time"))
        when_row = QHBoxLayout()
        when_row.addWidget(self.when, 2)
        when_row.addWidget(self.offset)
        when_row.addWidget(self.precision, 1)
        add_row(form, self.tr("&When"), when_row, self.when)

        self.place = QLineEdit()
        self.place.setAccessibleName(self.tr("Place"))
        self.place.setMaxLength(limits.max_length("location", "name"))
        self.lat = QLineEdit()
        self.lat.setAccessibleName(self.tr("Latitude"))
        self.lat.setPlaceholderText(self.tr("latitude"))
        self.lon = QLineEdit()
        self.lon.setAccessibleName(self.tr("Longitude"))
        self.lon.setPlaceholderText(self.tr("longitude"))
        place_row = QHBoxLayout()
        place_row.addWidget(self.place, 3)
        place_row.addWidget(self.lat, 1)
        place_row.addWidget(self.lon, 1)
        add_row(form, self.tr("&Place"), place_row, self.place)

        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setMaxLength(limits.max_length("title"))
        add_row(form, self.tr("T&itle"), self.title)
        self.description = text_area(self.tr("Description"))
        add_row(form, self.tr("&Description"), self.description)

        self.categories = {
            value: QCheckBox(label) for value, label in vocabulary.categories().items()
        }
        form.addRow(self.tr("Categories"), self._grid(self.categories, 3))
        self.perpetrators = {
            value: QCheckBox(label) for value, label in vocabulary.perpetrators().items()
        }
        form.addRow(self.tr("Perpetrators"), self._grid(self.perpetrators, 3))

        self.language = QLineEdit()
        self.language.setAccessibleName(self.tr("Language of the description"))
        self.language.setPlaceholderText(self.tr("e.g. en, fr, ar"))
        self.people = QSpinBox()
        self.people.setRange(-1, 1_000_000)
        self.people.setSpecialValueText(self.tr("unknown"))
        self.people.setAccessibleName(self.tr("People affected"))
        self.status = choice_box(vocabulary.statuses(), self.tr("Status"))
        row = QHBoxLayout()
        row.addWidget(self.language)
        row.addWidget(self.people)
        row.addWidget(self.status)
        add_row(form, self.tr("&Language, people affected, status"), row, self.language)

        self.sources = QTableWidget(0, 2)
        self.sources.setHorizontalHeaderLabels([self.tr("Source"), self.tr("Address (URL)")])
        self.sources.horizontalHeader().setStretchLastSection(True)
        self.sources.setAccessibleName(self.tr("Sources"))
        self.sources.setItemDelegate(
            _LimitedCells(
                [limits.max_length("sources", "title"), limits.max_length("sources", "url")],
                self.sources,
            )
        )
        self.sources.setMaximumHeight(120)
        add_source = QPushButton(self.tr("Add source"))
        remove_source = QPushButton(self.tr("Remove source"))
        add_source.clicked.connect(lambda: self.sources.insertRow(self.sources.rowCount()))
        remove_source.clicked.connect(lambda: self.sources.removeRow(self.sources.currentRow()))
        sources = QVBoxLayout()
        sources.addWidget(self.sources)
        source_buttons = QHBoxLayout()
        source_buttons.addWidget(add_source)
        source_buttons.addWidget(remove_source)
        source_buttons.addStretch(1)
        sources.addLayout(source_buttons)
        form.addRow(self.tr("Sources"), sources)

        for signal in (
            self.when.dateTimeChanged,
            self.offset.currentTextChanged,
            self.precision.currentIndexChanged,
            self.place.textChanged,
            self.lat.textChanged,
            self.lon.textChanged,
            self.title.textChanged,
            self.description.textChanged,
            self.language.textChanged,
            self.people.valueChanged,
            self.status.currentIndexChanged,
            self.sources.itemChanged,
        ):
            signal.connect(self._edited)
        for box in (*self.categories.values(), *self.perpetrators.values()):
            box.toggled.connect(self._edited)
        return page

    @staticmethod
    def _grid(boxes: dict[str, QCheckBox], columns: int) -> QWidget:
        widget = QWidget()
        grid = QGridLayout(widget)
        grid.setContentsMargins(0, 0, 0, 0)
        for number, box in enumerate(boxes.values()):
            grid.addWidget(box, number // columns, number % columns)
        return widget

    # -- loading and reading the form ------------------------------------------------

    @property
    def incident_id(self) -> str | None:
        return self._record["id"] if self._record else None

    def set_vault(self, vault: Vault | None) -> None:
        self._vault = vault
        self._drafts.clear()  # locked: nothing typed stays in memory (it is in the vault)

    def clear(self, *, offer_draft: bool = True) -> None:
        """An empty form for a new incident (also what is shown once locked), with the new
        incident typed and not saved over it (``offer_draft``)."""
        now = datetime.now().astimezone()
        self.load(
            {
                "occurred_at": now.replace(second=0, microsecond=0).isoformat(),
                "occurred_precision": "approximate",
                "location": {"name": ""},
                "categories": [],
                "perpetrators": [],
                "title": "",
                "description": "",
                "language": "",
                "status": "recorded",
            },
            saved=False,
        )
        if offer_draft:
            self._offer_draft(NEW_INCIDENT)

    def load(self, record: Record, *, saved: bool = True) -> None:
        self._loading = True
        try:
            self._fill(record, saved=saved)
        finally:
            # Drafts are saved again after whatever happened here.
            self._loading = False
        self.discard_button.hide()
        show_message(self.message, "")
        if self._record is not None:
            self._load_history()

    def _show_occurrence(self, occurred: str) -> None:
        """The date, time and offset of ``occurred`` in their fields. A draft keeps what was
        typed, even an offset that is not one yet (+2): it is shown as typed, to be finished."""
        if len(occurred) == 10:
            self.when.setDateTime(QDateTime(QDate.fromString(occurred, "yyyy-MM-dd"), QTime(0, 0)))
            self.offset.setCurrentText(_local_offset())
            return
        if not occurred:
            now = datetime.now().astimezone()
            occurred = now.replace(second=0, microsecond=0).isoformat()
        moment = QDateTime.fromString(occurred[:16], "yyyy-MM-ddTHH:mm")
        self.when.setDateTime(moment if moment.isValid() else QDateTime.currentDateTime())
        typed = _offset_part(occurred)
        self.offset.setCurrentText(normalised_offset(typed) or typed)

    def _fill(self, record: Record, *, saved: bool) -> None:
        self._record = record if saved and "id" in record else None
        self._show_occurrence(str(record.get("occurred_at", "")))
        select_value(self.precision, record.get("occurred_precision", "exact"))
        location = record.get("location", {})
        self.place.setText(location.get("name", ""))
        self.lat.setText("" if location.get("lat") is None else str(location["lat"]))
        self.lon.setText("" if location.get("lon") is None else str(location["lon"]))
        for field in (self.lat, self.lon):  # a photo's position has many digits: show the first
            field.setCursorPosition(0)
        self.title.setText(record.get("title", ""))
        self.description.setPlainText(record.get("description", ""))
        for value, box in self.categories.items():
            box.setChecked(value in record.get("categories", []))
        for value, box in self.perpetrators.items():
            box.setChecked(value in record.get("perpetrators", []))
        self.language.setText("" if record.get("language") == "und" else record.get("language", ""))
        people = record.get("people_affected")
        self.people.setValue(-1 if people is None else int(people))
        select_value(self.status, record.get("status", "recorded"))
        self.sources.setRowCount(0)
        for source in record.get("sources", []):
            row = self.sources.rowCount()
            self.sources.insertRow(row)
            self.sources.setItem(row, 0, QTableWidgetItem(source.get("title", "")))
            self.sources.setItem(row, 1, QTableWidgetItem(source.get("url", "")))
        self.testimonies.set_entries(record.get("testimonies", []))
        self.officers.set_entries(record.get("officers", []))
        self.vehicles.set_entries(record.get("vehicles", []))
        self.media.set_incident(
            self._vault if self._record else None, self.incident_id, record.get("media", [])
        )
        self.history.show_history(None)

    def _load_history(self) -> None:
        vault, incident_id = self._vault, self.incident_id
        if vault is None or incident_id is None:
            return
        self._reads.run(lambda: incident_history(vault, incident_id), self.history.show_history)

    def to_incident(self) -> Record:
        """The form as an interchange incident (what the services validate)."""
        precision = self.precision.currentData()
        moment = self.when.dateTime()
        day = moment.date()
        if precision == "day":
            occurred = date(day.year(), day.month(), day.day()).isoformat()
        else:
            clock = moment.time()
            typed = self.offset.currentText().strip()
            offset = normalised_offset(typed) or typed  # an unfinished one: _first_gap says so
            occurred = f"{day.toString('yyyy-MM-dd')}T{clock.toString('HH:mm')}:00{offset}"
        location: Record = {"name": self.place.text().strip()}
        for key, field in (("lat", self.lat), ("lon", self.lon)):
            text = field.text().strip().replace(",", ".")
            if text:
                try:
                    location[key] = float(text)
                except ValueError:
                    location[key] = text  # the schema check names the field
        incident: Record = {
            "occurred_at": occurred,
            "occurred_precision": precision,
            "location": location,
            "categories": [v for v, box in self.categories.items() if box.isChecked()],
            "perpetrators": [v for v, box in self.perpetrators.items() if box.isChecked()],
            "title": self.title.text().strip(),
            "description": self.description.toPlainText(),
            "language": self.language.text().strip() or "und",
            "status": self.status.currentData(),
            "sources": [
                {"title": title, **({"url": url} if url else {})}
                for title, url in (
                    (self._cell(row, 0), self._cell(row, 1))
                    for row in range(self.sources.rowCount())
                )
                if title or url  # an address alone is a source too: nothing typed is lost
            ],
            "testimonies": [self._clean(t) for t in self.testimonies.entries()],
            "officers": self.officers.entries(),
            "vehicles": self.vehicles.entries(),
        }
        if self.people.value() >= 0:
            incident["people_affected"] = self.people.value()
        if self._record is not None:
            incident["id"] = self._record["id"]
        return incident

    @staticmethod
    def _clean(testimony: Record) -> Record:
        cleaned = {k: v for k, v in testimony.items() if k != "recorded_at"}
        cleaned["language"] = cleaned.get("language") or "und"
        return cleaned

    def _cell(self, row: int, column: int) -> str:
        item = self.sources.item(row, column)
        return item.text().strip() if item is not None else ""

    # -- drafts, saving ----------------------------------------------------------------

    def _edited(self, *_args: object) -> None:
        if not self._loading and self._vault is not None:
            self._draft_timer.start()

    def _draft_key(self) -> str:
        return self.incident_id or NEW_INCIDENT

    def _as_draft(self) -> Record:
        """The form, with the revision it is typed on (for when the draft comes back)."""
        incident = self.to_incident()
        if self._record is not None:
            incident["revision"] = self._record["revision"]
        return incident

    def _save_draft(self) -> None:
        vault = self._vault
        if vault is None:
            return
        key, incident = self._draft_key(), self._as_draft()
        self._drafts[key] = incident
        self._writes.run(lambda: save_draft(vault, key, incident))

    def flush_draft(self) -> None:
        """Save the draft now (before locking): the timer may not have fired yet."""
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self._save_draft()

    def _first_gap(self, incident: Record) -> _Gap | None:
        """What the form still needs before it can be saved, in the form's own words (the
        vault's check would name JSON fields: "categories needs at least 1",
        "testimonies[0].language does not match")."""
        offset = _offset_part(str(incident["occurred_at"]))
        if incident["occurred_precision"] != "day" and normalised_offset(offset) is None:
            return _Gap(self.tr("Write the offset from UTC as +02:00 or -05:30."), self.offset)
        location = incident["location"]
        if not location["name"]:
            return _Gap(self.tr("Give the place where it happened."), self.place)
        for key, field in (("lat", self.lat), ("lon", self.lon)):
            value = location.get(key)
            if isinstance(value, str):
                return _Gap(self.tr("Latitude and longitude are numbers, like 50.9436."), field)
            low, high = limits.coordinate_range(key)
            if value is not None and not low <= value <= high:
                return _Gap(
                    self.tr("Latitude is between -90 and 90, longitude between -180 and 180."),
                    field,
                )
        if ("lat" in location) != ("lon" in location):
            missing = self.lon if "lat" in location else self.lat
            return _Gap(self.tr("Give both latitude and longitude, or neither."), missing)
        if not incident["title"]:
            return _Gap(self.tr("Give the incident a title."), self.title)
        if not incident["categories"]:
            first = next(iter(self.categories.values()))
            return _Gap(self.tr("Choose at least one category."), first)
        language = self.tr("Write the language as a code, such as fr, en, ar, ps or ti.")
        if not limits.is_language_tag(incident["language"]):
            return _Gap(language, self.language)
        for row, testimony in enumerate(incident["testimonies"]):
            if not limits.is_language_tag(testimony["language"]):
                return _Gap(language, self.testimonies.language, row)
        return None

    def _show_gap(self, gap: _Gap) -> None:
        show_message(self.message, gap.text, error=True)
        if gap.testimony is not None:
            self.testimonies.list.setCurrentRow(gap.testimony)
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not None and page.isAncestorOf(gap.field):
                self.tabs.setCurrentIndex(index)
        gap.field.setFocus()

    def save(self) -> None:
        vault = self._vault
        if vault is None:
            return
        incident = self.to_incident()
        gap = self._first_gap(incident)
        if gap is not None:  # nothing is saved; the draft goes on being kept as typed
            self._show_gap(gap)
            return
        self._draft_timer.stop()
        key, existing = self._draft_key(), self.incident_id
        # The revision on screen: if an import changed the incident meanwhile, the save is
        # refused (the draft keeps what was typed) instead of undoing the import.
        based_on = self._record.get("revision") if self._record is not None else None

        def work() -> str:
            if existing is None:
                incident_id = str(add_incidents(vault, [incident])[0])
            else:
                incident_id = str(update_incident(vault, existing, incident, based_on=based_on)[0])
            discard_draft(vault, key)
            return incident_id

        self._drafts.pop(key, None)  # back from the draft on disk if the save fails

        self.save_button.setEnabled(False)
        self.tabs.setEnabled(False)  # what is typed now would be lost when the save reloads
        self._writes.run(work, self._saved, self._save_failed)

    def _saved(self, incident_id: str) -> None:
        self.save_button.setEnabled(True)
        self.tabs.setEnabled(True)
        self.saved.emit(incident_id)
        self.open(incident_id, message=self.tr("Saved. Earlier versions are kept in the history."))

    def _save_failed(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self.tabs.setEnabled(True)
        show_message(self.message, message, error=True)
        self._save_draft()

    def open(self, incident_id: str, message: str = "", *, restore: bool = True) -> None:
        """Show the incident's latest revision, with its unsaved draft over it (``restore``)."""
        vault = self._vault
        if vault is None:
            return

        def loaded(record: Record) -> None:
            self.load(record)
            if message:
                show_message(self.message, message)
            if restore:
                self._offer_draft(incident_id)

        self._reads.run(
            lambda: get_incident(vault, incident_id),
            loaded,
            lambda text: show_message(self.message, text, error=True),
        )

    def _offer_draft(self, key: str) -> None:
        """Put back what was typed and not saved (this session's, or one left on disk)."""
        vault = self._vault
        if vault is None:
            return
        held = self._drafts.get(key)
        if held is not None:
            self._restore(key, held)
            return

        def on_disk() -> Record | None:
            draft = load_draft(vault, key)
            return draft.incident if draft is not None else None

        self._reads.run(on_disk, lambda incident: self._restore(key, incident))

    def _restore(self, key: str, incident: Record | None) -> None:
        vault, record = self._vault, self._record
        if incident is None or key != self._draft_key() or vault is None:
            return  # nothing saved, or another incident is on screen by now
        typed = dict(incident)
        base = typed.pop("revision", None)
        if record is not None and base is not None and base != record["revision"]:
            # Typed on an older revision (an import, or a photo's time and place, came in
            # between): merged with what changed since, never saved over it unseen.
            incident_id = record["id"]
            self._reads.run(
                lambda: incident_history(vault, incident_id)["revisions"][base - 1]["record"],
                lambda base_record: self._rebase(key, typed, base_record, record),
            )
            return
        if typed == self.to_incident():
            return
        self._show_restored(key, typed, record)
        show_message(
            self.message,
            self.tr("Unsaved changes put back from a draft: save them, or discard them."),
        )

    def _rebase(self, key: str, typed: Record, base: Record, latest: Record) -> None:
        if key != self._draft_key() or self._record is None:
            return
        new = self.to_incident()  # the latest revision, as the form holds it
        self.load(base)
        merged = three_way(self.to_incident(), new, typed)
        self._show_restored(key, merged, latest)
        self._save_draft()  # the draft is now based on the latest revision
        show_message(
            self.message,
            self.tr(
                "The incident changed since these changes were typed; what changed is merged "
                "with them. Check, then save them or discard them."
            ),
        )

    def _show_restored(self, key: str, typed: Record, record: Record | None) -> None:
        if record is not None:
            self.load({**record, **typed})
            self._record = record  # the revision the edit is based on, with its media
        else:
            self.load(typed, saved=False)
        self._drafts[key] = self._as_draft()
        self.discard_button.show()

    def discard_changes(self) -> None:
        vault, key, incident_id = self._vault, self._draft_key(), self.incident_id
        if vault is None:
            return
        self._draft_timer.stop()
        self._drafts.pop(key, None)
        self._writes.run(lambda: discard_draft(vault, key))
        if incident_id is None:
            self.clear(offer_draft=False)
        else:
            self.open(incident_id, restore=False)

    def reload(self) -> None:
        """After a change made from the media tab: the stored revision, and what was typed."""
        if self.incident_id is not None:
            self.flush_draft()
            self.open(self.incident_id)

    def _lookup(self, kind: str, value: str) -> None:
        vault, current = self._vault, self.incident_id
        if vault is None:
            return
        editor = self.officers if kind == "officer" else self.vehicles
        self._reads.run(
            lambda: incidents_with_identifier(vault, kind, value),
            lambda ids: editor.show_seen(value, ids, current),
        )
