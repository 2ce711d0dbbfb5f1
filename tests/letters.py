"""Test letters: text rendered to a page image, with the lines and boxes drawn."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from medocr.ocr.types import DocumentText, OcrLine, OcrPage

FIXTURES = Path(__file__).with_name("fixtures")
FONT = Path(__file__).resolve().parents[1] / "medocr" / "fonts" / "DejaVuSans.ttf"
PAGE = (2480, 3508)  # A4 at 300 dpi


def letter_lines(name: str = "letter_de.txt") -> list[str]:
    return (FIXTURES / name).read_text(encoding="utf-8").splitlines()


def render_letter(lines: list[str]) -> tuple[bytes, DocumentText]:
    """A one-page PNG of ``lines`` and the DocumentText a perfect OCR would read."""
    image = Image.new("RGB", PAGE, "white")
    pen = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 40)
    read: list[OcrLine] = []
    y = 200
    for line in lines:
        pen.text((200, y), line, fill="black", font=font)
        x0, y0, x1, y1 = pen.textbbox((200, y), line, font=font)
        read.append(OcrLine(line, (float(x0), float(y0), float(x1), float(y1)), 0.98))
        y += 70
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(300, 300))
    page = OcrPage(index=0, width=PAGE[0], height=PAGE[1], lines=tuple(read))
    return buffer.getvalue(), DocumentText(pages=(page,))
