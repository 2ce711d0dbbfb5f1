"""The document date is the letter's own date, never a date of birth or a stay."""

from __future__ import annotations

import datetime as dt

import pytest

from medocr.document_dates import find_dates, find_document_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Berlin, den 12.03.2024\nSehr geehrte Kollegin", dt.date(2024, 3, 12)),
        ("Paris, le 1er avril 2023\nCher confrère", dt.date(2023, 4, 1)),
        ("Roma, 5 maggio 2022\nGentile collega", dt.date(2022, 5, 5)),
        ("Sevilla, 12 de diciembre de 2021\nEstimado colega", dt.date(2021, 12, 12)),
        ("Rotterdam, 30 augustus 2020\nGeachte collega", dt.date(2020, 8, 30)),
        ("Gdańsk, 3 października 2019 r.\nSzanowni", dt.date(2019, 10, 3)),
        ("London, March 3, 2024\nDear colleague", dt.date(2024, 3, 3)),
        ("Befund\n\n\nText " * 10 + "\nDatum: 2024-02-29", dt.date(2024, 2, 29)),
        ("Fecha: 07/06/2018\nInforme", dt.date(2018, 6, 7)),
        ("Data: 07.06.18\nReferto", dt.date(2018, 6, 7)),
        ("Klinik Nord\n\n05.11.2024\n\nArztbrief", dt.date(2024, 11, 5)),
        ("Genève, le 3 MARS 2024", dt.date(2024, 3, 3)),
        ("Munchen, 3. Marz 2024", dt.date(2024, 3, 3)),
    ],
)
def test_the_letters_date_is_found(text: str, expected: dt.date) -> None:
    assert find_document_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Patient geb. 04.04.1957\nText",
        "Herr [NAME_1] (* 4.4.1997) wurde behandelt",
        "Fecha de nacimiento: 03/03/1946.",
        "Née le 2 février 1960",
        "Data di nascita: 12/12/1970",
        "Geboortedatum: 01-02-1955",
        "Data urodzenia: 05.06.1980",
        "Date of birth: 14 July 1966",
    ],
)
def test_a_date_of_birth_is_never_the_document_date(text: str) -> None:
    assert find_document_date(text) is None


def test_a_date_the_pseudonymizer_marked_as_birth_is_skipped() -> None:
    text = "Musterstadt, 21.10.1982\nwohnhaft in der Stadt"
    assert find_document_date(text) == dt.date(1982, 10, 21)
    assert find_document_date(text, birth_date_spans=[(13, 23)]) is None


def test_a_stay_in_running_text_is_not_the_document_date() -> None:
    assert find_document_date("Sie war vom 19.3. bis zum 7.5.2029 bei uns.") is None


def test_a_date_deep_in_the_text_without_label_is_not_taken() -> None:
    text = "Titel\n" + "Zeile\n" * 30 + "Am 12.03.2024 erfolgte die Operation."
    assert find_document_date(text) is None


def test_a_label_beats_a_date_on_top() -> None:
    text = "Aufnahme 01.01.2024\nBericht\nDatum: 05.01.2024"
    assert find_document_date(text) == dt.date(2024, 1, 5)


def test_a_date_span_from_the_pseudonymizer_is_read_with_ocr_slips_forgiven() -> None:
    text = "Datum: 12.O3.2O24\nBefund"
    assert find_document_date(text) is None
    assert find_document_date(text, date_spans=[(7, 17)]) == dt.date(2024, 3, 12)


def test_roman_month_numerals_are_read() -> None:
    assert find_document_date("Warszawa, 12.III.2024 r.") == dt.date(2024, 3, 12)
    assert find_document_date("Roma, 1 XII 2023") == dt.date(2023, 12, 1)


def test_impossible_calendar_dates_are_ignored() -> None:
    assert find_dates("31.02.2024 and 2024-13-01 and 00.01.2024") == []


def test_found_dates_carry_offsets_into_the_original_text() -> None:
    text = "Zürich, 3. März 2024"
    (candidate,) = find_dates(text)
    assert text[candidate.start : candidate.end] == "3. März 2024"


def test_a_date_alone_on_its_line_below_the_top_is_the_letter_date() -> None:
    header = "\n".join(f"Line {n}" for n in range(14))
    text = f"{header}\nDear Dr Riley,\n14 September 2025\nThank you for seeing her."
    assert find_document_date(text) == dt.date(2025, 9, 14)
