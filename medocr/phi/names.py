"""Personal names: after titles and labels, from name lists, near birth dates, then
every other mention of a surname already found."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator

from medocr.phi import name_cues
from medocr.phi.gazetteer import (
    common_words,
    first_name_spread,
    first_names,
    fold,
    last_names,
)
from medocr.phi.name_tokens import (
    MAX_NAME_TOKENS,
    TITLE_GAPS,
    TOKEN,
    Token,
    after_particles,
    gap_between,
    is_name_like,
    is_single_letter_title,
    is_title,
    make_token,
    name_run,
    name_span,
    title_parts,
)
from medocr.phi.spans import PhiKind, PhiSpan

# Particles that may open a surname after a title: "Herr von Weizsäcker".
_LEADING_PARTICLES = frozenset(
    "van von vom de del della di da du des le la ten ter den der dos das mc mac".split()
)
# First names that are also clinical or everyday words in one of the languages.
_FIRST_NAME_WORDS = frozenset(
    "iris gabe mark will art grace hope dolores amparo consuelo remedios rosario "
    "pilar luz sol mar paz angeles rosa nieves socorro soledad fe gloria victoria "
    "lang august may june summer april china lupe".split()
)


def detect_names(text: str) -> list[PhiSpan]:
    """Names found by every cue, then their surnames wherever else they occur."""
    tokens = [make_token(m) for m in TOKEN.finditer(text)]
    found = list(_cued_names(text, tokens))
    return found + list(_propagated(text, tokens, found))


def _cued_names(text: str, tokens: list[Token]) -> Iterator[PhiSpan]:
    yield from _after_titles(text, tokens)
    yield from _after_labels(text, tokens)
    yield from _from_name_lists(text, tokens)
    yield from _before_birth_marks(text, tokens)
    yield from _after_sign_offs(text, tokens)


def _after_titles(text: str, tokens: list[Token]) -> Iterator[PhiSpan]:
    i = 0
    while i < len(tokens):
        if not is_title(tokens[i]) and tokens[i].word not in name_cues.PATIENT_WORDS:
            i += 1
            continue
        patient_cue = tokens[i].word in name_cues.PATIENT_WORDS
        if is_single_letter_title(tokens[i]) and not _opens_name(text, tokens, i):
            i += 1
            continue
        j = i + 1
        while (
            j < len(tokens)
            and (is_title(tokens[j]) or tokens[j].word.casefold() in title_parts())
            and gap_between(text, tokens[j - 1], tokens[j]).count("\n") <= 1
        ):
            j += 1
        if (
            j < len(tokens)
            and gap_between(text, tokens[j - 1], tokens[j]) in TITLE_GAPS
        ):
            yield from _names_from(text, tokens, j, patient_cue)
        i = j


def _opens_name(text: str, tokens: list[Token], i: int) -> bool:
    """ "M." or "D." is a title only mid-line, not after a colon ("Sexo: M.")."""
    before = text[: tokens[i].start].rstrip(" \t")
    if before.endswith(":") or i + 1 >= len(tokens):
        return False
    return "\n" not in gap_between(text, tokens[i], tokens[i + 1])


def _names_from(
    text: str, tokens: list[Token], j: int, patient_cue: bool
) -> Iterator[PhiSpan]:
    """The name after a title, and one more after "und"/"y"/"and"."""
    gap = gap_between(text, tokens[j - 1], tokens[j]).strip()
    if gap not in ("", ":", ",", "-"):
        return
    start = j
    if tokens[j].word in _LEADING_PARTICLES:
        start = after_particles(text, tokens, j)
    run = name_run(text, tokens, start, invert=True)
    if run is None or (patient_cue and not _plausible_after_patient(tokens, run)):
        return
    if _is_morbus(tokens, j, run):
        return
    run = (j, run[1])
    yield name_span(tokens, run, "patient_word" if patient_cue else "title", 0.9)
    k = run[1]
    if k + 1 < len(tokens) and tokens[k].word.casefold() in name_cues.CONJUNCTIONS:
        more = name_run(text, tokens, k + 1)
        if more is not None and not gap_between(text, tokens[k - 1], tokens[k]).strip():
            yield name_span(tokens, more, "title", 0.8)


def _is_morbus(tokens: list[Token], j: int, run: tuple[int, int]) -> bool:
    """ "M. Parkinson" names a disease (Morbus), not a person."""
    eponym = run[1] - run[0] == 1 and tokens[run[0]].folded in name_cues.EPONYMS
    return eponym and tokens[j - 1].word == "M"


def _plausible_after_patient(tokens: list[Token], run: tuple[int, int]) -> bool:
    """After "Patientin" a single capitalised word is a name only if listed as one."""
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


def _after_labels(text: str, tokens: list[Token]) -> Iterator[PhiSpan]:
    starts = {t.start: index for index, t in enumerate(tokens)}
    for match in _LABEL_RE.finditer(text):
        index = starts.get(match.end())
        while index is not None and index < len(tokens) and is_title(tokens[index]):
            index += 1
        if index is None:
            continue
        run = name_run(text, tokens, index, invert=True)
        if run is not None:
            yield name_span(tokens, run, "label", 0.9)


def _from_name_lists(text: str, tokens: list[Token]) -> Iterator[PhiSpan]:
    for i, token in enumerate(tokens):
        if not is_name_like(token) or len(token.word) < 2:
            continue
        acronym = token.word.isupper() and len(token.word) <= 4
        if token.folded in first_names() and not acronym:
            yield from _first_name_pair(text, tokens, i)
        if (
            i + 1 < len(tokens)
            and gap_between(text, token, tokens[i + 1]).strip() == ","
        ):
            yield from _inverted_pair(tokens, i)
        eponym = token.folded in name_cues.EPONYMS
        if token.folded in last_names() and not eponym and _after_initial(tokens, i):
            yield name_span(tokens, (i - 1, i + 1), "initial", 0.8)


def _after_initial(tokens: list[Token], i: int) -> bool:
    """ "K. Stargardt": an initial, then a listed surname ("M.", "D." are titles)."""
    before = tokens[i - 1] if i else None
    if before is None or len(before.word) != 1 or before.word in "MD":
        return False
    return before.dotted and before.word.isupper()


def _adjacent_name(text: str, tokens: list[Token], i: int) -> bool:
    """True when token i+1 is a name-like word on the same line right after token i."""
    if i + 1 >= len(tokens) or not is_name_like(tokens[i + 1]):
        return False
    return gap_between(text, tokens[i], tokens[i + 1]) in (" ", "  ", "\t")


def _first_name_pair(text: str, tokens: list[Token], i: int) -> Iterator[PhiSpan]:
    """ "Beate Albers": a listed first name and a surname (listed, or one word)."""
    if not _adjacent_name(text, tokens, i):
        if _lone_first_name(text, tokens[i]):
            yield name_span(tokens, (i, i + 1), "first_name", 0.55)
        return
    j = i + 1
    if tokens[j].folded in last_names() or tokens[j].folded in first_names():
        while (
            j + 1 - i < MAX_NAME_TOKENS
            and _adjacent_name(text, tokens, j)
            and (
                tokens[j + 1].folded in last_names()
                or tokens[j + 1].folded in first_names()
            )
        ):
            j += 1
        yield name_span(tokens, (i, j + 1), "name_list", 0.85)
    elif tokens[j].folded not in common_words() and not _adjacent_name(text, tokens, j):
        yield name_span(tokens, (i, j + 1), "name_list", 0.7)


def _inverted_pair(tokens: list[Token], i: int) -> Iterator[PhiSpan]:
    """ "Clausthal, Marie": a surname, a comma and a listed first name."""
    first = tokens[i + 1]
    if (
        first.folded in first_names()
        and is_name_like(first)
        and not first.word.isupper()
    ):
        surname = tokens[i].folded
        if surname in last_names() and surname not in common_words():
            yield name_span(tokens, (i, i + 2), "name_list", 0.8)


def _lone_first_name(text: str, token: Token) -> bool:
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


def _name_in_this_text(text: str, token: Token) -> bool:
    """A first name of several languages that this text never writes in lower case."""
    if first_name_spread().get(token.folded, 0) < 2:
        return False
    lowered = token.word.lower()
    return re.search(rf"(?<!\w){re.escape(lowered)}(?!\w)", text) is None


def _before_birth_marks(text: str, tokens: list[Token]) -> Iterator[PhiSpan]:
    for i in range(len(tokens)):
        if is_title(tokens[i]):
            continue
        run = name_run(text, tokens, i, invert=True)
        if run is None:
            continue
        end = tokens[run[1] - 1].end
        if name_cues.BIRTH_AFTER.match(text, end) and (
            run[1] - run[0] > 1 or tokens[i].folded not in common_words()
        ):
            yield name_span(tokens, run, "before_birth", 0.85)


def _after_sign_offs(text: str, tokens: list[Token]) -> Iterator[PhiSpan]:
    for match in name_cues.SIGN_OFFS.finditer(text):
        window_end = match.end() + 120
        for i, token in enumerate(tokens):
            if match.end() <= token.start < window_end and not is_title(token):
                before = tokens[i - 1] if i else None
                line_start = (
                    before is None
                    or "\n" in gap_between(text, before, token)
                    or is_title(before)
                )
                run = name_run(text, tokens, i) if line_start else None
                if run is not None and run[1] - run[0] > 1 and _listed(tokens, run):
                    yield name_span(tokens, run, "sign_off", 0.8)


def _listed(tokens: list[Token], run: tuple[int, int]) -> bool:
    """True when a word of the run is a listed first or last name."""
    words = {t.folded for t in tokens[run[0] : run[1]]}
    return bool(words & first_names() or words & last_names())


def _propagated(
    text: str, tokens: list[Token], found: list[PhiSpan]
) -> Iterator[PhiSpan]:
    """Other mentions of words found in a confident name, or twice as a lone name."""
    starts = [token.start for token in tokens]
    known: set[str] = set()
    for span in found:
        if span.confidence < 0.8:
            continue
        first = bisect.bisect_left(starts, span.start)
        for token in tokens[first : bisect.bisect_left(starts, span.end)]:
            if len(token.word) > 2 and token.folded not in name_cues.PARTICLES:
                known.add(token.folded)
    known -= common_words()
    lone = Counter(
        fold(text[s.start : s.end]) for s in found if s.detector == "first_name"
    )
    known |= {word for word, count in lone.items() if count > 1}
    for index, token in enumerate(tokens):
        folded = token.folded
        stem = folded[:-1] if folded.endswith("s") else None
        after_article = index > 0 and tokens[index - 1].word in name_cues.ARTICLES
        if after_article and gap_between(text, tokens[index - 1], token) == " ":
            continue
        if token.word[0].isupper() and (folded in known or stem in known):
            end = token.start + len(token.word)
            yield PhiSpan(PhiKind.NAME, token.start, end, "same_name", 0.72)
