"""Typed settings: the interface language, the idle time before locking, the vault folder.

No record content is ever stored here, and no window state: a settings file
on a seized laptop must tell nothing.
"""

from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_path
from PySide6.QtCore import QSettings

from fieldlog.paths import APP_NAME

LANGUAGES = ("system", "en", "fr")
DEFAULT_IDLE_MINUTES = 5


def settings_path() -> Path:
    return user_config_path(APP_NAME, appauthor=False) / "settings.ini"


@dataclass
class Settings:
    language: str = "system"
    idle_minutes: int = DEFAULT_IDLE_MINUTES

    @classmethod
    def load(cls, path: Path | None = None) -> "Settings":
        store = QSettings(str(path or settings_path()), QSettings.Format.IniFormat)
        language = str(store.value("language", "system"))
        try:
            idle = int(str(store.value("idle_minutes", DEFAULT_IDLE_MINUTES)))
        except ValueError:
            idle = DEFAULT_IDLE_MINUTES
        return cls(
            language=language if language in LANGUAGES else "system",
            idle_minutes=min(max(idle, 1), 240),
        )

    def save(self, path: Path | None = None) -> None:
        target = path or settings_path()
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        store = QSettings(str(target), QSettings.Format.IniFormat)
        store.setValue("language", self.language)
        store.setValue("idle_minutes", self.idle_minutes)
        store.sync()
