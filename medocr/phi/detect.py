"""``detect_phi``: every detector over one text, overlaps resolved."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from medocr.phi.addresses import detect_addresses
from medocr.phi.ages import detect_ages
from medocr.phi.checksums import detect_checksum_ids, detect_ibans
from medocr.phi.contact import detect_emails, detect_phones, detect_urls
from medocr.phi.dates import detect_dates
from medocr.phi.names import detect_names
from medocr.phi.places import detect_places
from medocr.phi.records import detect_record_numbers
from medocr.phi.spans import PhiSpan, merge_spans

logger = logging.getLogger(__name__)

LANGUAGES = ("de", "fr", "it", "es", "nl", "pl", "en")

Detector = Callable[[str], Iterable[PhiSpan]]

# Detectors of numbers read the text with OCR's letter-for-digit slips undone.
_NUMERIC_DETECTORS: tuple[Detector, ...] = (
    detect_checksum_ids,
    detect_ibans,
    detect_phones,
    detect_record_numbers,
    detect_dates,
    detect_ages,
)
_TEXT_DETECTORS: tuple[Detector, ...] = (
    detect_emails,
    detect_urls,
    detect_addresses,
    detect_places,
    detect_names,
)
_SLIP = re.compile(r"(?<=\d)[OolI|]|[OolI|](?=[\d.,/-]?\d)")
_AS_DIGIT = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})


def detect_phi(text: str, language: str | None = None) -> list[PhiSpan]:
    """Personal data in ``text``, as non-overlapping spans in text order.

    Args:
        text: OCR or typed text, any of the seven supported languages.
        language: ISO 639-1 code when known; every language's cues apply anyway,
            because letters mix languages (a Spanish address in a German letter).

    Raises:
        ValueError: for a language outside the supported seven.
    """
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unsupported language code; expected one of {LANGUAGES}")
    digits = digit_shadow(text)
    found = [span for detector in _NUMERIC_DETECTORS for span in detector(digits)]
    found += [span for detector in _TEXT_DETECTORS for span in detector(text)]
    # Letter-led ids, and IBANs with a letter I or O (Italian CIN), the shadow misread.
    found += detect_checksum_ids(text)
    found += detect_ibans(text)
    merged = [
        piece for span in merge_spans(found, text) for piece in _per_page(span, text)
    ]
    logger.debug("phi detection: %d candidates, %d spans", len(found), len(merged))
    return merged


def digit_shadow(text: str) -> str:
    """``text`` with O/o and l/I/| next to digits read as 0 and 1 (same length)."""
    for _ in range(2):
        text = _SLIP.sub(lambda m: m.group().translate(_AS_DIGIT), text)
    return text


def _per_page(span: PhiSpan, text: str) -> list[PhiSpan]:
    """A span never crosses a page break (form feed): it is cut into one per page."""
    pieces, start = [], span.start
    while (cut := text.find("\f", start, span.end)) >= 0:
        if cut > start:
            pieces.append(replace(span, start=start, end=cut))
        start = cut + 1
    if start < span.end:
        pieces.append(replace(span, start=start))
    return pieces
