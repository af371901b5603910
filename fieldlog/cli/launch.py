"""Starting the desktop app from the command line, importing as little as possible first."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from fieldlog.errors import FieldLogError

if TYPE_CHECKING:
    from fieldlog.vault import Vault


def check_display() -> None:
    """Qt aborts the process without a display; say so in one line instead."""
    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        raise FieldLogError(
            "no display: the desktop app needs a graphical session; the commands in "
            "'fieldlog --help' work without one"
        )


def launch_app(vault_path: Path, vault: Vault | None = None) -> int:
    check_display()
    from fieldlog.gui.app import run  # noqa: PLC0415 - Qt only when the app is wanted

    return run(vault_path, vault)


def app_request(argv: list[str]) -> Path | None:
    """The vault folder when ``argv`` only asks for the app (no command, or ``gui``), else None.

    Lets ``fieldlog`` start the app without building the whole command line first.
    """
    rest = list(argv)
    vault: str | None = None
    while rest and rest[0] in ("--vault", "--passphrase-file") and len(rest) >= 2:
        if rest[0] == "--vault":
            vault = rest[1]
        rest = rest[2:]
    if rest not in ([], ["gui"]):
        return None
    from fieldlog.paths import default_vault_path  # noqa: PLC0415

    return Path(vault).expanduser() if vault else default_vault_path()
