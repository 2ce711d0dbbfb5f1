"""Ages of a person: "55-jährige", "70 años", "âgé de 80 ans", "Edad: 39"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from medocr.phi.spans import PhiKind, PhiSpan

_UNIT = (
    r"(?:-?\s?(?:j(?:a|ä)hr(?:ig|\.)\w*|j\.|jahre?n?\s+alt|lebensjahr\w*|lj\.?)"
    r"|\s?(?:años?(?:\s+de\s+edad)?|ans\b|anni\b|jaar\b|jarige\b|-?jarig\w*|lat(?:a|ek)?\b"
    r"|years?[\s-]old|-year-old|y/?o\b))"
)
_NUMBER_AGE = re.compile(
    rf"(?<![\w.,/-])(?P<age>\d{{1,3}})\.?(?:{_UNIT})", re.IGNORECASE
)
_LABELLED_AGE = re.compile(
    r"(?<!\w)(?:alter|edad|âge|età|eta|leeftijd|wiek|age)\s?:\s*(?P<age>\d{1,3})(?!\d)",
    re.IGNORECASE,
)
_AT_AGE = re.compile(
    r"(?<!\w)(?:im alter von|a los|à l'âge de|âgée? de|all'età di|op (?:\d+-?)?"
    r"leeftijd van|w wieku|at (?:the )?age(?: of)?|aged)\s+(?P<age>\d{1,3})(?!\d)",
    re.IGNORECASE,
)
# Durations look like ages: "seit 5 Jahren", "hace 3 años", "for 2 years".
_DURATION = re.compile(
    r"(?:seit|vor|alle|für|since|for|ago|depuis|il y a|pendant|desde|hace|durante|"
    r"da|fa|per|sinds|gedurende|od|przez|temu)\s*$",
    re.IGNORECASE,
)


def detect_ages(text: str) -> Iterator[PhiSpan]:
    """Ages of 0 to 120 years, given with a unit, a label or an "at the age of"."""
    for pattern in (_NUMBER_AGE, _LABELLED_AGE, _AT_AGE):
        for match in pattern.finditer(text):
            if int(match.group("age")) > 120:
                continue
            if pattern is _NUMBER_AGE and _DURATION.search(text[: match.start()][-20:]):
                continue
            start, end = match.span("age")
            yield PhiSpan(start, end, PhiKind.AGE, "age", 0.8)
