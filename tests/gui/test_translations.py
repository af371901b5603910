"""Translations stay honest: every visible string is translatable and translated into French."""

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import REPO

GUI = REPO / "fieldlog" / "gui"
TS = REPO / "resources" / "translations" / "fieldlog_fr.ts"
ENGLISH_PLURALS = REPO / "resources" / "translations" / "fieldlog_en.ts"

# Qt calls and constructors whose string arguments a person reads.
VISIBLE_CALLS = {
    "setText",
    "setWindowTitle",
    "setPlaceholderText",
    "setToolTip",
    "addTab",
    "setTabText",
    "setSpecialValueText",
    "setSuffix",
    "addItem",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "addMenu",
    "addToolBar",
    "information",
    "warning",
    "critical",
    "question",
    "setFormat",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QGroupBox",
    "QAction",
    "QRadioButton",
    "addRow",
}
# Names of languages are written in their own language, never translated.
NOT_TRANSLATED = {"English", "Français", "SHA-256", "FieldLog"}


def _visible_literals(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = (
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        )
        if name not in VISIBLE_CALLS:
            continue
        for argument in node.args:
            if (
                isinstance(argument, ast.Constant)
                and isinstance(argument.value, str)
                and any(ch.isalpha() for ch in argument.value)
                and argument.value not in NOT_TRANSLATED
            ):
                found.append(f"{path.name}:{node.lineno}: {argument.value!r}")
    return found


def test_no_visible_string_escapes_translation() -> None:
    offenders = [hit for path in sorted(GUI.glob("*.py")) for hit in _visible_literals(path)]
    assert offenders == []


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)  # noqa: S314 - our own file
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in tree.iter("context")
        for message in context.iter("message")
    }


@pytest.mark.parametrize("ts", [TS, ENGLISH_PLURALS], ids=["french", "english plurals"])
def test_translations_are_complete(ts: Path) -> None:
    for (context, source), message in _messages(ts).items():
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), (
            context,
            source,
        )
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        assert all(form and form.strip() for form in forms), (context, source)
        # Mnemonics and placeholders survive translation.
        assert ("&" in source) <= ("&" in (forms[0] or "")), (context, source)
        for marker in ("%1", "%2", "%n"):
            assert (marker in source) <= all(marker in (f or "") for f in forms), (context, source)


def test_translation_sources_are_up_to_date(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.fail("pyside6-lupdate is missing: install PySide6-Essentials")
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in sorted(GUI.glob("*.py"))]
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    assert set(_messages(fresh)) == set(_messages(TS)), (
        "run: pyside6-lupdate fieldlog/gui/*.py -ts resources/translations/fieldlog_fr.ts, "
        "then translate the new strings"
    )


def test_english_plural_forms_are_up_to_date(tmp_path: Path) -> None:
    """Every "%n thing(s)" has its English singular and plural."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate is not None
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in sorted(GUI.glob("*.py"))]
    subprocess.run(
        [lupdate, "-pluralonly", *sources, "-ts", str(fresh)], check=True, capture_output=True
    )
    assert set(_messages(fresh)) == set(_messages(ENGLISH_PLURALS)), (
        "run: pyside6-lupdate -pluralonly -no-obsolete fieldlog/gui/*.py "
        "-ts resources/translations/fieldlog_en.ts, then write the two English forms"
    )
    for message in _messages(ENGLISH_PLURALS).values():
        one, many = [f.text or "" for f in message.iter("numerusform")]
        assert "(s)" not in one + many
        assert "(ies)" not in one + many
