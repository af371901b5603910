"""Dated summaries: every format in both languages, on a real encrypted vault of the sample.

The PDF is read back with pypdf, so what is checked is the text a reader of the file gets.
"""

import ast
import csv
import io
import re
import subprocess
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from fpdf import FPDF
from PIL import Image, ImageChops
from pypdf import PdfReader

from fieldlog.cli import main
from fieldlog.errors import InvalidInputError
from fieldlog.reports import SummaryOptions, build_summary, format_for_path, i18n, render
from fieldlog.reports import data as report_data
from fieldlog.reports.chart import chart_data
from fieldlog.reports.deaths import person_details
from fieldlog.reports.fonts import font_files
from fieldlog.reports.model import Summary
from fieldlog.reports.typeset import Para, Style, Typesetter
from fieldlog.services.incidents import add_incidents, update_incident
from fieldlog.services.media import attach_file
from fieldlog.vault import Vault
from tests.conftest import PASSPHRASE, REPO

YEAR = SummaryOptions(since=date(2017, 1, 1), until=date(2017, 12, 31))
NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
LATER = datetime(2025, 11, 30, 23, 59, tzinfo=UTC)
FORMATS = ("pdf", "html", "md", "csv")
LANGS = ("en", "fr")

FIFTEENTH = {"en": "Saturday 15 July 2017", "fr": "samedi 15 juillet 2017"}
DEATHS = {"en": "Deaths at the border", "fr": "Décès à la frontière"}
INTERNAL = ("Témoignage interne", "Internal testimony", "ne pas partager en dehors")
ANONYMISED_TEXT = "رشوا الغاز علينا وعلى الطعام ونحن نأكل."
# The line that may differ between two renderings of the same data and options.
GENERATED = re.compile(r"^.*(Generated on|Généré le) .*$\n", re.MULTILINE)


@pytest.fixture
def sample_vault(vault: Vault, sample_incidents: list[dict[str, Any]]) -> Vault:
    add_incidents(vault, sample_incidents)
    return vault


@pytest.fixture
def summary(sample_vault: Vault) -> Summary:
    return build_summary(sample_vault, YEAR, now=NOW)


def text_of(data: bytes, fmt: str) -> str:
    """What a person reading the file sees (for the PDF, the text pypdf extracts)."""
    if fmt == "pdf":
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return data.decode("utf-8-sig")


def csv_rows(data: bytes, lang: str) -> list[dict[str, str]]:
    delimiter = ";" if lang == "fr" else ","
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))


# -- every format, both languages ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_in_both_languages(summary: Summary, fmt: str, lang: str) -> None:
    data = render(summary, fmt, lang)
    text = text_of(data, fmt)
    other = "fr" if lang == "en" else "en"
    for hidden in INTERNAL:
        assert hidden not in text
    assert "Volunteer B." in text  # a testimony with legal consent keeps its pseudonym
    if fmt == "csv":
        rows = csv_rows(data, lang)
        assert len(rows) == 16
        assert sum(row[i18n.tr("date", lang)] == "2017-07-15" for row in rows) == 3
        assert any(ANONYMISED_TEXT in row[i18n.tr("testimony text", lang)] for row in rows)
        return
    assert FIFTEENTH[lang] in text
    assert FIFTEENTH[other] not in text
    assert DEATHS[lang] in text
    for name in ("Johnsina", "Omar", "Fisha", "Kim Le"):
        assert name in text
    if fmt != "pdf":  # extracted Arabic comes back in presentation forms; checked below
        assert ANONYMISED_TEXT in text


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_is_a_pdf_with_the_sections_in_order(summary: Summary, lang: str) -> None:
    data = render(summary, "pdf", lang)
    assert data.startswith(b"%PDF-")
    text = text_of(data, "pdf")
    headings = [
        i18n.tr(h, lang)
        for h in ("Summary of incidents", "Totals", "Deaths at the border", "Timeline")
    ]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    assert i18n.tr("Identifiers", lang) in text[positions[-1] :]


