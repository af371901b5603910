"""Passphrases from a file (scripts) or an interactive prompt (people)."""

import getpass
import sys
from pathlib import Path

from fieldlog.errors import FieldLogError, InvalidInputError

# Far more than any passphrase: a file read without a limit (/dev/zero) would fill memory.
SECRET_FILE_LIMIT = 64 * 1024


def read_secret_file(path: Path, what: str = "passphrase") -> str:
    """The first line of ``path``, without its line ending or the byte-order mark some
    Windows editors put first (it would become part of the passphrase, unseen)."""
    try:
        with path.open("r", encoding="utf-8-sig") as handle:
            line = handle.readline(SECRET_FILE_LIMIT)
    except FileNotFoundError:
        raise InvalidInputError(f"the {what} file does not exist") from None
    except PermissionError:
        raise InvalidInputError(f"the {what} file cannot be opened: permission denied") from None
    except (OSError, UnicodeDecodeError):
        raise InvalidInputError(f"the {what} file cannot be read as UTF-8 text") from None
    if len(line) >= SECRET_FILE_LIMIT and not line.endswith("\n"):
        raise InvalidInputError(f"the first line of the {what} file is too long")
    secret = line.rstrip("\r\n")
    if not secret:
        raise InvalidInputError(f"the first line of the {what} file is empty")
    return secret


def _interactive(prompt: str, what: str = "passphrase", option: str = "--passphrase-file") -> str:
    """Ask on the terminal; without one, say which option gives ``what`` instead."""
    if not sys.stdin.isatty():
        raise FieldLogError(f"no {what} given: use {option} FILE, or run the command in a terminal")
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise FieldLogError(f"no {what} given") from None


def ask_passphrase(file: Path | None, prompt: str = "Passphrase: ") -> str:
    if file is not None:
        return read_secret_file(file)
    secret = _interactive(prompt)
    if not secret:
        raise FieldLogError("no passphrase given")
    return secret


def ask_new_passphrase(file: Path | None, option: str = "--passphrase-file") -> str:
    """A new passphrase, typed twice; ``option`` is the one that gives it from a file."""
    if file is not None:
        return read_secret_file(file)
    first = _interactive("New passphrase (several words are best): ", "new passphrase", option)
    second = _interactive("Type it again: ", "new passphrase", option)
    if first != second:
        raise FieldLogError("the two passphrases differ; nothing was changed")
    return first


def ask_recovery_code(file: Path | None) -> str:
    if file is not None:
        return read_secret_file(file, "recovery code")
    return _interactive("Recovery code: ", "recovery code", "--recovery-code-file")
