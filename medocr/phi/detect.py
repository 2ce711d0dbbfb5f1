"""``detect_phi``: every detector over one text, overlaps resolved."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from medocr.phi.addresses import detect_addresses, detect_places
from medocr.phi.ages import detect_ages
from medocr.phi.checksums import detect_checksum_ids, detect_ibans
from medocr.phi.contact import detect_emails, detect_phones, detect_urls
from medocr.phi.dates import detect_dates
from medocr.phi.names import detect_names
from medocr.phi.records import detect_record_numbers
from medocr.phi.spans import PhiSpan, merge_spans

logger = logging.getLogger(__name__)

LANGUAGES = ("de", "fr", "it", "es", "nl", "pl", "en")

_DETECTORS: tuple[Callable[[str], Iterable[PhiSpan]], ...] = (
    detect_checksum_ids,
    detect_ibans,
    detect_emails,
    detect_urls,
    detect_phones,
    detect_record_numbers,
    detect_dates,
    detect_ages,
    detect_addresses,
    detect_places,
    detect_names,
)


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
    found = [span for detector in _DETECTORS for span in detector(text)]
    merged = merge_spans(found, text)
    logger.debug("phi detection: %d candidates, %d spans", len(found), len(merged))
    return merged
