"""The commands: each parses its options, calls one service, prints the result."""

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

from fieldlog.cli import output, prompts
from fieldlog.cli.launch import check_display, launch_app
from fieldlog.errors import FieldLogError, InvalidInputError
from fieldlog.interchange.document import MAX_DOCUMENT_BYTES, parse_document
from fieldlog.interchange.timefmt import parse_day
from fieldlog.media.images import Box
from fieldlog.paths import default_vault_path, demo_vault_path
from fieldlog.services.audit import audit_vault
from fieldlog.services.incidents import add_incidents, update_incident
from fieldlog.services.media import (
    attach_file,
    collect_files,
    export_original,
    make_shareable_copy,
    use_time_and_place,
)
from fieldlog.services.queries import (
    IncidentFilter,
    get_incident,
    identifier_index,
    list_incidents,
    search_incidents,
)
from fieldlog.vault import Vault

Handler = Callable[[argparse.Namespace], int]


def vault_path(args: argparse.Namespace) -> Path:
    return Path(args.vault).expanduser() if args.vault else default_vault_path()


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Vault]:
    path = vault_path(args)
    # Fail on a missing vault before asking for a passphrase.
    if not (path / "vault.json").is_file():
        raise FieldLogError(
            f"no vault at {path}; create one with 'fieldlog init' or pass --vault DIR"
        )
    passphrase = prompts.ask_passphrase(args.passphrase_file)
    with Vault.open(path, passphrase) as vault:
        if vault.backup_made is not None:
            sys.stderr.write(f"The vault was upgraded; a backup is at {vault.backup_made}\n")
        yield vault


def read_input(source: str) -> bytes:
    """A JSON document from a file or stdin, read no further than the largest one taken
    (``/dev/zero`` or an endless pipe would otherwise fill memory)."""
    limit = MAX_DOCUMENT_BYTES + 1  # one byte more tells a document that is too large
    if source == "-":
        return sys.stdin.buffer.read(limit)
    try:
        with Path(source).open("rb") as handle:
            return handle.read(limit)
    except FileNotFoundError:
        raise InvalidInputError(f"no such file: {source}") from None
    except IsADirectoryError:
        raise InvalidInputError(f"{source} is a folder, not a JSON file") from None


def print_recovery_code(code: str) -> None:
    print("Recovery code (write it on paper and keep it apart from this laptop;")
    print("it opens the vault if the passphrase is lost, and it is shown only now):")
    print()
    print(f"    {code}")
    print()


# -- commands -------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    path = vault_path(args)
    if (path / "vault.json").exists():
        raise FieldLogError(f"a vault already exists at {path}")
    passphrase = prompts.ask_new_passphrase(args.passphrase_file)
    vault, code = Vault.create(path, passphrase)
    vault.close()
    print(f"Created an encrypted vault at {path}")
    print_recovery_code(code)
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        new = prompts.ask_new_passphrase(args.new_passphrase_file, "--new-passphrase-file")
        vault.change_passphrase(new)
    print("Passphrase changed.")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    path = vault_path(args)
    code = prompts.ask_recovery_code(args.recovery_code_file)
    with Vault.open(path, recovery_code=code) as vault:
        new = prompts.ask_new_passphrase(args.new_passphrase_file, "--new-passphrase-file")
        vault.change_passphrase(new)
        fresh = vault.new_recovery_code()
    print("Passphrase set. The old recovery code no longer works; here is the new one.")
    print_recovery_code(fresh)
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    incidents = parse_document(read_input(args.json))
    with opened(args) as vault:
        ids = add_incidents(vault, incidents)
    for incident_id in ids:
        print(incident_id)
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    incidents = parse_document(read_input(args.json))
    if len(incidents) != 1:
        raise InvalidInputError("edit takes exactly one incident")
    with opened(args) as vault:
        incident_id, revision = update_incident(vault, args.id, incidents[0])
    if revision is None:
        print(f"{incident_id} unchanged")
    else:
        print(f"{incident_id} revision {revision}")
    return 0


def filters_from(args: argparse.Namespace) -> IncidentFilter:
    since = parse_day(args.since, "--since") if args.since else None
    until = parse_day(args.until, "--until") if args.until else None
    if since and until and since > until:
        raise InvalidInputError("--since is after --until")
    return IncidentFilter(since=since, until=until, categories=tuple(args.category or ()))


def cmd_list(args: argparse.Namespace) -> int:
    filters = filters_from(args)
    with opened(args) as vault:
        summaries = list_incidents(vault, filters, limit=args.limit)
    if args.json:
        output.print_json(summaries)
    else:
        output.print_summaries(summaries)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        record = get_incident(vault, args.id)
    if args.json:
        output.print_json(record)
    else:
        output.print_incident(record)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        summaries = search_incidents(vault, args.text, limit=args.limit)
    if args.json:
        output.print_json(summaries)
    else:
        output.print_summaries(summaries)
    return 0


