"""Extract stage: the structured fields of a hand-off record from OCR text.

Document type and language come from weighted keywords and stopword profiles in seven
languages, the document date from :mod:`medocr.document_dates`, ICD-10 codes from the
pseudonymized text with a strict pattern checked against the chapter ranges.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from medocr.document_dates import Span, find_document_date
from medocr.document_lexicon import (
    LANGUAGES,
    PSEUDONYM_TOKEN,
    STOPWORDS,
    TYPE_KEYWORDS,
    fold,
)
from medocr.icd10 import is_valid_category

logger = logging.getLogger(__name__)

UNKNOWN_TYPE = "unknown"
_MIN_TYPE_SCORE = 2.5
_MIN_STOPWORD_HITS = 2
_MAX_HITS_PER_KEYWORD = 3
_HEADING_LINES = 25
_HEADING_CHARS = 60

_ICD_CANDIDATE = re.compile(
    r"(?<![\w.,/-])([A-Z])([0-9]{2})(?:\.([0-9]{1,2})|\.-)?(?:[ ]?[GVZA!*†+])?"
    r"(?![\w]|[.,]\d|-\d)"
)
_MISREAD_I = re.compile(r"(?m)^[ \t]*[1l|]([0-9]{2})(?:\.([0-9]{1,2}))?[ \t]*$")
_UK_POSTCODE_TAIL = re.compile(r"\s?\d[A-Z]{2}\b")
_ICD_CONTEXT = re.compile(
    r"icd|cim|cie|diagnos|diagnoz|rozpozn|dg\.|dx|code|kod|codice|codigo|\(\s*$",
)
_STOPWORD_SHARE = {
    lang: {
        word: 1 / sum(word in STOPWORDS[other] for other in LANGUAGES)
        for word in STOPWORDS[lang]
    }
    for lang in LANGUAGES
}
_TYPE_PATTERNS = {
    record_type: tuple(
        (re.compile(r"(?<![a-z0-9])" + re.escape(keyword)), weight)
        for keyword, weight in keywords
    )
    for record_type, keywords in TYPE_KEYWORDS.items()
}


@dataclass(frozen=True)
class ExtractedFields:
    """What the extract stage read from one document; no direct identifiers."""

    record_type: str
    language: str | None
    document_date: str | None
    icd10_codes: tuple[str, ...]
    page_count: int
    ocr_confidence_mean: float
    ocr_confidence_min: float

    def as_record_fields(self) -> dict[str, Any]:
        """The hand-off record's fields this stage fills (lists, not tuples)."""
        return {
            "record_type": self.record_type,
            "language": self.language,
            "document_date": self.document_date,
            "icd10_codes": list(self.icd10_codes),
            "page_count": self.page_count,
            "ocr_confidence_mean": self.ocr_confidence_mean,
            "ocr_confidence_min": self.ocr_confidence_min,
        }


def extract_fields(
    text: str,
    *,
    pseudonymized_text: str,
    page_count: int,
    confidences: Sequence[float],
    date_spans: Sequence[Span] = (),
    birth_date_spans: Sequence[Span] = (),
) -> ExtractedFields:
    """Read type, language, date, ICD-10 codes and OCR quality from one document.

    ``text`` is the OCR text (used for the date only, since the pseudonymizer may
    replace dates); everything else is read from ``pseudonymized_text``. Spans are
    character offsets into ``text``.
    """
    document_date = find_document_date(
        text, date_spans=date_spans, birth_date_spans=birth_date_spans
    )
    mean, minimum = _confidence_summary(confidences)
    fields = ExtractedFields(
        record_type=classify_document(pseudonymized_text),
        language=detect_language(pseudonymized_text),
        document_date=document_date.isoformat() if document_date else None,
        icd10_codes=find_icd10_codes(pseudonymized_text),
        page_count=page_count,
        ocr_confidence_mean=mean,
        ocr_confidence_min=minimum,
    )
    logger.debug(
        "extracted type=%s language=%s codes=%d dated=%s",
        fields.record_type,
        fields.language,
        len(fields.icd10_codes),
        fields.document_date is not None,
    )
    return fields


