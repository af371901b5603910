"""An incident's revisions and custody events, read-only."""

from typing import Any

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget


class HistoryView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("History of the incident"))
        self.tree.setHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Fingerprint")])
        self.tree.setRootIsDecorated(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)

    def show_history(self, history: dict[str, Any] | None) -> None:
        self.tree.clear()
        if not history:
            return
        revisions = QTreeWidgetItem([self.tr("Revisions"), "", ""])
        for revision in history["revisions"]:
            title = revision["record"].get("title", "")
            revisions.addChild(
                QTreeWidgetItem(
                    [
                        revision["created_at"],
                        self.tr("Revision %1: %2")
                        .replace("%1", str(revision["number"]))
                        .replace("%2", title),
                        revision["sha256"][:16],
                    ]
                )
            )
        events = QTreeWidgetItem([self.tr("Custody log (signed)"), "", ""])
        for event in history["events"]:
            events.addChild(
                QTreeWidgetItem(
                    [event["at"], f"#{event['seq']} {event['action']}", event["hash"][:16]]
                )
            )
        self.tree.addTopLevelItems([revisions, events])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
