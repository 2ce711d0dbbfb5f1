"""Reading order: split lines the detector bridged across a gap, then order by column.

Lines are grouped into rows (boxes overlapping vertically). Consecutive rows that
leave a common vertical strip of whitespace form a region; a region whose lines on
both sides of the strip are prose (several words per line) is read column after
column, anything else (tables, forms, a value tabbed away from its label) row by row,
left to right. Each column is ordered the same way, recursively.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from medocr.ocr.types import Box, OcrLine

# A gap wider than this many line heights inside a detected line separates two lines.
SPLIT_GAP_HEIGHTS = 1.0
# A whitespace strip at least this many line heights wide can separate columns.
GUTTER_HEIGHTS = 0.5
# Median words per line from which a region counts as prose columns, not a table.
PROSE_WORDS_PER_LINE = 3.0
_ROW_OVERLAP = 0.5


@dataclass(frozen=True)
class Word:
    """One recognised word and its axis-aligned box."""

    text: str
    confidence: float
    box: Box


@dataclass(frozen=True)
class WordLine:
    """A detected line as the recognizer read it, with its words' positions."""

    text: str
    confidence: float
    words: tuple[Word, ...]


def split_at_gaps(line: WordLine) -> list[OcrLine]:
    """The line, cut wherever two neighbouring words stand a column gap apart."""
    if not line.words:
        return []
    groups: list[list[Word]] = [[line.words[0]]]
    for previous, word in zip(line.words, line.words[1:], strict=False):
        height = max(_height(previous.box), _height(word.box), 1.0)
        if word.box[0] - previous.box[2] > SPLIT_GAP_HEIGHTS * height:
            groups.append([])
        groups[-1].append(word)
    if len(groups) == 1:
        return [
            OcrLine(
                text=_spaced(line), box=_union(line.words), confidence=line.confidence
            )
        ]
    return [_joined(group) for group in groups]


def _spaced(line: WordLine) -> str:
    """The line's text with a space wherever the recognizer's words part without one.

    Across a wide gap inside one detected box (a label tabbed away from a name) the
    recognizer may emit no space, while its word positions still part there.
    """
    text = line.text.strip()
    words = [word.text for word in line.words]
    if "".join(words) != "".join(text.split()):
        return text
    return " ".join(words)


def order_lines(lines: Sequence[OcrLine]) -> list[OcrLine]:
    """Lines in reading order: columns one after another, table rows left to right."""
    if len(lines) < 2:
        return list(lines)
    height = statistics.median(_height(line.box) for line in lines)
    return _order(list(lines), max(height, 1.0))


def _order(lines: list[OcrLine], height: float) -> list[OcrLine]:
    rows = _rows(lines)
    ordered: list[OcrLine] = []
    start = 0
    while start < len(rows):
        end, gutter = _region(rows, start, height)
        region = [line for row in rows[start:end] for line in row]
        columns = _columns(region, gutter) if end - start > 1 else None
        if columns is not None and _is_prose(*columns):
            left, right = columns
            ordered.extend(_order(left, height) + _order(right, height))
        else:
            ordered.extend(region)
        start = end
    return ordered


def _rows(lines: list[OcrLine]) -> list[list[OcrLine]]:
    """Lines grouped by vertical overlap, top to bottom, each row left to right."""
    rows: list[list[OcrLine]] = []
    top = bottom = 0.0
    for line in sorted(lines, key=lambda ln: (ln.box[1] + ln.box[3]) / 2):
        overlap = min(bottom, line.box[3]) - max(top, line.box[1])
        if rows and overlap >= _ROW_OVERLAP * _height(line.box):
            rows[-1].append(line)
            bottom = max(bottom, line.box[3])
            continue
        rows.append([line])
        top, bottom = line.box[1], line.box[3]
    return [sorted(row, key=lambda ln: ln.box[0]) for row in rows]


def _region(
    rows: list[list[OcrLine]], start: int, height: float
) -> tuple[int, float | None]:
    """End of the run of rows from ``start`` sharing an inner whitespace strip, and
    the middle of that strip (``None`` for a single row or no strip)."""
    left = min(line.box[0] for row in rows for line in row)
    right = max(line.box[2] for row in rows for line in row)
    free = [(left, right)]
    end = start
    while end < len(rows):
        narrowed = [
            (lo, hi)
            for lo, hi in _subtract(free, rows[end], height)
            if lo > left and hi < right
        ]
        if not narrowed:
            break
        free, end = narrowed, end + 1
    if end - start < 2:
        return start + 1, None
    return end, _gutter(free, rows[start:end])


def _subtract(
    free: list[tuple[float, float]], row: list[OcrLine], height: float
) -> list[tuple[float, float]]:
    """Free strips left after removing the row's boxes, keeping wide interior ones."""
    for line in row:
        pieces: list[tuple[float, float]] = []
        for lo, hi in free:
            if line.box[2] <= lo or line.box[0] >= hi:
                pieces.append((lo, hi))
                continue
            pieces.extend(
                p for p in ((lo, line.box[0]), (line.box[2], hi)) if p[1] > p[0]
            )
        free = pieces
    return [(lo, hi) for lo, hi in free if hi - lo >= GUTTER_HEIGHTS * height]


def _gutter(free: list[tuple[float, float]], rows: list[list[OcrLine]]) -> float | None:
    """Middle of the widest free strip with text on both sides, if any."""
    lines = [line for row in rows for line in row]
    inner = [
        (hi - lo, (lo + hi) / 2)
        for lo, hi in free
        if any(ln.box[2] <= lo for ln in lines) and any(ln.box[0] >= hi for ln in lines)
    ]
    return max(inner)[1] if inner else None


def _columns(
    region: list[OcrLine], gutter: float | None
) -> tuple[list[OcrLine], list[OcrLine]] | None:
    """The region's lines left and right of the gutter, if it has one."""
    if gutter is None:
        return None
    left = [ln for ln in region if _center_x(ln) < gutter]
    right = [ln for ln in region if _center_x(ln) >= gutter]
    return left, right


def _is_prose(*columns: list[OcrLine]) -> bool:
    """Whether every column reads as prose, more than one line of several words: a
    value tabbed away from its label ("Médico: ...   NºCol: 7824") stays on its row."""
    return all(
        len(column) > 1
        and statistics.median(len(ln.text.split()) for ln in column)
        >= PROSE_WORDS_PER_LINE
        for column in columns
    )


def _joined(words: list[Word]) -> OcrLine:
    confidence = statistics.fmean(word.confidence for word in words)
    text = " ".join(word.text for word in words)
    return OcrLine(text=text, box=_union(words), confidence=confidence)


def _union(words: Sequence[Word]) -> Box:
    return (
        min(w.box[0] for w in words),
        min(w.box[1] for w in words),
        max(w.box[2] for w in words),
        max(w.box[3] for w in words),
    )


def _height(box: Box) -> float:
    return box[3] - box[1]


def _center_x(line: OcrLine) -> float:
    return (line.box[0] + line.box[2]) / 2
