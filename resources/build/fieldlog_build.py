"""The build backend: setuptools, plus compiling the Qt Linguist translations.

The ``.ts`` files in ``resources/translations/`` are the sources; the ``.qm``
files the app loads are built here, with Qt's ``lrelease`` from PySide6, each
time a wheel (or an editable install) is built. They are never committed.
"""

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403 - the rest of the backend interface as is

TRANSLATIONS = Path(__file__).resolve().parents[1] / "translations"


def _lrelease() -> str:
    scripts = Path(sysconfig.get_path("scripts"))
    for candidate in (
        scripts / "pyside6-lrelease",
        Path(sys.executable).parent / "pyside6-lrelease",
    ):
        if candidate.exists():
            return str(candidate)
    found = shutil.which("pyside6-lrelease")
    if found is None:
        raise RuntimeError("pyside6-lrelease not found: PySide6-Essentials is a build requirement")
    return found


def compile_translations() -> None:
    tool = _lrelease()
    for source in sorted(TRANSLATIONS.glob("*.ts")):
        subprocess.run(  # noqa: S603 - our own tool on our own files
            [tool, "-silent", str(source), "-qm", str(source.with_suffix(".qm"))], check=True
        )


def build_wheel(
    wheel_directory: str, config_settings: Any = None, metadata_directory: Any = None
) -> str:
    compile_translations()
    name: str = _setuptools.build_wheel(wheel_directory, config_settings, metadata_directory)
    return name


def build_editable(
    wheel_directory: str, config_settings: Any = None, metadata_directory: Any = None
) -> str:
    compile_translations()
    name: str = _setuptools.build_editable(wheel_directory, config_settings, metadata_directory)
    return name
