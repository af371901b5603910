"""The command-line grammar: global options, commands and their options."""

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from fieldlog import __version__
from fieldlog.cli import commands as cmd
from fieldlog.cli.bundle_commands import add_bundle_commands
from fieldlog.cli.summary_commands import add_summary_command
from fieldlog.model.vocabulary import Category

Handler = Callable[[argparse.Namespace], int]


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one ``error:`` line like every other failure."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"error: {message} (see 'fieldlog --help')\n")
        raise SystemExit(2)


class _Commands:
    """Adds commands (and commands of commands) with one line each."""

    def __init__(self, parser: argparse.ArgumentParser, title: str = "commands") -> None:
        self._parser = parser
        self._group = parser.add_subparsers(title=title, metavar="COMMAND", parser_class=Parser)

    def add(self, name: str, handler: Handler | None, help_text: str) -> argparse.ArgumentParser:
        sub = self._group.add_parser(name, help=help_text, description=help_text)
        if handler is None:
            # A group such as "audit" or "media": on its own, it needs a subcommand.
            def needs_subcommand(_args: argparse.Namespace) -> int:
                sub.error(f"{name} needs a subcommand")

            handler = needs_subcommand
        sub.set_defaults(handler=handler)
        return sub


MAX_COUNT = 10_000_000


def _count(text: str) -> int:
    """A --limit: a whole number from 1 to ten million."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if not 1 <= value <= MAX_COUNT:
        raise argparse.ArgumentTypeError(f"must be from 1 to {MAX_COUNT}")
    return value


def _with_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", metavar="DATE", help="from this date (YYYY-MM-DD), inclusive")
    parser.add_argument("--until", metavar="DATE", help="up to this date (YYYY-MM-DD), inclusive")
    parser.add_argument(
        "--category",
        action="append",
        choices=[c.value for c in Category],
        metavar="C",
        help="only this category (repeat for several)",
    )


def _json_input(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", metavar="FILE", required=True, help="a JSON file, or - for standard input"
    )


def _vault_commands(commands: _Commands) -> None:
    commands.add("init", cmd.cmd_init, "create a new encrypted vault and show its recovery code")
    sub = commands.add("passwd", cmd.cmd_passwd, "change the passphrase")
    sub.add_argument("--new-passphrase-file", metavar="FILE", type=Path)
    sub = commands.add("recover", cmd.cmd_recover, "set a new passphrase with the recovery code")
    sub.add_argument("--recovery-code-file", metavar="FILE", type=Path)
    sub.add_argument("--new-passphrase-file", metavar="FILE", type=Path)
    audit = _Commands(commands.add("audit", None, "check the custody log"), "audit commands")
    verify = audit.add(
        "verify",
        cmd.cmd_audit_verify,
        "check every signature and link of the custody log, every database page and every "
        "stored file",
    )
    verify.add_argument(
        "--skip-files",
        action="store_true",
        help="do not decrypt and hash the stored photos and videos (faster)",
    )


def _record_commands(commands: _Commands) -> None:
    _json_input(commands.add("add", cmd.cmd_add, "add incidents from JSON; prints the new ids"))
    sub = commands.add("edit", cmd.cmd_edit, "revise an incident with its full new state")
    sub.add_argument("id")
    _json_input(sub)
    sub = commands.add("list", cmd.cmd_list, "list incidents, newest first")
    _with_filters(sub)
    sub.add_argument("--limit", type=_count, metavar="N")
    sub.add_argument("--json", action="store_true")
    sub = commands.add("show", cmd.cmd_show, "show one incident")
    sub.add_argument("id")
    sub.add_argument("--json", action="store_true")
    sub = commands.add(
        "search", cmd.cmd_search, "full-text search: incidents, testimonies, places, identifiers"
    )
    sub.add_argument("text")
    sub.add_argument("--limit", type=_count, default=100, metavar="N")
    sub.add_argument("--json", action="store_true")
    sub = commands.add(
        "identifiers",
        cmd.cmd_identifiers,
        "officer numbers, plates and units, with their incidents",
    )
    sub.add_argument("--json", action="store_true")


def _media_commands(commands: _Commands) -> None:
    sub = commands.add("attach", cmd.cmd_attach, "attach files (or all files in a folder)")
    sub.add_argument("incident", metavar="INCIDENT_ID")
    sub.add_argument("files", metavar="FILE", nargs="+")
    media = _Commands(commands.add("media", None, "attached files"), "media commands")
    get = media.add("get", cmd.cmd_media_get, "write the original bytes of a file back out")
    get.add_argument("media", metavar="MEDIA_ID")
    get.add_argument("-o", "--output", metavar="FILE", required=True)
    get.add_argument("--force", action="store_true", help="replace FILE if it exists")
    share = media.add("share", cmd.cmd_media_share, "a copy with no metadata, parts blurred")
    share.add_argument("media", metavar="MEDIA_ID")
    share.add_argument("--blur", metavar="X,Y,W,H", action="append", help="blur this rectangle")
    use = media.add("use", cmd.cmd_media_use, "set the incident's time and place from a photo")
    use.add_argument("media", metavar="MEDIA_ID")
    only = use.add_mutually_exclusive_group()
    only.add_argument("--time-only", action="store_true")
    only.add_argument("--place-only", action="store_true")
    use.add_argument(
        "--offset",
        metavar="+HH:MM",
        help="UTC offset when the camera recorded none (a negative one: --offset=-05:00)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="fieldlog",
        description="Record incidents, testimonies and evidence in an encrypted vault.",
    )
    parser.add_argument("--version", action="version", version=f"fieldlog {__version__}")
    parser.add_argument(
        "--vault",
        metavar="DIR",
        help="the vault folder (default: $FIELDLOG_VAULT or your data folder)",
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        type=Path,
        help="read the passphrase from the first line of FILE",
    )
    parser.set_defaults(handler=cmd.cmd_gui)
    commands = _Commands(parser)
    _vault_commands(commands)
    _record_commands(commands)
    _media_commands(commands)
    add_bundle_commands(commands)
    add_summary_command(commands)
    demo = commands.add("demo", cmd.cmd_demo, "make (once) and open a demo vault of sample data")
    demo.add_argument(
        "--print", action="store_true", help="list its incidents instead of opening the app"
    )
    commands.add("gui", cmd.cmd_gui, "start the desktop app")
    return parser
