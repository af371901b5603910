"""``fieldlog summary``: a dated summary of the vault in PDF, HTML, Markdown or CSV.

    fieldlog summary --since 2017-07-01 --until 2017-07-31 --lang fr -o juillet.pdf

The file is written atomically (a private temporary file beside it, then renamed), so no
partial or plaintext copy is left behind if anything fails; an existing file at ``-o`` is
replaced.
"""

import argparse
from collections.abc import Callable
from datetime import date
from typing import Protocol

from fieldlog.cli.commands import opened, output_path, refuse_existing
from fieldlog.errors import InvalidInputError
from fieldlog.fsutil import atomic_write_bytes
from fieldlog.interchange.timefmt import parse_day
from fieldlog.model.vocabulary import Category
from fieldlog.reports import (
    FORMATS,
    LANGUAGES,
    SummaryOptions,
    build_summary,
    format_for_path,
    render,
)
from fieldlog.reports.fingerprint import short
from fieldlog.reports.wording import incidents_count

Handler = Callable[[argparse.Namespace], int]


class Commands(Protocol):
    """What ``fieldlog.cli.parser._Commands`` offers (named here to avoid a circular import)."""

    def add(self, name: str, handler: Handler | None, help_text: str) -> argparse.ArgumentParser:
        """Add a command and return its parser."""


def add_summary_command(commands: Commands) -> None:
    sub = commands.add(
        "summary",
        cmd_summary,
        "a dated summary (totals, chart, timeline, identifiers, deaths) as PDF, HTML, MD or CSV",
    )
    sub.add_argument("--since", metavar="DATE", required=True, help="first day (YYYY-MM-DD)")
    sub.add_argument("--until", metavar="DATE", required=True, help="last day (YYYY-MM-DD)")
    sub.add_argument("--lang", choices=LANGUAGES, default="en", help="language (default: en)")
    sub.add_argument(
        "--format",
        choices=FORMATS,
        help="file format (default: from the suffix of FILE, else md)",
    )
    sub.add_argument(
        "--category",
        action="append",
        choices=[c.value for c in Category],
        metavar="C",
        help="only incidents of this category (repeat for several)",
    )
    sub.add_argument(
        "--no-testimony-text",
        action="store_true",
        help="leave all testimony text out (counts remain)",
    )
    sub.add_argument("-o", "--output", metavar="FILE", required=True, help="the file to write")
    sub.add_argument("--force", action="store_true", help="replace FILE if it exists")


def cmd_summary(args: argparse.Namespace) -> int:
    since = date.fromisoformat(parse_day(args.since, "--since"))
    until = date.fromisoformat(parse_day(args.until, "--until"))
    if since > until:
        raise InvalidInputError("--since is after --until")
    output = output_path(args.output)
    if not output.parent.is_dir():
        raise InvalidInputError(f"no folder {output.parent} to write the summary in")
    # A summary already filed or sent is a record of what was said then: never lost quietly.
    refuse_existing(output, args.force)
    fmt = args.format or format_for_path(output)
    options = SummaryOptions(
        since=since,
        until=until,
        categories=tuple(args.category or ()),
        testimony_text=not args.no_testimony_text,
    )
    with opened(args) as vault:
        summary = build_summary(vault, options)
    atomic_write_bytes(output, render(summary, fmt, args.lang))
    print(
        f"Wrote {output} ({fmt}): {incidents_count(len(summary.entries), 'en')}, "
        f"fingerprint {short(summary.fingerprint)}"
    )
    return 0
