"""Make a clean page look scanned or faxed; the same seed gives the same pixels."""

from __future__ import annotations

from io import BytesIO
from typing import Literal

import numpy as np
from PIL import Image, ImageFilter

from medocr.samples.blocks import DPI

Degradation = Literal["clean", "scan", "fax"]
DEGRADATIONS: tuple[Degradation, ...] = ("clean", "scan", "fax")
FAX_DPI = (200, 100)


def degrade_page(
    image: Image.Image, degradation: Degradation, seed: int, *, turn: int = 0
) -> Image.Image:
    """Apply one degradation, then turn the page by ``turn`` degrees (0, 90, 180, 270)."""
    rng = np.random.default_rng(seed)
    if degradation == "scan":
        result, dpi = _scanned(image, rng), DPI
    elif degradation == "fax":
        result, dpi = _faxed(image, rng), FAX_DPI[0]
    elif degradation == "clean":
        result, dpi = image.copy(), DPI
    else:
        raise ValueError(f"unknown degradation: {degradation!r}")
    if turn % 360:
        result = result.rotate(turn % 360, expand=True)
    result.info["dpi"] = (dpi, dpi)
    return result


def _scanned(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Slight blur and skew, tinted paper, uneven light, noise, dust and JPEG blocks."""
    blurred = image.filter(ImageFilter.GaussianBlur(float(rng.uniform(0.4, 1.0))))
    angle = float(rng.uniform(-2.0, 2.0))
    skewed = blurred.rotate(angle, Image.Resampling.BICUBIC, fillcolor=255)
    pixels = np.asarray(skewed, dtype=np.float32) * float(rng.uniform(0.89, 0.98))
    height, width = pixels.shape
    light = np.linspace(0.0, float(rng.uniform(-12, 12)), width, dtype=np.float32)
    pixels += light[None, :]
    pixels += rng.standard_normal(pixels.shape, dtype=np.float32) * float(
        rng.uniform(3.0, 8.0)
    )
    specks = int(rng.integers(60, 400))
    rows, cols = rng.integers(0, height, specks), rng.integers(0, width, specks)
    pixels[rows, cols] = rng.uniform(0, 120, specks)
    noisy = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L")
    return _jpeg_round_trip(noisy, int(rng.integers(35, 75)))


def _faxed(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Fax standard mode: 200 x 100 dpi, hard threshold, specks; stretched back to square."""
    angle = float(rng.uniform(-1.2, 1.2))
    skewed = image.rotate(angle, Image.Resampling.BICUBIC, fillcolor=255)
    width = round(skewed.width * FAX_DPI[0] / DPI)
    height = round(skewed.height * FAX_DPI[1] / DPI)
    coarse = np.asarray(
        skewed.resize((width, height), Image.Resampling.BOX), np.float32
    )
    coarse = coarse + rng.standard_normal(coarse.shape, dtype=np.float32) * 14.0
    white = coarse > float(rng.uniform(150, 185))
    white ^= rng.random(coarse.shape) < 0.0008
    bilevel = Image.fromarray(white)
    return bilevel.resize((width, height * 2), Image.Resampling.NEAREST)


def _jpeg_round_trip(image: Image.Image, quality: int) -> Image.Image:
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    buffer.seek(0)
    decoded = Image.open(buffer)
    decoded.load()
    return decoded
