"""The redacted PDF keeps no original personal data, in its text or in its images."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pymupdf
import pytest
from PIL import Image, ImageDraw, ImageFont

from medocr.ocr.types import DocumentText, OcrLine, OcrPage
from medocr.phi import detect_phi, pseudonymize_text
from medocr.phi.redact import RedactionPage, build_redacted_pdf, redaction_boxes

KEY = bytes(range(32))
LINES = (
    ("Arztbrief der Klinik", "Patient: Max Mustermann, geb. 03.04.1961"),
    ("Telefon 030 1234567", "Befund unauffällig", "E-Mail: max.mustermann@example.org"),
)
FONT_PATHS = (
    Path(__file__).resolve().parents[1] / "medocr" / "fonts" / "DejaVuSans.ttf",
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
)


def _font() -> ImageFont.FreeTypeFont:
    for path in FONT_PATHS:
        if path.is_file():
            return ImageFont.truetype(str(path), 40)
    pytest.skip("no DejaVu font on this machine")


def _scan(index: int, lines: tuple[str, ...]) -> RedactionPage:
    """A white page with the lines typeset on it, and OCR lines with true boxes."""
    font = _font()
    image = Image.new("RGB", (1400, 480), "white")
    draw = ImageDraw.Draw(image)
    ocr_lines = []
    for number, text in enumerate(lines):
        origin = (60, 80 + number * 120)
        draw.text(origin, text, font=font, fill="black")
        box = tuple(float(v) for v in draw.textbbox(origin, text, font=font))
        ocr_lines.append(OcrLine(text, box, 0.99))  # type: ignore[arg-type]
    page = OcrPage(index, image.width, image.height, tuple(ocr_lines))
    return RedactionPage(np.asarray(image), page)


@pytest.fixture(scope="module")
def redacted() -> tuple[bytes, list[str], list[str]]:
    pages = [_scan(i, lines) for i, lines in enumerate(LINES)]
    document = DocumentText(tuple(page.ocr for page in pages))
    spans = detect_phi(document.text, "de")
    result = pseudonymize_text(document.text, spans, KEY)
    pdf = build_redacted_pdf(pages, spans, result.text.split("\f"))
    originals = [r.original for r in result.replacements]
    return pdf, originals, [r.token for r in result.replacements]


def test_every_personal_value_was_detected(redacted: tuple) -> None:
    _, originals, _ = redacted
    joined = " ".join(originals)
    for value in ("Max Mustermann", "03.04.1961", "030 1234567", "max.mustermann@"):
        assert value in joined


def test_text_layer_holds_tokens_and_no_original(redacted: tuple) -> None:
    pdf, originals, tokens = redacted
    with pymupdf.open(stream=pdf, filetype="pdf") as document:
        text = "".join(page.get_text() for page in document)
        raw = b"".join(
            document.xref_stream(xref) or b""
            for xref in range(1, document.xref_length())
        )
    assert "Befund unauffällig" in text
    assert all(token in text for token in tokens)
    for value in originals:
        assert value not in text
        assert value.encode() not in raw
        assert value.encode("utf-16-be") not in raw


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract missing")
def test_page_images_show_no_original(redacted: tuple, tmp_path: Path) -> None:
    pdf, originals, _ = redacted
    read = []
    with pymupdf.open(stream=pdf, filetype="pdf") as document:
        for page in document:
            for image in page.get_images():
                path = tmp_path / f"page{page.number}.png"
                path.write_bytes(document.extract_image(image[0])["image"])
                read.append(_tesseract(path))
    seen = " ".join(read)
    assert "Befund" in seen and "Arztbrief" in seen
    for value in originals:
        assert value not in seen
    for word in ("Mustermann", "1961", "1234567", "example"):
        assert word not in seen


def _tesseract(path: Path) -> str:
    done = subprocess.run(
        ["tesseract", str(path), "-", "-l", "deu"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return done.stdout.decode("utf-8")


def test_boxes_cover_the_span_characters_only() -> None:
    page = _scan(0, ("Name: Max Mustermann hat Fieber",)).ocr
    document = DocumentText((page,))
    spans = [s for s in detect_phi(document.text) if s.kind.value == "NAME"]
    (box,) = redaction_boxes(document, spans)[0]
    line_box = page.lines[0].box
    assert line_box[0] + 100 < box[0] and box[2] < line_box[2] - 100


def test_page_count_mismatch_is_refused() -> None:
    page = _scan(0, ("Befund",))
    with pytest.raises(ValueError):
        build_redacted_pdf([page], [], ["a", "b"])


def test_line_offsets_hold_across_an_empty_page() -> None:
    first = _scan(0, ("Befund",)).ocr
    empty = OcrPage(1, 100, 100, ())
    last = _scan(2, ("Name: Max Mustermann",)).ocr
    document = DocumentText((first, empty, last))
    start = document.text.index("Max")
    spans = [s for s in detect_phi(document.text) if s.start == start]
    boxes = redaction_boxes(document, spans)
    alone = DocumentText((last,))
    alone_start = alone.text.index("Max")
    alone_spans = [s for s in detect_phi(alone.text) if s.start == alone_start]
    assert boxes == [[], [], redaction_boxes(alone, alone_spans)[0]]
