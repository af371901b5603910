"""PySide6 6.12 on Python 3.11 loses references to True on emit(): the app must survive it."""

from PySide6.QtCore import QObject, Signal

import fieldlog.gui  # noqa: F401 - applies the guard, as the app does


class _Emitter(QObject):
    changed = Signal(bool)


def test_many_emits_do_not_abort_the_app() -> None:
    emitter = _Emitter()
    seen: list[bool] = []
    emitter.changed.connect(seen.append)
    for number in range(20_000):  # without the guard, Python aborts after a few thousand
        emitter.changed.emit(number % 2 == 0)
    assert len(seen) == 20_000
