"""The fonts of the PDF: shipped with FieldLog, or found on the system.

FieldLog ships Noto Sans (regular, bold), Noto Sans Arabic (Arabic, Persian, Pashto, Urdu)
and Noto Sans Ethiopic (Tigrinya, Amharic) in ``fieldlog.resources/fonts`` under the SIL Open
Font License, so a summary renders the same on any machine. When those files are missing
(a trimmed build), the same families are looked for where Linux distributions install them
(Debian: ``fonts-noto-core``).
"""

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

from fieldlog.errors import FieldLogError

REGULAR = "NotoSans-Regular.ttf"
BOLD = "NotoSans-Bold.ttf"
# Other scripts: fpdf2 switches to these for characters the main font lacks.
FALLBACKS = (
    ("NotoSansArabic", "NotoSansArabic-Regular.ttf"),
    ("NotoSansEthiopic", "NotoSansEthiopic-Regular.ttf"),
)
SYSTEM_FOLDERS = (
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/noto"),
    Path("/usr/share/fonts/google-noto"),
    Path("/usr/share/fonts/google-noto-vf"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
    Path.home() / "Library" / "Fonts",
    Path.home() / ".local" / "share" / "fonts",
    Path("C:/Windows/Fonts"),
)


@dataclass(frozen=True)
class FontFiles:
    regular: Path
    bold: Path
    fallbacks: tuple[tuple[str, Path], ...]  # (family name, file), only those found


def _system_font(name: str) -> Path | None:
    for folder in SYSTEM_FOLDERS:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


@contextmanager
def font_files() -> Iterator[FontFiles]:
    """Paths to the font files for as long as the context lasts (they may be unpacked)."""
    shipped = files("fieldlog.resources").joinpath("fonts")
    with ExitStack() as stack:

        def find(name: str) -> Path | None:
            resource = shipped.joinpath(name)
            if resource.is_file():
                return stack.enter_context(as_file(resource))
            return _system_font(name)

        regular, bold = find(REGULAR), find(BOLD)
        if regular is None or bold is None:
            raise FieldLogError(
                "the fonts for PDF summaries are missing; reinstall FieldLog "
                "or install the Noto fonts (Debian: fonts-noto-core)"
            )
        fallbacks = tuple(
            (family, path) for family, name in FALLBACKS if (path := find(name)) is not None
        )
        yield FontFiles(regular, bold, fallbacks)


@cache
def advance_widths(path: Path) -> dict[str, float]:
    """Each character the font maps, with its advance width in thousandths of an em."""
    font = TTFont(path, lazy=True)
    try:
        scale = 1000 / font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        return {
            chr(code): metrics[glyph][0] * scale
            for code, glyph in font.getBestCmap().items()
            if glyph in metrics
        }
    finally:
        font.close()