def classify_document(text: str) -> str:
    """The record type whose weighted keywords score highest, else ``unknown``.

    A keyword that also stands in a heading (a short line near the top) counts once
    more, since letters name their kind in a title under the letterhead.
    """
    searchable, headings = _searchable(text), _headings(text)
    scores = sorted(
        (
            (_type_score(searchable, headings, patterns), kind)
            for kind, patterns in _TYPE_PATTERNS.items()
        ),
        reverse=True,
    )
    (best, kind), (runner_up, _) = scores[0], scores[1]
    if best < _MIN_TYPE_SCORE or best == runner_up:
        return UNKNOWN_TYPE
    return kind


def detect_language(text: str) -> str | None:
    """The language whose stopwords weigh most, or None when unclear.

    A stopword shared by several languages ("de", "en", "la") counts for each of
    them in equal parts, so the distinctive ones decide.
    """
    words = re.findall(r"[^\W\d_]+", _searchable(text))
    hits = sorted(
        (
            (math.fsum(_STOPWORD_SHARE[lang].get(word, 0.0) for word in words), lang)
            for lang in LANGUAGES
        ),
        reverse=True,
    )
    (best, language), (runner_up, _) = hits[0], hits[1]
    if best < _MIN_STOPWORD_HITS or best == runner_up:
        return None
    return language


def find_icd10_codes(text: str) -> tuple[str, ...]:
    """ICD-10 codes in order of appearance, each once, validated against chapters.

    A bare three-character code (``I10``) counts only on a line that speaks of
    diagnoses or codes, or inside parentheses, so that tokens such as vitamin names
    or postcodes are not taken for codes.
    """
    found: list[tuple[int, str]] = []
    for match in _ICD_CANDIDATE.finditer(text):
        category = match.group(1) + match.group(2)
        if not is_valid_category(category):
            continue
        if _UK_POSTCODE_TAIL.match(text, match.end()):
            continue
        if match.group(3) is None and not _has_code_context(text, match.start()):
            continue
        found.append((match.start(), _code(category, match.group(3))))
    found.extend(_misread_chapter_i(text))
    return tuple(dict.fromkeys(code for _, code in sorted(found)))


def _code(category: str, subcategory: str | None) -> str:
    return category + (f".{subcategory}" if subcategory else "")


def _misread_chapter_i(text: str) -> list[tuple[int, str]]:
    """Chapter I codes that OCR read with a one or an l for the I ("150.9").

    Only a code standing alone on its line under a diagnosis heading is taken, so
    an ordinary number is never mistaken for one.
    """
    found = []
    for match in _MISREAD_I.finditer(text):
        category = "I" + match.group(1)
        if is_valid_category(category) and _has_code_context(text, match.start()):
            found.append((match.start(), _code(category, match.group(2))))
    return found


def _has_code_context(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, max(0, text.rfind("\n", 0, start))) + 1
    return bool(_ICD_CONTEXT.search(fold(text[line_start:start])))


def _type_score(
    searchable: str, headings: str, patterns: Sequence[tuple[re.Pattern[str], float]]
) -> float:
    score = 0.0
    for pattern, weight in patterns:
        hits = min(len(pattern.findall(searchable)), _MAX_HITS_PER_KEYWORD)
        if hits:
            score += weight * (hits + bool(pattern.search(headings)))
    return score


def _headings(text: str) -> str:
    """Short lines among the first ones, folded: where a letter puts its title."""
    lines = PSEUDONYM_TOKEN.sub(" ", text).splitlines()[:_HEADING_LINES]
    return "\n".join(
        fold(line.strip()) for line in lines if len(line.strip()) <= _HEADING_CHARS
    )


def _searchable(text: str) -> str:
    """Folded text without pseudonym tokens, hyphenated breaks joined, spaces collapsed.

    Tokens go first: their hex digests would otherwise read as stopwords ("a", "e").
    """
    untokened = PSEUDONYM_TOKEN.sub(" ", text)
    joined = re.sub(r"(?<=[^\W\d_])-\s*\n\s*(?=[^\W\d_])", "", untokened)
    return re.sub(r"\s+", " ", fold(joined))


def _confidence_summary(confidences: Sequence[float]) -> tuple[float, float]:
    """Mean and minimum; (0.0, 0.0) when nothing was recognised, NaN kept as NaN."""
    values = [float(value) for value in confidences]
    if not values:
        return 0.0, 0.0
    if any(math.isnan(value) for value in values):
        return math.nan, math.nan
    return math.fsum(values) / len(values), min(values)
