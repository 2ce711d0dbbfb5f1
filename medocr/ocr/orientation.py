"""Turn a page upright: quarter turns from the shape of text boxes, then deskew.

Text lines are long and flat; on a page turned by 90 or 270 degrees the detected
boxes stand upright. Whether a page is upside down is decided by reading a few of
its longest lines both ways round and keeping the reading the recognizer is surer
of. Skew is the median slope of the long boxes.
"""

from __future__ import annotations

import logging
import math
import statistics
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import cv2
import numpy as np

from medocr.ocr.engine import TextBoxes

logger = logging.getLogger(__name__)

PROBE_SIDE = 1280
MIN_SKEW_DEGREES = 0.3
MAX_SKEW_DEGREES = 20.0
_ELONGATED = 2.5
_SAMPLE_LINES = 5
_FLIP_MARGIN = 0.02


@runtime_checkable
class OrientationProbe(Protocol):
    """What orientation needs from an engine: boxes and single-line readings."""

    def detect(self, image: np.ndarray) -> TextBoxes: ...

    def recognize(self, crop: np.ndarray) -> tuple[str, float]: ...


@dataclass(frozen=True)
class UprightPage:
    """A page turned upright: ``rotation`` degrees counter-clockwise, then deskewed."""

    image: np.ndarray
    rotation: int
    skew: float


def make_upright(image: np.ndarray, probe: OrientationProbe) -> UprightPage:
    """The page turned so its text reads left to right on horizontal lines."""
    rotation = 0
    quads = _probe_quads(image, probe)
    if _mostly_vertical(quads):
        image, rotation = np.rot90(image, k=1), 90
        quads = _probe_quads(image, probe)
    if _upside_down(image, quads, probe):
        image, rotation = np.rot90(image, k=2), (rotation + 180) % 360
        quads = _rotate_quads_180(quads, image.shape[1], image.shape[0])
    skew = _skew_degrees(quads)
    if abs(skew) >= MIN_SKEW_DEGREES:
        image = _rotate(image, skew)
    logger.debug("page orientation: rotation=%s skew=%.2f", rotation, skew)
    return UprightPage(image=np.ascontiguousarray(image), rotation=rotation, skew=skew)


def _probe_quads(image: np.ndarray, probe: OrientationProbe) -> np.ndarray:
    """Detected quads in full-resolution coordinates, found on a smaller copy."""
    scale = min(1.0, PROBE_SIDE / max(image.shape[:2]))
    small = image
    if scale < 1.0:
        size = (round(image.shape[1] * scale), round(image.shape[0] * scale))
        small = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    return probe.detect(small).quads / scale


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
    sampled = _longest(quads, _SAMPLE_LINES)
    for quad in sampled:
        crop = _crop(image, quad)
        if crop is None:
            continue
        _, upright = probe.recognize(crop)
        _, flipped = probe.recognize(np.ascontiguousarray(np.rot90(crop, k=2)))
        votes += (
            1 if flipped > upright + _FLIP_MARGIN else -1 if upright > flipped else 0
        )
    return votes > 0


def _crop(image: np.ndarray, quad: np.ndarray) -> np.ndarray | None:
    x0, y0 = np.floor(quad.min(axis=0)).astype(int)
    x1, y1 = np.ceil(quad.max(axis=0)).astype(int)
    x0, y0 = max(x0, 0), max(y0, 0)
    crop = image[y0:y1, x0:x1]
    return crop if crop.shape[0] > 4 and crop.shape[1] > 4 else None


def _rotate_quads_180(quads: np.ndarray, width: int, height: int) -> np.ndarray:
    turned = quads.copy()
    turned[..., 0] = width - quads[..., 0]
    turned[..., 1] = height - quads[..., 1]
    return turned[:, [2, 3, 0, 1], :]


def _skew_degrees(quads: np.ndarray) -> float:
    angles = [
        math.degrees(math.atan2(q[1][1] - q[0][1], q[1][0] - q[0][0]))
        for q in _longest(quads, 40)
    ]
    angles = [a for a in angles if abs(a) <= MAX_SKEW_DEGREES]
    return statistics.median(angles) if angles else 0.0


def _rotate(image: np.ndarray, degrees: float) -> np.ndarray:
    """The image turned by ``degrees`` (counter-clockwise on screen), canvas enlarged."""
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


def rotate_image(image: np.ndarray, degrees: float) -> np.ndarray:
    """Turn an image by ``degrees`` as the deskew does (used to redo a page's turn)."""
    return _rotate(image, degrees)
