"""OCR stage: a document's bytes into pages of lines in reading order.

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
from medocr.settings import Settings, get_settings

logger = logging.getLogger(__name__)


def ocr_document(
    data: bytes, *, settings: Settings | None = None, engine: OcrEngine | None = None
) -> DocumentText:
    """Read every page of a PDF, TIFF, PNG or JPEG document.

    Args:
        data: the document's bytes; its format is recognised by content.
        settings: defaults to the process's settings.
        engine: an engine to use in this process instead of the PP-OCR workers.

    Raises:
        InputRejected: the input breaks a limit or cannot be decoded.
        EngineError: the OCR models are missing or failed.
    """
    settings = settings or get_settings()
    started = time.monotonic()
    info = check_input(data, settings.limits)
    layers: dict[int, OcrPage] = {}
    if info.format == "pdf" and settings.ocr.use_text_layer:
        layers = read_text_layers(data, dpi=settings.ocr.dpi)
    images = iter_page_images(
        data, dpi=settings.ocr.dpi, limits=settings.limits, skip=frozenset(layers)
    )
    pages = {
        page.index: page
        for page in read_pages(images, settings=settings, engine=engine)
    }
    pages.update(layers)
    document = DocumentText(pages=tuple(pages[i] for i in sorted(pages)))
    logger.info(
        "read %s page(s) (%s from text layers) in %.1f s",
        len(document.pages),
        len(layers),
        time.monotonic() - started,
    )
    return document
