"""Specimen pages medocr renders itself: known text in known places, in every language.

Tests use them to pin OCR behaviour without any outside data, and the benchmark falls
back on them when the shared corpus is absent. The text is invented for the purpose.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from importlib import resources

import numpy as np
from PIL import Image, ImageDraw, ImageFont

A4_300_DPI = (2480, 3508)

# One invented clinical sentence per supported language, with its special letters.
SENTENCES: dict[str, str] = {
    "de": "Der Patient klagt über Schmerzen im Fuß; die Ärztin hält die Ödeme im Röntgenbild für harmlos.",
    "fr": "Le médecin a prescrit un traitement à base de glaçons contre la fièvre.",
    "it": "Il paziente è stato dimesso con una terapia più leggera per la città.",
    "es": "El niño presentó dolor en la articulación y se recomendó reposo absoluto.",
    "nl": "De patiënt krijgt een controle over twee weken bij de huisarts.",
    "pl": "Pacjentka zgłosiła się z bólem głowy; wyniki są dobre, zalecono świeże powietrze.",
    "en": "The referral letter requests a follow-up appointment within two weeks.",
}


def font(size: int) -> ImageFont.FreeTypeFont:
    """DejaVu Sans, shipped in ``medocr/fonts``, at ``size`` pixels."""
    path = resources.files("medocr") / "fonts" / "DejaVuSans.ttf"
    return ImageFont.truetype(io.BytesIO(path.read_bytes()), size)


def text_page(
    columns: Sequence[Sequence[str]],
    *,
    size: tuple[int, int] = (1654, 2339),
    font_size: int = 34,
    margin: int = 120,
    gutter: int = 80,
) -> np.ndarray:
    """A white page (RGB) with each column's lines set top-down, left to right."""
    page = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(page)
    face = font(font_size)
    width = (size[0] - 2 * margin - gutter * (len(columns) - 1)) // len(columns)
    for index, lines in enumerate(columns):
        x = margin + index * (width + gutter)
        for row, line in enumerate(lines):
            draw.text(
                (x, margin + row * font_size * 1.6), line, fill="black", font=face
            )
    return np.asarray(page)


def wrap(text: str, face_size: int, width: int) -> list[str]:
    """Words of ``text`` broken into lines no wider than ``width`` pixels."""
    face = font(face_size)
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and face.getlength(trial) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines


def on_a4(image: Image.Image) -> Image.Image:
    """An image centred on a white A4 page at 300 dpi, scaled down only if larger."""
    page = Image.new("L", A4_300_DPI, 255)
    content = image.convert("L")
    content.thumbnail(A4_300_DPI)
    offset = (
        (A4_300_DPI[0] - content.width) // 2,
        (A4_300_DPI[1] - content.height) // 4,
    )
    page.paste(content, offset)
    return page


def pdf_of_images(images: Sequence[Image.Image], *, dpi: int = 300) -> bytes:
    """A scanned-style PDF: one page per image, no text layer."""
    buffer = io.BytesIO()
    first, *rest = [image.convert("L") for image in images]
    first.save(
        buffer, format="PDF", resolution=float(dpi), save_all=True, append_images=rest
    )
    return buffer.getvalue()
