"""Personal data in medical text: detection, stable pseudonyms, redacted renditions."""

from __future__ import annotations

from medocr.phi.detect import LANGUAGES, detect_phi
from medocr.phi.spans import PhiKind, PhiSpan, merge_spans
from medocr.phi.tokens import (
    OffsetSegment,
    PseudonymizedText,
    Replacement,
    identity_map_json,
    pseudonymize_text,
    token_for,
)

__all__ = [
    "LANGUAGES",
    "OffsetSegment",
    "PhiKind",
    "PhiSpan",
    "PseudonymizedText",
    "Replacement",
    "detect_phi",
    "identity_map_json",
    "merge_spans",
    "pseudonymize_text",
    "token_for",
]
