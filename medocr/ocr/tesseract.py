"""Tesseract as a comparison engine: the ``tesseract`` binary, TSV output, no wrapper.

It reads pages in Tesseract's own layout order and is used by ``medocr eval ocr``
and ``medocr bench ocr`` to put PP-OCR's figures beside the usual open-source choice.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from collections.abc import Iterable

import numpy as np
from PIL import Image

from medocr.errors import ENG_OCR, EngineError
from medocr.ocr.types import OcrLine

TESSERACT = "tesseract"
DEFAULT_LANGUAGES = "eng"
_WORD_LEVEL = "5"


def tesseract_available() -> bool:
    """Whether the ``tesseract`` binary is on PATH."""
    return shutil.which(TESSERACT) is not None


class TesseractEngine:
    """Tesseract 5 through its command line, one page per call."""

    def __init__(self, *, languages: str = DEFAULT_LANGUAGES, timeout: float = 300.0):
        if not tesseract_available():
            raise EngineError("tesseract is not installed", code=ENG_OCR)
        self._languages = languages
        self._timeout = timeout

    def read_page(self, image: np.ndarray) -> list[OcrLine]:
        """Lines in Tesseract's reading order with mean word confidence (0..1)."""
        buffer = io.BytesIO()
        Image.fromarray(image).save(buffer, format="PNG")
        command = [TESSERACT, "stdin", "stdout", "-l", self._languages, "tsv"]
        try:
            done = subprocess.run(
                command,
                input=buffer.getvalue(),
                capture_output=True,
                timeout=self._timeout,
                check=True,
            )
        except (subprocess.SubprocessError, OSError) as error:
            raise EngineError("tesseract failed on a page", code=ENG_OCR) from error
        return lines_from_tsv(done.stdout.decode("utf-8", errors="replace"))


def lines_from_tsv(tsv: str) -> list[OcrLine]:
    """Tesseract's TSV words grouped into lines, in the order Tesseract gave them."""
    rows = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    grouped: dict[tuple[str, str, str, str], list[dict[str, str]]] = {}
    for row in rows:
        if row.get("level") == _WORD_LEVEL and (row.get("text") or "").strip():
            key = (row["page_num"], row["block_num"], row["par_num"], row["line_num"])
            grouped.setdefault(key, []).append(row)
    return [_line(words) for words in grouped.values()]


def _line(words: Iterable[dict[str, str]]) -> OcrLine:
    words = list(words)
    x0 = min(int(w["left"]) for w in words)
    y0 = min(int(w["top"]) for w in words)
    x1 = max(int(w["left"]) + int(w["width"]) for w in words)
    y1 = max(int(w["top"]) + int(w["height"]) for w in words)
    confidence = sum(max(float(w["conf"]), 0.0) for w in words) / len(words) / 100
    text = " ".join(w["text"].strip() for w in words)
    return OcrLine(text=text, box=(x0, y0, x1, y1), confidence=confidence)
