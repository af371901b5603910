"""Setting text on PDF pages: paragraphs, tables and page breaks on top of fpdf2.

fpdf2 shapes text with HarfBuzz (Arabic joining, right-to-left order, Ethiopic syllables)
and falls back to the Arabic and Ethiopic fonts for characters Noto Sans lacks. That path
costs a few hundred microseconds a line, and its ``multi_cell`` line breaking grows with the
square of the paragraph; a year of incidents is a hundred thousand lines. So text that Noto
Sans covers and that needs no shaping (no right-to-left letters, no combining marks) takes a
fast path: words are measured once from the font's advance widths, lines are broken here,
and each line is written with ``FPDF.text``. Everything else is shaped by HarfBuzz line by
line, so both kinds of paragraph break across pages the same way: a line in one script and
one direction (an Arabic, Pashto or Tigrinya testimony) is written here from fpdf2's shaped
glyphs, and a line that mixes directions (digits or Latin words in Arabic) goes through
fpdf2's own bidi algorithm and ``cell()``.
"""

import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from fpdf import FPDF
from fpdf.drawing_primitives import DeviceCMYK, DeviceGray, DeviceRGB
from fpdf.enums import Align, PDFResourceType, TextDirection, XPos, YPos
from fpdf.fonts import CoreFont, TTFFont
from fpdf.util import escape_parens

from fieldlog.reports.fonts import FontFiles, advance_widths

