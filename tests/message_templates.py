"""Every message template the core can show a person, read from its source.

A template is the first argument of ``Message(...)`` or of a ``FieldLogError`` subclass:
a string literal, either branch of ``a if c else b`` with literal branches, or a module
constant. Anything that builds the text there (an f-string, ``+``, ``str(error)``) cannot
be translated and is reported as a problem. Any other expression (``error.message``, a
variable) passes on a ``Message`` made elsewhere, and is not a template itself.
"""

import ast
import importlib
import pkgutil
from dataclasses import dataclass, field
from pathlib import Path

import fieldlog
from fieldlog.errors import FieldLogError

REPO = Path(__file__).resolve().parents[1]
CORE = REPO / "fieldlog"
NOT_CORE = ("gui", "cli")  # their strings go through Qt Linguist or stay English
SKIPPED = {"fieldlog.errors", "fieldlog.__main__"}


@dataclass
class Found:
    templates: dict[str, str] = field(default_factory=dict)  # template: first place
    problems: list[str] = field(default_factory=list)


def _core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(fieldlog.__path__, "fieldlog."):
        # fieldlog.errors defines Message and FieldLogError; __main__ starts the program.
        if info.name.split(".")[1] not in NOT_CORE and info.name not in SKIPPED:
            names.append(info.name)
    return names


def _error_classes() -> set[str]:
    for name in _core_modules():
        importlib.import_module(name)
    classes: set[str] = set()
    pending = [FieldLogError]
    while pending:
        cls = pending.pop()
        classes.add(cls.__name__)
        pending.extend(cls.__subclasses__())
    return classes


def _called_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return getattr(call.func, "id", "")


def _constant(module: str, name: str) -> str | None:
    value = getattr(importlib.import_module(module), name, None)
    return value if isinstance(value, str) else None


def _builds_text(node: ast.expr) -> bool:
    """An f-string, a sum, ``str(...)``, ``"...".format(...)`` or a join: English only."""
    if isinstance(node, ast.JoinedStr | ast.BinOp | ast.Constant):
        return True
    return isinstance(node, ast.Call) and _called_name(node) in {"str", "format", "join"}


def collect() -> Found:
    makers = _error_classes() | {"Message"}
    found = Found()
    for module in _core_modules():
        path = CORE.joinpath(*module.split(".")[1:])
        path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and _called_name(node) in makers and node.args):
                continue
            place = f"{path.relative_to(REPO)}:{node.lineno}"
            first = node.args[0]
            branches = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
            for branch in branches:
                if isinstance(branch, ast.Constant) and isinstance(branch.value, str):
                    found.templates.setdefault(branch.value, place)
                elif isinstance(branch, ast.Name) and _constant(module, branch.id) is not None:
                    found.templates.setdefault(str(_constant(module, branch.id)), place)
                elif _builds_text(branch):
                    found.problems.append(f"{place}: {ast.unparse(branch)[:80]}")
                # Anything else is a Message made elsewhere, passed on (mypy checks the type).
    return found
