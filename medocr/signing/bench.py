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
    """Mean seconds per document for one level: wall clock, and CPU for signing."""

    level: str
    documents: int
    sign_seconds: float
    sign_cpu_seconds: float
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
    """Sign ``documents`` copies per level after one warm-up signature.

    CPU seconds stay meaningful on a machine shared with other jobs, where wall-clock
    figures stretch with the load.
    """
    pdf = synthetic_pdf()
    return [_time_level(signer, pdf, level, documents) for level in levels]


def _time_level(
    signer: ConfiguredSigner, pdf: bytes, level: SigningLevel, documents: int
) -> SigningTiming:
    signed = sign_pades(pdf, signer, level=level)
    wall = cpu = checking = 0.0
    for _ in range(documents):
        started, started_cpu = time.perf_counter(), time.process_time()
        signed = sign_pades(pdf, signer, level=level)
        wall += time.perf_counter() - started
        cpu += time.process_time() - started_cpu
        started = time.perf_counter()
        validate_signature(signed, signer.trust)
        checking += time.perf_counter() - started
    return SigningTiming(
        level=level,
        documents=documents,
        sign_seconds=wall / documents,
        sign_cpu_seconds=cpu / documents,
        validate_seconds=checking / documents,
        signed_bytes=len(signed),
    )
