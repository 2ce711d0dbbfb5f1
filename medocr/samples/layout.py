"""Lay blocks out on A4 pages: wrap, break pages, repeat table headers, add footers.

Layout works in two steps. Each block becomes unbreakable chunks (a line, a table row,
a pair of columns) with items placed relative to the chunk; the chunks are then stacked
onto pages. Each page also keeps its text in reading order: left column before right,
table cells of one row joined by a space.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from medocr.samples.blocks import (
    Block,
    Columns,
    Mark,
    Paragraph,
    Rule,
    Spacer,
    Table,
    TextStyle,
    mm,
    pt,
)
from medocr.samples.fonts import load_font
from medocr.samples.wrap import drawable, line_segments, wrap_spans

ShapeKind = Literal["line", "fill", "box", "ring", "cross", "bars", "scribble"]


@dataclass(frozen=True)
class TextLine:
    """One drawn line of text; ``source`` is its span in the source text, if any."""

    x: int
    y: int
    text: str
    style: TextStyle
    source: tuple[int, int] | None = None

    def moved(self, dx: int, dy: int) -> TextLine:
        return replace(self, x=self.x + dx, y=self.y + dy)


@dataclass(frozen=True)
class Shape:
    """A drawn shape inside ``box`` (left, top, right, bottom)."""

    kind: ShapeKind
    box: tuple[int, int, int, int]
    width: int = 3
    shade: int = 0
    seed: int = 0

    def moved(self, dx: int, dy: int) -> Shape:
        x0, y0, x1, y1 = self.box
        return replace(self, box=(x0 + dx, y0 + dy, x1 + dx, y1 + dy))


Item = TextLine | Shape


@dataclass(frozen=True)
class Chunk:
    """An unbreakable piece of a page; ``gap`` chunks vanish at the top of a page."""

    height: int
    items: tuple[Item, ...] = ()
    reading: tuple[str, ...] = ()
    gap: bool = False
    keep_with_next: bool = False
    header: Chunk | None = None


@dataclass
class LaidOutPage:
    """Items to draw on one page and the page's text in reading order."""

    number: int
    items: list[Item] = field(default_factory=list)
    reading: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.reading)

    @property
    def source_starts(self) -> list[int]:
        return [i.source[0] for i in self.items if isinstance(i, TextLine) and i.source]


def chunks_of(block: Block, width: int) -> list[Chunk]:
    """Break one block into chunks for a frame ``width`` pixels wide."""
    if isinstance(block, Paragraph):
        return _paragraph_chunks(block, width)
    if isinstance(block, Table):
        return _table_chunks(block, width)
    if isinstance(block, Columns):
        return _columns_chunks(block, width)
    if isinstance(block, Mark):
        return [_mark_chunk(block, width)]
    if isinstance(block, Rule):
        return [_rule_chunk(block, width)]
    if isinstance(block, Spacer):
        return [Chunk(mm(block.height_mm), gap=True)]
    raise TypeError(f"not a block: {type(block).__name__}")


def _wrapped(text: str, style: TextStyle, width: int) -> list[tuple[int, int]]:
    font = load_font(style.family, style.bold, style.size_px)
    spans: list[tuple[int, int]] = []
    for start, end in line_segments(text):
        if text[start:end].strip():
            fits = _fitter(font, width)
            spans.extend(wrap_spans(text, start, end, fits))
        else:
            spans.append((start, start))
    return spans


def _fitter(font: object, width: int):  # type: ignore[no-untyped-def]
    return lambda s: font.getlength(drawable(s)) <= width  # type: ignore[attr-defined]


def aligned_x(text: str, style: TextStyle, width: int) -> int:
    """Left edge of ``text`` aligned within a frame ``width`` pixels wide."""
    if style.align == "left":
        return 0
    length = load_font(style.family, style.bold, style.size_px).getlength(text)
    return (
        round(width - length) if style.align == "right" else round((width - length) / 2)
    )


