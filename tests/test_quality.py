"""The rules of the code base, checked with the suite so CI enforces them."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

BIN = Path(sys.executable).parent
CORE = [p for p in (REPO / "fieldlog").rglob("*.py") if "gui" not in p.relative_to(REPO).parts]


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; install the test extras: pip install -e '.[test]'")
    return found


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "--no-cache", "."],
        ["ruff", "format", "--check", "--no-cache", "."],
        ["mypy", "--no-incremental", "--cache-dir", "/dev/null"],
    ],
    ids=["ruff", "ruff-format", "mypy"],
)
def test_linters_are_clean(command: list[str]) -> None:
    result = subprocess.run(
        [tool(command[0]), *command[1:]], capture_output=True, text=True, check=False, cwd=REPO
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_does_not_import_qt() -> None:
    offenders = []
    for path in CORE:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.relative_to(REPO)}: {n}"
                for n in names
                if n.split(".")[0] in ("PySide6", "shiboken6")
            ]
    assert offenders == []


LOG_CALLS = {"debug", "info", "warning", "warn", "error", "exception", "critical", "log"}


def test_no_logging_of_content() -> None:
    """The core never logs or prints (the command line prints its own output).

    Silencing a library's logger is allowed; emitting a record is not.
    """
    offenders = []
    for path in CORE:
        if path.parent.name == "cli":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            where = f"{path.relative_to(REPO)}:{node.lineno}"
            if isinstance(func, ast.Name) and func.id == "print":
                offenders.append(f"{where} print()")
            if isinstance(func, ast.Attribute) and func.attr in LOG_CALLS | {"basicConfig"}:
                target = func.value
                name = target.id if isinstance(target, ast.Name) else ""
                if "log" in name.lower() or isinstance(target, ast.Call):
                    offenders.append(f"{where} {func.attr}()")
    assert offenders == []
