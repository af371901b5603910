"""The command line: ``fieldlog [--vault DIR] [--passphrase-file FILE] COMMAND ...``.

Every failure prints one line starting with ``error:`` on stderr and exits
non-zero; no traceback, no user content in the message.
"""

import os
import sys
import warnings
from collections.abc import Sequence

from fieldlog.cli.launch import app_request, launch_app
from fieldlog.errors import DATABASE_DAMAGED, FieldLogError
from fieldlog.fsutil import restrict_umask
from fieldlog.hardening import (
    Terminated,
    bug_report_line,
    forbid_core_dumps,
    stop_cleanly_on_termination,
)

EXIT_FAILURE = 1
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports it


def one_line(message: str) -> str:
    """Escape line breaks and other control characters (a path may hold them)."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in message)


def fail(message: str, code: int = EXIT_FAILURE) -> int:
    sys.stderr.write(f"error: {one_line(message)}\n")
    return code


def main(argv: Sequence[str] | None = None) -> int:
    restrict_umask()
    forbid_core_dumps()
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        app_vault = app_request(arguments)
        if app_vault is not None:  # the app alone: start it before loading the rest
            return launch_app(app_vault)
    except FieldLogError as exc:
        return fail(str(exc))
    from sqlalchemy.exc import SQLAlchemyError  # noqa: PLC0415
    from sqlcipher3 import dbapi2  # noqa: PLC0415

    from fieldlog.cli.parser import build_parser  # noqa: PLC0415

    args = build_parser().parse_args(arguments)
    try:
        with stop_cleanly_on_termination(), warnings.catch_warnings():
            # Libraries' warnings (Pillow on a damaged photo's EXIF: "Possibly corrupt EXIF
            # data", fourteen lines) would break the one-line rule; they change no outcome.
            warnings.simplefilter("ignore")
            result: int = args.handler(args)
    except FieldLogError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("interrupted; nothing more was written", EXIT_INTERRUPTED)
    except Terminated as stop:
        return fail("stopped by a signal; nothing more was written", 128 + stop.signum)
    except (SQLAlchemyError, dbapi2.Error) as exc:
        # Reads that go to the driver directly raise its own errors, not SQLAlchemy's.
        # The statement text and values are deliberately not shown (hide_parameters is also set).
        cause = getattr(exc, "orig", exc)
        if type(cause) is dbapi2.DatabaseError:  # SQLITE_CORRUPT, SQLITE_NOTADB: not a subclass
            return fail(DATABASE_DAMAGED)
        return fail(
            f"the vault database failed ({type(cause).__name__}); nothing was changed by this "
            "command"
        )
    except BrokenPipeError:
        # The reader went away (``fieldlog list | head``): not a failure worth a message.
        # Point stdout at nothing so the interpreter's last flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        return fail(
            f"{exc.strerror or 'input/output error'}"
            + (f": {exc.filename}" if exc.filename else "")
        )
    except Exception as exc:  # noqa: BLE001 - a bug must not print a traceback of recorded text
        return fail(bug_report_line(exc))
    return result
