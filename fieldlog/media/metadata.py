"""Capture time, position, device and orientation, read with exifread.

exifread is not robust against damaged files: it is given a bounded prefix of
the file, a bounded time, and any failure becomes a note. A file whose
metadata cannot be read is still evidence and is kept.
"""

import io
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction
from typing import Any

import exifread

from fieldlog.errors import Message
from fieldlog.media.deadline import DeadlineExceeded, call_with_deadline

# exifread reports problems of the files it reads through logging; keep them out of any log.
logging.getLogger("exifread").disabled = True

METADATA_SECONDS = 1.0
_OFFSET = re.compile(r"^[+-]\d{2}:\d{2}$")
# Notes kept with a file, in English; the app shows them in its own language.
_TOO_SLOW = Message("metadata could not be read: the file took too long to parse")
_DAMAGED = Message("metadata could not be read: the file is damaged")


@dataclass(frozen=True)
class MediaMetadata:
    captured_at: str | None = None  # ISO 8601; with an offset only when the camera recorded one
    latitude: float | None = None
    longitude: float | None = None
    device: str | None = None
    orientation: int | None = None
    note: str | None = None  # why something could not be read


def _text(tags: dict[str, Any], key: str) -> str | None:
    value = tags.get(key)
    if value is None:
        return None
    text = str(value.printable if hasattr(value, "printable") else value).strip().strip("\x00")
    return text or None


def _capture_time(tags: dict[str, Any]) -> str | None:
    raw = _text(tags, "EXIF DateTimeOriginal") or _text(tags, "Image DateTime")
    if raw is None:
        return None
    try:
        moment = datetime.strptime(raw[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    iso = moment.isoformat()
    offset = _text(tags, "EXIF OffsetTimeOriginal") or _text(tags, "EXIF OffsetTime")
    if offset and _OFFSET.match(offset):
        iso += offset
    return iso


def _degrees(tags: dict[str, Any], key: str, negative_ref: str) -> float | None:
    value = tags.get(f"GPS {key}")
    ref = _text(tags, f"GPS {key}Ref")
    if value is None or not hasattr(value, "values") or len(value.values) != 3:
        return None
    try:
        parts = [Fraction(v.num, v.den) if hasattr(v, "num") else Fraction(v) for v in value.values]
    except (ZeroDivisionError, TypeError, ValueError):
        return None
    degrees = float(parts[0] + parts[1] / 60 + parts[2] / 3600)
    if ref and ref.upper().startswith(negative_ref):
        degrees = -degrees
    return degrees


def _device(tags: dict[str, Any]) -> str | None:
    make = _text(tags, "Image Make") or ""
    model = _text(tags, "Image Model") or ""
    if model.lower().startswith(make.lower()):
        make = ""
    device = " ".join(part for part in (make, model) if part)
    return device or None


def _orientation(tags: dict[str, Any]) -> int | None:
    value = tags.get("Image Orientation")
    try:
        orientation = int(value.values[0]) if value is not None else None
    except (AttributeError, IndexError, TypeError, ValueError):
        return None
    return orientation if orientation in range(1, 9) else None


def read_metadata(head: bytes, seconds: float = METADATA_SECONDS) -> MediaMetadata:
    """Metadata from the first bytes of a file (where EXIF lives in JPEG and HEIC)."""

    def parse() -> dict[str, Any]:
        tags: dict[str, Any] = exifread.process_file(io.BytesIO(head), details=False)
        return tags

    try:
        tags = call_with_deadline(parse, seconds)
    except DeadlineExceeded:
        return MediaMetadata(note=str(_TOO_SLOW))
    except Exception:  # noqa: BLE001 - any failure of the parser on a damaged file
        return MediaMetadata(note=str(_DAMAGED))
    if not tags:
        return MediaMetadata()
    latitude = _degrees(tags, "GPSLatitude", "S")
    longitude = _degrees(tags, "GPSLongitude", "W")
    if (
        latitude is None
        or longitude is None
        or not (-90 <= latitude <= 90 and -180 <= longitude <= 180)
    ):
        latitude = longitude = None
    return MediaMetadata(
        captured_at=_capture_time(tags),
        latitude=latitude,
        longitude=longitude,
        device=_device(tags),
        orientation=_orientation(tags),
    )
