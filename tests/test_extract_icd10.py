"""ICD-10 codes are matched strictly and checked against the chapter ranges."""

from __future__ import annotations

import re

import pytest

from medocr.icd10 import category_regex, code_regex, is_valid_code
from tasks.extract import find_icd10_codes


def test_the_generated_regex_accepts_exactly_the_valid_categories() -> None:
    pattern = re.compile(category_regex())
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        for number in range(100):
            category = f"{letter}{number:02d}"
            assert bool(pattern.fullmatch(category)) == is_valid_code(category)


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("A00", True),
        ("D48.9", True),
        ("D49", False),
        ("E90", True),
        ("E91", False),
        ("H95.8", True),
        ("H96", False),
        ("K94", False),
        ("P97", False),
        ("T98.3", True),
        ("T99", False),
        ("V00", False),
        ("Y99", False),
        ("U07.1", True),
        ("E11.91", True),
        ("E11.911", False),
        ("e11.9", False),
        ("E1", False),
    ],
)
def test_code_validity_follows_syntax_and_chapters(code: str, valid: bool) -> None:
    assert is_valid_code(code) is valid
    assert bool(re.fullmatch(code_regex(), code)) is valid


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Diagnosen: E11.9, I10, N18.3", ("E11.9", "I10", "N18.3")),
        ("Hypertonie (I10) und Diabetes (E11.9)", ("I10", "E11.9")),
        ("ICD-10-GM: I10.90 G, E11.91 V", ("I10.90", "E11.91")),
        ("Diagnóstico: J18.9; CIE-10 J18.9", ("J18.9",)),
        ("Diagnoza: K35.8", ("K35.8",)),
        ("diagnosi E11.-", ("E11",)),
    ],
)
def test_codes_are_found_once_in_order(text: str, codes: tuple[str, ...]) -> None:
    assert find_icd10_codes(text) == codes


@pytest.mark.parametrize(
    "text",
    [
        "Vitamin B12 im Normbereich",
        "London E14 5AB",
        "Postfach D-10115 Berlin",
        "Blatt A4, Zimmer C12",
        "KVNR A123456780",
        "Diagnose: E91.0 und T99",
        "Version 1.2, Formular B20/3",
        "code XE11.9 and E11.9x",
    ],
)
def test_random_tokens_are_not_taken_for_codes(text: str) -> None:
    assert find_icd10_codes(text) == ()


def test_a_bare_code_counts_on_the_line_after_a_diagnosis_heading() -> None:
    assert find_icd10_codes("Diagnosen:\nI10 Hypertonie") == ("I10",)


def test_a_chapter_i_code_read_with_a_one_is_recovered_under_a_diagnosis_heading() -> (
    None
):
    assert find_icd10_codes("Rozpoznania\n150.9\nNiewydolność serca") == ("I50.9",)
    assert find_icd10_codes("Diagnoses\n110\nEssential hypertension") == ("I10",)


def test_a_number_alone_on_its_line_without_a_diagnosis_heading_is_no_code() -> None:
    assert find_icd10_codes("Rechnung\nBetrag\n150.9\nEUR") == ()