def test_text_in_other_scripts_uses_their_fonts(vault: Vault) -> None:
    add_incidents(
        vault,
        [
            {
                "occurred_at": "2017-07-15T10:00:00+02:00",
                "location": {"name": "Calais"},
                "categories": ["police_violence"],
                "title": "ፖሊስ ድንኳናትና ኣፍሪሱ",  # Tigrinya
                "description": "پولیسو زموږ خیمې ړنګې کړې.",  # Pashto
                "language": "ps",
                "testimonies": [
                    {"text": "رشوا الغاز علينا.", "consent": "legal", "language": "ar"}
                ],
            }
        ],
    )
    data = render(build_summary(vault, YEAR), "pdf", "en")
    fonts = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        resources: Any = page["/Resources"].get_object()["/Font"]  # type: ignore[index]
        fonts |= {str(resources[key].get_object()["/BaseFont"]) for key in resources}
    assert any("NotoSansEthiopic" in f for f in fonts), fonts
    assert any("NotoSansArabic" in f for f in fonts), fonts
    assert any("NotoSans-Bold" in f or "NotoSansBold" in f for f in fonts), fonts


def test_fast_text_writes_what_fpdf_writes() -> None:
    """The typesetter's own line writer gives the page the bytes of ``FPDF.text``."""
    lines = [
        (Style(9), "Rue des Verrotières (Calais) \\ 50 % — “CRS 8”"),
        (Style(8, bold=True, colour=(95, 95, 95)), "Témoignage: ( ) \r and ½"),
    ]
    documents = []
    with font_files() as fonts:
        for fast in (False, True):
            pdf = FPDF(unit="pt", format="A4")
            pdf.set_creation_date(NOW)
            typesetter = Typesetter(pdf, fonts)
            typesetter.new_page()
            for style, line in lines:
                typesetter.use(style)
                pdf.set_fill_color(238, 238, 238)  # text colour differs: q ... Q
                if fast:
                    typesetter._simple_text(42, 100, line)
                else:
                    pdf.text(42, 100, line)
            documents.append(bytes(pdf.output()))
    assert documents[0] == documents[1]
    assert b"%PDF-" in documents[1]


