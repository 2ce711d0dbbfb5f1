"""Find the date a letter was written: labelled, after "City,", or near the top.

Dates of birth are skipped, both those the pseudonymizer marked and those that follow a
birth marker ("geb.", "né le", "fecha de nacimiento", "*" ...). Day comes before month
everywhere except in English "March 3, 2024".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from medocr.document_lexicon import BIRTH_MARKERS, DATE_LABELS, MONTHS, fold

Span = tuple[int, int]

_NUMERIC = re.compile(
    r"(?<![\d.])(\d{1,2})\s?([./-])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d])"
)
_ISO = re.compile(r"(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DAY_MONTH_YEAR = re.compile(
    r"(?<![\w])(\d{1,2})(?:\.|er|st|nd|rd|th|º)?\s+(?:de\s+)?([^\W\d_]{3,20})\.?,?"
    r"\s+(?:de\s+|del\s+)?(\d{4})(?!\d)"
)
_MONTH_DAY_YEAR = re.compile(
    r"(?<![\w])([^\W\d_]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)"
)
_ROMAN_MONTH = re.compile(
    r"(?<![\w.])(\d{1,2})\s?[./ ]\s?(xi{0,2}|i?x|i{1,3}|i?v|vi{1,3})\s?[./ ]\s?(\d{4})"
    r"(?!\d)"
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8}
_ROMAN |= {"ix": 9, "x": 10, "xi": 11, "xii": 12}
_OCR_DIGITS = str.maketrans({"o": "0", "l": "1", "i": "1", "|": "1"})
_LABEL = re.compile(
    "(?<![^\\W\\d_])(?:"
    + "|".join(re.escape(label) for label in DATE_LABELS)
    + r")\s*:?\s*$"
)
_PLACE_WORD = r"[^\W\d_](?:[^\W\d_]|['.])*"
_CITY = re.compile(
    rf"(?:^|\n)[ \t]*{_PLACE_WORD}(?:[ -]{_PLACE_WORD}){{0,5}}[ \t]*,[ \t]*"
    r"(?:den|le|el|il|li|dnia|op|the)?[ \t]*$"
)
_BIRTH = re.compile(
    "(?:"
    + "|".join(re.escape(marker) for marker in BIRTH_MARKERS)
    + r")[\s:.,(]*(?:am|le|el|il|op|on|dnia|the)?[\s:.,]*$"
)
_RANGE_WORD = re.compile(
    r"(?<![^\W\d_])(?:vom|von|bis|zum|from|until|to|du|au|dal|al|del|od|do|van|tot)"
    r"\s*$"
)
_TOP_LINES = 12


@dataclass(frozen=True)
class DateCandidate:
    """A calendar date found in the text, with where it starts and ends."""

    value: dt.date
    start: int
    end: int


def find_document_date(
    text: str,
    *,
    date_spans: Sequence[Span] = (),
    birth_date_spans: Sequence[Span] = (),
) -> dt.date | None:
    """The letter's own date, or None when no date is labelled, placed or on top."""
    folded = fold(text)
    scored = [
        (_score(folded, candidate), -candidate.start, candidate)
        for candidate in _candidates(folded, date_spans)
        if not _overlaps(candidate, birth_date_spans)
        and not _BIRTH.search(_prefix(folded, candidate.start, 40))
    ]
    scored = [entry for entry in scored if entry[0] >= 2]
    if not scored:
        return None
    return max(scored, key=lambda entry: entry[:2])[2].value


def find_dates(text: str) -> list[DateCandidate]:
    """Every calendar date the patterns recognise in ``text``, in text order."""
    return sorted(_parse_all(fold(text), 0), key=lambda candidate: candidate.start)


def _candidates(folded: str, date_spans: Sequence[Span]) -> list[DateCandidate]:
    found = list(_parse_all(folded, 0))
    for start, end in date_spans:
        if not any(_overlaps(candidate, [(start, end)]) for candidate in found):
            found.extend(_parse_marked_span(folded[start:end], start, end))
    return found


def _parse_marked_span(span: str, start: int, end: int) -> list[DateCandidate]:
    """A span the pseudonymizer called a date, read with OCR slips forgiven."""
    repaired = re.sub(r"\s+", "", span.translate(_OCR_DIGITS))
    return [
        DateCandidate(candidate.value, start, end)
        for candidate in _parse_all(repaired, 0)
    ][:1]


def _parse_all(folded: str, offset: int) -> Iterator[DateCandidate]:
    for match in _NUMERIC.finditer(folded):
        year = _full_year(match.group(4))
        yield from _make(year, int(match.group(3)), int(match.group(1)), match, offset)
    for match in _ISO.finditer(folded):
        year, month, day = (int(group) for group in match.groups())
        yield from _make(year, month, day, match, offset)
    for match in _ROMAN_MONTH.finditer(folded):
        month = _ROMAN[match.group(2)]
        yield from _make(int(match.group(3)), month, int(match.group(1)), match, offset)
    for match in _DAY_MONTH_YEAR.finditer(folded):
        named = MONTHS.get(match.group(2))
        if named:
            yield from _make(
                int(match.group(3)), named, int(match.group(1)), match, offset
            )
    for match in _MONTH_DAY_YEAR.finditer(folded):
        named = MONTHS.get(match.group(1))
        if named:
            yield from _make(
                int(match.group(3)), named, int(match.group(2)), match, offset
            )


def _make(
    year: int, month: int, day: int, match: re.Match[str], offset: int
) -> Iterator[DateCandidate]:
    if not 1900 <= year <= 2100:
        return
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return
    yield DateCandidate(value, match.start() + offset, match.end() + offset)


def _full_year(digits: str) -> int:
    if len(digits) == 4:
        return int(digits)
    pivot = dt.date.today().year % 100 + 1
    return 2000 + int(digits) if int(digits) <= pivot else 1900 + int(digits)


def _score(folded: str, candidate: DateCandidate) -> float:
    prefix = _prefix(folded, candidate.start, 60)
    line_start = folded.rfind("\n", 0, candidate.start) + 1
    line_end = folded.find("\n", candidate.end)
    line = folded[line_start : len(folded) if line_end < 0 else line_end]
    score = 0.0
    if _LABEL.search(prefix):
        score += 5
    if _CITY.search(folded[max(0, line_start - 1) : candidate.start]):
        score += 4
    if folded.count("\n", 0, candidate.start) < _TOP_LINES:
        score += 1.5
    if _RANGE_WORD.search(prefix):
        score -= 2
    if line.strip(" \t.,r") == folded[candidate.start : candidate.end].strip():
        # A date alone on its line is a letter's date line, wherever OCR put it.
        score += 2
    return score


def _prefix(folded: str, start: int, width: int) -> str:
    line_start = folded.rfind("\n", 0, start) + 1
    return folded[max(line_start, start - width) : start]


def _overlaps(candidate: DateCandidate, spans: Sequence[Span]) -> bool:
    return any(start < candidate.end and candidate.start < end for start, end in spans)
