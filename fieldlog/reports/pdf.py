"""A summary as PDF (A4), with fpdf2: embedded Noto fonts, shaped text in any script.

Layout: the header (title, period, generation time, fingerprint, options), the totals, the
chart, the deaths at the border, the timeline by day, then the identifiers. Every page
carries the period, its number and the short fingerprint, so a loose page can be matched
to its summary.
"""

import logging
from datetime import UTC

from fpdf import FPDF

from fieldlog.reports import i18n, wording
from fieldlog.reports.chart import Drawing, draw_chart
from fieldlog.reports.fonts import font_files
from fieldlog.reports.i18n import N_, label, tr
from fieldlog.reports.model import Entry, IdentifierUse, Summary
from fieldlog.reports.typeset import Column, Para, Row, Style, Typesetter

# fpdf2 and fontTools warn about missing glyphs by quoting them: recorded text must not
# reach a terminal or a log that way.
for _library in ("fpdf", "fontTools"):
    logging.getLogger(_library).setLevel(logging.CRITICAL)

MARGIN = 42.0
GREY = (95, 95, 95)
BLACK = (20, 20, 20)

TITLE = Style(21, bold=True, colour=BLACK, leading=1.2)
SUBTITLE = Style(12.5, colour=BLACK)
META = Style(8, colour=GREY)
H2 = Style(13.5, bold=True, colour=BLACK, leading=1.25)
H3 = Style(10.5, bold=True, colour=BLACK)
DAY = Style(10, bold=True, colour=BLACK)
BODY = Style(9)
WHEN = Style(7.8, colour=GREY)
ENTRY_TITLE = Style(9.4, bold=True, colour=BLACK)
SMALL = Style(7.6, colour=GREY)
QUOTE = Style(8.6, colour=(40, 40, 40))
CELL = Style(8)
CELL_BOLD = Style(8, bold=True, colour=BLACK)
CELL_SMALL = Style(7, colour=GREY)
FIGURE = Style(20, bold=True, colour=BLACK, leading=1.1)
FIGURE_LABEL = Style(8, colour=GREY)
FOOTER = Style(7, colour=GREY, leading=10 / 7)  # a 10 pt line, as fpdf2's cell() had it


class _Document(FPDF):
    def __init__(self, summary: Summary, lang: str) -> None:
        super().__init__(orientation="P", unit="pt", format="A4")
        self._footer_left = f"FieldLog{wording.SEPARATOR}{wording.period(summary, lang)}"
        self._footer_page = tr("page {page}", lang)
        self._footer_fingerprint = f"{tr('Fingerprint', lang)} {wording.fingerprint_short(summary)}"
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.b_margin = MARGIN + 8  # room for the footer
        self.typesetter: Typesetter | None = None

    def footer(self) -> None:
        self.set_draw_color(200, 200, 200)
        self.set_line_width(0.5)
        y = self.h - MARGIN + 4
        self.line(MARGIN, y - 4, self.w - MARGIN, y - 4)
        t = self.typesetter
        if t is None:
            return
        # Through the typesetter, whose fast path writes these lines in a few microseconds
        # (fpdf2's cell() shapes them: 5 ms a page, a sixth of a long summary).
        t.draw(t.lay(Para(self._footer_left, FOOTER), self.w / 2), MARGIN, y)
        page = self._footer_page.format(page=self.page_no())
        right = f"{page}{wording.SEPARATOR}{self._footer_fingerprint}"
        width = t.measure(right, FOOTER)
        t.draw(t.lay(Para(right, FOOTER), width + 1), self.w - MARGIN - width, y)


