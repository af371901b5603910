"""A summary as one self-contained HTML file: inline CSS, the chart as inline SVG, no scripts.

Every recorded text is escaped and carries ``dir="auto"`` and its language, so Arabic or
Pashto reads right to left inside an English or French page. A Content-Security-Policy
forbids scripts and outside resources, as a second lock behind the escaping. Links are made
only for http(s) source addresses. The output is the same bytes for the same summary and
language, except the line with ``class="generated"``.
"""

import html
import re

from fieldlog.reports import i18n, wording
from fieldlog.reports.chart import draw_chart, svg
from fieldlog.reports.i18n import N_, label, tr
from fieldlog.reports.model import Entry, IdentifierUse, Summary

FONTS = '"Noto Sans", "Noto Sans Arabic", "Noto Sans Ethiopic", "Segoe UI", Arial, sans-serif'
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")

CSS = """
:root { color-scheme: light; }
body { font-family: FONTS; color: #222; margin: 0 auto; max-width: 60rem; padding: 1.5rem;
  line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; color: #333; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .6rem 0; }
.meta dt { font-weight: bold; }
.meta dd { margin: 0; }
.generated, .note { color: #555; font-size: .9rem; }
code { font-family: "Noto Sans Mono", Consolas, monospace; font-size: .85rem;
  overflow-wrap: anywhere; }
.figures { display: flex; flex-wrap: wrap; gap: 1rem 2.5rem; margin: .6rem 0 1rem; }
.figure b { display: block; font-size: 1.6rem; }
.totals { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: .92rem; }
th, td { text-align: start; padding: .25rem .6rem; border-bottom: 1px solid #ddd;
  vertical-align: top; }
th { background: #f2f2f2; }
td.n, th.n { text-align: end; font-variant-numeric: tabular-nums; }
svg { width: 100%; height: auto; max-width: 50rem; }
.entry { margin: 0 0 1rem; padding-inline-start: .8rem; border-inline-start: 3px solid #ccc; }
.entry .when { color: #555; font-size: .9rem; }
.entry .title { font-weight: bold; }
.entry .facts, .entry .sources, .entry .seen { color: #555; font-size: .88rem; }
blockquote { margin: .4rem 0; padding: .2rem .8rem; background: #f6f6f6;
  border-inline-start: 3px solid #999; }
blockquote .by, blockquote .translation { color: #555; font-size: .88rem; }
@media print { body { max-width: none; font-size: 11pt; } h2 { break-after: avoid; }
  .entry { break-inside: avoid; } }
""".replace("FONTS", FONTS)


_NEEDS_ESCAPE = re.compile("[&<>\"']")


def escape(text: str) -> str:
    """``html.escape``, skipped for the many strings with nothing to escape (a third faster)."""
    return html.escape(text) if _NEEDS_ESCAPE.search(text) else text


def _text(text: str, language: str = "") -> str:
    """Recorded text: escaped, its own direction, and its language when it is a valid tag."""
    lang = f' lang="{escape(language)}"' if _LANGUAGE_TAG.match(language or "") else ""
    return f'<span dir="auto"{lang}>{escape(text)}</span>'


def _link(url: str) -> str:
    if url.startswith(("https://", "http://")):
        return f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>'
    return escape(url)


def _sources(entry: Entry, lang: str) -> str:
    colon = i18n.colon(lang)
    items = []
    for source in entry.sources:
        parts = [p for p in (_text(source.title) if source.title else "", _link(source.url)) if p]
        items.append(" — ".join(parts))
    return f'<div class="sources">{escape(tr("Sources", lang))}{colon} {"; ".join(items)}</div>'


def _table(headings: list[str], rows: list[list[str]], numeric: set[int]) -> list[str]:
    """``rows`` hold HTML already escaped."""

    def cells(tag: str, values: list[str]) -> str:
        return "".join(
            f'<{tag} class="n">{v}</{tag}>' if i in numeric else f"<{tag}>{v}</{tag}>"
            for i, v in enumerate(values)
        )

    return [
        "<table>",
        f"<thead><tr>{cells('th', [escape(h) for h in headings])}</tr></thead>",
        "<tbody>",
        *(f"<tr>{cells('td', row)}</tr>" for row in rows),
        "</tbody>",
        "</table>",
    ]


