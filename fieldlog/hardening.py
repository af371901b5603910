"""Protections for the whole process, set before a vault is opened.

A core dump is a copy of the process's memory written to disk: the passphrase, the master
key and every record decrypted so far, in plain text. Distributions keep them for days
(systemd-coredump in /var/lib/systemd/coredump, apport in /var/crash), and a native crash
(Qt, an image decoder on a hostile file) would leave one. On Linux and macOS the limit on
core files is set to zero; on Linux the process is also marked not dumpable, which the
kernel honours whatever the core pattern and which keeps other programs of the same user
from attaching to it (as OpenSSH and KeePassXC do).

An unexpected exception is reported by its kind and place only: its message and a
traceback's lines may quote recorded text (a UnicodeEncodeError quotes the text around the
character it stopped at), and stderr ends up in terminals, journals and bug reports.

A command stopped by SIGTERM or SIGHUP (a closed terminal, a shutdown) raises
``Terminated``, so temporary files are removed and the open transaction rolls back as for
Ctrl+C, instead of the process vanishing with a half-written file beside the one asked for.
"""

import ctypes
import os
import signal
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType, TracebackType

_PR_SET_DUMPABLE = 4
_PACKAGE = str(Path(__file__).parent) + os.sep  # .../fieldlog/


class Terminated(BaseException):
    """The process was asked to stop (SIGTERM, SIGHUP)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def forbid_core_dumps() -> bool:
    """No core file for this process; True where the system offers a way to say so."""
    try:
        import resource  # noqa: PLC0415 - POSIX only
    except ImportError:
        return False
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the limit above still stands
    return True


def _terminated(signum: int, _frame: FrameType | None) -> None:
    raise Terminated(signum)


@contextmanager
def stop_cleanly_on_termination() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise ``Terminated`` (in the main thread, the
    only one Python delivers signals to; elsewhere nothing changes)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    numbers = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {number: signal.signal(number, _terminated) for number in numbers}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def bug_report_line(exc: BaseException) -> str:
    """A bug in one line: the exception's kind and the last place in FieldLog it passed."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if f.filename.startswith(_PACKAGE)] or frames
    where = f" at {Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else ""
    return f"FieldLog failed unexpectedly ({type(exc).__name__}{where}); please report this line"


def _print_bug(
    _kind: type[BaseException], exc: BaseException, _traceback: TracebackType | None
) -> None:
    sys.stderr.write(f"error: {bug_report_line(exc)}\n")


def _print_thread_bug(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        _print_bug(args.exc_type, args.exc_value, args.exc_traceback)


def report_bugs_without_content() -> None:
    """Uncaught exceptions (the app's slots, its threads) print one line, not a traceback."""
    sys.excepthook = _print_bug
    threading.excepthook = _print_thread_bug
