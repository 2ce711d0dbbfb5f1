"""A redacted rendition for signing: page images with personal data blacked out, and
an invisible text layer that holds only the tokenised text."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import numpy as np
import pymupdf
from PIL import Image, ImageDraw, ImageFont

from medocr.ocr.types import Box, DocumentText, OcrPage
from medocr.phi.spans import PhiSpan

logger = logging.getLogger(__name__)

PageImage = Image.Image | np.ndarray
_PAD_FRACTION = 0.25  # of the line height, around each blacked-out box


@dataclass(frozen=True)
class RedactionPage:
    """One page to redact: its image and what OCR read on it (boxes in image pixels)."""

    image: PageImage
    ocr: OcrPage


@dataclass(frozen=True)
class _LinePlace:
    page: int
    line: int
    start: int  # offset of the line's first character in DocumentText.text


def redaction_boxes(
    document: DocumentText, spans: Sequence[PhiSpan]
) -> list[list[Box]]:
    """Per page, the padded boxes that cover every span's characters."""
    boxes: list[list[Box]] = [[] for _ in document.pages]
    places = list(_line_places(document))
    for span in spans:
        for place in places:
            page = document.pages[place.page]
            line = page.lines[place.line]
            first = max(span.start, place.start) - place.start
            last = min(span.end, place.start + len(line.text)) - place.start
            if first < last:
                box = _sub_box(line.box, line.text, first, last, page)
                boxes[place.page].append(box)
    return boxes


def _line_places(document: DocumentText) -> Iterator[_LinePlace]:
    """Where each line starts in ``document.text`` (lines by "\\n", pages by "\\f")."""
    page_start = 0
    for page_index, page in enumerate(document.pages):
        offset = page_start
        for line_index, line in enumerate(page.lines):
            yield _LinePlace(page_index, line_index, offset)
            offset += len(line.text) + 1
        page_start += len(page.text) + 1


def _sub_box(box: Box, text: str, first: int, last: int, page: OcrPage) -> Box:
    """The part of a line box under characters [first, last), padded.

    Positions come from a proportional reference font's advance widths, scaled to
    the box; the padding absorbs the difference to the scanned typeface.
    """
    x0, y0, x1, y1 = box
    left, right = _advance(text, first), _advance(text, last)
    char = (x1 - x0) / max(len(text), 1)
    pad = (y1 - y0) * _PAD_FRACTION + char / 2
    return (
        max(0.0, x0 + left * (x1 - x0) - pad),
        max(0.0, y0 - (y1 - y0) * _PAD_FRACTION),
        min(float(page.width), x0 + right * (x1 - x0) + pad),
        min(float(page.height), y1 + (y1 - y0) * _PAD_FRACTION),
    )


def _advance(text: str, offset: int) -> float:
    """Fraction of the line's width before ``offset``."""
    font = _measuring_font()
    if font is None or not text:
        return offset / max(len(text), 1)
    total = font.getlength(text)
    return font.getlength(text[:offset]) / total if total else offset / len(text)


@lru_cache(maxsize=1)
def _measuring_font() -> ImageFont.FreeTypeFont | None:
    path = _text_font()
    return ImageFont.truetype(str(path), 48) if path is not None else None


def redact_images(
    pages: Sequence[RedactionPage], spans: Sequence[PhiSpan]
) -> list[Image.Image]:
    """Copies of the page images with every span's box filled black."""
    document = DocumentText(tuple(page.ocr for page in pages))
    redacted = []
    for page, boxes in zip(pages, redaction_boxes(document, spans), strict=True):
        image = _as_rgb(page.image)
        scale_x = image.width / max(page.ocr.width, 1)
        scale_y = image.height / max(page.ocr.height, 1)
        draw = ImageDraw.Draw(image)
        for x0, y0, x1, y1 in boxes:
            draw.rectangle(
                (x0 * scale_x, y0 * scale_y, x1 * scale_x, y1 * scale_y), fill=0
            )
        redacted.append(image)
    logger.info("redacted %d pages, %d spans", len(pages), len(spans))
    return redacted


def _as_rgb(image: PageImage) -> Image.Image:
    """A fresh RGB copy: the caller's image is never drawn on."""
    if isinstance(image, np.ndarray):
        return Image.fromarray(image).convert("RGB")
    return image.convert("RGB")


def build_redacted_pdf(
    pages: Sequence[RedactionPage],
    spans: Sequence[PhiSpan],
    tokenised_pages: Sequence[str],
    *,
    dpi: float = 300.0,
) -> bytes:
    """A PDF of the redacted page images with the tokenised text as an invisible layer.

    Args:
        pages: page images with the OCR lines read from them.
        spans: detected spans over ``DocumentText(pages).text``.
        tokenised_pages: the pseudonymized text of each page (split at form feeds).
        dpi: resolution of the page images, which sets the PDF page size.

    Raises:
        ValueError: when the number of tokenised pages differs from the pages.
    """
    if len(tokenised_pages) != len(pages):
        raise ValueError("one tokenised text per page is required")
    images = redact_images(pages, spans)
    pdf = pymupdf.open()
    font = _text_font()
    for page, image, text in zip(pages, images, tokenised_pages, strict=True):
        _add_page(pdf, page.ocr, image, text, font, 72.0 / dpi)
    pdf.set_metadata({})
    pdf.subset_fonts()
    data = pdf.tobytes(garbage=4, deflate=True, no_new_id=True)
    pdf.close()
    return data


def _text_font() -> Path | None:
    path = Path(str(files("medocr") / "fonts" / "DejaVuSans.ttf"))
    return path if path.is_file() else None


def _add_page(
    pdf: pymupdf.Document,
    ocr: OcrPage,
    image: Image.Image,
    text: str,
    font: Path | None,
    scale: float,
) -> None:
    """One PDF page: the image fills it; each tokenised line sits on its OCR box."""
    width, height = ocr.width * scale, ocr.height * scale
    page = pdf.new_page(width=width, height=height)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    page.insert_image(page.rect, stream=buffer.getvalue())
    fontname = "dejavu" if font is not None else "helv"
    if font is not None:
        page.insert_font(fontname=fontname, fontfile=str(font))
    lines = text.split("\n")
    if len(lines) == len(ocr.lines):
        for line_text, line in zip(lines, ocr.lines, strict=True):
            _invisible_line(page, line_text, line.box, scale, fontname)
    else:
        rect = pymupdf.Rect(0, 0, width, height)
        page.insert_textbox(rect, text, fontsize=8, fontname=fontname, render_mode=3)


def _invisible_line(
    page: pymupdf.Page, text: str, box: Box, scale: float, fontname: str
) -> None:
    if not text.strip():
        return
    x0, y0, x1, y1 = (v * scale for v in box)
    size = max(1.0, (y1 - y0) * 0.8)
    origin = (x0, y1 - (y1 - y0) * 0.2)
    page.insert_text(origin, text, fontsize=size, fontname=fontname, render_mode=3)
