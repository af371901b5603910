"""An incident's revisions and custody events, read-only."""

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from fieldlog.gui.i18n import fill


def local_time(stamp: str) -> str:
    """A stored UTC time as this laptop's local date and time, to the minute."""
    return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")


class HistoryView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("History of the incident"))
        self.tree.setHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Fingerprint")])
        self.tree.setRootIsDecorated(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)

    def action_label(self, action: str) -> str:
        """What a custody event records, in words; an unknown code (a newer version's) as is."""
        labels = {
            "incident.create": self.tr("Recorded"),
            "incident.revise": self.tr("Edited"),
            "incident.import": self.tr("Received in a bundle"),
            "incident.import_revise": self.tr("Changed by a bundle (merged)"),
            "incident.share": self.tr("Shared in a bundle, filtered by consent"),
            "media.add": self.tr("Photo, video or recording attached"),
            "media.derive": self.tr("Shareable copy made (metadata removed)"),
            "media.import": self.tr("Photo, video or recording received in a bundle"),
        }
        return labels.get(action, action)

    def show_history(self, history: dict[str, Any] | None) -> None:
        self.tree.clear()
        if not history:
            return
        revisions = QTreeWidgetItem([self.tr("Revisions"), "", ""])
        for revision in history["revisions"]:
            title = revision["record"].get("title", "")
            item = QTreeWidgetItem(
                [
                    local_time(revision["created_at"]),
                    fill(self.tr("Revision %1: %2"), revision["number"], title),
                    revision["sha256"][:16],
                ]
            )
            item.setToolTip(0, revision["created_at"])  # as stored, in UTC
            revisions.addChild(item)
        events = QTreeWidgetItem([self.tr("Custody log (signed)"), "", ""])
        for event in history["events"]:
            what = f"#{event['seq']} {self.action_label(event['action'])}"
            item = QTreeWidgetItem([local_time(event["at"]), what, event["hash"][:16]])
            item.setToolTip(0, event["at"])
            # The code as the log and 'fieldlog audit verify' give it, for whoever checks.
            item.setToolTip(1, event["action"])
            events.addChild(item)
        self.tree.addTopLevelItems([revisions, events])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
