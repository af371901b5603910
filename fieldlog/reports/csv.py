"""A summary as CSV: one row per incident, for spreadsheets.

UTF-8 with a byte order mark (so spreadsheet programs read accents and other scripts), CRLF
line ends, every field quoted. The spreadsheet conventions follow the language: in English
a comma between fields and a decimal point; in French a semicolon and a decimal comma, as
French spreadsheet programs expect. Whole numbers have no thousands separator, so they can
be added up. There is no generation time in the file: the same records and options give the
same bytes.

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
leading ``'``, so a spreadsheet shows it as text instead of running it as a formula.

Columns (headings in the chosen language), in order:

1. incident: the incident's id
2. revision: its revision number
3. date: the local date, YYYY-MM-DD
4. time: the local time, HH:MM; empty when only the day is known
5. precision: exact, approximate or day
6. place
7. latitude, 8. longitude: WGS 84 degrees, empty when not recorded
9. title
10. description: in full
11. categories, 12. perpetrators: names, separated by "; "
13. people affected: empty when not recorded
14. testimonies: how many testimonies may leave the vault (legal or anonymised consent)
15. media: how many original files are attached
16. officers, 17. vehicles: the identifiers seen, with unit and visibility, "; " between
18. sources: "title — url", "; " between
19. testimony text: the text that consent allows, with its translation, " | " between
    testimonies; never an internal testimony; no pseudonym for an anonymised one; empty
    with the option that leaves testimony text out
20. content SHA-256: of the incident's latest revision
21. summary fingerprint: the same on every row (see fingerprint.py)
"""

import csv
import io

from fieldlog.reports import i18n, wording
from fieldlog.reports.i18n import N_, label, tr
from fieldlog.reports.model import Entry, Summary

COLUMNS = (
    N_("incident"),
    N_("revision"),
    N_("date"),
    N_("time"),
    N_("precision"),
    N_("place"),
    N_("latitude"),
    N_("longitude"),
    N_("title"),
    N_("description"),
    N_("categories"),
    N_("perpetrators"),
    N_("people affected"),
    N_("testimonies"),
    N_("media"),
    N_("officers"),
    N_("vehicles"),
    N_("sources"),
    N_("testimony text"),
    N_("content SHA-256"),
    N_("summary fingerprint"),
)
_DELIMITER = {"en": ",", "fr": ";"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Text that a spreadsheet will not run as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _testimony_text(entry: Entry, lang: str) -> str:
    colon = i18n.colon(lang)
    parts = []
    for quote in entry.quotes:
        text = f"“{quote.text}” — {wording.quote_attribution(quote, lang)}"
        if quote.translation:
            text += f" ({tr('Translation', lang)}{colon} {quote.translation})"
        parts.append(text)
    return " | ".join(parts)


def _row(entry: Entry, summary: Summary, lang: str) -> list[str]:
    def coordinate(value: float | None) -> str:
        return "" if value is None else i18n.decimal(value, lang, 6)

    text_cells = [
        entry.place,
        entry.title,
        entry.description,
        "; ".join(label(i18n.CATEGORY_LABELS, c, lang) for c in entry.categories),
        "; ".join(label(i18n.PERPETRATOR_LABELS, p, lang) for p in entry.perpetrators),
        "; ".join(wording.officer(o, lang) for o in entry.officers),
        "; ".join(wording.vehicle(v, lang) for v in entry.vehicles),
        "; ".join(wording.source(s) for s in entry.sources),
        _testimony_text(entry, lang),
    ]
    place, title, description, categories, perpetrators, officers, vehicles, sources, quotes = (
        safe_cell(cell) for cell in text_cells
    )
    return [
        entry.incident_id,
        str(entry.revision),
        entry.day.isoformat(),
        entry.time or "",
        label(i18n.PRECISION_LABELS, entry.precision, lang),
        place,
        coordinate(entry.latitude),
        coordinate(entry.longitude),
        title,
        description,
        categories,
        perpetrators,
        "" if entry.people_affected is None else str(entry.people_affected),
        str(entry.testimonies),
        str(entry.media),
        officers,
        vehicles,
        sources,
        quotes,
        entry.content_sha256,
        summary.fingerprint,
    ]


def render_csv(summary: Summary, lang: str) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(
        buffer, delimiter=_DELIMITER[lang], quoting=csv.QUOTE_ALL, lineterminator="\r\n"
    )
    writer.writerow([tr(column, lang) for column in COLUMNS])
    for entry in summary.entries:
        writer.writerow(_row(entry, summary, lang))
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
