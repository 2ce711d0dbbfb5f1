"""A whole document read: limits first, trusted text layers kept, other pages OCR'd.

Limits are checked before any page is rendered; PDF pages with a trustworthy text
layer keep it (when ``settings.ocr.use_text_layer``), every other page is rendered
one at a time and read upright by the OCR engine.
"""

from __future__ import annotations

import logging
import time

from medocr.ocr.engine import OcrEngine
from medocr.ocr.pages import check_input, iter_page_images
from medocr.ocr.reader import read_pages
from medocr.ocr.textlayer import read_text_layers
from medocr.ocr.types import DocumentText, OcrPage
from medocr.settings import Settings

logger = logging.getLogger(__name__)


def read_document(
    data: bytes, *, settings: Settings, engine: OcrEngine | None = None
) -> DocumentText:
    """Every page of a PDF, TIFF, PNG or JPEG document, in page order."""
    started = time.monotonic()
    info = check_input(data, settings.limits)
    layers: dict[int, OcrPage] = {}
    if info.format == "pdf" and settings.ocr.use_text_layer:
        layers = read_text_layers(data, dpi=settings.ocr.dpi)
    images = iter_page_images(
        data, dpi=settings.ocr.dpi, limits=settings.limits, skip=frozenset(layers)
    )
    pages = dict(layers)
    for page in read_pages(images, settings=settings, engine=engine):
        pages[page.index] = page
    document = DocumentText(pages=tuple(pages[i] for i in sorted(pages)))
    logger.info(
        "read %s page(s) (%s from text layers) in %.1f s",
        len(document.pages),
        len(layers),
        time.monotonic() - started,
    )
    return document