def _greedy_lines(text: str, width_of: Any, limit: float) -> list[str]:
    """Line breaking the obvious way, word by word: the reference for the typesetter's."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if width_of(candidate) <= limit:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for character in word:  # a word longer than a line is cut where the line is full
            if line and width_of(line + character) > limit:
                lines.append(line)
                line = ""
            line += character
    return [*lines, line]


@pytest.mark.parametrize("width", [40.0, 97.5, 180.0, 480.0])
def test_paragraphs_break_where_words_stop_fitting(width: float) -> None:
    texts = [
        "",
        "CRS 8",
        "Tear gas was fired at the food distribution on Rue des Verrotières; "
        "volunteers counted eleven vans and officers of the CRS 8 and the BAC.",
        "Source: https://example.org/very/long/address/without/any/space/in/it/at/all/2017 end",
        "Témoignage « les policiers ont pris les sacs de couchage » — 12 h 30, ½ litre",
        "a " * 60,
    ]
    with font_files() as fonts:
        pdf = FPDF(unit="pt", format="A4")
        typesetter = Typesetter(pdf, fonts)
        for bold in (False, True):
            style = Style(9, bold=bold)
            for text in texts:
                laid = typesetter.lay(Para(text, style), width)
                assert laid.simple
                normal = " ".join(text.split())
                expected = _greedy_lines(normal, partial(typesetter.measure, style=style), width)
                assert laid.lines == expected
                assert " ".join(laid.lines).replace(" ", "") == normal.replace(" ", "")
        pdf.output()  # closes the font files


def test_a_line_in_one_script_is_set_in_its_font() -> None:
    with font_files() as fonts:
        pdf = FPDF(unit="pt", format="A4")
        typesetter = Typesetter(pdf, fonts)
        typesetter.new_page()
        assert typesetter._script_family("“رشوا الغاز علينا وعلى الطعام.” 12") == "NotoSansArabic"
        assert typesetter._script_family("پولیسو زموږ خیمې") == "NotoSansArabic"
        assert typesetter._script_family("ፖሊስ ኣብ ስድሰተ ሰዓት") == "NotoSansEthiopic"
        assert typesetter._script_family("رشوا ፖሊስ") is None  # two scripts: fpdf2 splits it
        assert typesetter._script_family("Calais, 15 July") is None
        pdf.output()  # closes the font files


SHAPED = [
    (
        Style(8.6, colour=(40, 40, 40)),
        "“أخذوا هاتفي ولم يعيدوه أبدا. رشوا الغاز علينا وعلى الطعام.”",
        12.0,
    ),
    (Style(9.4, bold=True), "رشوا الغاز علينا (وعلى الطعام)", 0.0),
    (Style(9), "“پولیسو زموږ خیمې ړنګې کړې، او ماشومان یې وډارول.”", 0.0),
    (Style(7.6, colour=(95, 95, 95)), "“ፖሊስ ኣብ ስድሰተ ሰዓት መጺኡ ድንኳናትና ኣፍሪሱ።”", 12.0),
    (Style(9, colour=(164, 0, 0)), "ፖሊስ, ኣብ ስድሰተ ሰዓት. (መጺኡ)", 0.0),  # Latin punctuation
    (Style(10, bold=True, colour=(27, 94, 32)), "“رشوا الغاز، علينا.”", 0.0),
    (Style(9), "“መግቢ ክንበልዕ ከለና ጋዝ ነፍሲ።” — “الشرطة”", 0.0),  # two scripts: fpdf2's path
    (Style(9), "الشرطة 2017", 0.0),  # digits in Arabic text: fpdf2's bidi
]


def _pages_pixels(data: bytes, tmp_path: Path, name: str) -> list[Image.Image]:
    (tmp_path / f"{name}.pdf").write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "150", "-png", f"{name}.pdf", name], cwd=tmp_path, check=True)
    return [Image.open(page) for page in sorted(tmp_path.glob(f"{name}-*.png"))]


def test_a_shaped_line_is_drawn_where_and_as_fpdf2_draws_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Arabic, Pashto and Tigrinya lines written from HarfBuzz's glyphs directly look exactly
    as when fpdf2 lays them out (its bidi, fallback fonts and cell()), pixel for pixel, in
    colour, and again on a second page (shaped runs are kept for the whole document)."""
    documents, direct = [], []
    with font_files() as fonts:
        for own_writer in (False, True):
            pdf = FPDF(unit="pt", format="A4")
            pdf.set_creation_date(NOW)
            typesetter = Typesetter(pdf, fonts)
            write = typesetter._shaped_text

            def shaped(*args: Any, own: bool = own_writer, write: Any = write) -> bool:
                done = own and write(*args)
                direct.append(done)
                return bool(done)

            monkeypatch.setattr(typesetter, "_shaped_text", shaped)
            for _ in range(2):
                typesetter.new_page()
                for style, text, indent in SHAPED:
                    typesetter.paragraph(Para(text, style, indent=indent), 300)
                    typesetter.paragraph(Para("Plain line after it, in Noto Sans", Style(9)))
            documents.append(_pages_pixels(bytes(pdf.output()), tmp_path, f"own-{own_writer}"))
    # The direct writer took the lines in one script and one direction, not the others.
    assert direct[2 * len(SHAPED) :] == 2 * [True, True, True, True, True, True, False, False]
    fpdf2_pages, own_pages = documents
    assert len(fpdf2_pages) == len(own_pages) == 2
    for fpdf2_page, own_page in zip(fpdf2_pages, own_pages, strict=True):
        assert ImageChops.difference(fpdf2_page, own_page).getbbox() is None


def test_a_line_after_a_two_script_line_keeps_its_font() -> None:
    """fpdf2 may leave its fallback font selected after shaping a line in two scripts.

    At the top of a page, a line whose first letters are Arabic and which also holds Latin
    made NotoSansArabic the current font; the next plain line, in the same style, was then
    written in it and lost every Latin letter.
    """
    body = Style(9.0)
    with font_files() as fonts:
        pdf = FPDF(unit="pt", format="A4")
        typesetter = Typesetter(pdf, fonts)
        for page in range(3):
            typesetter.new_page()
            typesetter.paragraph(Para(f"الشرطة ፖሊስ police {page}", body))
            typesetter.paragraph(Para(f"Témoignage recorded on page {page}", body))
        text = text_of(bytes(pdf.output()), "pdf")
    for page in range(3):
        assert f"Témoignage recorded on page {page}" in text


# -- consent ---------------------------------------------------------------------------------


