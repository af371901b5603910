"""Interface language: Qt Linguist translations, following the system unless chosen."""

import re
from importlib.resources import files

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

SUPPORTED = ("en", "fr")
_INSTALLED: list[QTranslator] = []  # kept alive while installed
_DATA: list[bytes] = []  # QTranslator reads the .qm bytes in place: they must outlive it
_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(text: str, *values: object) -> str:
    """A translated string's ``%1``, ``%2``… filled in one pass, as ``QString::arg`` does:
    a value that itself holds "%2" (a file or a contact's name) stays as it is."""
    return _PLACEHOLDER.sub(lambda found: str(values[int(found[1]) - 1]), text)


def resolve_language(choice: str) -> str:
    if choice in SUPPORTED:
        return choice
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED else "en"


_LANGUAGE = ["en"]  # one list, so that the functions below share it


def interface_language() -> str:
    """The language the interface was last set to (``en`` until translators are installed)."""
    return _LANGUAGE[0]


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load FieldLog's and Qt's own translations; return them (they must stay alive)."""
    _LANGUAGE[0] = language
    installed: list[QTranslator] = []
    for translator in _INSTALLED:
        app.removeTranslator(translator)
    _INSTALLED.clear()
    # English has a file too: it holds only the plural forms ("1 incident", "2 incidents")
    # of the strings written in the source as "%n incident(s)".
    ours = QTranslator(app)
    qm = files("fieldlog.resources").joinpath(f"translations/fieldlog_{language}.qm")
    data = qm.read_bytes() if qm.is_file() else b""
    if data and ours.load(data):
        _DATA.append(data)
        app.installTranslator(ours)
        installed.append(ours)
    if language != "en":
        qt = QTranslator(app)
        if qt.load(
            QLocale(language),
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            app.installTranslator(qt)
            installed.append(qt)
    _INSTALLED.extend(installed)
    return installed
