"""Line breaking that keeps track of which source characters each line shows."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator

Fits = Callable[[str], bool]


def drawable(text: str) -> str:
    """Text as drawn: control characters become spaces, invisible formatting goes."""
    return "".join(
        " " if ord(ch) < 32 else ch for ch in text if unicodedata.category(ch) != "Cf"
    )


def line_segments(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the lines of ``text`` between line breaks (``\\r`` excluded)."""
    start = 0
    for index, char in enumerate(text):
        if char == "\n":
            end = index - 1 if index > start and text[index - 1] == "\r" else index
            yield start, end
            start = index + 1
    yield start, len(text)


def wrap_spans(text: str, start: int, end: int, fits: Fits) -> list[tuple[int, int]]:
    """Greedy breaks of ``text[start:end]`` at spaces (inside a word when it must)."""
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        stop = _longest_fit(text, pos, end, fits)
        spans.append((pos, stop))
        pos = stop
        while pos < end and text[pos] in " \t":
            pos += 1
    return spans


def _longest_fit(text: str, pos: int, end: int, fits: Fits) -> int:
    if fits(text[pos:end]):
        return end
    best = None
    for index in range(pos + 1, end):
        if text[index] in " \t" and text[index - 1] not in " \t":
            if not fits(text[pos:index]):
                break
            best = index
    return best if best is not None else _split_word(text, pos, end, fits)


def _split_word(text: str, pos: int, end: int, fits: Fits) -> int:
    low, high = pos + 1, end
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[pos:middle]):
            low = middle
        else:
            high = middle - 1
    return low
