"""Personal names: after titles and labels, from name lists, near birth dates, then
every other mention of a surname already found."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from medocr.phi import name_cues
from medocr.phi.dates import MONTH_NUMBER
from medocr.phi.gazetteer import (
    common_words,
    first_name_spread,
    first_names,
    fold,
    last_names,
)
from medocr.phi.spans import PhiKind, PhiSpan

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’\-]*[^\W\d_])?\.?")
_MAX_NAME_TOKENS = 4
# Role nouns ("Stationsärztin", "Oberarzt") and roman numerals are never names.
_ROLE_ENDINGS = ("arzt", "arztin", "arzte", "pfleger", "schwester")
_ROMAN = re.compile(r"[IVX]{2,5}")
_TITLE_GAPS = frozenset((" ", "  ", ": ", ":", ", ", "", " : ", ":  "))
# Capitalised titles that are also abbreviations: "MR Becken" is an MRI.
_CAPITAL_AMBIGUOUS = frozenset(
    "MR MS MRS MM DON SIR MISS DAME PAN PANA HEER PR MW".split()
)
# First names that are also clinical or everyday words in one of the languages.
_FIRST_NAME_WORDS = frozenset(
    "iris gabe mark will art grace hope dolores amparo consuelo remedios rosario "
    "pilar luz sol mar paz angeles rosa nieves socorro soledad fe gloria victoria "
    "lang august may june summer april china lupe".split()
)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str  # without a trailing dot
    dotted: bool

    @property
    def folded(self) -> str:
        return fold(self.word)


def detect_names(text: str) -> list[PhiSpan]:
    """Names found by every cue, then their surnames wherever else they occur."""
    tokens = [_token(m) for m in _TOKEN.finditer(text)]
    found = list(_cued_names(text, tokens))
    return found + list(_propagated(text, tokens, found))


def _token(match: re.Match[str]) -> _Token:
    word = match.group()
    dotted = word.endswith(".")
    return _Token(match.start(), match.end(), word.rstrip("."), dotted)


def _cued_names(text: str, tokens: list[_Token]) -> Iterator[PhiSpan]:
    yield from _after_titles(text, tokens)
    yield from _after_labels(text, tokens)
    yield from _from_name_lists(text, tokens)
    yield from _before_birth_marks(text, tokens)
    yield from _after_sign_offs(text, tokens)


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(t.rstrip(".") for t in name_cues.TITLES)


@lru_cache(maxsize=1)
def _title_parts() -> frozenset[str]:
    parts = name_cues.TITLE_PARTS + ("ra", "na", "ssa", "mo", "ma", "med", "doz", "in")
    return frozenset(p.rstrip(".").casefold() for p in parts)


def _is_single_letter_title(token: _Token) -> bool:
    return token.word in ("D", "M") and token.dotted


def _is_title(token: _Token) -> bool:
    """Titles match as written (or in capitals); a role word ending a sentence does not."""
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


def _is_name_like(token: _Token) -> bool:
    word = token.word
    if not word[0].isupper() or token.folded in name_cues.NOT_NAMES:
        return False
    if any(ch.isdigit() for ch in word):
        return False
    if len(word) == 1:
        return token.dotted
    if _is_title(token) or token.folded in MONTH_NUMBER:
        return False
    if token.folded.endswith(_ROLE_ENDINGS) or _ROMAN.fullmatch(word):
        return False
    return word[1:].islower() or word.isupper() or "-" in word or "'" in word


def _gap(text: str, left: _Token, right: _Token) -> str:
    return text[left.end : right.start]


def _run(
    text: str, tokens: list[_Token], i: int, *, invert: bool = False
) -> tuple[int, int] | None:
    """Token range [i, j) of one name: name words, particles between, "Last, First"."""
    if i >= len(tokens) or not _is_name_like(tokens[i]):
        return None
    j, names = i + 1, 1
    while j < len(tokens) and names < _MAX_NAME_TOKENS:
        if tokens[j - 1].dotted and len(tokens[j - 1].word) > 1:
            break
        gap = _gap(text, tokens[j - 1], tokens[j])
        inverted = invert and names == 1 and gap.strip(" \t") == ","
        if gap.strip(" \t") and not inverted:
            break
        after = _after_particles(text, tokens, j)
        if after > j and after < len(tokens) and _is_name_like(tokens[after]):
            j, names = after + 1, names + 1
            continue
        if not _is_name_like(tokens[j]):
            break
        j, names = j + 1, names + 1
    return i, j


def _after_particles(text: str, tokens: list[_Token], j: int) -> int:
    """Index of the first token after particles ("van der", "de la") from j on."""
    k = j
    while k < len(tokens) and tokens[k].word.casefold() in name_cues.PARTICLES:
        if k > j and _gap(text, tokens[k - 1], tokens[k]).strip():
            return j
        k += 1
    if k > j and k < len(tokens) and _gap(text, tokens[k - 1], tokens[k]).strip():
        return j
    return k


def _span(tokens: list[_Token], run: tuple[int, int], how: str, conf: float) -> PhiSpan:
    first, last = tokens[run[0]], tokens[run[1] - 1]
    end = last.end if len(last.word) == 1 else last.start + len(last.word)
    return PhiSpan(first.start, end, PhiKind.NAME, how, conf)


def _after_titles(text: str, tokens: list[_Token]) -> Iterator[PhiSpan]:
    i = 0
    while i < len(tokens):
        if not _is_title(tokens[i]) and tokens[i].word not in name_cues.PATIENT_WORDS:
            i += 1
            continue
        patient_cue = tokens[i].word in name_cues.PATIENT_WORDS
        if _is_single_letter_title(tokens[i]) and not _opens_name(text, tokens, i):
            i += 1
            continue
        j = i + 1
        while (
            j < len(tokens)
            and (_is_title(tokens[j]) or tokens[j].word.casefold() in _title_parts())
            and _gap(text, tokens[j - 1], tokens[j]).count("\n") <= 1
        ):
            j += 1
        if j < len(tokens) and _gap(text, tokens[j - 1], tokens[j]) in _TITLE_GAPS:
            yield from _names_from(text, tokens, j, patient_cue)
        i = j


def _opens_name(text: str, tokens: list[_Token], i: int) -> bool:
    """ "M." or "D." is a courtesy title only mid-line, not after a colon ("Sexo: M.")."""
    before = text[: tokens[i].start].rstrip(" \t")
    if before.endswith(":") or i + 1 >= len(tokens):
        return False
    return "\n" not in _gap(text, tokens[i], tokens[i + 1])


def _names_from(
    text: str, tokens: list[_Token], j: int, patient_cue: bool
) -> Iterator[PhiSpan]:
    """The name after a title, and one more after "und"/"y"/"and"."""
    gap = _gap(text, tokens[j - 1], tokens[j]).strip()
    if gap not in ("", ":", ",", "-"):
        return
    start = _after_particles(text, tokens, j)
    run = _run(text, tokens, start, invert=True)
    if run is None or (patient_cue and not _plausible_after_patient(tokens, run)):
        return
    run = (j, run[1])
    yield _span(tokens, run, "patient_word" if patient_cue else "title", 0.9)
    k = run[1]
    if k + 1 < len(tokens) and tokens[k].word.casefold() in name_cues.CONJUNCTIONS:
        more = _run(text, tokens, k + 1)
        if more is not None and not _gap(text, tokens[k - 1], tokens[k]).strip():
            yield _span(tokens, more, "title", 0.8)


def _plausible_after_patient(tokens: list[_Token], run: tuple[int, int]) -> bool:
    """After "Patientin" a single capitalised word is a name only if it looks like one."""
    words = tokens[run[0] : run[1]]
    if len(words) > 1:
        return True
    folded = words[0].folded
    return folded in first_names() or folded in last_names()


_LABEL_RE = re.compile(
    r"(?<![\w])(?:(?:" + "|".join(name_cues.NAME_LABELS) + r")\.?[ \t]?:|"
    r"(?:" + "|".join(name_cues.NAME_PHRASES) + r"))[ \t]*",
    re.IGNORECASE,
)


def _after_labels(text: str, tokens: list[_Token]) -> Iterator[PhiSpan]:
    starts = {t.start: index for index, t in enumerate(tokens)}
    for match in _LABEL_RE.finditer(text):
        index = starts.get(match.end())
        while index is not None and index < len(tokens) and _is_title(tokens[index]):
            index += 1
        if index is None:
            continue
        run = _run(text, tokens, index, invert=True)
        if run is not None:
            yield _span(tokens, run, "label", 0.9)


def _from_name_lists(text: str, tokens: list[_Token]) -> Iterator[PhiSpan]:
    for i, token in enumerate(tokens):
        if not _is_name_like(token) or len(token.word) < 2:
            continue
        acronym = token.word.isupper() and len(token.word) <= 4
        if token.folded in first_names() and not acronym:
            yield from _first_name_pair(text, tokens, i)
        if i + 1 < len(tokens) and _gap(text, token, tokens[i + 1]).strip() == ",":
            yield from _inverted_pair(tokens, i)
        eponym = token.folded in name_cues.EPONYMS
        if token.folded in last_names() and not eponym and _after_initial(tokens, i):
            yield _span(tokens, (i - 1, i + 1), "initial", 0.8)


def _after_initial(tokens: list[_Token], i: int) -> bool:
    """ "K. Stargardt": an initial before a listed surname ("M." and "D." are titles)."""
    before = tokens[i - 1] if i else None
    if before is None or len(before.word) != 1 or before.word in "MD":
        return False
    return before.dotted and before.word.isupper()


def _adjacent_name(text: str, tokens: list[_Token], i: int) -> bool:
    """True when token i+1 is a name-like word on the same line right after token i."""
    if i + 1 >= len(tokens) or not _is_name_like(tokens[i + 1]):
        return False
    return _gap(text, tokens[i], tokens[i + 1]) in (" ", "  ", "\t")


def _first_name_pair(text: str, tokens: list[_Token], i: int) -> Iterator[PhiSpan]:
    """ "Beate Albers": a listed first name and a surname (listed, or one plain word)."""
    if not _adjacent_name(text, tokens, i):
        if _lone_first_name(text, tokens[i]):
            yield _span(tokens, (i, i + 1), "first_name", 0.55)
        return
    j = i + 1
    if tokens[j].folded in last_names() or tokens[j].folded in first_names():
        while (
            j + 1 - i < _MAX_NAME_TOKENS
            and _adjacent_name(text, tokens, j)
            and (
                tokens[j + 1].folded in last_names()
                or tokens[j + 1].folded in first_names()
            )
        ):
            j += 1
        yield _span(tokens, (i, j + 1), "name_list", 0.85)
    elif tokens[j].folded not in common_words() and not _adjacent_name(text, tokens, j):
        yield _span(tokens, (i, j + 1), "name_list", 0.7)


def _inverted_pair(tokens: list[_Token], i: int) -> Iterator[PhiSpan]:
    """ "Clausthal, Marie": a surname, a comma and a listed first name."""
    first = tokens[i + 1]
    if (
        first.folded in first_names()
        and _is_name_like(first)
        and not first.word.isupper()
    ):
        surname = tokens[i].folded
        if surname in last_names() and surname not in common_words():
            yield _span(tokens, (i, i + 2), "name_list", 0.8)


def _lone_first_name(text: str, token: _Token) -> bool:
    """A listed first name alone, mid-sentence, that is not also an everyday word."""
    folded = token.folded
    if folded in _FIRST_NAME_WORDS or folded in name_cues.EPONYMS or len(folded) < 3:
        return False
    if token.word.isupper():
        return False
    if folded in common_words() and not _name_in_this_text(text, token):
        return False
    before = text[: token.start].rstrip(" \t")
    if not before or before[-1] in ".!?:\n•-–*" or before[-1].isdigit():
        return False
    return True


def _name_in_this_text(text: str, token: _Token) -> bool:
    """A first name of several languages that this text never writes in lower case."""
    if first_name_spread().get(token.folded, 0) < 2:
        return False
    lowered = token.word.lower()
    return re.search(rf"(?<!\w){re.escape(lowered)}(?!\w)", text) is None


def _before_birth_marks(text: str, tokens: list[_Token]) -> Iterator[PhiSpan]:
    for i in range(len(tokens)):
        if _is_title(tokens[i]):
            continue
        run = _run(text, tokens, i, invert=True)
        if run is None:
            continue
        end = tokens[run[1] - 1].end
        if name_cues.BIRTH_AFTER.match(text, end) and (
            run[1] - run[0] > 1 or tokens[i].folded not in common_words()
        ):
            yield _span(tokens, run, "before_birth", 0.85)


def _after_sign_offs(text: str, tokens: list[_Token]) -> Iterator[PhiSpan]:
    starts = sorted(t.start for t in tokens)
    for match in name_cues.SIGN_OFFS.finditer(text):
        window_end = match.end() + 120
        for i, token in enumerate(tokens):
            if match.end() <= token.start < window_end and not _is_title(token):
                before = tokens[i - 1] if i else None
                line_start = (
                    before is None
                    or "\n" in _gap(text, before, token)
                    or _is_title(before)
                )
                run = _run(text, tokens, i) if line_start else None
                if run is not None and run[1] - run[0] > 1 and _listed(tokens, run):
                    yield _span(tokens, run, "sign_off", 0.8)
    del starts


def _listed(tokens: list[_Token], run: tuple[int, int]) -> bool:
    """True when a word of the run is a listed first or last name."""
    words = {t.folded for t in tokens[run[0] : run[1]]}
    return bool(words & first_names() or words & last_names())


def _propagated(
    text: str, tokens: list[_Token], found: list[PhiSpan]
) -> Iterator[PhiSpan]:
    """Other mentions of words already found in a confident name."""
    known: set[str] = set()
    for span in found:
        if span.confidence < 0.8:
            continue
        for token in tokens:
            if span.start <= token.start < span.end and len(token.word) > 2:
                if token.folded not in name_cues.PARTICLES:
                    known.add(token.folded)
    known -= common_words()
    for index, token in enumerate(tokens):
        folded = token.folded
        stem = folded[:-1] if folded.endswith("s") else None
        after_article = index > 0 and tokens[index - 1].word in name_cues.ARTICLES
        if after_article and _gap(text, tokens[index - 1], token) == " ":
            continue
        if token.word[0].isupper() and (folded in known or stem in known):
            end = token.start + len(token.word)
            yield PhiSpan(token.start, end, PhiKind.NAME, "same_name", 0.72)
