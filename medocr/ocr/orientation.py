"""Read a page upright: quarter turns from the shape of text boxes, then skew.

Text lines are long and flat; on a page turned by 90 or 270 degrees the detected
boxes stand upright. Before anything is recognised, a detection-only outline of the
page (scaled down) tells whether it stands on its side and how much it is skewed, so a
turned or strongly skewed page is straightened first and recognised once. Whether a
page is upside down is decided after reading, by reading a few of its longest lines
both ways round and keeping the reading the recognizer is surer of (skipped when the
page was read with high confidence). The slope of the full-resolution boxes then gives
the skew: small skew is taken out of the line boxes, large skew out of the image before
it is read again. An upright page, the common case, is recognised once.
"""

from __future__ import annotations

import logging
import math
import statistics
from dataclasses import dataclass, replace
from typing import Protocol, runtime_checkable

import cv2
import numpy as np

from medocr.ocr.engine import PageReading
from medocr.ocr.types import OcrLine

logger = logging.getLogger(__name__)

# Skew up to this many degrees is removed from the boxes; beyond it, from the image.
IMAGE_DESKEW_DEGREES = 3.0
MAX_SKEW_DEGREES = 20.0
# A page read with this median line confidence is not tried upside down.
CONFIDENT_UPRIGHT = 0.93
_ELONGATED = 2.5
_SAMPLE_LINES = 5
_FLIP_MARGIN = 0.02


@runtime_checkable
class OrientationProbe(Protocol):
    """What orientation needs from an engine: outlines, readings of pages and lines."""

    def outline(self, image: np.ndarray) -> np.ndarray: ...

    def read(self, image: np.ndarray) -> PageReading: ...

    def recognize(self, crop: np.ndarray) -> tuple[str, float]: ...


@dataclass(frozen=True)
class UprightReading:
    """Lines of a page read upright: turned ``rotation`` degrees counter-clockwise,
    with ``skew`` degrees taken out; width and height of the upright page."""

    lines: list[OcrLine]
    rotation: int
    skew: float
    width: int
    height: int


def read_upright(image: np.ndarray, probe: OrientationProbe) -> UprightReading:
    """The page read so its text runs left to right on horizontal lines."""
    rotation = 0
    outline = probe.outline(image)
    if _mostly_vertical(outline):
        image, rotation = np.ascontiguousarray(np.rot90(image, k=1)), 90
        outline = probe.outline(image)
    skew = _skew_degrees(outline)
    straightened = abs(skew) >= IMAGE_DESKEW_DEGREES
    upright = _rotate_enlarged(image, skew) if straightened else image
    reading = probe.read(upright)
    if _mostly_vertical(reading.quads):  # the outline missed small print
        image, rotation = np.ascontiguousarray(np.rot90(image, k=1)), rotation + 90
        upright, straightened = image, False
        reading = probe.read(upright)
    if not _confident(reading) and _upside_down(upright, reading.quads, probe):
        image = np.ascontiguousarray(np.rot90(image, k=2))
        upright = np.ascontiguousarray(np.rot90(upright, k=2))
        rotation = (rotation + 180) % 360
        reading = probe.read(upright)
    lines = reading.lines
    if not straightened:
        skew = _skew_degrees(reading.quads)
        if abs(skew) >= IMAGE_DESKEW_DEGREES:
            upright = _rotate_enlarged(image, skew)
            lines = probe.read(upright).lines
        elif skew:
            lines = _deskew_boxes(lines, -skew, image.shape[1] / 2, image.shape[0] / 2)
    image = upright
    logger.debug("page orientation: rotation=%s skew=%.2f", rotation, skew)
    height, width = image.shape[:2]
    return UprightReading(lines, rotation, round(skew, 3), int(width), int(height))


def _confident(reading: PageReading) -> bool:
    """Whether the recognizer was sure of the page as it stands (no flip to try)."""
    scores = [line.confidence for line in reading.lines]
    return bool(scores) and statistics.median(scores) >= CONFIDENT_UPRIGHT


def _sides(quad: np.ndarray) -> tuple[float, float]:
    width = float(np.linalg.norm(quad[1] - quad[0]))
    height = float(np.linalg.norm(quad[3] - quad[0]))
    return width, height


