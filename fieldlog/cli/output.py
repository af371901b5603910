"""Text output for people; --json output for scripts."""

import json
import sys
from typing import Any

from fieldlog.interchange.document import Record

PRECISION_MARK = {"exact": "", "approximate": "~", "day": ""}

# Recorded text reaches a terminal as it came, perhaps from a hostile bundle: an escape
# sequence in a title could clear the screen, retitle the window or, with a carriage
# return, write a line of its own over what is shown. Control characters (C0, DEL, C1)
# are shown as escapes; a line break stays one only where the text may have several lines.
_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x20), *range(0x7F, 0xA0)]}
_IN_A_LINE = str.maketrans(_CONTROLS)
_IN_A_BLOCK = str.maketrans({c: e for c, e in _CONTROLS.items() if c not in (0x09, 0x0A)})


def plain(value: object) -> str:
    """Recorded text on one line of a terminal."""
    return str(value).translate(_IN_A_LINE)


def block(value: object, indent: str) -> str:
    """Recorded text of several lines, each indented under its heading."""
    return str(value).translate(_IN_A_BLOCK).replace("\n", "\n" + indent)


def agree(count: int, one: str, many: str) -> str:
    """The words that agree with ``count`` in English: ``was`` or ``were``."""
    return one if count == 1 else many


def counted(count: int, singular: str, plural: str = "") -> str:
    """``1 testimony``, ``2 testimonies``: the noun agrees with the count (English)."""
    return f"{count} {agree(count, singular, plural or singular + 's')}"


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def when(summary: Record) -> str:
    text = str(summary["occurred_at"])
    if "T" in text:
        day, clock = text.split("T", 1)
        text = f"{day} {clock[:5]}"
    return PRECISION_MARK.get(summary["occurred_precision"], "") + text


def print_summaries(summaries: list[Record]) -> None:
    for summary in summaries:
        categories = ",".join(summary["categories"])
        print(f"{summary['id']}  {when(summary):<17} {categories:<40} {plain(summary['title'])}")


def print_incident(record: Record) -> None:
    lines = [
        f"{plain(record['title'])}",
        f"  id          {record['id']} (revision {record['revision']})",
        f"  occurred    {record['occurred_at']} ({record['occurred_precision']})",
        f"  place       {plain(record['location']['name'])}"
        + (
            f" ({record['location']['lat']}, {record['location']['lon']})"
            if "lat" in record["location"] and "lon" in record["location"]
            else ""
        ),
        f"  categories  {', '.join(record['categories'])}",
        f"  by          {', '.join(record['perpetrators']) or '-'}",
        f"  status      {record['status']}",
        f"  recorded    {record['recorded_at']}",
    ]
    if record.get("people_affected") is not None:
        lines.append(f"  affected    {record['people_affected']}")
    if record["description"]:
        lines += ["", f"  {block(record['description'], '  ')}"]
    for testimony in record["testimonies"]:
        lines += [
            "",
            f"  Testimony of {plain(testimony['witness'] or '(no name)')}, {testimony['role']}, "
            f"{plain(testimony['language'])}, consent: {testimony['consent']}",
            f"    {block(testimony['text'], '    ')}",
        ]
        if testimony["translation"]:
            lines.append(f"    [translation] {block(testimony['translation'], '    ')}")
    for officer in record["officers"]:
        lines.append(
            f"  Officer {plain(officer['identifier'] or '(no number)')} "
            f"[{officer['identifier_kind']}] {plain(officer['unit'])} "
            f"- number {officer['visibility']}"
            + (f": {plain(officer['description'])}" if officer["description"] else "")
        )
    for vehicle in record["vehicles"]:
        lines.append(
            f"  Vehicle {plain(vehicle['plate'] or '(no plate)')} {plain(vehicle['country'])} "
            f"{plain(vehicle['unit'])} - plate {vehicle['plate_visibility']}"
            + (f": {plain(vehicle['description'])}" if vehicle["description"] else "")
        )
    for source in record["sources"]:
        lines.append(
            f"  Source: {plain(source['title'])}"
            + (f" <{plain(source['url'])}>" if "url" in source else "")
        )
    for medium in record.get("media", []):
        details = [medium["kind"], f"{medium['size']} bytes"]
        if medium["captured_at"]:
            details.append(f"taken {medium['captured_at']}")
        if medium["gps"]:
            details.append(f"at {medium['gps']['lat']:.5f}, {medium['gps']['lon']:.5f}")
        if medium["device"]:
            details.append(plain(medium["device"]))
        if medium["derived_from"]:
            details.append(f"shareable copy of {medium['derived_from']}")
        lines.append(f"  Media {medium['id']}  {plain(medium['filename'])}  ({', '.join(details)})")
        lines.append(f"    sha256 {medium['sha256']}")
        if medium["note"]:
            lines.append(f"    note: {plain(medium['note'])}")
    print("\n".join(lines))


def print_identifiers(entries: list[Record]) -> None:
    for entry in entries:
        count = len(entry["incidents"])
        if entry["kind"] == "officer":
            label = f"officer {plain(entry['identifier'])} ({entry['identifier_kind']})"
            unit = plain(entry["unit"])
        elif entry["kind"] == "vehicle":
            label = f"vehicle {plain(entry['plate'])} {plain(entry['country'])}".rstrip()
            unit = plain(entry["unit"])
        else:
            label = f"unit {plain(entry['unit'])}"
            unit = (
                f"numbers hidden or absent {entry['hidden_or_absent']} of {entry['observations']}"
            )
        incidents = counted(count, "incident")
        print(f"{label:<36} {unit:<36} {incidents}: {' '.join(entry['incidents'])}")
