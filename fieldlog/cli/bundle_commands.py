"""Commands for keys, contacts and bundles: ``keys``, ``contacts add|list``, ``export``,
``verify``, ``import``. Each parses its options, calls one service and prints the result."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from fieldlog.cli import output
from fieldlog.cli.commands import filters_from, opened, output_path
from fieldlog.cli.output import agree, counted
from fieldlog.errors import FieldLogError
from fieldlog.model.vocabulary import Category
from fieldlog.services.bundles import (
    ExportOptions,
    ImportReport,
    VerifyReport,
    export_bundle,
    import_bundle,
    verify_bundle,
)
from fieldlog.services.contacts import add_contact, list_contacts, vault_keys

if TYPE_CHECKING:  # the parser imports this module to add these commands
    from fieldlog.cli.parser import _Commands


def cmd_keys(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        keys = vault_keys(vault)
    if args.json:
        output.print_json(keys.to_json())
        return 0
    print(f"recipient    {keys.recipient}")
    print(f"signing key  {keys.signing_key}")
    print(f"fingerprint  {keys.fingerprint}")
    print()
    print("Give the recipient to volunteers who export to you, and the signing key to legal")
    print("teams who import from you; compare the fingerprint aloud with them.")
    return 0


def cmd_contacts_add(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        contact = add_contact(
            vault, args.name, recipient=args.recipient, signing_key=args.signing_key
        )
    what = [
        w for w, v in (("recipient", contact.recipient), ("signing key", contact.signing_key)) if v
    ]
    line = f"Added a contact with a {' and a '.join(what)}"
    if contact.fingerprint:
        line += f"; fingerprint {contact.fingerprint} (compare it aloud with them)"
    print(line)
    return 0


def cmd_contacts_list(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        contacts = list_contacts(vault)
    if args.json:
        output.print_json([c.to_json() for c in contacts])
        return 0
    for contact in contacts:
        print(contact.name)
        if contact.recipient:
            print(f"  recipient    {contact.recipient}")
        if contact.signing_key:
            print(f"  signing key  {contact.signing_key}")
            print(f"  fingerprint  {contact.fingerprint}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    filters = filters_from(args)
    options = ExportOptions(
        recipients=tuple(args.recipient),
        since=filters.since,
        until=filters.until,
        categories=filters.categories,
        ids=tuple(args.id or ()),
        shareable_copies=args.shareable_copies,
    )
    with opened(args) as vault:
        report = export_bundle(vault, options, output_path(args.output))
    print(
        f"Exported {counted(report.incidents, 'incident')}, "
        f"{counted(report.testimonies, 'testimony', 'testimonies')}, "
        f"{counted(report.media, 'media file')}, {report.payload_bytes} bytes "
        f"to {report.path} ({report.bundle_bytes} bytes, encrypted to "
        f"{counted(report.recipients, 'recipient')})"
    )
    if report.testimonies_withheld or report.testimonies_anonymised:
        withheld = counted(
            report.testimonies_withheld, "internal testimony", "internal testimonies"
        )
        print(
            f"Consent: {withheld} left out, "
            f"{report.testimonies_anonymised} anonymised (pseudonym removed)"
        )
    if report.media_left_out:
        print(
            f"{counted(report.media_left_out, 'original')} left out: "
            f"{agree(report.media_left_out, 'it has', 'they have')} no shareable copy"
        )
    return 0


def _signer_line(report: VerifyReport) -> str:
    if report.signer_trusted:
        return f"signed by {report.signer_name} (fingerprint {report.fingerprint})"
    return f"signed by an UNKNOWN key, not a trusted contact (fingerprint {report.fingerprint})"


def cmd_verify(args: argparse.Namespace) -> int:
    try:
        with opened(args) as vault:
            report = verify_bundle(vault, Path(args.file), args.accept_unknown_signer)
    except FieldLogError as exc:
        if args.json:
            output.print_json({"ok": False, "error": str(exc)})
        raise
    if args.json:
        output.print_json(report.to_json())
    else:
        print(
            f"intact: every hash, the manifests, the custody chain ({report.chain_events} "
            f"events) and the records check out; {counted(report.incidents, 'incident')}, "
            f"{counted(report.testimonies, 'testimony', 'testimonies')}, "
            f"{counted(report.media, 'media file')}, "
            f"{report.payload_bytes} bytes"
        )
        print(_signer_line(report))
        if report.consent_filtered:
            filtered = report.consent_filtered
            print(
                f"{counted(filtered, 'incident')} "
                f"{agree(filtered, 'was', 'were')} filtered by consent at export"
            )
        if report.consent_filtered_unchained:
            print(unchained_line(report.consent_filtered_unchained))
        print(f"bundle {report.bundle_sha256}")
    if not report.ok:
        raise FieldLogError(
            "the bundle is intact but its signer is not a trusted contact; "
            "import refuses it without --accept-unknown-signer"
        )
    if not args.json:
        print("verdict: ok" + ("" if report.signer_trusted else " (signer accepted unverified)"))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        report = import_bundle(vault, Path(args.file), args.accept_unknown_signer)
    print(
        _signer_line(report.verified)
        + ("" if report.verified.signer_trusted else "; recorded as unverified")
    )
    if report.already_imported:
        print("This bundle was imported before; nothing changed.")
        return 0
    for line in import_lines(report):
        print(line)
    return 0


def unchained_line(count: int) -> str:
    """Said by verify and import of a format-1 bundle's filtered records."""
    return (
        f"{counted(count, 'filtered incident')} (a bundle of an earlier FieldLog) "
        f"{agree(count, 'is', 'are')} vouched for by the signature only, not by the custody log"
    )


