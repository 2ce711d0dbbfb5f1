"""Dates in numeric and written forms (seven languages), and which are births."""

from __future__ import annotations

import re
from collections.abc import Iterator

from medocr.phi.spans import PhiKind, PhiSpan

# Month names and abbreviations -> month number; the first entries are full names.
_MONTHS: dict[int, tuple[str, ...]] = {
    1: (
        "januar",
        "jänner",
        "janvier",
        "gennaio",
        "enero",
        "januari",
        "styczeń",
        "stycznia",
        "january",
        "jan",
        "janv",
        "gen",
        "ene",
        "sty",
    ),
    2: (
        "februar",
        "feber",
        "février",
        "febbraio",
        "febrero",
        "februari",
        "luty",
        "lutego",
        "february",
        "feb",
        "févr",
        "fév",
        "lut",
    ),
    3: (
        "märz",
        "mars",
        "marzo",
        "maart",
        "marzec",
        "marca",
        "march",
        "mär",
        "mrz",
        "mar",
        "mrt",
    ),
    4: (
        "april",
        "avril",
        "aprile",
        "abril",
        "kwiecień",
        "kwietnia",
        "apr",
        "avr",
        "abr",
        "kwi",
    ),
    5: ("mai", "maggio", "mayo", "mei", "maj", "maja", "may", "mag"),
    6: (
        "juni",
        "juin",
        "giugno",
        "junio",
        "czerwiec",
        "czerwca",
        "june",
        "jun",
        "giu",
        "cze",
    ),
    7: (
        "juli",
        "juillet",
        "luglio",
        "julio",
        "lipiec",
        "lipca",
        "july",
        "jul",
        "juil",
        "lug",
        "lip",
    ),
    8: (
        "august",
        "août",
        "agosto",
        "augustus",
        "sierpień",
        "sierpnia",
        "aug",
        "ago",
        "sie",
    ),
    9: (
        "september",
        "septembre",
        "settembre",
        "septiembre",
        "setiembre",
        "wrzesień",
        "września",
        "sep",
        "sept",
        "set",
        "wrz",
    ),
    10: (
        "oktober",
        "octobre",
        "ottobre",
        "octubre",
        "październik",
        "października",
        "october",
        "okt",
        "oct",
        "ott",
        "paź",
    ),
    11: ("november", "novembre", "noviembre", "listopad", "listopada", "nov", "lis"),
    12: (
        "dezember",
        "décembre",
        "dicembre",
        "diciembre",
        "december",
        "grudzień",
        "grudnia",
        "dez",
        "déc",
        "dic",
        "dec",
        "gru",
    ),
}
MONTH_NUMBER = {name: number for number, names in _MONTHS.items() for name in names}
# Full month names that also are everyday words or first names: never alone.
_AMBIGUOUS_ALONE = {"may", "august", "maj"}

_MONTH = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
# Month names long enough to be read glued to a year, as OCR does: "noviembre06".
_LONG_MONTH = "|".join(
    sorted(
        (m for m in MONTH_NUMBER if len(m) >= 4 and m not in _AMBIGUOUS_ALONE),
        key=len,
        reverse=True,
    )
)
_UNIT = r"(?!\s?(?:mg|ml|µg|mcg|g\b|kg|mmhg|mm|cm|%|h\b|min|iu|ie|e\b|x\b|l\b))"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_NUM_MONTH = r"(?:0?[1-9]|1[0-2])"
_SEP = r"\s?[./\-]\s?"
_YEAR = r"(?:19|20)\d{2}"
_OF = r"(?:\s(?:de|del|of)\s|\s?[.,]?\s)"