def _header(summary: Summary, lang: str) -> list[str]:
    options = [
        ("Period", escape(wording.period(summary, lang))),
        (
            "Fingerprint",
            f"<code>{escape(wording.fingerprint_short(summary))}</code> "
            f"(SHA-256 <code>{escape(summary.fingerprint)}</code>)",
        ),
        ("Categories", escape(wording.categories_option(summary, lang))),
        ("Testimony text", escape(wording.testimony_option(summary, lang))),
    ]
    note = wording.fingerprint_note(lang)
    return [
        "<header>",
        f"<h1>{escape(wording.title(lang))}</h1>",
        '<dl class="meta">',
        *(f"<dt>{escape(tr(name, lang))}</dt><dd>{value}</dd>" for name, value in options),
        "</dl>",
        f'<p class="generated">{escape(wording.generated(summary, lang))}</p>',
        f'<p class="note">{escape(note)}</p>',
        "</header>",
    ]


def _totals(summary: Summary, lang: str) -> list[str]:
    colon = i18n.colon(lang)
    number = i18n.number
    figures = [
        (N_("Incidents"), number(len(summary.entries), lang)),
        (N_("Deaths at the border"), number(len(summary.deaths), lang)),
        (N_("People affected"), number(summary.people_affected, lang)),
    ]
    lines = [
        '<section id="totals">',
        f"<h2>{escape(tr('Totals', lang))}</h2>",
        '<div class="figures">',
        *(
            f'<div class="figure"><b>{escape(value)}</b>{escape(tr(name, lang))}</div>'
            for name, value in figures
        ),
        "</div>",
        f'<p class="note">{escape(tr("People affected", lang))}{colon} '
        f"{escape(wording.people_total(summary, lang))}</p>",
        '<div class="totals">',
    ]
    for heading, table, pairs in (
        (N_("By category"), i18n.CATEGORY_LABELS, summary.by_category),
        (N_("By perpetrator"), i18n.PERPETRATOR_LABELS, summary.by_perpetrator),
    ):
        rows = [[escape(label(table, c, lang)), escape(number(n, lang))] for c, n in pairs]
        lines += _table([tr(heading, lang), tr("Incidents", lang)], rows, {1})
    if summary.by_unit:
        rows = [[_text(unit), escape(number(n, lang))] for unit, n in summary.by_unit]
        lines += _table([tr("By unit", lang), tr("Incidents", lang)], rows, {1})
    note = tr("An incident counts once under each of its categories and perpetrators.", lang)
    return [*lines, "</div>", f'<p class="note">{escape(note)}</p>', "</section>"]


def _chart(summary: Summary, lang: str) -> list[str]:
    drawing = draw_chart(summary.chart, lang)
    return [
        '<section id="chart">',
        f"<h2>{escape(drawing.title)}</h2>",
        svg(drawing, FONTS),
        "</section>",
    ]


def _deaths(summary: Summary, lang: str) -> list[str]:
    lines = ['<section id="deaths">', f"<h2>{escape(tr('Deaths at the border', lang))}</h2>"]
    if not summary.deaths:
        return [*lines, f"<p>{escape(tr('None recorded.', lang))}</p>", "</section>"]
    rows = [
        [
            escape(i18n.medium_date(d.entry.day, lang)),
            _text(d.name) if d.name else escape(tr("name not known", lang)),
            escape(wording.death_age(d, lang)),
            _text(wording.death_origin(d)),
            _text(d.entry.place),
            _text(d.entry.brief, d.entry.language) + _sources(d.entry, lang),
        ]
        for d in summary.deaths
    ]
    headings = [N_("Date"), N_("Name"), N_("Age"), N_("Origin"), N_("Place"), N_("Description")]
    note = tr(
        "Name, age and origin are taken from the description where it follows the usual "
        "pattern; otherwise the description is shown.",
        lang,
    )
    return [
        *lines,
        *_table([tr(h, lang) for h in headings], rows, {2}),
        f'<p class="note">{escape(note)}</p>',
        "</section>",
    ]


