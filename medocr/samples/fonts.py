"""The bundled DejaVu faces, so every EU letter renders on a machine without system fonts."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Literal

from PIL import ImageFont

Family = Literal["sans", "serif"]

_FACES: dict[tuple[Family, bool], str] = {
    ("sans", False): "DejaVuSans.ttf",
    ("sans", True): "DejaVuSans-Bold.ttf",
    ("serif", False): "DejaVuSerif.ttf",
    ("serif", True): "DejaVuSerif-Bold.ttf",
}


def font_path(family: Family, bold: bool) -> Path:
    """Path of one bundled face inside the installed package."""
    return Path(str(files("medocr") / "fonts" / _FACES[(family, bold)]))


@lru_cache(maxsize=64)
def load_font(family: Family, bold: bool, size_px: int) -> ImageFont.FreeTypeFont:
    """A face at a pixel size, with the basic layout engine so widths match everywhere."""
    return ImageFont.truetype(
        str(font_path(family, bold)), size_px, layout_engine=ImageFont.Layout.BASIC
    )
