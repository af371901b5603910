"""Where things live: the default vault folder, overridable for scripts and tests."""

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "FieldLog"
VAULT_ENV = "FIELDLOG_VAULT"


def default_vault_path() -> Path:
    override = os.environ.get(VAULT_ENV)
    if override:
        return Path(override).expanduser()
    return user_data_path(APP_NAME, appauthor=False) / "vault"


def demo_vault_path() -> Path:
    return user_data_path(APP_NAME, appauthor=False) / "demo-vault"
