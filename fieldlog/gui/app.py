"""Starting the desktop app: unlock or create the vault, then the main window; locking."""

from __future__ import annotations

import gc
import os
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from fieldlog.gui.i18n import install_translators, resolve_language
from fieldlog.gui.idle import IdleWatcher
from fieldlog.gui.settings import Settings
from fieldlog.gui.settings_dialog import SettingsDialog
from fieldlog.gui.tasks import TaskRunner
from fieldlog.gui.unlock import CreateVaultDialog, UnlockDialog
from fieldlog.hardening import report_bugs_without_content

if TYPE_CHECKING:
    from fieldlog.gui.main_window import MainWindow
    from fieldlog.vault import Vault


# How long a thread may hold the GIL while another waits for it (Python's default
# is 5 ms). Each call Qt makes into Python (a cell's data(), a slot) must take the
# GIL; while the read worker turns a page of rows into Python objects, every such
# call waited up to the full interval, and painting one screen of the list makes
# a few hundred of them. The longest block while scrolling 100,000 incidents,
# measured: 28-65 ms with 1 ms, 25-30 ms with 0.5 ms.
GIL_SWITCH_INTERVAL = 0.0005

# Qt keeps its own settings beside the app's: its file dialogs remember the folders last
# used (QtProject.conf: "lastVisited", "history"), and folder names tell places, names and
# dates. Qt's settings go to a place that cannot be written, so they are never kept; the
# app's own settings name their file and are not affected.
NOWHERE = str(Path(os.devnull) / "fieldlog-keeps-no-qt-settings")


def keep_no_qt_settings() -> None:
    # QFileDialog opens QSettings(UserScope, "QtProject"): the native format, which is an
    # INI file on Linux and the BSDs (the registry and property lists elsewhere keep their
    # places; the system's own file dialogs keep their own history there anyway).
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(kind, scope, NOWHERE)


def clear_clipboard() -> None:
    """Empty the clipboard and, on X11, the selection (selected text is pasted from it)."""
    clipboard = QGuiApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)


class Session(QObject):
    """Who holds the vault: unlock, the main window, lock, quit. Nothing more."""

    def __init__(self, app: QApplication, vault_path: Path, settings: Settings) -> None:
        super().__init__(app)
        self.app, self.vault_path, self.settings = app, vault_path, settings
        sys.setswitchinterval(GIL_SWITCH_INTERVAL)
        self.reads = TaskRunner("fieldlog-reads", self)
        self.writes = TaskRunner("fieldlog-writes", self)
        self.vault: Vault | None = None
        self.window: MainWindow | None = None  # built at the first unlock
        self.idle = IdleWatcher(settings.idle_minutes, self)
        self.idle.idle.connect(self.lock)
        app.installEventFilter(self.idle)
        app.aboutToQuit.connect(self.shutdown)
        self.unlock_dialog: UnlockDialog | None = None
        self.create_dialog: CreateVaultDialog | None = None

    def start(self, vault: Vault | None = None) -> None:
        if vault is not None:
            self.unlocked(vault)
        elif (self.vault_path / "vault.json").is_file():
            self.ask_passphrase()
        else:
            self.create_dialog = CreateVaultDialog(self.vault_path, self.writes)
            self.create_dialog.created.connect(self.unlocked)
            self.create_dialog.show()

    def ask_passphrase(self) -> None:
        self.unlock_dialog = UnlockDialog(self.vault_path, self.writes)
        self.unlock_dialog.unlocked.connect(self.unlocked)
        self.unlock_dialog.rejected.connect(self._unlock_cancelled)
        self.unlock_dialog.show()
        self.unlock_dialog.raise_()

    def _unlock_cancelled(self) -> None:
        if self.vault is None:
            self.app.quit()

    def unlocked(self, vault: Vault) -> None:
        self.vault = vault
        if self.window is None:
            # The main window's modules load only now: the unlock window comes up sooner.
            from fieldlog.gui.main_window import MainWindow  # noqa: PLC0415

            self.window = MainWindow(vault, self.reads, self.writes)
            # Everything loaded so far lives as long as the app: keep it out of the garbage
            # collector's full passes, which run on whichever thread allocates and stop both.
            gc.freeze()
            self.window.lock_requested.connect(self.lock)
            self.window.hide_requested.connect(self.lock_and_hide)
            self.window.settings_requested.connect(self.edit_settings)
        else:
            self.window.attach_vault(vault)
        self.window.setEnabled(True)
        self.window.show()
        self.window.raise_()
        self.idle.start()

    def lock(self) -> None:
        """Drop the keys and clear every view; the unlock window comes back."""
        if self.vault is None:
            return
        self.idle.stop()
        # A dialog left open (a photo to blur, the settings) would stay on screen with what
        # it shows, and, being modal, keep the unlock window from taking the passphrase.
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        if self.window is not None:
            self.window.clear_for_lock()
            self.window.setEnabled(False)
        clear_clipboard()
        vault, self.vault = self.vault, None
        # Close after queued work finishes: tasks in flight hold the vault.
        self.writes.run(vault.close)
        self.ask_passphrase()

    def lock_and_hide(self) -> None:
        self.lock()
        if self.window is not None:
            self.window.showMinimized()
        if self.unlock_dialog is not None:
            self.unlock_dialog.showMinimized()

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self.window)
        if dialog.exec():
            self.settings = dialog.result_settings()
            self.settings.save()
            self.idle.set_minutes(self.settings.idle_minutes)
            self.idle.start()
            QMessageBox.information(
                self.window,
                self.tr("Settings"),
                self.tr("A new language applies the next time FieldLog starts."),
            )

    def shutdown(self) -> None:
        if self.window is not None:
            self.window.editor.flush_draft()
        # On X11 a clipboard manager takes over what the app still holds when it quits,
        # and may keep it on disk.
        clear_clipboard()
        self.reads.stop()
        self.writes.stop()
        if self.vault is not None:
            self.vault.close()
            self.vault = None


def create_application(argv: list[str] | None = None) -> QApplication:
    keep_no_qt_settings()
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv or sys.argv[:1])
    app.setApplicationName("FieldLog")
    app.setOrganizationName("FieldLog")
    app.setDesktopFileName("fieldlog")
    return app


def run(vault_path: Path, vault: Vault | None = None) -> int:
    """Start the app on ``vault_path`` (already unlocked when ``vault`` is given)."""
    report_bugs_without_content()
    warnings.simplefilter("ignore")  # Pillow's notes on a damaged photo, on stderr: not for people
    app = create_application()
    settings = Settings.load()
    install_translators(app, resolve_language(settings.language))
    session = Session(app, vault_path, settings)
    session.start(vault)
    return app.exec()
