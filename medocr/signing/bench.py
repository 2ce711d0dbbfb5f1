"""Measure signing speed per PAdES level on a small synthetic document."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

import pymupdf

from medocr.settings import SigningLevel
from medocr.signing.configured import ConfiguredSigner
from medocr.signing.pades import sign_pades
from medocr.signing.validation import validate_signature


@dataclass(frozen=True)
class SigningTiming:
    """Mean seconds per document for one level, signing alone and with validation."""

    level: str
    documents: int
    sign_seconds: float
    validate_seconds: float
    signed_bytes: int


def synthetic_pdf(pages: int = 1) -> bytes:
    """A small text PDF with no personal data, standing in for a redacted letter."""
    document = pymupdf.open()
    for number in range(pages):
        page = document.new_page()
        page.insert_text((72, 72), f"medocr signing benchmark, page {number + 1}")
    return document.tobytes()


def bench_signing(
    signer: ConfiguredSigner, levels: Iterable[SigningLevel], documents: int
) -> list[SigningTiming]:
    """Sign ``documents`` copies per level after one warm-up signature."""
    pdf = synthetic_pdf()
    timings = []
    for level in levels:
        signed = sign_pades(pdf, signer, level=level)
        sign_total = validate_total = 0.0
        for _ in range(documents):
            started = time.perf_counter()
            signed = sign_pades(pdf, signer, level=level)
            sign_total += time.perf_counter() - started
            started = time.perf_counter()
            validate_signature(signed, signer.trust)
            validate_total += time.perf_counter() - started
        timings.append(
            SigningTiming(
                level,
                documents,
                sign_total / documents,
                validate_total / documents,
                len(signed),
            )
        )
    return timings
