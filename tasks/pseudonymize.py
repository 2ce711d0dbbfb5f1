"""Stage: replace personal data in a document's text by stable, keyed tokens."""

from __future__ import annotations

import logging
from collections import Counter

from medocr.phi import PseudonymizedText, detect_phi, pseudonymize_text

logger = logging.getLogger(__name__)


def pseudonymize_document(
    text: str, *, token_key: bytes, language: str | None
) -> PseudonymizedText:
    """Detect personal data in ``text`` and replace it by tokens keyed by ``token_key``.

    The caller stores ``identity_map_json(result.replacements)`` in the identity zone;
    this function writes nothing and logs counts per kind only.
    """
    spans = detect_phi(text, language)
    result = pseudonymize_text(text, spans, token_key)
    counts = Counter(span.kind.value for span in spans)
    logger.info("pseudonymized: %d spans %s", len(spans), dict(sorted(counts.items())))
    return result
