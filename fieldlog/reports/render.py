"""One entry point for every format: ``render(summary, format, lang) -> bytes``."""

from collections.abc import Callable
from pathlib import Path

from fieldlog.errors import InvalidInputError
from fieldlog.gcpause import collector_paused
from fieldlog.reports.csv import render_csv
from fieldlog.reports.html import render_html
from fieldlog.reports.i18n import LANGUAGES
from fieldlog.reports.markdown import render_markdown
from fieldlog.reports.model import Summary
from fieldlog.reports.pdf import render_pdf

Renderer = Callable[[Summary, str], bytes]

RENDERERS: dict[str, Renderer] = {
    "pdf": render_pdf,
    "html": render_html,
    "md": render_markdown,
    "csv": render_csv,
}
FORMATS = tuple(RENDERERS)
_SUFFIXES = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
    ".csv": "csv",
}


def format_for_path(path: Path, default: str = "md") -> str:
    """The format a file name asks for (``summary.pdf`` -> ``pdf``), else ``default``."""
    return _SUFFIXES.get(path.suffix.lower(), default)


def render(summary: Summary, fmt: str, lang: str) -> bytes:
    """The summary as a file's bytes in ``fmt`` (pdf, html, md, csv) and ``lang`` (en, fr)."""
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise InvalidInputError("the format must be one of {formats}", formats=", ".join(FORMATS))
    if lang not in LANGUAGES:
        raise InvalidInputError(
            "the language must be one of {languages}", languages=", ".join(LANGUAGES)
        )
    with collector_paused():
        return renderer(summary, lang)
