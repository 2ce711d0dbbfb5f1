"""What a document is made of before layout: paragraphs, tables, columns and marks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from medocr.samples.fonts import Family

DPI = 300
A4_PX = (2480, 3508)

Align = Literal["left", "right", "center"]
MarkKind = Literal["ring", "cross", "bars", "scribble"]


def mm(value: float) -> int:
    """Millimetres to pixels at the rendering resolution."""
    return round(value * DPI / 25.4)


def pt(value: float) -> int:
    """Typographic points to pixels at the rendering resolution."""
    return round(value * DPI / 72)


@dataclass(frozen=True)
class TextStyle:
    """Face, size and alignment of a run of text."""

    family: Family = "sans"
    size_pt: float = 10.5
    bold: bool = False
    align: Align = "left"

    @property
    def size_px(self) -> int:
        return pt(self.size_pt)

    @property
    def line_height(self) -> int:
        return round(self.size_px * 1.32)


@dataclass(frozen=True)
class Paragraph:
    """Text wrapped to the frame; ``\\n`` forces a line break, an empty line is a gap.

    ``source_start`` is where ``text`` begins in a larger source text, so each laid-out
    line can say which characters of that source it shows.
    """

    text: str
    style: TextStyle = TextStyle()
    space_after_mm: float = 1.5
    checkbox: bool = False
    keep_with_next: bool = False
    keep_together: bool = False
    source_start: int | None = None


@dataclass(frozen=True)
class Table:
    """Rows of cells; the first ``header_rows`` are shaded and repeated after a break."""

    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    style: TextStyle = TextStyle(size_pt=9.5)
    header_rows: int = 1
    ruled: bool = True
    space_after_mm: float = 3.0


@dataclass(frozen=True)
class Columns:
    """Two columns side by side, kept on one page; read left column first."""

    left: tuple[Block, ...]
    right: tuple[Block, ...]
    split: float = 0.5
    gap_mm: float = 8.0
    space_after_mm: float = 2.0


@dataclass(frozen=True)
class Mark:
    """A drawing without text: a logo or a handwritten signature."""

    kind: MarkKind
    width_mm: float
    height_mm: float
    seed: int = 0
    align: Align = "left"
    keep_with_next: bool = False


@dataclass(frozen=True)
class Rule:
    """A horizontal line across the frame."""

    thickness_pt: float = 0.8
    space_mm: float = 2.0
    width: float = 1.0


@dataclass(frozen=True)
class Spacer:
    """Vertical space, dropped at the top of a page."""

    height_mm: float


Block = Paragraph | Table | Columns | Mark | Rule | Spacer


@dataclass(frozen=True)
class PageFrame:
    """Page size and margins in pixels, plus the text repeated on every page.

    ``footer`` and ``banner`` (a fax machine's header line above the top margin) are
    templates with ``{page}`` and ``{pages}``.
    """

    size: tuple[int, int] = A4_PX
    left: int = mm(25)
    right: int = mm(20)
    top: int = mm(18)
    bottom: int = mm(22)
    continuation: tuple[Block, ...] = field(default_factory=tuple)
    footer: str | None = "{page}/{pages}"
    footer_style: TextStyle = TextStyle(size_pt=8.0, align="center")
    banner: str | None = None
    banner_style: TextStyle = TextStyle(size_pt=7.5)

    @property
    def width(self) -> int:
        return self.size[0] - self.left - self.right
