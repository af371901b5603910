"""Dated summaries and timelines of the incidents in a vault, in English or French.

``build_summary(vault, SummaryOptions(...))`` gathers what a summary shows (a ``Summary``);
``render(summary, format, lang)`` puts it into PDF, HTML, Markdown or CSV bytes. The command
line (``fieldlog summary``) and the desktop app both call these two. Qt-free.
"""

from fieldlog.reports.data import build_summary
from fieldlog.reports.i18n import LANGUAGES
from fieldlog.reports.model import Summary, SummaryOptions
from fieldlog.reports.render import FORMATS, format_for_path, render

__all__ = [
    "FORMATS",
    "LANGUAGES",
    "Summary",
    "SummaryOptions",
    "build_summary",
    "format_for_path",
    "render",
]
