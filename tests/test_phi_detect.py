"""How detections combine, and that hostile text cannot stall the detectors."""

from __future__ import annotations

import time

import pytest

from medocr.phi import PhiKind, PhiSpan, detect_phi, merge_spans


def test_the_more_confident_kind_keeps_the_overlap() -> None:
    text = "Calle Miguel Benitez 90"
    spans = [
        PhiSpan(PhiKind.ADDRESS, 0, 23, "street", 0.85),
        PhiSpan(PhiKind.NAME, 6, 20, "name_list", 0.7),
    ]
    assert merge_spans(spans, text) == [spans[0]]


def test_spans_of_one_kind_join() -> None:
    text = "Beate Albers Albers"
    spans = [
        PhiSpan(PhiKind.NAME, 0, 12, "a", 0.9),
        PhiSpan(PhiKind.NAME, 6, 19, "b", 0.8),
    ]
    (merged,) = merge_spans(spans, text)
    assert (merged.start, merged.end, merged.confidence) == (0, 19, 0.9)


def test_a_weaker_span_keeps_its_uncovered_words() -> None:
    text = "Dr. Peset Av. Gaspar Aguilar, 90"
    spans = [
        PhiSpan(PhiKind.ADDRESS, 10, 32, "street", 0.85),
        PhiSpan(PhiKind.NAME, 4, 28, "title", 0.8),
    ]
    merged = merge_spans(spans, text)
    assert [(text[s.start : s.end], s.kind) for s in merged] == [
        ("Peset", PhiKind.NAME),
        ("Av. Gaspar Aguilar, 90", PhiKind.ADDRESS),
    ]


def test_detected_spans_never_overlap_and_carry_no_text() -> None:
    text = (
        "Patientin: Beate Albers, geb. 04.04.1997, Calle Mayor 5, 28013 Madrid, "
        "Tel. +34 91 123 45 67, beate@example.org, NASS 26 63514095."
    )
    spans = detect_phi(text)
    for left, right in zip(spans, spans[1:], strict=False):
        assert left.end <= right.start
    assert "Albers" not in repr(spans)


@pytest.mark.parametrize(
    "text",
    [
        "1 " * 25_000,
        "A" * 50_000,
        "1." * 25_000,
        "a@" * 25_000,
        "a." * 25_000 + "@",
        "Calle " * 8_000,
        "Herr Müller " * 4_000,
        "1-" * 25_000,
        "12345 Berlin Berlin " * 2_500,
    ],
    ids=[
        "digits",
        "letters",
        "dots",
        "ats",
        "email",
        "calle",
        "herr",
        "dashes",
        "towns",
    ],
)
def test_hostile_text_is_handled_in_linear_time(text: str) -> None:
    started = time.monotonic()
    detect_phi(text)
    assert time.monotonic() - started < 30


def test_no_span_crosses_a_page_break() -> None:
    text = "Rückruf unter Tel. 0261 210\f39989 erbeten.\fFrau Albers"
    for span in detect_phi(text):
        assert "\f" not in text[span.start : span.end]