def import_lines(report: ImportReport) -> list[str]:
    """What an import did, in lines for a person (what was left alone, and why)."""
    lines = [
        f"incidents: {report.incidents_added} added, {report.incidents_revised} revised, "
        f"{report.incidents_unchanged} unchanged; media: {report.media_added} added, "
        f"{report.media_unchanged} unchanged"
    ]
    if report.verified.consent_filtered_unchained:
        lines.append(unchained_line(report.verified.consent_filtered_unchained))
    older, diverged = report.incidents_older, report.incidents_diverged
    if older:
        lines.append(
            f"{older} of the unchanged {agree(older, 'was', 'were')} older than this "
            "vault's records and left as they are"
        )
    if diverged:
        lines.append(
            f"{diverged} of the revised {agree(diverged, 'was', 'were')} also changed here "
            "since the sender's copy: the bundle's time, place, title and other details were "
            "taken, and this vault's are in the history"
        )
    kept_out = report.children_kept_removed
    if kept_out:
        lines.append(
            "1 testimony or observation that was removed in this vault was left out "
            "(the bundle still has it)"
            if kept_out == 1
            else f"{kept_out} testimonies or observations that were removed in this vault "
            "were left out (the bundle still has them)"
        )
    narrower = report.consents_kept_narrower
    if narrower:
        lines.append(
            f"{narrower} {agree(narrower, 'testimony keeps its', 'testimonies keep their')} "
            "narrower consent from this vault (the bundle had a wider one)"
        )
    return lines


def add_bundle_commands(commands: "_Commands") -> None:
    """Add keys, contacts, export, verify and import to the command line."""
    from fieldlog.cli.parser import _Commands  # noqa: PLC0415 - the parser imports this module

    sub = commands.add("keys", cmd_keys, "this vault's recipient, signing key and fingerprint")
    sub.add_argument("--json", action="store_true")
    contacts = _Commands(
        commands.add("contacts", None, "legal teams to export to, volunteers to trust"),
        "contacts commands",
    )
    sub = contacts.add(
        "add", cmd_contacts_add, "add a contact, or give a known one the recipient or key it lacks"
    )
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("--recipient", metavar="age1...", help="their age recipient, to export to")
    sub.add_argument("--signing-key", metavar="KEY", help="their signing key, to trust on import")
    sub = contacts.add("list", cmd_contacts_list, "list contacts")
    sub.add_argument("--json", action="store_true")

    sub = commands.add("export", cmd_export, "write a signed, encrypted bundle for a legal team")
    sub.add_argument(
        "--recipient",
        action="append",
        required=True,
        metavar="NAME|age1...",
        help="a contact or an age recipient (repeat for several)",
    )
    sub.add_argument("--since", metavar="DATE", help="from this date (YYYY-MM-DD), inclusive")
    sub.add_argument("--until", metavar="DATE", help="up to this date (YYYY-MM-DD), inclusive")
    sub.add_argument(
        "--category",
        action="append",
        choices=[c.value for c in Category],
        metavar="C",
        help="only this category (repeat for several)",
    )
    sub.add_argument("--id", nargs="+", action="extend", metavar="ID", help="only these incidents")
    sub.add_argument(
        "--shareable-copies",
        action="store_true",
        help="photos' shareable copies (no metadata) instead of the original files",
    )
    sub.add_argument("-o", "--output", metavar="FILE", required=True)

    for name, handler, help_text in (
        ("verify", cmd_verify, "check a bundle without importing it"),
        ("import", cmd_import, "check a bundle, then merge it into this vault"),
    ):
        sub = commands.add(name, handler, help_text)
        sub.add_argument("file", metavar="FILE")
        sub.add_argument(
            "--accept-unknown-signer",
            action="store_true",
            help="accept a signer who is not a trusted contact (recorded as unverified)",
        )
        if name == "verify":
            sub.add_argument("--json", action="store_true")
