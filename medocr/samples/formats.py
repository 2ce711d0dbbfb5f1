"""Write page images as an image-only PDF, a multi-page TIFF, PNG or JPEG files."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import Literal

import pymupdf
from PIL import Image

from medocr.samples.blocks import DPI

OutputFormat = Literal["pdf", "tiff", "png", "jpeg"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("pdf", "tiff", "png", "jpeg")
SUFFIXES: dict[OutputFormat, str] = {
    "pdf": ".pdf",
    "tiff": ".tif",
    "png": ".png",
    "jpeg": ".jpg",
}
MULTI_PAGE: frozenset[OutputFormat] = frozenset({"pdf", "tiff"})
_PDF_DATE = "D:20260101000000Z"


def images_to_pdf(images: Sequence[Image.Image], *, jpeg_quality: int = 85) -> bytes:
    """An image-only PDF, one page per image sized from the image's resolution.

    Bilevel images are stored losslessly, others as JPEG; the bytes depend only on
    the images, so the same pages always give the same file.
    """
    document = pymupdf.open()
    for image in images:
        dpi_x, dpi_y = _dpi(image)
        width, height = image.width * 72 / dpi_x, image.height * 72 / dpi_y
        page = document.new_page(width=width, height=height)
        page.insert_image(page.rect, stream=_encoded(image, jpeg_quality))
    document.set_metadata(
        {"producer": "medocr samples", "creationDate": _PDF_DATE, "modDate": _PDF_DATE}
    )
    data = document.tobytes(garbage=3, deflate=True, no_new_id=True)
    document.close()
    return data


def write_pages(images: Sequence[Image.Image], path: Path, fmt: OutputFormat) -> None:
    """Write all ``images`` into one file; PNG and JPEG take a single page."""
    if fmt not in MULTI_PAGE and len(images) != 1:
        raise ValueError(f"{fmt} holds one page, got {len(images)}")
    if fmt == "pdf":
        path.write_bytes(images_to_pdf(images))
    elif fmt == "tiff":
        _write_tiff(images, path)
    elif fmt == "png":
        images[0].save(path, "PNG", dpi=_dpi(images[0]))
    else:
        _rgb_safe(images[0]).save(path, "JPEG", quality=85, dpi=_dpi(images[0]))


def _write_tiff(images: Sequence[Image.Image], path: Path) -> None:
    first, rest = images[0], list(images[1:])
    if all(image.mode == "1" for image in images):
        options: dict[str, object] = {"compression": "group4"}
    else:
        options = {"compression": "jpeg", "quality": 80}
        first, rest = _rgb_safe(first), [_rgb_safe(image) for image in rest]
    first.save(
        path, "TIFF", save_all=True, append_images=rest, dpi=_dpi(images[0]), **options
    )


def _encoded(image: Image.Image, jpeg_quality: int) -> bytes:
    buffer = BytesIO()
    if image.mode == "1":
        image.save(buffer, "PNG")
    else:
        _rgb_safe(image).save(buffer, "JPEG", quality=jpeg_quality)
    return buffer.getvalue()


def _rgb_safe(image: Image.Image) -> Image.Image:
    return image if image.mode in ("L", "RGB") else image.convert("L")


def _dpi(image: Image.Image) -> tuple[int, int]:
    dpi = image.info.get("dpi", (DPI, DPI))
    return round(float(dpi[0])), round(float(dpi[1]))
