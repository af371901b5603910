"""A guard against a reference-count bug of PySide6 6.12 on Python 3.11.

Every ``Signal.emit()`` from Python loses one reference to ``True`` (its
return value). After a few thousand emits Python frees ``True`` and aborts
("bool_dealloc: deallocating True or False"): a volunteer's app would crash
after an hour of work. Python 3.12 made ``True`` immortal, so there the bug is
harmless. Here, ``True`` and ``False`` get a reference count no session can
exhaust. Remove once PySide6 is fixed or Python 3.12 is the minimum.
"""

import ctypes
import sys

_MARGIN = 1 << 40


def guard_bool_refcounts() -> None:
    if sys.version_info >= (3, 12):
        return
    for constant in (True, False):
        # CPython 3.11: ob_refcnt is the first field of every object.
        ctypes.c_ssize_t.from_address(id(constant)).value += _MARGIN