def _entry(entry: Entry, lang: str) -> list[str]:
    colon = i18n.colon(lang)
    lines = [
        '<article class="entry">',
        f'<div class="when">{escape(wording.when(entry, lang))}{wording.SEPARATOR}'
        f"{_text(entry.place)}</div>",
        f'<div class="title">{_text(entry.title, entry.language)}</div>',
    ]
    if entry.brief:
        lines.append(f"<p>{_text(entry.brief, entry.language)}</p>")
    lines.append(f'<div class="facts">{escape(wording.facts(entry, lang))}</div>')
    seen = wording.identifiers(entry, lang)
    if seen:
        lines.append(
            f'<div class="seen">{escape(tr("Identifiers seen", lang))}{colon} {_text(seen)}</div>'
        )
    for quote in entry.quotes:
        lines.append(
            f"<blockquote><div>{_text(quote.text, quote.language)}</div>"
            f'<div class="by">— {_text(wording.quote_attribution(quote, lang))}</div>'
            + (
                f'<div class="translation">{escape(tr("Translation", lang))}{colon} '
                f"{_text(quote.translation)}</div>"
                if quote.translation
                else ""
            )
            + "</blockquote>"
        )
    if entry.sources:
        lines.append(_sources(entry, lang))
    return [*lines, "</article>"]


def _timeline(summary: Summary, lang: str) -> list[str]:
    lines = ['<section id="timeline">', f"<h2>{escape(tr('Timeline', lang))}</h2>"]
    if not summary.entries:
        lines.append(f"<p>{escape(tr('No incidents in this period.', lang))}</p>")
    for day, entries in summary.days():
        lines.append(f'<h3 id="d{day.isoformat()}">{escape(i18n.long_date(day, lang))}</h3>')
        for entry in entries:
            lines += _entry(entry, lang)
    return [*lines, "</section>"]


def _uses(uses: tuple[IdentifierUse, ...], kind: str, lang: str) -> list[str]:
    if not uses:
        return [f"<p>{escape(tr('None recorded.', lang))}</p>"]
    rows = []
    for use in uses:
        first = _text(use.label)
        if kind == "officer":
            first = f"{escape(wording.officer_kind(use, lang))} {first}"
        elif kind == "vehicle" and use.detail:
            first += f" ({escape(use.detail)})"
        row = [first]
        if kind != "unit":
            row.append(_text(wording.use_units(use)))
        row.append(escape(i18n.number(use.incidents, lang)))
        if kind == "unit":
            row.append(escape(wording.use_hidden(use, lang)))
        row.append(escape(i18n.date_list(use.days, lang)))
        rows.append(row)
    headings = {
        "officer": [N_("Number"), N_("Units"), N_("Incidents"), N_("Dates")],
        "vehicle": [N_("Plate"), N_("Units"), N_("Incidents"), N_("Dates")],
        "unit": [N_("Unit"), N_("Incidents"), N_("Hidden or not worn"), N_("Dates")],
    }[kind]
    return _table([tr(h, lang) for h in headings], rows, {headings.index("Incidents")})


def _identifiers(summary: Summary, lang: str) -> list[str]:
    return [
        '<section id="identifiers">',
        f"<h2>{escape(tr('Identifiers', lang))}</h2>",
        f"<p>{escape(wording.visibility_officers(summary, lang))}</p>",
        f"<p>{escape(wording.visibility_plates(summary, lang))}</p>",
        f"<h3>{escape(tr('Officer numbers', lang))}</h3>",
        *_uses(summary.officers, "officer", lang),
        f"<h3>{escape(tr('Vehicle plates', lang))}</h3>",
        *_uses(summary.vehicles, "vehicle", lang),
        f"<h3>{escape(tr('Units', lang))}</h3>",
        *_uses(summary.units, "unit", lang),
        "</section>",
    ]


def render_html(summary: Summary, lang: str) -> bytes:
    page_title = f"{wording.title(lang)} — {wording.period(summary, lang)}"
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="generator" content="FieldLog">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{escape(page_title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        *_header(summary, lang),
        "<main>",
        *_totals(summary, lang),
        *_chart(summary, lang),
        *_deaths(summary, lang),
        *_timeline(summary, lang),
        *_identifiers(summary, lang),
        "</main>",
        "</body>",
        "</html>",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")