def cmd_identifiers(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        entries = identifier_index(vault)
    if args.json:
        output.print_json(entries)
    else:
        output.print_identifiers(entries)
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        report = audit_vault(vault, files=not args.skip_files)
    if report.ok:
        print(
            f"ok: custody chain intact: {report.events} signed events, "
            f"{report.revisions} revisions, {report.incidents} incidents"
            + (
                "; stored files not checked (--skip-files)"
                if args.skip_files
                else f"; {report.files_checked} stored files match their SHA-256"
            )
        )
        return 0
    for problem in report.problems:
        print(problem)
    raise FieldLogError(
        "the custody record of this vault fails verification: "
        + output.counted(len(report.problems), "problem")
    )


# Only for the demo vault of public sample data; printed to the person who made it.
def cmd_attach(args: argparse.Namespace) -> int:
    files = collect_files([Path(f) for f in args.files])
    if not files:
        raise InvalidInputError("no files to attach")
    with opened(args) as vault:
        for done, file in enumerate(files):
            # Each file is attached in a transaction of its own (a video can take minutes):
            # those before a failure stay attached, and their ids are already printed.
            try:
                attached = attach_file(vault, args.incident, file)
            except (FieldLogError, OSError) as exc:
                if len(files) == 1:
                    raise
                reason = exc.message if isinstance(exc, FieldLogError) else exc.strerror
                raise InvalidInputError(
                    "{file} was not attached: {reason}; the {count} file(s) before it are "
                    "attached (their ids are printed above)",
                    file=file,
                    reason=reason or type(exc).__name__,
                    count=done,
                ) from None
            print(attached.media_id, flush=True)
    return 0


def output_path(text: str) -> Path:
    """The file an ``-o`` names. ``-`` reads standard input for ``--json``; for output it
    would make a file named "-" (and a bundle or a decrypted photo has no place on a
    terminal), so it is refused."""
    if text == "-":
        raise InvalidInputError(
            "-o - : FieldLog writes to a file, not to standard output; give a file name"
        )
    return Path(text).expanduser()


def refuse_existing(output: Path, force: bool) -> None:
    """A file already there is replaced only with ``--force`` (checked before any work)."""
    if output.is_file() and not force:
        raise InvalidInputError(f"{output} exists; choose another name, or add --force")


def cmd_media_get(args: argparse.Namespace) -> int:
    output = output_path(args.output)
    refuse_existing(output, args.force)
    with opened(args) as vault:
        medium = export_original(vault, args.media, output, overwrite=args.force)
    print(f"Wrote {medium.size} bytes, SHA-256 {medium.sha256} (verified)")
    return 0


def parse_box(text: str) -> Box:
    try:
        x, y, width, height = (int(part) for part in text.split(","))
    except ValueError:
        raise InvalidInputError(
            "--blur takes X,Y,WIDTH,HEIGHT in pixels, like 10,20,200,150"
        ) from None
    return Box(x, y, width, height)


def cmd_media_share(args: argparse.Namespace) -> int:
    boxes = [parse_box(text) for text in args.blur or ()]
    with opened(args) as vault:
        attached = make_shareable_copy(vault, args.media, boxes)
    print(attached.media_id)
    return 0


def cmd_media_use(args: argparse.Namespace) -> int:
    time_and_place = not (args.time_only or args.place_only)
    with opened(args) as vault:
        revision = use_time_and_place(
            vault,
            args.media,
            time=time_and_place or args.time_only,
            place=time_and_place or args.place_only,
            offset=args.offset,
        )
    print("unchanged" if revision is None else f"revision {revision}")
    return 0


DEMO_PASSPHRASE = "fieldlog demo vault"  # noqa: S105


def cmd_demo(args: argparse.Namespace) -> int:
    """A vault filled with the public Calais 2017 sample, to try FieldLog without real data."""
    path = Path(args.vault).expanduser() if args.vault else demo_vault_path()
    if not (path / "vault.json").exists():
        sample = files("fieldlog.resources").joinpath("samples/incidents-calais-2017.json")
        vault, _code = Vault.create(path, DEMO_PASSPHRASE)
        with vault:
            add_incidents(vault, parse_document(sample.read_bytes()))
        print(f"Created a demo vault at {path} with the Calais 2017 sample incidents.")
    print(f"Demo vault: {path}   passphrase: {DEMO_PASSPHRASE!r} (for trying FieldLog only)")
    if not args.print:
        check_display()
        return launch_app(path, Vault.open(path, DEMO_PASSPHRASE))
    with Vault.open(path, DEMO_PASSPHRASE) as vault:
        output.print_summaries(list_incidents(vault))
    print()
    print(f"Try: fieldlog --vault {path} show ID   or   search gas   or   identifiers")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    return launch_app(vault_path(args))
