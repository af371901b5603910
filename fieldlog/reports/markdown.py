"""A summary as Markdown (CommonMark with GitHub tables), UTF-8.

Recorded text is escaped so that a title or a testimony can never become a link, an image,
raw HTML or a table cell break, and is folded onto one line. The output is the same bytes for
the same summary and language, except the line that starts ``- Generated on`` /
``- Généré le``.
"""

import re

from fieldlog.reports import i18n, wording
from fieldlog.reports.chart import chart_title
from fieldlog.reports.i18n import N_, label, tr
from fieldlog.reports.model import Entry, IdentifierUse, Summary

_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~#!])")


def escape(text: str) -> str:
    """Recorded text as literal Markdown on one line."""
    line = " ".join(text.split())
    # Most text has nothing to escape: searching first is several times cheaper than sub().
    return _SPECIAL.sub(r"\\\1", line) if _SPECIAL.search(line) else line


def _table(headings: list[str], rows: list[list[str]], numeric: set[int]) -> list[str]:
    lines = [
        "| " + " | ".join(headings) + " |",
        "| " + " | ".join("---:" if i in numeric else "---" for i in range(len(headings))) + " |",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def _header(summary: Summary, lang: str) -> list[str]:
    colon = i18n.colon(lang)
    return [
        f"# {wording.title(lang)}",
        "",
        f"- **{tr('Period', lang)}{colon}** {wording.period(summary, lang)}",
        f"- {wording.generated(summary, lang)}",
        f"- **{tr('Fingerprint', lang)}{colon}** `{summary.fingerprint}`",
        f"- **{tr('Categories', lang)}{colon}** {wording.categories_option(summary, lang)}",
        f"- **{tr('Testimony text', lang)}{colon}** {wording.testimony_option(summary, lang)}",
        "",
        f"_{wording.fingerprint_note(lang)}_",
        "",
    ]


def _totals(summary: Summary, lang: str) -> list[str]:
    colon = i18n.colon(lang)
    number = i18n.number
    lines = [
        f"## {tr('Totals', lang)}",
        "",
        f"- **{tr('Incidents', lang)}{colon}** {number(len(summary.entries), lang)}",
        f"- **{tr('Deaths at the border', lang)}{colon}** {number(len(summary.deaths), lang)}",
        f"- **{tr('People affected', lang)}{colon}** {wording.people_total(summary, lang)}",
        "",
    ]
    for heading, table, pairs in (
        (N_("By category"), i18n.CATEGORY_LABELS, summary.by_category),
        (N_("By perpetrator"), i18n.PERPETRATOR_LABELS, summary.by_perpetrator),
    ):
        rows = [[escape(label(table, code, lang)), number(count, lang)] for code, count in pairs]
        lines += _table([tr(heading, lang), tr("Incidents", lang)], rows, {1})
    rows = [[escape(unit), number(count, lang)] for unit, count in summary.by_unit]
    if rows:
        lines += _table([tr("By unit", lang), tr("Incidents", lang)], rows, {1})
    lines += [
        "_"
        + tr("An incident counts once under each of its categories and perpetrators.", lang)
        + "_",
        "",
    ]
    return lines


def _chart(summary: Summary, lang: str) -> list[str]:
    chart = summary.chart
    lines = [f"## {chart_title(chart, lang)}", ""]
    rows = []
    for bucket in chart.buckets:
        if not bucket.incidents:
            continue
        if chart.unit == "week":
            when = tr("Week of {day}", lang).format(day=i18n.medium_date(bucket.start, lang))
        elif chart.unit == "month":
            when = i18n.month_label(bucket.start, lang)
        else:
            when = i18n.medium_date(bucket.start, lang)
        detail = ", ".join(
            f"{label(i18n.CATEGORY_LABELS, c, lang)} {i18n.number(n, lang)}"
            for c, n in bucket.counts
        )
        rows.append([when, i18n.number(bucket.incidents, lang), detail])
    return lines + _table(["", tr("Incidents", lang), tr("Categories", lang)], rows, {1})


def _deaths(summary: Summary, lang: str) -> list[str]:
    lines = [f"## {tr('Deaths at the border', lang)}", ""]
    if not summary.deaths:
        return [*lines, tr("None recorded.", lang), ""]
    rows = [
        [
            i18n.medium_date(d.entry.day, lang),
            escape(wording.death_name(d, lang)),
            wording.death_age(d, lang),
            escape(wording.death_origin(d)),
            escape(d.entry.place),
            escape(d.entry.brief),
            "; ".join(escape(wording.source(s)) for s in d.entry.sources),
        ]
        for d in summary.deaths
    ]
    headings = [
        N_("Date"),
        N_("Name"),
        N_("Age"),
        N_("Origin"),
        N_("Place"),
        N_("Description"),
        N_("Sources"),
    ]
    lines += _table([tr(h, lang) for h in headings], rows, {2})
    note = (
        "Name, age and origin are taken from the description where it follows the usual "
        "pattern; otherwise the description is shown."
    )
    return [*lines, f"_{tr(note, lang)}_", ""]


def _entry(entry: Entry, lang: str) -> list[str]:
    colon = i18n.colon(lang)
    lines = [
        f"- {escape(wording.when(entry, lang))}{wording.SEPARATOR}{escape(entry.place)}\\",
        f"  **{escape(entry.title)}**\\",
    ]
    if entry.brief:
        lines.append(f"  {escape(entry.brief)}\\")
    lines.append(f"  _{escape(wording.facts(entry, lang))}_")
    seen = wording.identifiers(entry, lang)
    if seen:
        lines[-1] += "\\"
        lines.append(f"  {tr('Identifiers seen', lang)}{colon} {escape(seen)}")
    if entry.sources:
        lines[-1] += "\\"
        sources = "; ".join(escape(wording.source(s)) for s in entry.sources)
        lines.append(f"  {tr('Sources', lang)}{colon} {sources}")
    for quote in entry.quotes:
        lines += [
            "",
            f"  > “{escape(quote.text)}” — {escape(wording.quote_attribution(quote, lang))}",
        ]
        if quote.translation:
            lines += [
                "  >",
                f"  > {tr('Translation', lang)}{colon} {escape(quote.translation)}",
            ]
    return [*lines, ""]


def _timeline(summary: Summary, lang: str) -> list[str]:
    lines = [f"## {tr('Timeline', lang)}", ""]
    if not summary.entries:
        return [*lines, tr("No incidents in this period.", lang), ""]
    for day, entries in summary.days():
        lines += [f"### {i18n.long_date(day, lang)}", ""]
        for entry in entries:
            lines += _entry(entry, lang)
    return lines


def _uses(
    uses: tuple[IdentifierUse, ...], headings: list[str], lang: str, *, kind: str
) -> list[str]:
    if not uses:
        return [tr("None recorded.", lang), ""]
    rows = []
    for use in uses:
        first = escape(use.label)
        if kind == "officer":
            first = f"{escape(wording.officer_kind(use, lang))} {first}"
        elif kind == "vehicle" and use.detail:
            first = f"{first} ({escape(use.detail)})"
        row = [first]
        if kind != "unit":
            row.append(escape(wording.use_units(use)))
        row.append(i18n.number(use.incidents, lang))
        if kind == "unit":
            row.append(wording.use_hidden(use, lang))
        row.append(i18n.date_list(use.days, lang))
        rows.append(row)
    return _table([tr(h, lang) for h in headings], rows, {headings.index("Incidents")})


def _identifiers(summary: Summary, lang: str) -> list[str]:
    return [
        f"## {tr('Identifiers', lang)}",
        "",
        wording.visibility_officers(summary, lang),
        "",
        wording.visibility_plates(summary, lang),
        "",
        f"### {tr('Officer numbers', lang)}",
        "",
        *_uses(
            summary.officers,
            [N_("Number"), N_("Units"), N_("Incidents"), N_("Dates")],
            lang,
            kind="officer",
        ),
        f"### {tr('Vehicle plates', lang)}",
        "",
        *_uses(
            summary.vehicles,
            [N_("Plate"), N_("Units"), N_("Incidents"), N_("Dates")],
            lang,
            kind="vehicle",
        ),
        f"### {tr('Units', lang)}",
        "",
        *_uses(
            summary.units,
            [N_("Unit"), N_("Incidents"), N_("Hidden or not worn"), N_("Dates")],
            lang,
            kind="unit",
        ),
    ]


def render_markdown(summary: Summary, lang: str) -> bytes:
    lines = [
        *_header(summary, lang),
        *_totals(summary, lang),
        *_chart(summary, lang),
        *_deaths(summary, lang),
        *_timeline(summary, lang),
        *_identifiers(summary, lang),
    ]
    while lines and not lines[-1]:
        lines.pop()
    return ("\n".join(lines) + "\n").encode("utf-8")