_PATTERNS = (
    # 4.4.1997, 23.04 2029, 03/03/1946, 21-03-07
    (rf"{_DAY}{_SEP}{_NUM_MONTH}(?:{_SEP}|\s)(?:{_YEAR}|\d{{2}})(?![\d.,]\d)", 0.95),
    (rf"{_YEAR}-{_NUM_MONTH}-{_DAY}(?!\d)", 0.95),
    # 19.3. without a year
    (rf"{_DAY}\.{_NUM_MONTH}\.(?![\d])", 0.8),
    # 27. März 2025, 3 de marzo de 2015, 1er mars 2020
    (
        rf"{_DAY}(?:\.|er|st|nd|rd|th)?(?:\s(?:de\s)?|\.)(?:{_MONTH})\.?"
        rf"(?:{_OF}(?:{_YEAR}|'?\d{{2}}(?!\d)))?",
        0.9,
    ),
    # March 3, 2020; Februar 2019; noviembre 06; Enero de 1999
    (rf"(?:{_MONTH})\.?\s{_DAY}(?:st|nd|rd|th)?,?\s{_YEAR}", 0.9),
    (rf"(?:{_MONTH})\.?{_OF}(?:{_YEAR}|'?\d{{2}})(?![\d:.,]\d)", 0.85),
    # noviembre06, März2019: the space lost in OCR
    (rf"(?:{_LONG_MONTH})(?:{_YEAR}|\d{{2}})(?![\d:.,]\d)", 0.8),
    # 05/2020, 9/20, 01/97
    (rf"{_NUM_MONTH}(?:/(?:{_YEAR}|\d{{2}})|\.{_YEAR})(?![\d/.,]\d){_UNIT}", 0.7),
)
_COMPILED = tuple(
    (re.compile(rf"(?<![\w.,]){p}(?![\w])", re.IGNORECASE), c) for p, c in _PATTERNS
)
# The first day of a range written with the second date's month and year:
# "vom 1. - 21. Juli 2022", "06-07.11.2024", "05.11-18.11.2024", "du 3 au 5 mai".
# It must follow a date preposition, a bracket or a line start.
_RANGE_START = re.compile(
    r"(?:^|[(\[]|(?<![\w])(?i:vom|von|am|ab|zwischen|from|between|on|du|le|entre|dal|"
    r"il|dai|tra|fra|del|desde|el|los|van|op|tussen|od|w|dnia)[ \t])[ \t]*"
    rf"(?P<first>{_DAY}\.?(?:{_NUM_MONTH}\.?)?)[ \t]?"
    r"(?:[-–/]|[ \t](?i:bis|und|to|and|au|et|al|y|e|tot|en|do|i)[ \t])[ \t]*$",
    re.MULTILINE,
)
_LONE_YEAR = re.compile(rf"(?<![\w/.,:-]){_YEAR}(?![\w/]|[.,]\d){_UNIT}")
_LONE_MONTH = re.compile(rf"(?<![\w])(?:{_MONTH})(?![\w])", re.IGNORECASE)
_BIRTH = re.compile(
    r"(?:geb(?:oren)?\.?(?:\s?am)?|\*|geburtsdatum|geb\.-?datum|n[ée]e? le|"
    r"date de naissance|nat[oa] il|data di nascita|fecha de nacimiento|f\.\s?nac\.?|"
    r"nacid[oa] el|geboren op|geboortedatum|data urodzenia|ur\.|urodzon[ya]|"
    r"d\.?o\.?b\.?|date of birth|born(?: on)?)\s?[:.]?\s*$",
    re.IGNORECASE,
)


def detect_dates(text: str) -> Iterator[PhiSpan]:
    """Every date; the ones right after a birth label are reported as births."""
    for pattern, confidence in _COMPILED:
        for match in pattern.finditer(text):
            yield _classified(text, match.start(), match.end(), confidence)
            yield from _range_start(text, match.start())
    for match in _LONE_YEAR.finditer(text):
        yield PhiSpan(PhiKind.DATE, match.start(), match.end(), "year", 0.6)
    for match in _LONE_MONTH.finditer(text):
        word = match.group().casefold()
        if (
            len(word) > 3
            and word not in _AMBIGUOUS_ALONE
            and _MONTHS[MONTH_NUMBER[word]].index(word) < 8
        ):
            yield PhiSpan(PhiKind.DATE, match.start(), match.end(), "month", 0.5)


def _range_start(text: str, start: int) -> Iterator[PhiSpan]:
    """The first day of a range ending in the date at ``start``: it is a date too."""
    window = max(0, text.rfind("\n", 0, start) + 1, start - 40)
    match = _RANGE_START.search(text, window, start)
    if match is not None:
        first, end = match.span("first")
        yield PhiSpan(PhiKind.DATE, first, end, "range_start", 0.8)


def _classified(text: str, start: int, end: int, confidence: float) -> PhiSpan:
    before = text[max(0, start - 30) : start]
    if _BIRTH.search(before):
        return PhiSpan(PhiKind.DATE_OF_BIRTH, start, end, "birth_date", 0.97)
    return PhiSpan(PhiKind.DATE, start, end, "date", confidence)


def normalize_date(value: str) -> str:
    """A canonical form (``YYYY-MM-DD`` where known) so one date keeps one token."""
    words = re.findall(r"[^\W\d_]+|\d+", value.casefold())
    numbers = [w for w in words if w.isdigit()]
    month = next((MONTH_NUMBER[w] for w in words if w in MONTH_NUMBER), None)
    if month is not None:
        numbers = (
            [str(month)] + numbers
            if len(numbers) < 2
            else numbers[:1] + [str(month)] + numbers[1:]
        )
    if len(numbers) == 3:
        day, month_text, year = numbers
        if len(day) == 4:
            day, year = year, day
        return f"{_full_year(year)}-{int(month_text):02d}-{int(day):02d}"
    return "-".join(str(int(n)) for n in numbers)


def _full_year(year: str) -> str:
    if len(year) == 4:
        return year
    return ("19" if int(year) > 30 else "20") + year.zfill(2)
