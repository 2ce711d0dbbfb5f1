"""What OCR produces: lines with boxes and confidences, pages, and a whole document."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, Literal

Box = tuple[float, float, float, float]
PageSource = Literal["ocr", "text-layer"]
FORMAT_VERSION = 1


@dataclass(frozen=True)
class OcrLine:
    """One line of text, its box ``(x0, y0, x1, y1)`` in page pixels, its confidence."""

    text: str
    box: Box
    confidence: float


@dataclass(frozen=True)
class ConfidenceStats:
    """Mean, minimum and 10th percentile of line confidences (1.0 when empty)."""

    mean: float
    min: float
    p10: float
    count: int

    @classmethod
    def of(cls, values: list[float]) -> ConfidenceStats:
        """Statistics of the given confidences."""
        if not values:
            return cls(mean=1.0, min=1.0, p10=1.0, count=0)
        ordered = sorted(values)
        rank = max(0, math.ceil(0.1 * len(ordered)) - 1)
        mean = sum(ordered) / len(ordered)
        return cls(mean=mean, min=ordered[0], p10=ordered[rank], count=len(ordered))


@dataclass(frozen=True)
class OcrPage:
    """One page: its lines in reading order and how the page was read."""

    index: int
    width: int
    height: int
    lines: tuple[OcrLine, ...]
    source: PageSource = "ocr"
    rotation: int = 0
    skew: float = 0.0

    @property
    def text(self) -> str:
        """Lines joined by newlines."""
        return "\n".join(line.text for line in self.lines)

    @property
    def confidence(self) -> ConfidenceStats:
        """Statistics over this page's lines."""
        return ConfidenceStats.of([line.confidence for line in self.lines])


@dataclass(frozen=True)
class DocumentText:
    """A document's pages; ``to_json``/``from_json`` round-trip it as bytes."""

    pages: tuple[OcrPage, ...]

    @property
    def text(self) -> str:
        """Pages' text separated by form feeds."""
        return "\f".join(page.text for page in self.pages)

    @property
    def confidence(self) -> ConfidenceStats:
        """Statistics over every line of every page."""
        values = [line.confidence for page in self.pages for line in page.lines]
        return ConfidenceStats.of(values)

    def to_json(self) -> bytes:
        """UTF-8 JSON bytes, stable key order."""
        payload = {
            "version": FORMAT_VERSION,
            "pages": [_page_dict(p) for p in self.pages],
        }
        return json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> DocumentText:
        """The document that ``to_json`` wrote."""
        payload = json.loads(data.decode("utf-8"))
        if payload.get("version") != FORMAT_VERSION:
            raise ValueError("unsupported DocumentText format version")
        return cls(pages=tuple(_page_from(p) for p in payload["pages"]))


def _page_dict(page: OcrPage) -> dict[str, Any]:
    return {
        "index": page.index,
        "width": page.width,
        "height": page.height,
        "source": page.source,
        "rotation": page.rotation,
        "skew": page.skew,
        "lines": [
            {"text": ln.text, "box": list(ln.box), "confidence": ln.confidence}
            for ln in page.lines
        ],
    }


def _page_from(raw: dict[str, Any]) -> OcrPage:
    lines = tuple(
        OcrLine(
            text=ln["text"],
            box=tuple(float(v) for v in ln["box"]),  # type: ignore[arg-type]
            confidence=float(ln["confidence"]),
        )
        for ln in raw["lines"]
    )
    return OcrPage(
        index=int(raw["index"]),
        width=int(raw["width"]),
        height=int(raw["height"]),
        lines=lines,
        source=raw["source"],
        rotation=int(raw["rotation"]),
        skew=float(raw["skew"]),
    )
