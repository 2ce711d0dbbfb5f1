"""The extract stage reads type, language, date and codes from letters in 7 languages."""

from __future__ import annotations

import math

import pytest

from tasks.extract import (
    ExtractedFields,
    classify_document,
    detect_language,
    extract_fields,
)

LETTERS = {
    "de": (
        "Kreisklinikum Musterstadt - Innere Medizin\n"
        "Musterstadt, den 12.03.2024\n\n"
        "Entlassungsbericht\n"
        "Sehr geehrte Frau Kollegin,\n"
        "wir berichten über Ihre Patientin [NAME_3f9a2c1d], geb. 04.04.1957, die sich "
        "vom 01.03. bis zum 10.03.2024 in unserer stationären Behandlung befand. Die "
        "Patientin wurde in gutem Zustand entlassen und ist mit der Therapie "
        "einverstanden.\n"
        "Diagnosen: Diabetes mellitus Typ 2 (E11.9), Arterielle Hypertonie (I10)\n",
        "discharge_summary",
        "2024-03-12",
        ("E11.9", "I10"),
    ),
    "fr": (
        "Centre hospitalier de Lyon\n"
        "Lyon, le 3 mars 2024\n\n"
        "Lettre d'adressage\n"
        "Cher confrère,\n"
        "je vous adresse la patiente [NAME_3f9a2c1d], née le 2 février 1960, pour avis "
        "cardiologique. Elle est suivie pour une hypertension et présente une "
        "dyspnée à l'effort depuis trois mois. Les examens sont dans le dossier.\n"
        "Diagnostic : insuffisance cardiaque (CIM-10 I50.0)\n",
        "referral_letter",
        "2024-03-03",
        ("I50.0",),
    ),
    "it": (
        "Ospedale San Raffaele - Laboratorio analisi\n"
        "Referto di laboratorio\n"
        "Data: 15/04/2024\n"
        "Paziente: [NAME_3f9a2c1d], nata il 12/12/1970\n"
        "Esami ematochimici: emoglobina 13,2 g/dl (valori di riferimento 12-16), "
        "glucosio 98 mg/dl. Il paziente non presenta alterazioni della funzione "
        "renale e si consiglia controllo per la diagnosi di anemia D50.9 tra "
        "sei mesi.\n",
        "lab_report",
        "2024-04-15",
        ("D50.9",),
    ),
    "es": (
        "Hospital Universitario La Paz\n"
        "Madrid, 12 de enero de 2024\n\n"
        "Informe de alta\n"
        "Paciente de 70 años, fecha de nacimiento: 03/03/1946. Fecha de ingreso: "
        "02/01/2024. Fecha de alta: 10/01/2024. El paciente presenta una evolución "
        "favorable y se da de alta con tratamiento para la diabetes.\n"
        "Diagnóstico principal: neumonía (CIE-10: J18.9)\n",
        "discharge_summary",
        "2024-01-12",
        ("J18.9",),
    ),
    "nl": (
        "Academisch Ziekenhuis Utrecht\n"
        "Utrecht, 3 mei 2024\n\n"
        "Verwijsbrief\n"
        "Geachte collega,\n"
        "hierbij verwijzing van de patient [NAME_3f9a2c1d], geboren op 01-02-1955, "
        "voor verdere behandeling. De patient heeft sinds twee weken klachten van "
        "pijn op de borst en wordt naar de cardioloog verwezen.\n"
        "Diagnose: angina pectoris (ICD-10 I20.9)\n",
        "referral_letter",
        "2024-05-03",
        ("I20.9",),
    ),
    "pl": (
        "Szpital Wojewódzki w Krakowie\n"
        "Kraków, dnia 21.02.2024 r.\n\n"
        "Świadoma zgoda pacjenta na zabieg\n"
        "Oświadczam, że zostałem poinformowany o przebiegu zabiegu i wyrażam zgodę "
        "na jego wykonanie. Pacjent [NAME_3f9a2c1d], ur. 05.06.1980, nie zgłasza "
        "uwag do przedstawionych informacji i jest gotowy do zabiegu.\n",
        "consent_form",
        "2024-02-21",
        (),
    ),
    "en": (
        "St Mary's Hospital, Clinical Chemistry\n"
        "Date: 7 June 2024\n\n"
        "Laboratory report\n"
        "Patient [NAME_3f9a2c1d], date of birth 14 July 1966.\n"
        "Specimen: venous blood. Haemoglobin 14.1 g/dl (reference range 13-17). "
        "The results were reviewed and the patient has been informed. Diagnosis "
        "code R79.8 was recorded for follow-up of abnormal findings.\n",
        "lab_report",
        "2024-06-07",
        ("R79.8",),
    ),
}


@pytest.mark.parametrize("language", sorted(LETTERS))
def test_a_letter_yields_its_type_language_date_and_codes(language: str) -> None:
    text, record_type, document_date, codes = LETTERS[language]
    fields = extract_fields(
        text, pseudonymized_text=text, page_count=2, confidences=[0.91, 0.87, 0.95]
    )
    assert fields.record_type == record_type
    assert fields.language == language
    assert fields.document_date == document_date
    assert fields.icd10_codes == codes


def test_ocr_confidence_mean_and_minimum_and_page_count_are_reported() -> None:
    text = LETTERS["de"][0]
    fields = extract_fields(
        text, pseudonymized_text=text, page_count=3, confidences=[0.5, 1.0, 0.9]
    )
    assert fields.page_count == 3
    assert fields.ocr_confidence_mean == pytest.approx(0.8)
    assert fields.ocr_confidence_min == pytest.approx(0.5)


def test_no_confidences_give_zero_and_nan_stays_visible_to_validation() -> None:
    text = LETTERS["de"][0]
    empty = extract_fields(text, pseudonymized_text=text, page_count=1, confidences=[])
    broken = extract_fields(
        text, pseudonymized_text=text, page_count=1, confidences=[0.9, math.nan]
    )
    assert (empty.ocr_confidence_mean, empty.ocr_confidence_min) == (0.0, 0.0)
    assert math.isnan(broken.ocr_confidence_mean)


def test_text_without_type_keywords_is_unknown() -> None:
    assert classify_document("die ergebnisse der sitzung werden vertagt") == "unknown"


def test_a_tie_between_two_types_is_unknown() -> None:
    assert classify_document("einwilligung bilan biologique") == "unknown"


def test_ocr_text_without_accents_and_with_broken_words_is_classified() -> None:
    noisy = (
        "ENTLASSUNGS-\nBERICHT\nwir berichten uber die patientin, die in stationarer"
    )
    assert classify_document(noisy.lower().replace("-\n", "")) == "discharge_summary"
    fields = extract_fields(
        noisy, pseudonymized_text=noisy, page_count=1, confidences=[1]
    )
    assert fields.record_type == "discharge_summary"


def test_language_needs_enough_stopwords() -> None:
    assert detect_language("E11.9 I10 12.03.2024") is None
    assert detect_language("the patient was seen and the results of the test") == "en"


def test_fields_become_record_fields_with_a_list_of_codes() -> None:
    fields = ExtractedFields("lab_report", "en", None, ("I10",), 1, 0.9, 0.8)
    assert fields.as_record_fields()["icd10_codes"] == ["I10"]
    assert set(fields.as_record_fields()) == {
        "record_type",
        "language",
        "document_date",
        "icd10_codes",
        "page_count",
        "ocr_confidence_mean",
        "ocr_confidence_min",
    }
