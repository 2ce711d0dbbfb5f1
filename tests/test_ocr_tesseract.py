"""Tesseract as the comparison engine: its TSV grouped into lines in its own order."""

from __future__ import annotations

import pytest

from medocr.ocr.metrics import character_error_rate, word_error_rate
from medocr.ocr.specimens import text_page
from medocr.ocr.tesseract import TesseractEngine, lines_from_tsv, tesseract_available

HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def _word(block: int, line: int, left: int, text: str, conf: float) -> str:
    return f"5\t1\t{block}\t1\t{line}\t1\t{left}\t10\t40\t20\t{conf}\t{text}"


def test_tsv_words_are_grouped_into_lines_with_boxes_and_mean_confidence() -> None:
    tsv = "\n".join(
        [
            HEADER,
            "4\t1\t1\t1\t1\t0\t0\t0\t100\t30\t-1\t",
            _word(1, 1, 10, "Größe:", 90),
            _word(1, 1, 60, "1,80", 70),
            _word(2, 1, 10, "Gewicht", 100),
            _word(2, 1, 60, " ", -1),
        ]
    )
    lines = lines_from_tsv(tsv)
    assert [line.text for line in lines] == ["Größe: 1,80", "Gewicht"]
    assert lines[0].box == (10, 10, 100, 30)
    assert lines[0].confidence == pytest.approx(0.8)


def test_error_rates_normalise_whitespace_and_unicode_composition() -> None:
    assert character_error_rate("Fu\u0308ße  und\nBeine", "Füße und Beine") == 0.0
    assert character_error_rate("Füsse", "Füße") == pytest.approx(0.5)
    assert word_error_rate("eins zwei drei", "eins zwei vier") == pytest.approx(1 / 3)


@pytest.mark.slow
@pytest.mark.skipif(not tesseract_available(), reason="tesseract is not installed")
def test_tesseract_reads_a_rendered_page() -> None:
    lines = ["Der Befund ist unauffällig.", "Kontrolle in zwei Wochen."]
    page = text_page([lines], size=(1400, 400))
    text = "\n".join(
        line.text for line in TesseractEngine(languages="deu").read_page(page)
    )
    assert character_error_rate(text, "\n".join(lines)) <= 0.05
