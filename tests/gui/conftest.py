"""GUI tests: real widgets, offscreen, on a real encrypted vault."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from fieldlog.gui.app import Session
from fieldlog.gui.i18n import install_translators
from fieldlog.gui.settings import Settings
from fieldlog.vault import Vault
from fieldlog.vault.keys import MINIMUM_KDF
from tests.conftest import PASSPHRASE


@pytest.fixture(autouse=True)
def _english(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, "en")
    yield
    install_translators(qapp, "en")


@pytest.fixture
def session(qapp: QApplication, tmp_path: Path) -> Iterator[Session]:
    path = tmp_path / "vault"
    vault, _ = Vault.create(path, PASSPHRASE, kdf=MINIMUM_KDF)
    running = Session(qapp, path, Settings())
    running.start(vault)
    yield running
    if running.window is not None:
        running.window.close()
    for dialog in (running.unlock_dialog, running.create_dialog):
        if dialog is not None:
            dialog.close()
    running.shutdown()
    qapp.removeEventFilter(running.idle)
    running.deleteLater()
