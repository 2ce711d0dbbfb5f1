"""OCR stage: a document's bytes into pages of lines, upright and in reading order."""

from __future__ import annotations

from medocr.ocr.document import read_document
from medocr.ocr.engine import OcrEngine
from medocr.ocr.models import resolve_models
from medocr.ocr.types import DocumentText
from medocr.settings import Settings, get_settings


def ocr_document(
    data: bytes, *, settings: Settings | None = None, engine: OcrEngine | None = None
) -> DocumentText:
    """Read every page of a PDF, TIFF, PNG or JPEG document.

    Args:
        data: the document's bytes; its format is recognised by content.
        settings: defaults to the process's settings.
        engine: an engine to run in this process instead of the PP-OCR workers.

    Raises:
        InputRejected: the input breaks a limit or cannot be decoded.
        EngineError: the OCR models are missing or failed.
    """
    settings = settings or get_settings()
    if engine is None:
        # Missing models are the operator's to fix: fail before any worker starts,
        # so that no document is blamed (and quarantined) for them.
        resolve_models(settings)
    return read_document(data, settings=settings, engine=engine)
