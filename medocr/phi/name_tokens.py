"""The pieces names are built from: word tokens, titles, name-like words, name runs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from medocr.phi import name_cues
from medocr.phi.dates import MONTH_NUMBER
from medocr.phi.gazetteer import country_names, first_names, fold
from medocr.phi.spans import PhiKind, PhiSpan

TOKEN = re.compile(r"[^\W\d_](?:[\w'’\-]*[^\W\d_])?\.?")
MAX_NAME_TOKENS = 4
# Role nouns ("Stationsärztin", "Oberarzt") and roman numerals are never names.
_ROLE_ENDINGS = (
    "arzt", "arztin", "arzte", "pfleger", "schwester",
    # specialties and departments: "Oncología", "Kardiologie", "Chirurgie"
    "ologie", "ologia", "ology", "iatrie", "iatria", "iatry", "chirurgie", "cirugia",
    "chirurgia", "surgery", "medizin", "medica", "medicale", "medicine",
)  # fmt: skip
_ROMAN = re.compile(r"[IVX]{2,5}")
_CAMEL = re.compile(r"(?:[^\W\d_a-zß-ÿ][a-zß-ÿ]+){2,3}")
TITLE_GAPS = frozenset((" ", "  ", ": ", ":", ", ", "", " : ", ":  "))
# Capitalised titles that are also abbreviations: "MR Becken" is an MRI.
_CAPITAL_AMBIGUOUS = frozenset(
    "MR MS MRS MM DON SIR MISS DAME PAN PANA HEER PR MW".split()
)


@dataclass(frozen=True)
class Token:
    """A word of the text at ``[start, end)``; ``dotted`` when a period follows it."""

    start: int
    end: int
    word: str  # without a trailing dot
    dotted: bool
    folded: str  # the word case- and accent-folded, for list lookups


def make_token(match: re.Match[str]) -> Token:
    """The token of one ``TOKEN`` match."""
    word = match.group().rstrip(".")
    return Token(match.start(), match.end(), word, match.group() != word, fold(word))


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(t.rstrip(".") for t in name_cues.TITLES)


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Function words, roles and countries (not "Mauricio"), folded: never names."""
    countries = country_names() - first_names()
    return frozenset(fold(w) for w in name_cues.NOT_NAMES) | countries


def _is_month(folded: str) -> bool:
    """A month's full name that is no first name ("März"; not "Jan", "April")."""
    return len(folded) > 3 and folded in MONTH_NUMBER and folded not in first_names()


@lru_cache(maxsize=1)
def title_parts() -> frozenset[str]:
    """Words that continue a title ("med.", "Kollegin"), folded, without dots."""
    parts = name_cues.TITLE_PARTS + ("ra", "na", "ssa", "mo", "ma", "med", "doz", "in")
    return frozenset(p.rstrip(".").casefold() for p in parts)


def is_single_letter_title(token: Token) -> bool:
    """ "M." and "D.": courtesy titles or initials, decided by their context."""
    return token.word in ("D", "M") and token.dotted


def is_title(token: Token) -> bool:
    """Titles match as written or in capitals; a role word ending a sentence not."""
    word = token.word
    if word in ("D", "M"):
        return token.dotted
    if word.casefold() in ("fr", "hr", "sr", "sra", "dhr", "mevr", "mw"):
        return token.dotted
    if token.dotted and len(word) > 5:
        return False
    if word.isupper() and word not in _CAPITAL_AMBIGUOUS:
        return word in _titles() or word.capitalize() in _titles()
    return word in _titles()


def is_name_like(token: Token) -> bool:
    """A capitalised word that can be part of a name (not a title, role or month)."""
    word = token.word
    if not word[0].isupper() or token.folded in _not_names():
        return False
    if any(ch.isdigit() for ch in word):
        return False
    if len(word) == 1:
        return token.dotted
    if is_title(token) or _is_month(token.folded):
        return False
    if token.folded.endswith(_ROLE_ENDINGS) or _ROMAN.fullmatch(word):
        return False
    if _CAMEL.fullmatch(word):  # "McDonald", or two names OCR ran together
        return True
    return word[1:].islower() or word.isupper() or "-" in word or "'" in word


def gap_between(text: str, left: Token, right: Token) -> str:
    """The characters between two tokens."""
    return text[left.end : right.start]


def name_run(
    text: str, tokens: list[Token], i: int, *, invert: bool = False
) -> tuple[int, int] | None:
    """Token range [i, j) of one name: name words, particles between, "Last, First"."""
    if i >= len(tokens) or not is_name_like(tokens[i]):
        return None
    j, names = i + 1, 1
    while j < len(tokens) and names < MAX_NAME_TOKENS:
        if tokens[j - 1].dotted and len(tokens[j - 1].word) > 1:
            break
        gap = gap_between(text, tokens[j - 1], tokens[j])
        inverted = invert and names == 1 and gap.strip(" \t") == ","
        if gap.strip(" \t") and not inverted:
            break
        after = after_particles(text, tokens, j)
        if after > j and after < len(tokens) and is_name_like(tokens[after]):
            j, names = after + 1, names + 1
            continue
        if not is_name_like(tokens[j]):
            break
        j, names = j + 1, names + 1
    return i, j


def after_particles(text: str, tokens: list[Token], j: int) -> int:
    """Index of the first token after particles ("van der", "de la") from j on."""
    k = j
    while k < len(tokens) and tokens[k].word.casefold() in name_cues.PARTICLES:
        if k > j and gap_between(text, tokens[k - 1], tokens[k]).strip():
            return j
        k += 1
    if (
        k > j
        and k < len(tokens)
        and gap_between(text, tokens[k - 1], tokens[k]).strip()
    ):
        return j
    return k


def name_span(
    tokens: list[Token], run: tuple[int, int], how: str, conf: float
) -> PhiSpan:
    """The NAME span of tokens [run[0], run[1]), without a trailing period."""
    first, last = tokens[run[0]], tokens[run[1] - 1]
    end = last.end if len(last.word) == 1 else last.start + len(last.word)
    return PhiSpan(PhiKind.NAME, first.start, end, how, conf)
