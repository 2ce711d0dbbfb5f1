"""A born-digital PDF page's own text, used instead of OCR when it can be trusted.

A text layer is trusted when it is visible (not the invisible layer an earlier OCR
run leaves behind), long enough to be the page's content, and free of glyphs that
map to no character.
"""

from __future__ import annotations

import logging

import pymupdf

from medocr.ocr.layout import order_lines
from medocr.ocr.types import OcrLine, OcrPage

logger = logging.getLogger(__name__)

MIN_CHARACTERS = 20
MAX_UNMAPPED_SHARE = 0.01
_INVISIBLE = 3
_UNMAPPED = "\ufffd"


def read_text_layers(data: bytes, *, dpi: int) -> dict[int, OcrPage]:
    """Pages (by index) whose text layer is trustworthy, with lines in reading order."""
    pages: dict[int, OcrPage] = {}
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        for index in range(doc.page_count):
            page = doc.load_page(index)
            if _trustworthy(page):
                pages[index] = _page_from_layer(page, index, dpi)
    logger.info("text layer trusted on %s page(s)", len(pages))
    return pages


def _trustworthy(page: pymupdf.Page) -> bool:
    text = page.get_text("text")
    visible = [span for span in page.get_texttrace() if span["type"] != _INVISIBLE]
    characters = len("".join(text.split()))
    if characters < MIN_CHARACTERS or not visible:
        return False
    return text.count(_UNMAPPED) <= MAX_UNMAPPED_SHARE * characters


def _page_from_layer(page: pymupdf.Page, index: int, dpi: int) -> OcrPage:
    scale = dpi / 72.0
    lines: list[OcrLine] = []
    layout = page.get_text("dict", flags=pymupdf.TEXTFLAGS_TEXT)
    for block in layout["blocks"]:
        for line in block.get("lines", ()):
            text = "".join(span["text"] for span in line["spans"]).strip()
            if text:
                rect = pymupdf.Rect(line["bbox"]) * page.rotation_matrix
                box = (
                    rect.x0 * scale,
                    rect.y0 * scale,
                    rect.x1 * scale,
                    rect.y1 * scale,
                )
                lines.append(OcrLine(text=text, box=box, confidence=1.0))
    return OcrPage(
        index=index,
        width=round(page.rect.width * scale),
        height=round(page.rect.height * scale),
        lines=tuple(order_lines(lines)),
        source="text-layer",
    )