def _paragraph_chunks(par: Paragraph, width: int) -> list[Chunk]:
    style, height = par.style, par.style.line_height
    indent = round(height * 1.1) if par.checkbox else 0
    chunks: list[Chunk] = []
    for start, end in _wrapped(par.text, style, width - indent):
        if start == end:
            chunks.append(Chunk(height, gap=True))
            continue
        drawn = drawable(par.text[start:end])
        source = None
        if par.source_start is not None:
            source = (par.source_start + start, par.source_start + end)
        x = indent + aligned_x(drawn, style, width - indent)
        items: list[Item] = [TextLine(x, 0, drawn, style, source)]
        if par.checkbox and not chunks:
            side = round(style.size_px * 0.8)
            items.append(Shape("box", (0, height - side - 8, side, height - 8)))
        chunks.append(
            Chunk(height, tuple(items), (drawn.strip(),), False, par.keep_together)
        )
    if chunks:
        chunks[-1] = replace(chunks[-1], keep_with_next=par.keep_with_next)
    return chunks + [Chunk(mm(par.space_after_mm), gap=True)]


def _table_chunks(table: Table, width: int) -> list[Chunk]:
    style, pad = table.style, mm(1.2)
    total = sum(table.widths)
    lefts, col_widths, x = [], [], 0
    for fraction in table.widths:
        lefts.append(x)
        col_widths.append(round(width * fraction / total))
        x += col_widths[-1]
    rows = [
        _row_chunk(r, lefts, col_widths, style, pad, table, i)
        for i, r in enumerate(table.rows)
    ]
    header = _stack(rows[: table.header_rows]) if table.header_rows else None
    body = [replace(row, header=header) for row in rows[table.header_rows :]]
    head = [replace(header, keep_with_next=True)] if header else []
    return head + body + [Chunk(mm(table.space_after_mm), gap=True)]


def _row_chunk(
    row: tuple[str, ...],
    lefts: list[int],
    widths: list[int],
    style: TextStyle,
    pad: int,
    table: Table,
    index: int,
) -> Chunk:
    cells = [
        [drawable(cell[a:b]) for a, b in _wrapped(cell, style, w - 2 * pad) if b > a]
        for cell, w in zip(row, widths, strict=True)
    ]
    lines = max(1, *(len(c) for c in cells))
    height = lines * style.line_height + 2 * pad
    items: list[Item] = []
    if index < table.header_rows:
        items.append(Shape("fill", (0, 0, sum(widths), height), shade=222))
    for left, cell in zip(lefts, cells, strict=True):
        items.extend(
            TextLine(left + pad, pad + k * style.line_height, text, style)
            for k, text in enumerate(cell)
        )
    if table.ruled:
        items.append(Shape("line", (0, height - 2, sum(widths), height - 2), width=2))
    reading = tuple(
        " ".join(c[k].strip() for c in cells if k < len(c) and c[k].strip())
        for k in range(lines)
    )
    return Chunk(height, tuple(items), tuple(r for r in reading if r))


def _columns_chunks(columns: Columns, width: int) -> list[Chunk]:
    gap = mm(columns.gap_mm)
    left_width = round((width - gap) * columns.split)
    left = _stack([c for b in columns.left for c in chunks_of(b, left_width)])
    right_width = width - gap - left_width
    right = _stack([c for b in columns.right for c in chunks_of(b, right_width)])
    shift = left_width + gap
    items = left.items + tuple(item.moved(shift, 0) for item in right.items)
    pair = Chunk(max(left.height, right.height), items, left.reading + right.reading)
    return [pair, Chunk(mm(columns.space_after_mm), gap=True)]


def _stack(chunks: list[Chunk]) -> Chunk:
    while chunks and chunks[-1].gap:
        chunks = chunks[:-1]
    items: list[Item] = []
    reading: list[str] = []
    y = 0
    for chunk in chunks:
        items.extend(item.moved(0, y) for item in chunk.items)
        reading.extend(chunk.reading)
        y += chunk.height
    return Chunk(y, tuple(items), tuple(reading))


def _mark_chunk(mark: Mark, width: int) -> Chunk:
    w, h = mm(mark.width_mm), mm(mark.height_mm)
    x = {"left": 0, "right": width - w, "center": (width - w) // 2}[mark.align]
    shape = Shape(mark.kind, (x, 0, x + w, h), seed=mark.seed)
    return Chunk(h, (shape,), keep_with_next=mark.keep_with_next)


def _rule_chunk(rule: Rule, width: int) -> Chunk:
    thick, space = max(1, pt(rule.thickness_pt)), mm(rule.space_mm)
    y = space + thick // 2
    line = Shape("line", (0, y, round(width * rule.width), y), width=thick)
    return Chunk(2 * space + thick, (line,))