def test_anonymised_testimony_never_carries_its_pseudonym(vault: Vault) -> None:
    add_incidents(
        vault,
        [
            {
                "occurred_at": "2017-07-15",
                "location": {"name": "Calais"},
                "categories": ["tear_gas"],
                "title": "Gas at the water point",
                "testimonies": [
                    {"witness": "Zéphyrin Q.", "text": "Shared text AAA.", "consent": "anonymised"},
                    {"witness": "Hidden Person", "text": "Secret text BBB.", "consent": "internal"},
                    {"witness": "Named Lawyer", "text": "Legal text CCC.", "consent": "legal"},
                ],
            }
        ],
    )
    summary = build_summary(vault, YEAR)
    assert summary.entries[0].testimonies == 2  # the internal one is not even counted
    for fmt in FORMATS:
        for lang in LANGS:
            text = text_of(render(summary, fmt, lang), fmt)
            assert "Shared text AAA." in text
            assert "Legal text CCC." in text
            assert "Named Lawyer" in text
            assert "Zéphyrin" not in text
            assert "Hidden Person" not in text
            assert "Secret text BBB." not in text


def test_no_testimony_text_leaves_all_of_it_out(sample_vault: Vault) -> None:
    options = SummaryOptions(YEAR.since, YEAR.until, testimony_text=False)
    summary = build_summary(sample_vault, options)
    assert all(not entry.quotes for entry in summary.entries)
    assert sum(entry.testimonies for entry in summary.entries) == 3  # counts remain
    for fmt in FORMATS:
        text = text_of(render(summary, fmt, "en"), fmt)
        for words in ("Une camionnette", "En quelques instants", "Volunteer B.", *INTERNAL):
            assert words not in text
        if fmt != "csv":
            assert "1 testimony" in text
    with_text = build_summary(sample_vault, YEAR)
    assert with_text.fingerprint != summary.fingerprint


# -- reproducibility and the fingerprint -----------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_same_records_and_options_give_the_same_bytes(sample_vault: Vault, lang: str) -> None:
    first = build_summary(sample_vault, YEAR, now=NOW)
    second = build_summary(sample_vault, YEAR, now=LATER)
    assert first.fingerprint == second.fingerprint
    for fmt in ("html", "md", "csv"):
        one, two = render(first, fmt, lang), render(second, fmt, lang)
        if fmt == "csv":
            assert one == two
            continue
        assert one != two  # the generation time is shown...
        stripped = [GENERATED.sub("", data.decode("utf-8"), count=1) for data in (one, two)]
        assert stripped[0] == stripped[1]  # ...and is the only difference
        assert len(GENERATED.findall(one.decode("utf-8"))) == 1


def test_changing_one_record_changes_the_fingerprint(
    sample_vault: Vault, sample_incidents: list[dict[str, Any]]
) -> None:
    before = build_summary(sample_vault, YEAR)
    assert before.fingerprint == build_summary(sample_vault, YEAR).fingerprint
    assert re.fullmatch(r"[0-9a-f]{64}", before.fingerprint)
    target = next(e for e in before.entries if e.title.startswith("Peace gathering"))
    changed = {**sample_incidents[8], "people_affected": 51}
    update_incident(sample_vault, target.incident_id, changed)
    after = build_summary(sample_vault, YEAR)
    assert after.fingerprint != before.fingerprint
    assert before.fingerprint in render(before, "md", "en").decode()
    assert after.fingerprint in render(after, "csv", "en").decode()
    # Options that change what is covered change it too; the language does not enter it.
    july = build_summary(sample_vault, SummaryOptions(date(2017, 7, 1), date(2017, 7, 31)))
    assert july.fingerprint != after.fingerprint


def test_attaching_media_is_counted_and_changes_the_fingerprint(
    sample_vault: Vault, tmp_path: Path
) -> None:
    before = build_summary(sample_vault, YEAR)
    entry = before.entries[0]
    photo = tmp_path / "photo.png"
    Image.new("RGB", (8, 8), (200, 30, 30)).save(photo)
    attach_file(sample_vault, entry.incident_id, photo)
    after = build_summary(sample_vault, YEAR)
    assert after.entries[0].media == 1
    assert after.fingerprint != before.fingerprint
    assert "1 media file" in render(after, "md", "en").decode()


# -- what goes into a summary ----------------------------------------------------------------