def _mostly_vertical(quads: np.ndarray) -> bool:
    shapes = [_sides(q) for q in quads]
    long_boxes = [
        (w, h) for w, h in shapes if max(w, h) >= _ELONGATED * max(min(w, h), 1)
    ]
    upright = sum(1 for w, h in long_boxes if h > w)
    return upright * 2 > len(long_boxes)


def _longest(quads: np.ndarray, count: int) -> list[np.ndarray]:
    flat = [q for q in quads if _sides(q)[0] >= _ELONGATED * max(_sides(q)[1], 1)]
    return sorted(flat, key=lambda q: -_sides(q)[0])[:count]


def _upside_down(image: np.ndarray, quads: np.ndarray, probe: OrientationProbe) -> bool:
    votes = 0
    for quad in _longest(quads, _SAMPLE_LINES):
        crop = _crop(image, quad)
        if crop is None:
            continue
        _, upright = probe.recognize(crop)
        _, flipped = probe.recognize(np.ascontiguousarray(np.rot90(crop, k=2)))
        if flipped > upright + _FLIP_MARGIN:
            votes += 1
        elif upright > flipped:
            votes -= 1
    return votes > 0


def _crop(image: np.ndarray, quad: np.ndarray) -> np.ndarray | None:
    x0, y0 = np.maximum(np.floor(quad.min(axis=0)).astype(int), 0)
    x1, y1 = np.ceil(quad.max(axis=0)).astype(int)
    crop = image[y0:y1, x0:x1]
    return crop if crop.shape[0] > 4 and crop.shape[1] > 4 else None


def _skew_degrees(quads: np.ndarray) -> float:
    angles = [
        math.degrees(math.atan2(q[1][1] - q[0][1], q[1][0] - q[0][0]))
        for q in _longest(quads, 40)
    ]
    angles = [a for a in angles if abs(a) <= MAX_SKEW_DEGREES]
    return statistics.median(angles) if angles else 0.0


def _deskew_boxes(
    lines: list[OcrLine], degrees: float, cx: float, cy: float
) -> list[OcrLine]:
    """Line boxes as they would lie on the page turned by ``degrees``.

    The box of a sloping line is taller than the line by its width times the slope;
    that excess is taken off, then the centre is turned about the page centre.
    """
    angle = math.radians(degrees)
    cos, sin, slope = math.cos(angle), math.sin(angle), abs(math.tan(angle))
    turned = []
    for line in lines:
        x0, y0, x1, y1 = line.box
        width, height = x1 - x0, y1 - y0
        height = max(height - width * slope, height / 4)
        mx, my = (x0 + x1) / 2 - cx, (y0 + y1) / 2 - cy
        nx, ny = cx + mx * cos - my * sin, cy + mx * sin + my * cos
        box = (nx - width / 2, ny - height / 2, nx + width / 2, ny + height / 2)
        turned.append(replace(line, box=box))
    return turned


def _rotate_enlarged(image: np.ndarray, degrees: float) -> np.ndarray:
    """The image turned ``degrees`` counter-clockwise (on screen), canvas enlarged."""
    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    new_w, new_h = int(height * sin + width * cos), int(height * cos + width * sin)
    matrix[0, 2] += new_w / 2 - width / 2
    matrix[1, 2] += new_h / 2 - height / 2
    return cv2.warpAffine(
        np.ascontiguousarray(image),
        matrix,
        (new_w, new_h),
        flags=cv2.INTER_LINEAR,
        borderValue=(255, 255, 255),
    )


def as_read(image: np.ndarray, rotation: int, skew: float) -> np.ndarray:
    """The page in the frame OCR read it in, so the stored line boxes fit its pixels.

    ``rotation`` and ``skew`` are an ``UprightReading``'s (or ``OcrPage``'s): quarter
    turns first; then a large skew taken out of the image with the canvas enlarged, as
    ``read_upright`` does, and a small one (taken out of the boxes there) turned about
    the page centre with the page size kept.
    """
    if rotation:
        image = np.rot90(image, k=rotation // 90)
    if abs(skew) >= IMAGE_DESKEW_DEGREES:
        image = _rotate_enlarged(image, skew)
    elif skew:
        height, width = image.shape[:2]
        matrix = cv2.getRotationMatrix2D((width / 2, height / 2), skew, 1.0)
        image = cv2.warpAffine(
            np.ascontiguousarray(image),
            matrix,
            (width, height),
            flags=cv2.INTER_LINEAR,
            borderValue=(255, 255, 255),
        )
    return np.ascontiguousarray(image)
