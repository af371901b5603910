"""Bounding the time spent in pure-Python parsers of hostile files (exifread).

A trace function checks the clock as the parser runs and raises an exception
that ``except Exception`` in the parser cannot swallow. No thread is left
running and no process is started.
"""

import sys
import time
from collections.abc import Callable
from types import FrameType
from typing import Any, TypeVar

T = TypeVar("T")
_CHECK_EVERY = 64


class DeadlineExceeded(BaseException):
    pass


def call_with_deadline(function: Callable[[], T], seconds: float) -> T:
    """Run ``function``; raise DeadlineExceeded inside it once ``seconds`` have passed.

    Only function calls are traced (cheap); the parsers bounded here call functions in
    every loop, so a call is never far away.
    """
    deadline = time.monotonic() + seconds
    ticks = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal ticks
        ticks += 1
        if ticks % _CHECK_EVERY == 0 and time.monotonic() > deadline:
            raise DeadlineExceeded

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        return function()
    finally:
        sys.settrace(previous)