def test_totals_deaths_and_identifiers_of_the_sample(summary: Summary) -> None:
    assert len(summary.entries) == 16
    assert dict(summary.by_category)["death_at_border"] == 7
    assert dict(summary.by_perpetrator) == {"police": 9, "unknown": 7}
    assert summary.people_affected == 112
    assert [(d.name, d.age, d.origin) for d in summary.deaths] == [
        ("Johnsina", 20, "Ethiopia"),
        (None, None, None),
        (None, None, None),
        ("Kim Le", None, "Vietnam"),
        (None, None, None),
        ("Omar", 17, "Sudan"),
        ("Fisha", 22, "Eritrea"),
    ]
    assert [(o.label, o.days) for o in summary.officers] == [("12345", (date(2017, 7, 16),))]
    crs = next(u for u in summary.units if u.label == "CRS")
    assert (crs.incidents, crs.hidden, crs.absent) == (3, 2, 1)  # hidden, taped; not worn
    assert summary.visibility.officers == {"hidden": 1, "partial": 1, "absent": 2}
    days = [e.day for e in summary.entries]
    assert days == sorted(days)
    first_of_15 = next(e for e in summary.entries if e.day == date(2017, 7, 15))
    assert (first_of_15.time, first_of_15.precision) == ("09:00", "approximate")


def test_period_and_category_filters(sample_vault: Vault) -> None:
    deaths = build_summary(
        sample_vault, SummaryOptions(YEAR.since, YEAR.until, categories=("death_at_border",))
    )
    assert len(deaths.entries) == len(deaths.deaths) == 7
    day = build_summary(sample_vault, SummaryOptions(date(2017, 7, 15), date(2017, 7, 15)))
    assert [e.day for e in day.entries] == [date(2017, 7, 15)] * 3
    assert day.chart.unit == "day"
    empty = build_summary(sample_vault, SummaryOptions(date(2018, 1, 1), date(2018, 1, 31)))
    assert empty.entries == ()
    for fmt in FORMATS:
        assert render(empty, fmt, "fr")


def test_the_words_agree_with_their_counts_in_both_languages(sample_vault: Vault) -> None:
    """One incident with a number of people, and no plates or units: singular nouns, French
    agreement and French spacing, in every format."""
    day = build_summary(sample_vault, SummaryOptions(date(2017, 9, 23), date(2017, 9, 23)))
    assert day.incidents_with_people == 1
    english = render(day, "md", "en").decode()
    french = render(day, "md", "fr").decode()
    assert " in 1 incident where" in english
    assert " dans 1 incident où" in french
    assert "Rien n'a été enregistré." in french
    assert "Aucun enregistré" not in french
    empty = build_summary(sample_vault, SummaryOptions(date(2018, 1, 1), date(2018, 1, 31)))
    assert "0 dans 0 incident où" in render(empty, "md", "fr").decode()
    assert "0 in 0 incidents where" in render(empty, "md", "en").decode()
    chart = render(build_summary(sample_vault, YEAR), "html", "fr").decode()
    assert re.search(r"Semaine du [^<]*\u00a0: \d+ incidents? ; ", chart)


def test_withdrawn_incidents_are_left_out(vault: Vault) -> None:
    base = {"location": {"name": "Calais"}, "categories": ["eviction"], "title": "Eviction"}
    add_incidents(
        vault,
        [
            {**base, "occurred_at": "2017-03-01"},
            {**base, "occurred_at": "2017-03-02", "status": "withdrawn"},
        ],
    )
    assert [e.day for e in build_summary(vault, YEAR).entries] == [date(2017, 3, 1)]


def test_the_timeline_runs_by_day_then_time_then_as_recorded(vault: Vault) -> None:
    base = {"location": {"name": "Calais"}, "categories": ["eviction"]}
    add_incidents(
        vault,
        [
            {**base, "occurred_at": "2017-03-02T06:00:00+01:00", "title": "next day"},
            {**base, "occurred_at": "2017-03-01T19:00:00+00:00", "title": "19:00 UTC, first"},
            {**base, "occurred_at": "2017-03-01T20:00:00+02:00", "title": "18:00 UTC"},
            {**base, "occurred_at": "2017-03-01T19:00:00+00:00", "title": "19:00 UTC, second"},
        ],
    )
    assert [e.title for e in build_summary(vault, YEAR).entries] == [
        "18:00 UTC",
        "19:00 UTC, first",
        "19:00 UTC, second",
        "next day",
    ]


