"""ICD-10 code syntax and the chapter ranges a real code must fall into.

A code is a letter, two digits and an optional subdivision of one or two digits
(``E11.9``; ICD-10-GM adds a second digit, ``E11.91``). The category must lie inside
one of the WHO chapters; U00-U99 covers the codes reserved for special purposes
(ICD-10-GM uses the whole block).
"""

from __future__ import annotations

import re

# (first category, last category) of every chapter, inclusive.
CHAPTER_RANGES: tuple[tuple[str, str], ...] = (
    ("A00", "B99"),
    ("C00", "D48"),
    ("D50", "D89"),
    ("E00", "E90"),
    ("F00", "F99"),
    ("G00", "G99"),
    ("H00", "H59"),
    ("H60", "H95"),
    ("I00", "I99"),
    ("J00", "J99"),
    ("K00", "K93"),
    ("L00", "L99"),
    ("M00", "M99"),
    ("N00", "N99"),
    ("O00", "O99"),
    ("P00", "P96"),
    ("Q00", "Q99"),
    ("R00", "R99"),
    ("S00", "T98"),
    ("V01", "Y98"),
    ("Z00", "Z99"),
    ("U00", "U99"),
)

_SYNTAX = re.compile(r"[A-Z][0-9]{2}(?:\.[0-9]{1,2})?")


def _category_key(category: str) -> int:
    """Order categories across letters: ``A00`` -> 0, ``B99`` -> 199."""
    return (ord(category[0]) - ord("A")) * 100 + int(category[1:3])


def is_valid_category(category: str) -> bool:
    """True if the three-character category lies inside a chapter."""
    key = _category_key(category)
    return any(
        _category_key(low) <= key <= _category_key(high) for low, high in CHAPTER_RANGES
    )


def is_valid_code(code: str) -> bool:
    """True for a syntactically correct code whose category is inside a chapter."""
    return bool(_SYNTAX.fullmatch(code)) and is_valid_category(code[:3])


def _valid_categories() -> list[str]:
    return [
        f"{chr(ord('A') + letter)}{number:02d}"
        for letter in range(26)
        for number in range(100)
        if is_valid_category(f"{chr(ord('A') + letter)}{number:02d}")
    ]


def category_regex() -> str:
    """A regular expression (no anchors) matching exactly the valid categories."""
    units: dict[str, dict[str, list[str]]] = {}
    for category in _valid_categories():
        units.setdefault(category[0], {}).setdefault(category[1], []).append(
            category[2]
        )
    letters = []
    for letter, tens in units.items():
        branches = [f"{ten}[{digits[0]}-{digits[-1]}]" for ten, digits in tens.items()]
        letters.append(f"{letter}(?:{'|'.join(branches)})")
    return f"(?:{'|'.join(letters)})"


def code_regex() -> str:
    """A regular expression (no anchors) for one valid code with subdivision."""
    return f"{category_regex()}(?:\\.[0-9]{{1,2}})?"
