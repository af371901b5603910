"""Previews and shareable copies with Pillow, in memory only.

Decompression bombs are refused as images (Pillow's warning is an error
here); the file itself is still kept as evidence by the caller.
"""

import io
import warnings
from dataclasses import dataclass

import pillow_heif
from PIL import Image, ImageFilter, ImageOps

from fieldlog.errors import FieldLogError, InvalidInputError

pillow_heif.register_heif_opener()

THUMBNAIL_SIZE = 320
ORIENTATION_TAG = 0x0112
# Above this many bytes an image is not decoded for a preview (it is still kept).
MAX_PREVIEW_BYTES = 64 << 20


class ImageRefused(FieldLogError):  # noqa: N818 - a reason, carried as a note
    """This file cannot be shown as an image; ``str()`` is a note safe to show."""


@dataclass(frozen=True)
class Preview:
    width: int
    height: int
    thumbnail: bytes  # JPEG


@dataclass(frozen=True)
class Box:
    """A rectangle to blur, in pixels of the upright image."""

    x: int
    y: int
    width: int
    height: int


def _open_upright(data: bytes, reduce_for: int | None = None) -> tuple[Image.Image, int, int]:
    """Decode, turned upright by its EXIF orientation; also return the full upright size."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if image.getexif().get(ORIENTATION_TAG, 1) in (5, 6, 7, 8):
                width, height = height, width
            if reduce_for is not None:
                image.draft("RGB", (reduce_for, reduce_for))  # JPEG: decode at a smaller scale
            image.load()
            upright = ImageOps.exif_transpose(image) or image
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise ImageRefused("not shown: the image is too large to decode safely") from None
        except Exception:  # noqa: BLE001 - Pillow raises many kinds on damaged files
            raise ImageRefused("not shown: the image data is damaged") from None
    return upright, width, height


def make_preview(data: bytes) -> Preview:
    if len(data) > MAX_PREVIEW_BYTES:
        raise ImageRefused("not shown: the image file is too large for a preview")
    image, width, height = _open_upright(data, reduce_for=THUMBNAIL_SIZE * 2)
    thumb = image.convert("RGB")
    thumb.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE))
    out = io.BytesIO()
    thumb.save(out, "JPEG", quality=80)
    return Preview(width=width, height=height, thumbnail=out.getvalue())


def display_copy(data: bytes, max_side: int = 1600) -> tuple[bytes, int, int]:
    """An upright JPEG to show on screen, and the full upright size it stands for."""
    image, width, height = _open_upright(data, reduce_for=max_side)
    view = image.convert("RGB")
    view.thumbnail((max_side, max_side))
    out = io.BytesIO()
    view.save(out, "JPEG", quality=85)
    return out.getvalue(), width, height


def shareable_copy(data: bytes, blur: list[Box]) -> bytes:
    """A new JPEG from the pixels only: no EXIF, GPS, XMP, ICC or embedded thumbnail."""
    image = _open_upright(data)[0].convert("RGB")
    for box in blur:
        if box.width <= 0 or box.height <= 0 or box.x < 0 or box.y < 0:
            raise InvalidInputError("a blur rectangle needs a positive size inside the image")
        right, bottom = min(box.x + box.width, image.width), min(box.y + box.height, image.height)
        if box.x >= right or box.y >= bottom:
            raise InvalidInputError("a blur rectangle lies outside the image")
        area = (box.x, box.y, right, bottom)
        region = image.crop(area)
        # Pixelate, then blur: a plain blur of a face can sometimes be partly undone.
        small = region.resize(
            (max(1, region.width // 16), max(1, region.height // 16)), Image.Resampling.BILINEAR
        )
        region = small.resize(region.size, Image.Resampling.NEAREST)
        region = region.filter(ImageFilter.GaussianBlur(radius=max(2, min(region.size) // 24)))
        image.paste(region, area[:2])
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    out = io.BytesIO()
    clean.save(out, "JPEG", quality=92, optimize=True)
    return out.getvalue()