def test_lookup_by_id_and_full_scan_give_the_same_summary(
    sample_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Small selections are fetched by id, large ones by reading the tables through."""
    monkeypatch.setattr(report_data._Children, "SCAN_FRACTION", 10**9)
    scanned = build_summary(sample_vault, YEAR, now=NOW)
    monkeypatch.setattr(report_data._Children, "SCAN_FRACTION", 0)
    looked_up = build_summary(sample_vault, YEAR, now=NOW)
    assert scanned == looked_up


def test_chart_heights_are_incidents(summary: Summary) -> None:
    chart = summary.chart
    assert chart.unit == "week"
    assert sum(b.incidents for b in chart.buckets) == 16
    for bucket in chart.buckets:
        assert sum(share for _, share in bucket.shares) == pytest.approx(bucket.incidents)
    assert chart_data([], date(2015, 1, 1), date(2017, 12, 31)).unit == "month"
    html = render(summary, "html", "en").decode()
    assert html.count("<svg") == 1
    assert "<img" not in html
    assert "<script" not in html


# -- safety of the outputs -------------------------------------------------------------------


def test_recorded_text_is_escaped_in_html_and_markdown(vault: Vault) -> None:
    add_incidents(
        vault,
        [
            {
                "occurred_at": "2017-07-15",
                "location": {"name": "Calais <b>bold</b>"},
                "categories": ["other"],
                "title": '<script>alert("x")</script> [link](http://evil.example)',
                "sources": [{"title": "Bad", "url": "javascript:alert(1)"}],
            }
        ],
    )
    summary = build_summary(vault, YEAR)
    html = render(summary, "html", "en").decode()
    assert "<script>" not in html
    assert "<b>bold" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert 'href="javascript' not in html
    assert "default-src 'none'" in html  # a second lock: no script would run anyway
    assert 'dir="auto"' in html
    assert '<html lang="en">' in html
    markdown = render(summary, "md", "en").decode()
    assert "<script>" not in markdown
    assert r"\<script\>" in markdown
    assert r"\[link\]" in markdown


def test_csv_has_a_bom_and_no_formulas(vault: Vault) -> None:
    add_incidents(
        vault,
        [
            {
                "occurred_at": "2017-07-15T19:30:00+02:00",
                "location": {"name": "+33 Calais", "lat": 50.9436, "lon": -1.878},
                "categories": ["other"],
                "title": '=HYPERLINK("http://evil.example","click")',
                "description": "@SUM(A1:A9)",
            }
        ],
    )
    summary = build_summary(vault, YEAR)
    for lang in LANGS:
        data = render(summary, "csv", lang)
        assert data.startswith(b"\xef\xbb\xbf")
        (row,) = csv_rows(data, lang)
        assert row[i18n.tr("title", lang)] == "'" + '=HYPERLINK("http://evil.example","click")'
        assert row[i18n.tr("description", lang)] == "'@SUM(A1:A9)"
        assert row[i18n.tr("place", lang)] == "'+33 Calais"
        assert row[i18n.tr("time", lang)] == "19:30"
    french = csv_rows(render(summary, "csv", "fr"), "fr")[0]
    assert french["longitude"] == "-1,878000"  # a number of ours: a decimal comma, no quote


# -- words, dates and numbers ----------------------------------------------------------------


def _literals(call: str) -> set[str]:
    found = set()
    for path in (REPO / "fieldlog" / "reports").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name == call:
                    count = 2 if call == "ntr" else 1
                    found |= {
                        arg.value
                        for arg in node.args[:count]
                        if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                    }
    return found


def test_every_string_has_a_french_translation() -> None:
    """Like lupdate: every literal given to tr(), ntr() or marked N_() is a source string."""
    sources = _literals("tr") | _literals("ntr") | _literals("N_")
    assert len(sources) > 100
    missing = sorted(s for s in sources if not i18n.FRENCH.get(s))
    assert missing == []
    unused = sorted(set(i18n.FRENCH) - sources)
    assert unused == []
    for source, french in i18n.FRENCH.items():  # the placeholders survive translation
        assert set(re.findall(r"{\w+}", source)) == set(re.findall(r"{\w+}", french)), source


def test_dates_and_numbers_follow_the_language() -> None:
    day = date(2017, 7, 15)
    assert i18n.long_date(day, "en") == "Saturday 15 July 2017"
    assert i18n.long_date(day, "fr") == "samedi 15 juillet 2017"
    assert i18n.long_date(date(2017, 8, 1), "fr") == "mardi 1er août 2017"
    assert i18n.number(33326, "en") == "33,326"
    assert i18n.number(33326, "fr") == "33\u202f326"
    assert i18n.time_of_day("09:05", "fr") == "9 h 05"
    assert i18n.ntr("{count} testimony", "{count} testimonies", 0, "en") == "0 testimonies"
    assert i18n.ntr("{count} testimony", "{count} testimonies", 0, "fr") == "0 témoignage"
    days = [date(2017, 7, d) for d in (13, 14, 15, 16, 19)] + [date(2017, 8, 3)]
    assert i18n.date_list(days, "en") == "13\u201316, 19 July 2017; 3 August 2017"
    assert i18n.date_list(days, "fr") == "13\u201316, 19 juillet 2017 ; 3 août 2017"


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("Johnsina, 20, from Ethiopia, hit by lorries.", ("Johnsina", 20, "Ethiopia")),
        ("Kim Le, from Vietnam, died in hospital.", ("Kim Le", None, "Vietnam")),
        ("Omar, 17 ans, originaire du Soudan, est mort.", ("Omar", 17, "Soudan")),
        ("An Afghan man died following an attempt to cross.", (None, None, None)),
        ("A man died, burned by the electric arc.", (None, None, None)),
        ("In Calais, 3 people died.", (None, None, None)),
    ],
)
def test_name_age_and_origin_of_a_death(
    description: str, expected: tuple[str | None, int | None, str | None]
) -> None:
    found = person_details(description)
    assert (found.name, found.age, found.origin) == expected


def test_options_and_formats_are_checked() -> None:
    with pytest.raises(InvalidInputError):
        SummaryOptions(date(2017, 2, 1), date(2017, 1, 1))
    with pytest.raises(InvalidInputError):
        SummaryOptions(date(2017, 1, 1), date(2017, 2, 1), categories=("nonsense",))
    options = SummaryOptions(date(2017, 1, 1), date(2017, 2, 1), categories=("eviction", "other"))
    assert options == SummaryOptions(
        date(2017, 1, 1), date(2017, 2, 1), categories=("other", "eviction", "other")
    )
    assert format_for_path(Path("July.PDF")) == "pdf"
    assert format_for_path(Path("notes.txt")) == "md"


# -- the command line ------------------------------------------------------------------------


@pytest.fixture
def cli_vault(created_vault: tuple[Path, str], sample_incidents: list[dict[str, Any]]) -> Path:
    with Vault.open(created_vault[0], PASSPHRASE) as opened:
        add_incidents(opened, sample_incidents)
    return created_vault[0]


def test_command_line_writes_each_format(
    cli_vault: Path,
    passphrase_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    base = ["--vault", str(cli_vault), "--passphrase-file", str(passphrase_file), "summary"]
    period = ["--since", "2017-07-01", "--until", "2017-07-31"]
    target = tmp_path / "juillet.html"
    assert main([*base, *period, "--lang", "fr", "-o", str(target)]) == 0
    assert "samedi 15 juillet 2017" in target.read_text("utf-8")
    assert "juillet.html (html): 9 incidents" in capsys.readouterr().out
    target.chmod(0o600)
    md = tmp_path / "deaths"
    args = [*base, *period, "--category", "death_at_border", "--no-testimony-text"]
    assert main([*args, "--format", "csv", "-o", str(md)]) == 0
    assert len(csv_rows(md.read_bytes(), "en")) == 1
    assert md.stat().st_mode & 0o077 == 0  # private, like every file FieldLog writes
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp left


def test_command_line_errors_are_one_line(
    cli_vault: Path,
    passphrase_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    base = ["--vault", str(cli_vault), "--passphrase-file", str(passphrase_file), "summary"]
    out = str(tmp_path / "x.md")
    assert main([*base, "--since", "2017-08-01", "--until", "2017-07-01", "-o", out]) == 1
    assert capsys.readouterr().err == "error: --since is after --until\n"
    assert main([*base, "--since", "2017-13-01", "--until", "2017-07-01", "-o", out]) == 1
    assert capsys.readouterr().err.startswith("error: --since takes a date")
    missing = str(tmp_path / "no" / "such" / "x.md")
    assert main([*base, "--since", "2017-07-01", "--until", "2017-07-02", "-o", missing]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert not (tmp_path / "x.md").exists()