class _Writer:
    def __init__(self, summary: Summary, lang: str, pdf: _Document, typesetter: Typesetter) -> None:
        self.summary = summary
        self.lang = lang
        self.pdf = pdf
        self.t = typesetter

    def tr(self, source: str) -> str:
        return tr(source, self.lang)

    def rule(self, gap: float = 6.0, colour: tuple[int, int, int] = (60, 60, 60)) -> None:
        self.pdf.set_draw_color(*colour)
        self.pdf.set_line_width(0.8)
        self.pdf.line(self.t.left, self.t.y, self.t.left + self.t.width, self.t.y)
        self.t.skip(gap)

    def heading(self, text: str) -> None:
        """A section heading, kept with room for a few lines after it."""
        self.t.skip(10)
        self.t.ensure(H2.line_height + 70)
        self.t.paragraph(Para(text, H2))
        self.t.skip(1)
        self.rule(7)

    def subheading(self, text: str) -> None:
        self.t.skip(6)
        self.t.ensure(H3.line_height + 40)
        self.t.paragraph(Para(text, H3))
        self.t.skip(2)

    # -- sections ----------------------------------------------------------------------------

    def header(self) -> None:
        colon = i18n.colon(self.lang)
        s, lang = self.summary, self.lang
        self.t.paragraph(Para(wording.title(lang), TITLE))
        self.t.paragraph(Para(wording.period(s, lang), SUBTITLE, space_before=2))
        self.t.skip(6)
        fingerprint = f"{wording.fingerprint_short(s)}  (SHA-256 {s.fingerprint})"
        categories = wording.categories_option(s, lang)
        testimony = wording.testimony_option(s, lang)
        lines = [
            wording.generated(s, lang),
            f"{self.tr('Fingerprint')}{colon} {fingerprint}",
            f"{self.tr('Categories')}{colon} {categories}{wording.SEPARATOR}"
            f"{self.tr('Testimony text')}{colon} {testimony}",
        ]
        for line in lines:
            self.t.paragraph(Para(line, META))
        self.t.paragraph(
            Para(
                wording.fingerprint_note(lang),
                Style(7, colour=(130, 130, 130)),
                space_before=1,
            )
        )
        self.t.skip(4)

    def totals(self) -> None:
        colon = i18n.colon(self.lang)
        s, lang, t = self.summary, self.lang, self.t
        self.heading(self.tr("Totals"))
        figures = [
            (i18n.number(len(s.entries), lang), self.tr("Incidents")),
            (i18n.number(len(s.deaths), lang), self.tr("Deaths at the border")),
            (i18n.number(s.people_affected, lang), self.tr("People affected")),
        ]
        column = t.width / len(figures)
        top = t.y
        for index, (value, name) in enumerate(figures):
            x = t.left + index * column
            t.draw(t.lay(Para(value, FIGURE), column), x, top)
            t.draw(t.lay(Para(name, FIGURE_LABEL), column), x, top + FIGURE.line_height)
        t.y = top + FIGURE.line_height + FIGURE_LABEL.line_height + 4
        t.paragraph(
            Para(
                f"{self.tr('People affected')}{colon} {wording.people_total(s, lang)}",
                SMALL,
            )
        )
        t.skip(6)

        # Categories and perpetrators side by side: both lists are short (ten and six at most).
        half = (t.width - 18) / 2
        top = t.y
        self._tally(
            self.tr("By category"),
            [(label(i18n.CATEGORY_LABELS, c, lang), n) for c, n in s.by_category],
            t.left,
            half,
        )
        left_end = t.y
        t.y = top
        self._tally(
            self.tr("By perpetrator"),
            [(label(i18n.PERPETRATOR_LABELS, p, lang), n) for p, n in s.by_perpetrator],
            t.left + half + 18,
            half,
        )
        t.y = max(left_end, t.y)
        if s.by_unit:
            t.skip(8)
            self._table(
                [Column(t.width - 80), Column(80, numeric=True)],
                [self.tr("By unit"), self.tr("Incidents")],
                [[unit, i18n.number(n, lang)] for unit, n in s.by_unit],
            )
        t.paragraph(
            Para(
                self.tr("An incident counts once under each of its categories and perpetrators."),
                SMALL,
                space_before=4,
            )
        )

    def _tally(self, heading: str, pairs: list[tuple[str, int]], x: float, width: float) -> None:
        """A short two-column table drawn at ``x`` (no page break: it is at most ten rows)."""
        t = self.t
        left, span = t.left, t.width
        t.left, t.width = x, width
        try:
            self._table(
                [Column(width - 60), Column(60, numeric=True)],
                [heading, self.tr("Incidents")],
                [[name, i18n.number(n, self.lang)] for name, n in pairs],
            )
        finally:
            t.left, t.width = left, span

    def _table(
        self,
        columns: list[Column],
        headings: list[str],
        rows: list[list[str | list[Para]]],
    ) -> None:
        header = Row([[Para(h, CELL_BOLD)] for h in headings])
        body = [
            Row([cell if isinstance(cell, list) else [Para(cell, CELL)] for cell in row])
            for row in rows
        ]
        self.t.table(columns, header, body)

    def chart(self) -> None:
        drawing = draw_chart(self.summary.chart, self.lang, width=self.t.width, height=200)
        self.heading(drawing.title)
        self.t.ensure(drawing.height)
        self._drawing(drawing, self.t.left, self.t.y)
        self.t.skip(drawing.height + 4)

    def _drawing(self, drawing: Drawing, x0: float, y0: float) -> None:
        pdf = self.pdf
        pdf.set_line_width(0.5)
        for line in drawing.lines:
            pdf.set_draw_color(*_rgb(line.colour))
            pdf.line(x0 + line.x1, y0 + line.y1, x0 + line.x2, y0 + line.y2)
        for rect in drawing.rects:
            if rect.height <= 0:
                continue
            pdf.set_fill_color(*_rgb(rect.colour))
            pdf.rect(x0 + rect.x, y0 + rect.y, rect.width, rect.height, style="F")
        for text in drawing.labels:
            style = Style(text.size, colour=(60, 60, 60))
            width = self.t.measure(text.text, style)
            x = x0 + text.x
            if text.anchor == "middle":
                x -= width / 2
            elif text.anchor == "end":
                x -= width
            laid = self.t.lay(Para(text.text, style), width + 2)
            # Labels are placed by baseline; the typesetter places lines by their top.
            self.t.draw(laid, x, y0 + text.y - style.line_height / 2 - 0.3 * style.size)

    def deaths(self) -> None:
        s, lang, t = self.summary, self.lang, self.t
        self.heading(self.tr("Deaths at the border"))
        if not s.deaths:
            t.paragraph(Para(self.tr("None recorded."), BODY))
            return
        rows: list[list[str | list[Para]]] = []
        for death in s.deaths:
            details = [Para(death.entry.brief, CELL)]
            details += [
                Para(wording.source(source), CELL_SMALL, space_before=1.5)
                for source in death.entry.sources
            ]
            name = Para(wording.death_name(death, lang), CELL_BOLD if death.name else CELL)
            rows.append(
                [
                    i18n.medium_date(death.entry.day, lang),
                    [name],
                    wording.death_age(death, lang),
                    wording.death_origin(death),
                    death.entry.place,
                    details,
                ]
            )
        widths = [68.0, 70.0, 30.0, 62.0, 92.0]
        columns = [Column(w) for w in widths] + [Column(t.width - sum(widths))]
        columns[2].numeric = True
        headings = [N_("Date"), N_("Name"), N_("Age"), N_("Origin"), N_("Place"), N_("Description")]
        self._table(columns, [self.tr(h) for h in headings], rows)
        t.paragraph(
            Para(
                self.tr(
                    "Name, age and origin are taken from the description where it follows the "
                    "usual pattern; otherwise the description is shown."
                ),
                SMALL,
                space_before=4,
            )
        )

    def _entry(self, entry: Entry) -> list[Para]:
        colon = i18n.colon(self.lang)
        lang = self.lang
        paras = [
            Para(f"{wording.when(entry, lang)}{wording.SEPARATOR}{entry.place}", WHEN),
            Para(entry.title, ENTRY_TITLE),
        ]
        if entry.brief:
            paras.append(Para(entry.brief, BODY, space_before=0.5))
        paras.append(Para(wording.facts(entry, lang), SMALL, space_before=1))
        seen = wording.identifiers(entry, lang)
        if seen:
            paras.append(Para(f"{self.tr('Identifiers seen')}{colon} {seen}", SMALL))
        for quote in entry.quotes:
            paras.append(Para(f"“{quote.text}”", QUOTE, indent=12, space_before=2))
            paras.append(Para(f"— {wording.quote_attribution(quote, lang)}", SMALL, indent=12))
            if quote.translation:
                paras.append(
                    Para(
                        f"{self.tr('Translation')}{colon} {quote.translation}",
                        SMALL,
                        indent=12,
                    )
                )
        for source in entry.sources:
            paras.append(Para(f"{self.tr('Source')}{colon} {wording.source(source)}", SMALL))
        return paras

    def timeline(self) -> None:
        s, lang, t = self.summary, self.lang, self.t
        self.heading(self.tr("Timeline"))
        if not s.entries:
            t.paragraph(Para(self.tr("No incidents in this period."), BODY))
            return
        for day, entries in s.days():
            # The day band is kept with at least the first lines of its first entry.
            t.skip(4)
            t.ensure(DAY.line_height + 6 + 60)
            self.pdf.set_fill_color(238, 238, 238)
            self.pdf.rect(t.left, t.y, t.width, DAY.line_height + 4, style="F")
            t.draw(t.lay(Para(i18n.long_date(day, lang), DAY, indent=5), t.width), t.left, t.y + 2)
            t.skip(DAY.line_height + 8)
            for entry in entries:
                t.block(self._entry(entry), keep=t.bottom - t.top)
                t.skip(6)

    def _uses(self, uses: tuple[IdentifierUse, ...], kind: str) -> None:
        lang, t = self.lang, self.t
        if not uses:
            t.paragraph(Para(self.tr("None recorded."), BODY))
            return
        rows: list[list[str | list[Para]]] = []
        for use in uses:
            first = use.label
            if kind == "officer":
                first = f"{wording.officer_kind(use, lang)} {first}"
            elif kind == "vehicle" and use.detail:
                first = f"{first} ({use.detail})"
            row: list[str | list[Para]] = [[Para(first, CELL_BOLD)]]
            if kind != "unit":
                row.append(wording.use_units(use))
            row.append(i18n.number(use.incidents, lang))
            if kind == "unit":
                row.append(wording.use_hidden(use, lang))
            row.append(i18n.date_list(use.days, lang))
            rows.append(row)
        if kind == "unit":
            headings = [N_("Unit"), N_("Incidents"), N_("Hidden or not worn"), N_("Dates")]
            columns = [Column(110), Column(55, numeric=True), Column(80), Column(t.width - 245)]
        else:
            headings = [
                N_("Number") if kind == "officer" else N_("Plate"),
                N_("Units"),
                N_("Incidents"),
                N_("Dates"),
            ]
            columns = [Column(105), Column(95), Column(55, numeric=True), Column(t.width - 255)]
        self._table(columns, [self.tr(h) for h in headings], rows)

    def identifiers(self) -> None:
        s, t = self.summary, self.t
        self.heading(self.tr("Identifiers"))
        t.paragraph(Para(wording.visibility_officers(s, self.lang), BODY))
        t.paragraph(Para(wording.visibility_plates(s, self.lang), BODY, space_before=2))
        self.subheading(self.tr("Officer numbers"))
        self._uses(s.officers, "officer")
        self.subheading(self.tr("Vehicle plates"))
        self._uses(s.vehicles, "vehicle")
        self.subheading(self.tr("Units"))
        self._uses(s.units, "unit")


def _rgb(colour: str) -> tuple[int, int, int]:
    value = int(colour.lstrip("#"), 16)
    return (value >> 16) & 255, (value >> 8) & 255, value & 255


def render_pdf(summary: Summary, lang: str) -> bytes:
    pdf = _Document(summary, lang)
    pdf.set_title(f"{wording.title(lang)} — {wording.period(summary, lang)}")
    pdf.set_lang(lang)
    pdf.set_creator("FieldLog")
    pdf.set_creation_date(summary.generated_at.astimezone(UTC))
    with font_files() as fonts:
        typesetter = Typesetter(pdf, fonts)
        pdf.typesetter = typesetter
        writer = _Writer(summary, lang, pdf, typesetter)
        typesetter.new_page()
        writer.header()
        writer.totals()
        writer.chart()
        writer.deaths()
        writer.timeline()
        writer.identifiers()
        return bytes(pdf.output())
