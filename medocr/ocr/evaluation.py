"""OCR quality on a folder of pages with reference texts, beside Tesseract's.

Each document's reference is the ``.txt`` of the same stem beside it, unless the
reference table names another: the corpus's PDF variants of the linn page and the
rotated phototest copies share one reference each. A document of several pages is
compared page by page against the same reference, or against the matching
form-feed-separated part when the reference has one part per page.
"""

from __future__ import annotations

import fnmatch
import time
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from medocr.ocr.document import read_document
from medocr.ocr.engine import OcrEngine
from medocr.ocr.metrics import character_error_rate, word_error_rate
from medocr.ocr.pages import iter_page_images
from medocr.ocr.tesseract import TesseractEngine
from medocr.settings import Settings

# The shared corpus's documents that have no .txt of their own (pattern -> reference).
CORPUS_REFERENCES: Mapping[str, str] = {
    "ccitt.pdf": "linn.txt",
    "jbig2.pdf": "linn.txt",
    "skew.pdf": "linn.txt",
    "rotated_skew.pdf": "linn.txt",
    "cardinal.pdf": "linn.txt",
    "phototest-rotated-*.png": "phototest.txt",
}
DOCUMENT_SUFFIXES = (".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg")


@dataclass(frozen=True)
class PageScore:
    """One page's error rates for one engine, and how long it took."""

    document: str
    page: int
    engine: str
    cer: float
    wer: float
    seconds: float


def load_references(path: Path | None) -> dict[str, str]:
    """The reference table: the corpus's defaults, overridden by a TOML file's
    ``[references]`` table of ``"pattern" = "reference.txt"``."""
    table = dict(CORPUS_REFERENCES)
    if path is not None:
        table.update(tomllib.loads(path.read_text(encoding="utf-8"))["references"])
    return table


def reference_for(document: Path, table: Mapping[str, str]) -> Path | None:
    """The reference text file of a document, or ``None`` when it has none."""
    beside = document.with_suffix(".txt")
    if beside.is_file():
        return beside
    for pattern, name in table.items():
        if fnmatch.fnmatch(document.name, pattern):
            return document.parent / name
    return None


def evaluate_directory(
    directory: Path,
    *,
    settings: Settings,
    references: Mapping[str, str],
    tesseract: TesseractEngine | None = None,
    engine: OcrEngine | None = None,
) -> Iterator[PageScore]:
    """Scores of every page of every referenced document in ``directory``."""
    for document in sorted(directory.iterdir()):
        reference = reference_for(document, references)
        if document.suffix.lower() not in DOCUMENT_SUFFIXES or reference is None:
            continue
        parts = reference.read_text(encoding="utf-8").split("\f")
        data = document.read_bytes()
        yield from _score_medocr(document.name, data, parts, settings, engine)
        if tesseract is not None:
            yield from _score_tesseract(document.name, data, parts, settings, tesseract)


def _reference_part(parts: list[str], page: int, pages: int) -> str:
    return parts[page] if len(parts) == pages else "\f".join(parts)


def _score_medocr(
    name: str,
    data: bytes,
    parts: list[str],
    settings: Settings,
    engine: OcrEngine | None,
) -> Iterator[PageScore]:
    started = time.monotonic()
    document = read_document(data, settings=settings, engine=engine)
    seconds = (time.monotonic() - started) / max(len(document.pages), 1)
    for page in document.pages:
        truth = _reference_part(parts, page.index, len(document.pages))
        yield _score(name, page.index, "medocr", page.text, truth, seconds)


def _score_tesseract(
    name: str,
    data: bytes,
    parts: list[str],
    settings: Settings,
    tesseract: TesseractEngine,
) -> Iterator[PageScore]:
    images = list(iter_page_images(data, dpi=settings.ocr.dpi, limits=settings.limits))
    for image in images:
        started = time.monotonic()
        text = "\n".join(line.text for line in tesseract.read_page(image.image))
        truth = _reference_part(parts, image.index, len(images))
        seconds = time.monotonic() - started
        yield _score(name, image.index, "tesseract", text, truth, seconds)


def _score(
    name: str, page: int, engine: str, text: str, truth: str, seconds: float
) -> PageScore:
    return PageScore(
        document=name,
        page=page,
        engine=engine,
        cer=character_error_rate(text, truth),
        wer=word_error_rate(text, truth),
        seconds=seconds,
    )
