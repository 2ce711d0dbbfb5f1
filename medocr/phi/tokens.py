"""Replacing detected spans by stable tokens, and the identity map that undoes it.

A token is an HMAC-SHA256 of the span's kind and normalised value under the
deployment's token key, so one patient's name gives one token in every document, and
nobody without the key can test a guessed name against a token.
"""

from __future__ import annotations

import bisect
import hashlib
import hmac
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from medocr.phi.dates import normalize_date
from medocr.phi.gazetteer import fold
from medocr.phi.spans import PhiKind, PhiSpan

TOKEN_HEX = 8
_MIN_KEY_BYTES = 16
_NAME_WORD = re.compile(r"[^\W\d_][\w'’\-]*")

# Kinds that share one token namespace: a birth date and the same date elsewhere.
_NAMESPACE = {PhiKind.DATE_OF_BIRTH: PhiKind.DATE}
_COMPACT_KINDS = {
    PhiKind.NATIONAL_ID,
    PhiKind.INSURANCE_ID,
    PhiKind.IBAN,
    PhiKind.RECORD_NUMBER,
    PhiKind.POSTCODE,
}


@dataclass(frozen=True)
class Replacement:
    """One replaced span: where it was in the original and the token put there."""

    kind: PhiKind
    start: int
    end: int
    token: str
    original: str


@dataclass(frozen=True)
class OffsetSegment:
    """A stretch of the original text and the stretch of tokenised text it became."""

    source_start: int
    source_end: int
    target_start: int
    target_end: int
    replaced: bool


@dataclass(frozen=True)
class PseudonymizedText:
    """Tokenised text, what was replaced, and the offset map between the two texts."""

    text: str
    replacements: tuple[Replacement, ...]
    segments: tuple[OffsetSegment, ...]

    def to_target(self, source_offset: int) -> int:
        """Offset in the tokenised text for an offset in the original text."""
        index = _segment_index([s.source_start for s in self.segments], source_offset)
        segment = self.segments[index]
        if segment.replaced:
            return segment.target_start
        return segment.target_start + min(
            source_offset - segment.source_start,
            segment.source_end - segment.source_start,
        )

    def to_source(self, target_offset: int) -> int:
        """Offset in the original text for an offset in the tokenised text."""
        index = _segment_index([s.target_start for s in self.segments], target_offset)
        segment = self.segments[index]
        if segment.replaced:
            return segment.source_start
        return segment.source_start + min(
            target_offset - segment.target_start,
            segment.target_end - segment.target_start,
        )


def _segment_index(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def pseudonymize_text(
    text: str, spans: Sequence[PhiSpan], token_key: bytes
) -> PseudonymizedText:
    """Replace every span by its token; spans must not overlap (as ``detect_phi``'s).

    Args:
        text: the original text.
        spans: detected spans over ``text``.
        token_key: the deployment's token key (at least 16 bytes) from the key provider.

    Raises:
        ValueError: for a short key or overlapping spans.
    """
    if len(token_key) < _MIN_KEY_BYTES:
        raise ValueError("token key must be at least 16 bytes")
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    parts: list[str] = []
    replacements: list[Replacement] = []
    segments: list[OffsetSegment] = []
    cursor = target = 0
    for span in ordered:
        if span.start < cursor:
            raise ValueError("spans overlap; merge them before pseudonymizing")
        target = _keep(text, cursor, span.start, target, parts, segments)
        original = text[span.start : span.end]
        token = token_for(span.kind, original, token_key)
        parts.append(token)
        segments.append(
            OffsetSegment(span.start, span.end, target, target + len(token), True)
        )
        replacements.append(
            Replacement(span.kind, span.start, span.end, token, original)
        )
        cursor, target = span.end, target + len(token)
    _keep(text, cursor, len(text), target, parts, segments)
    return PseudonymizedText("".join(parts), tuple(replacements), tuple(segments))


def _keep(
    text: str,
    start: int,
    end: int,
    target: int,
    parts: list[str],
    segments: list[OffsetSegment],
) -> int:
    """Copy ``text[start:end]`` unchanged; returns the new target offset."""
    if end <= start:
        return target
    parts.append(text[start:end])
    segments.append(OffsetSegment(start, end, target, target + end - start, False))
    return target + end - start


def token_for(kind: PhiKind, original: str, token_key: bytes) -> str:
    """The token for one value: ``[KIND_hex]``; names get one token per word."""
    namespace = _NAMESPACE.get(kind, kind)
    if kind is PhiKind.NAME:
        words = [fold(w) for w in _NAME_WORD.findall(original)] or [fold(original)]
        return " ".join(f"[NAME_{_digest(namespace, w, token_key)}]" for w in words)
    value = normalize_value(kind, original)
    return f"[{namespace.value}_{_digest(namespace, value, token_key)}]"


def normalize_value(kind: PhiKind, original: str) -> str:
    """The form two spellings of one value share (spacing, case, OCR O/0 and l/1)."""
    text = unicodedata.normalize("NFKC", original).strip()
    if kind in (PhiKind.DATE, PhiKind.DATE_OF_BIRTH):
        return normalize_date(text)
    if kind in _COMPACT_KINDS:
        compact = re.sub(r"[\s.\-/]", "", text).upper()
        return compact[:2] + compact[2:].replace("O", "0") if compact else compact
    if kind is PhiKind.PHONE:
        digits = re.sub(r"\D", "", text.replace("+", "00"))
        return digits
    return " ".join(fold(text).split())


def _digest(kind: PhiKind, value: str, token_key: bytes) -> str:
    message = f"{kind.value}\x00{value}".encode()
    return hmac.new(token_key, message, hashlib.sha256).hexdigest()[:TOKEN_HEX]


def identity_map_json(replacements: Sequence[Replacement]) -> bytes:
    """The token -> original values map as JSON bytes, for the ``identity`` zone."""
    originals: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for item in replacements:
        values = originals.setdefault(item.token, [])
        kinds[item.token] = item.kind.value
        if item.original not in values:
            values.append(item.original)
    entries = [
        {"token": token, "kind": kinds[token], "originals": originals[token]}
        for token in sorted(originals)
    ]
    payload = {"version": 1, "entries": entries}
    return json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
