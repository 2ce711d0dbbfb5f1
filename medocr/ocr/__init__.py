"""OCR: pages from PDFs and images, read upright and in reading order by PP-OCR."""

from __future__ import annotations

from medocr.ocr.types import ConfidenceStats, DocumentText, OcrLine, OcrPage

__all__ = ["ConfidenceStats", "DocumentText", "OcrLine", "OcrPage"]
