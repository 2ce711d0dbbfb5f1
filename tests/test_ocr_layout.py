"""Reading order: columns one after another, tables row by row, bridged lines split."""

from __future__ import annotations

import numpy as np

from medocr.ocr.engine import content_box
from medocr.ocr.layout import Word, WordLine, order_lines, split_at_gaps
from medocr.ocr.types import OcrLine

HEIGHT = 40.0


def _line(text: str, x0: float, row: int, width: float = 700.0) -> OcrLine:
    y0 = 100 + row * 60
    return OcrLine(text=text, box=(x0, y0, x0 + width, y0 + HEIGHT), confidence=0.9)


def _column(name: str, x0: float, rows: range) -> list[OcrLine]:
    return [_line(f"{name} line {r} has several words", x0, r) for r in rows]


def test_two_columns_are_read_one_after_the_other() -> None:
    left, right = _column("left", 100, range(8)), _column("right", 860, range(8))
    interleaved = [line for pair in zip(right, left, strict=True) for line in pair]
    assert order_lines(interleaved) == left + right


def test_full_width_heading_and_footer_frame_the_columns() -> None:
    heading = _line("A heading that spans the whole page width", 100, 0, width=1460)
    left, right = _column("left", 100, range(1, 6)), _column("right", 860, range(1, 6))
    footer = _line("A footer that spans the whole page width too", 100, 7, width=1460)
    shuffled = [footer, *right, heading, *left]
    assert order_lines(shuffled) == [heading, *left, *right, footer]


def test_a_column_with_a_short_last_line_stays_in_its_column() -> None:
    left = _column("left", 100, range(5))
    left.append(_line("end.", 100, 5, width=80))
    right = _column("right", 860, range(6))
    assert order_lines(right + left) == left + right


def test_table_cells_are_read_row_by_row() -> None:
    cells = [
        _line(text, x0, row, width=200)
        for row, values in enumerate([("Hb", "13.2", "g/dl"), ("Na", "140", "mmol/l")])
        for text, x0 in zip(values, (100, 600, 1100), strict=True)
    ]
    assert [c.text for c in order_lines(list(reversed(cells)))] == [
        "Hb",
        "13.2",
        "g/dl",
        "Na",
        "140",
        "mmol/l",
    ]


def _word(text: str, x0: float, x1: float) -> Word:
    return Word(text=text, confidence=0.9, box=(x0, 0.0, x1, HEIGHT))


def test_a_line_bridging_a_column_gap_is_split_into_two() -> None:
    words = (
        _word("links", 0, 100),
        _word("Spalte", 115, 240),
        _word("rechts", 400, 520),
    )
    line = WordLine(text="links Spalte rechts", confidence=0.95, words=words)
    parts = split_at_gaps(line)
    assert [p.text for p in parts] == ["links Spalte", "rechts"]
    assert parts[0].box == (0, 0.0, 240, HEIGHT)
    assert parts[1].box[0] == 400


def test_ordinary_word_spacing_keeps_a_line_whole() -> None:
    words = (_word("Dr.", 0, 60), _word("Müller", 75, 200), _word("schreibt", 215, 380))
    line = WordLine(text="Dr. Müller schreibt", confidence=0.93, words=words)
    assert split_at_gaps(line) == [
        OcrLine(text="Dr. Müller schreibt", box=(0, 0.0, 380, HEIGHT), confidence=0.93)
    ]


def test_the_detector_sees_only_the_inked_part_of_a_page() -> None:
    page = np.full((400, 300, 3), 255, dtype=np.uint8)
    page[100:120, 50:200] = 0
    assert content_box(page) == (4, 52, 248, 168)
    assert content_box(np.full((40, 30, 3), 250, dtype=np.uint8)) is None


def test_words_the_recognizer_parted_without_a_space_get_one() -> None:
    words = (
        Word("Médico:", 0.99, (100, 100, 260, 140)),
        Word("Muruzábal", 0.99, (280, 100, 480, 140)),
        Word("NºCol:", 0.99, (515, 100, 640, 140)),
        Word("31-20-25896.", 0.99, (650, 100, 900, 140)),
    )
    line = WordLine("Médico: MuruzábalNºCol: 31-20-25896.", 0.99, words)
    (split,) = split_at_gaps(line)
    assert split.text == "Médico: Muruzábal NºCol: 31-20-25896."


def test_a_line_whose_words_do_not_spell_its_text_keeps_its_text() -> None:
    words = (
        Word("Hb", 0.9, (100, 100, 150, 140)),
        Word("13", 0.9, (170, 100, 220, 140)),
    )
    line = WordLine("Hb 13.2", 0.9, words)
    assert [ln.text for ln in split_at_gaps(line)] == ["Hb 13.2"]


def test_a_value_tabbed_away_from_its_label_stays_on_its_row() -> None:
    label = _line("Médico: Josep Rubio Palau Paseo", 100, 0, width=600)
    value = _line("N Col: 08-08-25574.", 1000, 0, width=300)
    reason = _line("Motivo de ingreso: Dolor abdominal.", 100, 1, width=650)
    history = _line("Antecedentes: a long line across the whole width", 100, 2, 1300)
    lines = [history, reason, value, label]
    assert order_lines(lines) == [label, value, reason, history]
