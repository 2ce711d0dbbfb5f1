"""What a detector reports: a kind of personal data and where it sits in the text."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from enum import StrEnum


class PhiKind(StrEnum):
    """Kinds of personal data medocr detects and replaces."""

    NAME = "NAME"
    DATE_OF_BIRTH = "DATE_OF_BIRTH"
    DATE = "DATE"
    NATIONAL_ID = "NATIONAL_ID"
    INSURANCE_ID = "INSURANCE_ID"
    IBAN = "IBAN"
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    RECORD_NUMBER = "RECORD_NUMBER"
    ADDRESS = "ADDRESS"
    POSTCODE = "POSTCODE"
    LOCATION = "LOCATION"
    AGE = "AGE"
    CONTACT = "CONTACT"


# When two spans of different kinds and equal confidence overlap, the higher rank wins.
_RANK = {
    PhiKind.IBAN: 13,
    PhiKind.EMAIL: 12,
    PhiKind.NATIONAL_ID: 11,
    PhiKind.INSURANCE_ID: 10,
    PhiKind.CONTACT: 9,
    PhiKind.PHONE: 8,
    PhiKind.DATE_OF_BIRTH: 7,
    PhiKind.RECORD_NUMBER: 6,
    PhiKind.DATE: 5,
    PhiKind.ADDRESS: 4,
    PhiKind.POSTCODE: 3,
    PhiKind.NAME: 2,
    PhiKind.AGE: 1,
    PhiKind.LOCATION: 0,
}


@dataclass(frozen=True)
class PhiSpan:
    """A detected span ``text[start:end]``; it holds offsets only, never the text."""

    kind: PhiKind
    start: int
    end: int
    detector: str
    confidence: float

    def overlaps(self, other: PhiSpan) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


def merge_spans(spans: list[PhiSpan], text: str) -> list[PhiSpan]:
    """Resolve overlaps: a kind joins itself, else the more confident span stays."""
    ordered = sorted(
        spans, key=lambda s: (-s.confidence, -_RANK[s.kind], s.start - s.end)
    )
    starts: list[int] = []
    kept: list[PhiSpan] = []
    longest = 0
    for span in ordered:
        pieces = [span]
        first = bisect.bisect_left(starts, span.start - longest)
        last = bisect.bisect_left(starts, span.end)
        for other in kept[first:last]:
            if other.kind != span.kind:
                pieces = [q for p in pieces for q in _subtract(p, other, text)]
        for piece in pieces:
            index = bisect.bisect_right(starts, piece.start)
            starts.insert(index, piece.start)
            kept.insert(index, piece)
            longest = max(longest, piece.end - piece.start)
    return _join_same_kind(sorted(kept, key=lambda s: (s.start, s.end)))


def _subtract(span: PhiSpan, other: PhiSpan, text: str) -> list[PhiSpan]:
    """The parts of ``span`` outside ``other`` that still hold a word."""
    if not span.overlaps(other):
        return [span]
    parts = []
    if span.start < other.start:
        parts.append(replace(span, end=other.start))
    if span.end > other.end:
        parts.append(replace(span, start=other.end))
    trimmed = (_trim(part, text) for part in parts)
    return [part for part in trimmed if part is not None]


def _join_same_kind(spans: list[PhiSpan]) -> list[PhiSpan]:
    """Join overlapping spans of one kind into their union."""
    joined: list[PhiSpan] = []
    for span in spans:
        last = joined[-1] if joined else None
        if last is not None and last.kind == span.kind and last.end > span.start:
            joined[-1] = replace(
                last,
                end=max(last.end, span.end),
                confidence=max(last.confidence, span.confidence),
            )
        else:
            joined.append(span)
    return joined


def _trim(span: PhiSpan, text: str) -> PhiSpan | None:
    """Strip spaces and punctuation at both ends; None when under two letters remain."""
    start, end = span.start, span.end
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    if sum(ch.isalnum() for ch in text[start:end]) < 2:
        return None
    return replace(span, start=start, end=end)
