"""Character and word error rates against a reference text."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

_WHITESPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """NFC, every run of whitespace as one space, no leading or trailing space."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def character_error_rate(recognised: str, reference: str) -> float:
    """Levenshtein distance of the normalised texts over the reference's length."""
    hypothesis, truth = normalize_text(recognised), normalize_text(reference)
    return Levenshtein.distance(hypothesis, truth) / max(len(truth), 1)


def word_error_rate(recognised: str, reference: str) -> float:
    """Word-level Levenshtein distance over the reference's word count."""
    hypothesis = normalize_text(recognised).split(" ")
    truth = normalize_text(reference).split(" ")
    return Levenshtein.distance(hypothesis, truth) / max(len(truth), 1)
