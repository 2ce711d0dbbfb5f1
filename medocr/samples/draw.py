"""Draw laid-out pages as clean 300 dpi greyscale images."""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw

from medocr.samples.blocks import A4_PX, DPI
from medocr.samples.fonts import load_font
from medocr.samples.layout import LaidOutPage, Shape, TextLine


def draw_page(page: LaidOutPage, size: tuple[int, int] = A4_PX) -> Image.Image:
    """A white page with every item of ``page`` drawn in black."""
    image = Image.new("L", size, 255)
    pen = ImageDraw.Draw(image)
    for item in sorted(page.items, key=_drawn_later):
        if isinstance(item, TextLine):
            style = item.style
            font = load_font(style.family, style.bold, style.size_px)
            pen.text((item.x, item.y), item.text, font=font, fill=0)
        else:
            _draw_shape(pen, item)
    image.info["dpi"] = (DPI, DPI)
    return image


def _drawn_later(item: TextLine | Shape) -> bool:
    """Shaded backgrounds first, so text and lines stay on top of them."""
    return not (isinstance(item, Shape) and item.kind == "fill")


def _draw_shape(pen: ImageDraw.ImageDraw, shape: Shape) -> None:
    x0, y0, x1, y1 = shape.box
    if shape.kind == "line":
        pen.line((x0, y0, x1, y1), fill=shape.shade, width=shape.width)
    elif shape.kind == "fill":
        pen.rectangle(shape.box, fill=shape.shade)
    elif shape.kind == "box":
        pen.rectangle(shape.box, outline=0, width=shape.width)
    elif shape.kind == "ring":
        _draw_ring_logo(pen, shape.box)
    elif shape.kind == "cross":
        _draw_cross_logo(pen, shape.box)
    elif shape.kind == "bars":
        _draw_bars_logo(pen, shape.box)
    else:
        _draw_scribble(pen, shape.box, shape.seed)


def _draw_ring_logo(pen: ImageDraw.ImageDraw, box: tuple[int, int, int, int]) -> None:
    x0, y0, x1, y1 = box
    side = min(x1 - x0, y1 - y0)
    left = x1 - side
    pen.ellipse((left, y0, x1, y0 + side), outline=40, width=max(4, side // 14))
    _draw_cross_logo(
        pen, (left + side // 4, y0 + side // 4, x1 - side // 4, y0 + 3 * side // 4)
    )


def _draw_cross_logo(pen: ImageDraw.ImageDraw, box: tuple[int, int, int, int]) -> None:
    x0, y0, x1, y1 = box
    side = min(x1 - x0, y1 - y0)
    left = x1 - side
    third = side // 3
    pen.rectangle((left + third, y0, left + 2 * third, y0 + side), fill=60)
    pen.rectangle((left, y0 + third, x1, y0 + 2 * third), fill=60)


def _draw_bars_logo(pen: ImageDraw.ImageDraw, box: tuple[int, int, int, int]) -> None:
    x0, y0, x1, y1 = box
    step = (x1 - x0) // 7
    for k, share in enumerate((0.55, 0.8, 1.0, 0.7)):
        left = x1 - (4 - k) * step * 3 // 2
        pen.rectangle((left, y1 - round((y1 - y0) * share), left + step, y1), fill=70)


def _draw_scribble(
    pen: ImageDraw.ImageDraw, box: tuple[int, int, int, int], seed: int
) -> None:
    """A handwritten-looking signature: slanted loops of uneven height, maybe underlined."""
    rng = random.Random(seed)
    x0, y0, x1, y1 = box
    middle, height = (y0 + y1) / 2, (y1 - y0) / 2
    loops, slant = rng.randint(3, 7), rng.uniform(0.0, 0.45)
    sizes = [rng.uniform(0.35, 1.0) for _ in range(loops)]
    points = []
    for step in range(loops * 24 + 1):
        t = step / (loops * 24)
        angle = t * loops * 2 * math.pi
        size = sizes[min(int(t * loops), loops - 1)]
        y = middle + math.sin(angle) * height * size
        x = (
            x0
            + t * (x1 - x0) * 0.9
            + math.cos(angle) * height * 0.3
            + (middle - y) * slant
        )
        points.append((x, y))
    pen.line(points, fill=25, width=rng.choice((4, 5, 6)), joint="curve")
    if rng.random() < 0.5:
        end_y = y1 - rng.uniform(0, height * 0.3)
        pen.line([points[-1], (x0 + (x1 - x0) * 0.1, end_y)], fill=25, width=4)
