"""OCR result types: text joining, confidence statistics and the JSON round trip."""

from __future__ import annotations

import pytest

from medocr.ocr.types import ConfidenceStats, DocumentText, OcrLine, OcrPage


def _page(index: int, *texts: str, confidence: float = 0.9) -> OcrPage:
    lines = tuple(
        OcrLine(text=t, box=(0.0, i * 10.0, 100.0, i * 10.0 + 8), confidence=confidence)
        for i, t in enumerate(texts)
    )
    return OcrPage(index=index, width=100, height=200, lines=lines)


def test_document_text_joins_lines_with_newlines_and_pages_with_form_feeds() -> None:
    document = DocumentText(pages=(_page(0, "Größe", "Fuß"), _page(1, "żółć")))
    assert document.text == "Größe\nFuß\fżółć"


def test_confidence_statistics_report_mean_minimum_and_tenth_percentile() -> None:
    stats = ConfidenceStats.of([0.1 * i for i in range(1, 11)])
    assert stats.mean == pytest.approx(0.55)
    assert stats.min == pytest.approx(0.1)
    assert stats.p10 == pytest.approx(0.1)
    assert stats.count == 10


def test_document_confidence_spans_every_page() -> None:
    document = DocumentText(
        pages=(_page(0, "a", confidence=0.5), _page(1, "b", confidence=1.0))
    )
    assert document.confidence.mean == pytest.approx(0.75)
    assert document.confidence.min == pytest.approx(0.5)
    assert document.pages[1].confidence.min == pytest.approx(1.0)


def test_json_round_trip_keeps_every_field() -> None:
    page = OcrPage(
        index=3,
        width=2480,
        height=3508,
        lines=(
            OcrLine(text="Œdème «aigu» – ñ ł", box=(1.5, 2, 3, 4), confidence=0.97),
        ),
        source="text-layer",
        rotation=270,
        skew=-1.25,
    )
    document = DocumentText(pages=(page,))
    assert DocumentText.from_json(document.to_json()) == document


def test_json_of_an_unknown_version_is_refused() -> None:
    with pytest.raises(ValueError):
        DocumentText.from_json(b'{"version": 99, "pages": []}')