FAMILY = "NotoSans"
DeviceColour = DeviceRGB | DeviceCMYK | DeviceGray
_RTL = frozenset({"R", "AL"})
_EMBEDDINGS = frozenset({"RLE", "RLO", "LRE", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"})
_COMPLEX_BIDI = _RTL | _EMBEDDINGS | {"AN", "NSM"}
# By a line's direction (True: right to left), the bidi classes that would put a run of the
# other direction in it (numbers and Latin words in Arabic text, explicit embeddings): such
# a line needs the whole bidi algorithm (fpdf2's).
_OTHER_DIRECTION = {True: _EMBEDDINGS | {"L", "EN", "AN"}, False: _EMBEDDINGS | _RTL | {"AN"}}


@dataclass(frozen=True)
class Style:
    size: float  # points
    bold: bool = False
    colour: tuple[int, int, int] = (34, 34, 34)
    leading: float = 1.32  # line height, in font sizes

    @property
    def line_height(self) -> float:
        return self.size * self.leading


@dataclass(frozen=True)
class Para:
    """A paragraph: text in one style, indented from the left edge of its box."""

    text: str
    style: Style
    indent: float = 0.0
    space_before: float = 0.0


@dataclass
class Laid:
    """A paragraph broken into lines for a given width."""

    para: Para
    lines: list[str]
    simple: bool
    rtl: bool
    width: float

    @property
    def height(self) -> float:
        return self.para.space_before + len(self.lines) * self.para.style.line_height


@dataclass
class Column:
    width: float
    numeric: bool = False  # right-aligned


@dataclass
class Row:
    cells: list[list[Para]]
    laid: list[list[Laid]] = field(default_factory=list)
    height: float = 0.0


@dataclass(frozen=True)
class _Run:
    """Text in one font, shaped: glyphs as ``TTFFont.shape_text`` gives them."""

    font: TTFFont
    glyphs: Sequence[dict[str, Any]]
    scale: float  # font units to page units
    width: float  # as fpdf2 measures it, in page units


def _stream_code(font: TTFFont | CoreFont, character: str) -> str:
    """A character as ``TTFFont.encode_text`` writes it: its code in the subset, escaped."""
    if not isinstance(font, TTFFont):
        raise TypeError("the fast path writes embedded TrueType fonts only")
    code = font.subset.pick(ord(character))
    if code is None:  # no glyph: fpdf2 leaves the character out
        return ""
    return escape_parens(chr(code).encode("utf-16-be").decode("latin-1"))


def _simple_character(character: str) -> bool:
    return unicodedata.bidirectional(character) not in _COMPLEX_BIDI and not unicodedata.combining(
        character
    )


def _starts_right_to_left(text: str) -> bool:
    for character in text:
        direction = unicodedata.bidirectional(character)
        if direction == "L":
            return False
        if direction in _RTL:
            return True
    return False


class Typesetter:
    """Lays paragraphs and tables down the pages of an ``FPDF`` in points, top to bottom."""

    CELL_PADDING = 3.0

    def __init__(self, pdf: FPDF, fonts: FontFiles) -> None:
        self.pdf = pdf
        pdf.add_font(FAMILY, "", str(fonts.regular))
        pdf.add_font(FAMILY, "B", str(fonts.bold))
        for family, path in fonts.fallbacks:
            pdf.add_font(family, "", str(path))
        if fonts.fallbacks:
            # Bold text in another script falls back to that script's regular weight. The
            # main family is a fallback too, for lines set in another script's font (below).
            pdf.set_fallback_fonts(
                [family for family, _ in fonts.fallbacks] + [FAMILY], exact_match=False
            )
        # A line in Arabic or Ethiopic script is set in that script's font, with the main
        # font only for what it lacks: with Noto Sans first, fpdf2 cut such a line at every
        # space and punctuation mark and shaped each piece apart (ten pieces a line).
        self._script_fonts = [
            (family, frozenset(advance_widths(path))) for family, path in fonts.fallbacks
        ]
        pdf.set_text_shaping(True)
        pdf.c_margin = 0  # text starts exactly at x on both paths
        # Breaks are decided here, line by line (the bottom margin still marks the limit).
        pdf.set_auto_page_break(False, margin=pdf.b_margin)
        self._widths = {False: advance_widths(fonts.regular), True: advance_widths(fonts.bold)}
        # What each font has, by fpdf2's font key, in fpdf2's fallback order for what a line's
        # own font lacks: the script fonts, then Noto Sans (regular: the line was set in a
        # script's regular weight).
        self._covers = {family.lower(): cover for family, cover in self._script_fonts}
        self._covers[FAMILY.lower()] = frozenset(self._widths[False])
        self._simple = frozenset(
            c
            for c in self._widths[False].keys() & self._widths[True].keys()
            if _simple_character(c)
        )
        self._word_widths: dict[bool, dict[str, float]] = {False: {}, True: {}}
        # Each character as FPDF.text writes it in a content stream, by font number: worked
        # out once per character, then applied to a whole line by str.translate.
        self._stream_codes: dict[int, dict[int, str]] = {}
        self._encodable: dict[int, set[str]] = {}  # the characters of each table
        self._shaped_widths: dict[bool, dict[str, float]] = {False: {}, True: {}}
        self._shaped_runs: dict[tuple[str, float, bool, str], _Run] = {}
        self._style: Style | None = None
        # Per style, the font and colour objects fpdf2 made for it the first time.
        self._selections: dict[Style, tuple[TTFFont | CoreFont | None, DeviceColour | None]] = {}
        self._colour_operators: dict[DeviceColour, str] = {}
        self.on_new_page: Callable[[], None] | None = None
        self.left = pdf.l_margin
        self.width = pdf.w - pdf.l_margin - pdf.r_margin
        self.top = pdf.t_margin
        self.bottom = pdf.h - pdf.b_margin
        self.y = self.top

    # -- pages -------------------------------------------------------------------------------

    def new_page(self) -> None:
        self.pdf.add_page()
        self._style = None  # a new page needs its font set again
        self.y = self.top
        if self.on_new_page is not None:
            self.on_new_page()

    def room(self) -> float:
        return self.bottom - self.y

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` fits on this one (or could fit on no page)."""
        if height > self.room() and self.y > self.top:
            self.new_page()

    def skip(self, height: float) -> None:
        self.y += height

    # -- measuring and breaking --------------------------------------------------------------

    def use(self, style: Style) -> None:
        if style is self._style or style == self._style:
            return
        pdf = self.pdf
        selection = self._selections.get(style)
        if selection is None:
            pdf.set_font(FAMILY, "B" if style.bold else "", style.size)
            pdf.set_text_color(*style.colour)
            selection = self._selections[style] = (pdf.current_font, pdf.text_color)
        else:
            # What set_font and set_text_color do for a font and colour they have set
            # before, without their checks: entries switch styles every line or two,
            # and the two calls were a tenth of a year's PDF.
            font, colour = selection
            if pdf.current_font is not font or pdf.font_size_pt != style.size:
                pdf.font_family = FAMILY.lower()
                pdf.font_style = "B" if style.bold else ""
                pdf.font_size_pt = style.size
                pdf.current_font = font
                pdf.current_font_is_set_on_page = False
            pdf.text_color = colour
        self._style = style

    def _simple_text(self, x: float, y: float, line: str) -> None:
        """``FPDF.text(x, y, line)`` for a line of the fast path, in the current font.

        The same bytes (``test_fast_text_writes_what_fpdf_writes``); FPDF.text encoding
        each character of each line was a quarter of a year's PDF.
        """
        pdf = self.pdf
        font = pdf.current_font
        assert font is not None  # noqa: S101 - use() set it
        codes = self._stream_codes.setdefault(font.i, {})
        encodable = self._encodable.setdefault(font.i, set())
        if not encodable.issuperset(line):
            for character in line:  # in order: the subset numbers glyphs as they come
                if character not in encodable:
                    codes[ord(character)] = _stream_code(font, character)
                    encodable.add(character)
        encoded = line.translate(codes)
        operation = f"BT {x * pdf.k:.2f} {(pdf.h - y) * pdf.k:.2f} Td ({encoded}) Tj ET"
        if pdf.fill_color != pdf.text_color:
            operation = f"q {self._text_colour()} {operation} Q"
        if not pdf.current_font_is_set_on_page:
            # The font's operator on the line before, in the same _out (which ends each with one).
            operation = f"{pdf._set_font_for_page(font, pdf.font_size_pt)}\n{operation}"
        pdf._out(operation)

    def _text_colour(self) -> str:
        """The operator that sets the current text colour (the fill colour, in PDF)."""
        colour = self.pdf.text_color
        assert colour is not None  # noqa: S101 - use() set it
        operator = self._colour_operators.get(colour)
        if operator is None:
            operator = self._colour_operators[colour] = colour.serialize().lower()
        return operator

    def is_simple(self, text: str) -> bool:
        return self._simple.issuperset(text)

    def _word_width(self, word: str, bold: bool) -> float:
        cache = self._word_widths[bold]
        width = cache.get(word)
        if width is None:
            table = self._widths[bold]
            width = cache[word] = sum(table[c] for c in word)
        return width

    def measure(self, text: str, style: Style) -> float:
        if self.is_simple(text):
            space = self._widths[style.bold][" "]
            words = sum(self._word_width(w, style.bold) for w in text.split(" "))
            return (words + text.count(" ") * space) * style.size / 1000
        self.use(style)
        return float(self.pdf.get_string_width(text))

    def _script_family(self, line: str) -> str | None:
        """The other script's font that has every letter of ``line`` the main font lacks."""
        letters = {c for c in line if c not in self._simple and unicodedata.category(c)[0] in "LM"}
        if not letters:
            return None
        for family, covered in self._script_fonts:
            if covered.issuperset(letters):
                return family
        return None

    def _font_runs(self, line: str, family: str, rtl: bool) -> list[tuple[str, str]] | None:
        """A line in one script and one direction as runs of one font each (its script's
        font, and for what it lacks the first fallback that has it, as fpdf2 chooses), in
        logical order; None for any other line, which fpdf2 lays out whole."""
        other_direction, script_key = _OTHER_DIRECTION[rtl], family.lower()
        covered = self._covers[script_key]
        runs: list[tuple[str, str]] = []
        key, start = "", 0
        for index, character in enumerate(line):
            if unicodedata.bidirectional(character) in other_direction:
                return None
            if character in covered:
                font = script_key
            else:
                font = next((k for k, cover in self._covers.items() if character in cover), "")
                if not font:
                    return None
            if font != key:
                if key:
                    runs.append((key, line[start:index]))
                key, start = font, index
        if key:
            runs.append((key, line[start:]))
        return runs

    def _shaped_text(
        self, laid: Laid, line: str, x: float, baseline: float, family: str | None
    ) -> bool:
        """Write a line of Arabic or Ethiopic script shaped by HarfBuzz, where fpdf2's
        ``cell()`` puts it (right-to-left lines against the right edge); False, writing
        nothing, for a line that needs fpdf2's bidi algorithm (digits or Latin words in
        Arabic text). The glyphs and their placing are ``render_with_text_shaping``'s
        (``test_a_shaped_line_is_drawn_where_and_as_fpdf2_draws_it``); what is skipped is
        the splitting and measuring that cell() does again for every line."""
        texts = None if family is None else self._font_runs(line, family, laid.rtl)
        if not texts:
            return False
        pdf, style = self.pdf, laid.para.style
        runs = [self._shape(key, text, style.size, laid.rtl) for key, text in texts]
        width = sum(run.width for run in runs)
        if laid.rtl:
            runs.reverse()  # runs right to left; HarfBuzz gives each run's glyphs in order
        start = x + laid.width - width if laid.rtl else x
        # q ... Q: the fonts chosen here must not stay selected for the next plain line.
        parts = [
            f"q {self._text_colour()} BT {start * pdf.k:.2f} {(pdf.h - baseline) * pdf.k:.2f} Td"
        ]
        for run in runs:
            parts.append(f"/F{run.font.i} {style.size:.2f} Tf")
            pdf._resource_catalog.add(PDFResourceType.FONT, run.font.i, pdf.page)
            self._glyph_operators(run, start, baseline, parts)
            start += run.width  # the next run goes on from here, as in fpdf2's line
        parts.append("ET Q")
        pdf._out(" ".join(parts))
        return True

    def _shape(self, key: str, text: str, size: float, rtl: bool) -> _Run:
        """A run shaped once per document: quotation marks, names and repeated sentences
        come back on many lines, and shaping is most of a shaped line's time."""
        found = self._shaped_runs.get((key, size, rtl, text))
        if found is not None:
            return found
        font = self.pdf.fonts[key]
        if not isinstance(font, TTFFont):
            raise TypeError("shaped lines are set in embedded TrueType fonts only")
        direction = TextDirection.RTL if rtl else TextDirection.LTR
        shaping = {**(self.pdf.text_shaping or {}), "fragment_direction": direction}
        glyphs = font.shape_text(text, size, shaping)
        # fpdf2 measures each glyph rounded to a thousandth of an em, and places by that.
        units = sum(round(font.scale * glyph["x_advance"] + 0.001) for glyph in glyphs)
        run = _Run(font, glyphs, font.scale * size / 1000 / self.pdf.k, units * size / 1000)
        self._shaped_runs[(key, size, rtl, text)] = run
        return run

    def _glyph_operators(self, run: _Run, x: float, y: float, parts: list[str]) -> None:
        """A run's glyphs from (x, y), as fpdf2's ``render_with_text_shaping`` writes them:
        in one string while each advance is the glyph's own width, placed (Tm) otherwise."""
        height, k, scale = self.pdf.h, self.pdf.k, run.scale
        text = ""
        for glyph in run.glyphs:
            if glyph["mapped_char"] is None:  # no glyph: fpdf2 leaves it out
                continue
            if glyph["x_offset"] or glyph["y_offset"]:
                if text:
                    parts.append(f"({text}) Tj")
                    text = ""
                at_x = (x + glyph["x_offset"] * scale) * k
                at_y = (height - y + glyph["y_offset"] * scale) * k
                parts.append(f"1 0 0 1 {at_x:.2f} {at_y:.2f} Tm")
            text += run.font.escape_text(chr(glyph["mapped_char"]))
            x += glyph["x_advance"] * scale
            y += glyph["y_advance"] * scale
            if glyph["force_positioning"]:
                if text:
                    parts.append(f"({text}) Tj")
                    text = ""
                parts.append(f"1 0 0 1 {x * k:.2f} {(height - y) * k:.2f} Tm")
        if text:
            parts.append(f"({text}) Tj")

    def _shaped_width(self, word: str, bold: bool) -> float:
        """A word's width as shaped (joined Arabic letters are not the sum of the letters)."""
        cache = self._shaped_widths[bold]
        width = cache.get(word)
        if width is None:
            self.use(Style(10.0, bold=bold))
            width = cache[word] = float(self.pdf.get_string_width(word)) * 100
        return width

    def _wrap_simple(self, text: str, bold: bool, limit: float) -> list[str]:
        """Break a line of the fast path (single spaces) at spaces, in thousandths of an em.

        Greedy, as ``_wrap``: each line takes every word that fits, and a word longer than
        a line is cut where the line is full. The widths of the whole text are summed once
        (``accumulate``) and each break is found by bisection, not word by word: a year's
        PDF breaks a quarter of a million paragraphs.
        """
        widths = self._widths[bold]
        if sum(map(widths.__getitem__, text)) <= limit:  # most paragraphs are one line
            return [text]
        ends = list(accumulate(map(widths.__getitem__, text)))
        lines: list[str] = []
        start, length = 0, len(text)
        while start < length:
            before = ends[start - 1] if start else 0.0
            fits = bisect_right(ends, before + limit, start)  # text[start:fits] fits
            if fits >= length:
                lines.append(text[start:])
                break
            space = text.rfind(" ", start, fits + 1)
            if space > start:
                lines.append(text[start:space])
                start = space + 1
            else:  # a word longer than the line (an address): cut it where the line is full
                fits = max(fits, start + 1)
                lines.append(text[start:fits])
                start = fits
        return lines

    def _wrap(self, text: str, style: Style, width: float, simple: bool) -> list[str]:
        """Break at spaces, in logical order; words are measured once, in thousandths of an em."""
        limit = width * 1000 / style.size
        if simple:
            return self._wrap_simple(text, style.bold, limit)
        space = self._widths[style.bold][" "]
        lines: list[str] = []
        words: list[str] = []
        used = 0.0
        for word in text.split(" "):
            if not word:
                continue
            word_width = self._shaped_width(word, style.bold)
            if words and used + space + word_width > limit:
                lines.append(" ".join(words))
                words, used = [], 0.0
            used = used + space + word_width if words else word_width
            words.append(word)
        if words:
            lines.append(" ".join(words))
        return lines or [""]

    def lay(self, para: Para, width: float) -> Laid:
        text = " ".join(para.text.split())
        inner = max(10.0, width - para.indent)
        simple = self.is_simple(text)
        rtl = not simple and _starts_right_to_left(text)
        return Laid(para, self._wrap(text, para.style, inner, simple), simple, rtl, inner)

    # -- drawing -----------------------------------------------------------------------------

    def _line(self, laid: Laid, line: str, x: float, y: float) -> None:
        style = laid.para.style
        self.use(style)
        # The baseline where fpdf2's cell() puts it, so every path lines up.
        baseline = y + style.line_height / 2 + 0.3 * style.size
        if laid.simple:
            self._simple_text(x, baseline, line)
            return
        family = self._script_family(line)
        if not self._shaped_text(laid, line, x, baseline, family):
            if family is not None:
                self.pdf.set_font(family, "", style.size)
            self.pdf.set_xy(x, y)
            self.pdf.cell(
                laid.width,
                style.line_height,
                line,
                align=Align.R if laid.rtl else Align.L,
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
            # use() must select the main font again: the line's own font is still set,
            # and a line in two scripts can leave fpdf2's fallback font current (at the
            # top of a page); the next plain line would be written in it, without its
            # Latin letters.
            self._style = None

    def draw(self, laid: Laid, x: float, y: float) -> float:
        """Draw at a fixed place (a table cell); return the height used."""
        y += laid.para.space_before
        for line in laid.lines:
            self._line(laid, line, x + laid.para.indent, y)
            y += laid.para.style.line_height
        return laid.height

    def flow(self, laid: Laid, x: float | None = None) -> None:
        """Draw down the page, breaking to a new page between lines where needed."""
        left = self.left if x is None else x
        self.y += laid.para.space_before
        height = laid.para.style.line_height
        for line in laid.lines:
            if self.y + height > self.bottom:
                self.new_page()
            self._line(laid, line, left + laid.para.indent, self.y)
            self.y += height

    def paragraph(self, para: Para, width: float | None = None) -> None:
        self.flow(self.lay(para, self.width if width is None else width))

    def block(self, paras: Sequence[Para], *, keep: float | None = None) -> None:
        """Paragraphs kept on one page when they fit on one (an entry of the timeline)."""
        laid = [self.lay(p, self.width) for p in paras]
        total = sum(item.height for item in laid)
        self.ensure(total if keep is None else min(total, keep))
        for item in laid:
            self.flow(item)

    # -- tables ------------------------------------------------------------------------------

    def _lay_row(self, row: Row, columns: Sequence[Column]) -> None:
        padding = self.CELL_PADDING
        row.laid = [
            [self.lay(p, column.width - 2 * padding) for p in cell]
            for cell, column in zip(row.cells, columns, strict=True)
        ]
        row.height = 2 * padding + max(
            (sum(item.height for item in cell) for cell in row.laid), default=0.0
        )

    def _draw_row(self, row: Row, columns: Sequence[Column], *, header: bool = False) -> None:
        padding = self.CELL_PADDING
        pdf = self.pdf
        if header:
            pdf.set_fill_color(236, 236, 236)
            pdf.rect(self.left, self.y, sum(c.width for c in columns), row.height, style="F")
        x = self.left
        for cell, column in zip(row.laid, columns, strict=True):
            y = self.y + padding
            for item in cell:
                shift = 0.0
                if column.numeric and item.simple and len(item.lines) == 1:
                    shift = item.width - self.measure(item.lines[0], item.para.style)
                y += self.draw(item, x + padding + shift, y)
            x += column.width
        self.y += row.height
        pdf.set_draw_color(210, 210, 210)
        pdf.set_line_width(0.5)
        pdf.line(self.left, self.y, self.left + sum(c.width for c in columns), self.y)

    def table(self, columns: Sequence[Column], header: Row, rows: Sequence[Row]) -> None:
        """A table whose header row is repeated at the top of each page it runs onto."""
        self._lay_row(header, columns)
        for row in rows:
            self._lay_row(row, columns)
        first = rows[0].height if rows else 0.0
        self.ensure(header.height + first)
        self._draw_row(header, columns, header=True)
        for row in rows:
            if self.y + row.height > self.bottom and self.y > self.top:
                self.new_page()
                self._draw_row(header, columns, header=True)
            self._draw_row(row, columns)
