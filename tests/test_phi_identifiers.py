"""Checksum-validated identifiers: valid ones are found, a wrong check digit is not."""

from __future__ import annotations

import pytest
from faker import Faker

from medocr.phi import PhiKind, detect_phi
from medocr.phi.checksums import kvnr_is_valid

IDENTIFIER_KINDS = {PhiKind.NATIONAL_ID, PhiKind.INSURANCE_ID}

# (scheme, valid value as a document would print it, same value with a wrong check)
VALID_AND_INVALID = (
    ("de_kvnr", "A123456780", "A123456781"),
    ("fr_nir", "1 84 12 76 451 089 46", "1 84 12 76 451 089 47"),
    ("it_cf", "RSSMRA85T10A562S", "RSSMRA85T10A562T"),
    ("es_dni", "12345678Z", "12345678A"),
    ("es_nie", "X1234567L", "X1234567A"),
    ("nl_bsn", "111222333", "111222334"),
    ("pl_pesel", "44051401359", "44051401358"),
    ("be_insz", "85.07.30-033.28", "85.07.30-033.29"),
    ("at_svnr", "1237 010180", "1238 010180"),
)


def _found(text: str) -> list[tuple[str, str]]:
    return [
        (span.detector, text[span.start : span.end])
        for span in detect_phi(text)
        if span.kind in IDENTIFIER_KINDS
    ]


@pytest.mark.parametrize(("scheme", "valid", "invalid"), VALID_AND_INVALID)
def test_valid_identifier_is_found_with_its_scheme(
    scheme: str, valid: str, invalid: str
) -> None:
    text = f"Der Befund zu {valid} liegt vor."
    assert (scheme, valid) in _found(text)


@pytest.mark.parametrize(("scheme", "valid", "invalid"), VALID_AND_INVALID)
def test_wrong_check_digit_is_not_an_identifier(
    scheme: str, valid: str, invalid: str
) -> None:
    assert _found(f"Der Befund zu {invalid} liegt vor.") == []


def test_kvnr_checksum_follows_the_published_rule() -> None:
    assert kvnr_is_valid("A123456780")
    assert not kvnr_is_valid("A123456789")
    assert not kvnr_is_valid("1234567890")


def test_ocr_slips_inside_an_identifier_are_tolerated() -> None:
    text = "Versichert unter Al2345678O, PESEL 44O514O1359."
    assert {value for _, value in _found(text)} == {"Al2345678O", "44O514O1359"}


@pytest.mark.parametrize(
    ("locale", "method", "kind"),
    [
        ("fr_FR", "ssn", PhiKind.NATIONAL_ID),
        ("it_IT", "ssn", PhiKind.NATIONAL_ID),
        ("es_ES", "nie", PhiKind.NATIONAL_ID),
        ("es_ES", "nif", PhiKind.NATIONAL_ID),
        ("pl_PL", "pesel", PhiKind.NATIONAL_ID),
        ("de_AT", "ssn", PhiKind.INSURANCE_ID),
        ("nl_BE", "ssn", PhiKind.NATIONAL_ID),
    ],
)
def test_generated_identifiers_are_found(
    locale: str, method: str, kind: PhiKind
) -> None:
    fake = Faker(locale)
    fake.seed_instance(11)
    for _ in range(20):
        value = getattr(fake, method)()
        text = f"Patient file {value} reviewed."
        assert any(found == value for _, found in _found(text)), value


def test_german_kvnr_from_faker_is_found() -> None:
    fake = Faker("de_DE")
    fake.seed_instance(5)
    for _ in range(20):
        value = fake.kvnr()[:10]
        assert ("de_kvnr", value) in _found(f"KV-Nummer {value}.")


@pytest.mark.parametrize(
    "iban",
    [
        "DE89 3704 0044 0532 0130 00",
        "FR1420041010050500013M02606",
        "NL91ABNA0417164300",
    ],
)
def test_ibans_with_and_without_spaces(iban: str) -> None:
    text = f"Bitte überweisen Sie auf {iban} bis Monatsende."
    spans = [s for s in detect_phi(text) if s.kind is PhiKind.IBAN]
    assert [text[s.start : s.end] for s in spans] == [iban]


@pytest.mark.parametrize(
    "iban", ["IT97 I054 2811 1010 0000 0123 456", "IT24 O054 2811 1010 0000 0123 456"]
)
def test_an_italian_iban_whose_check_letter_looks_like_a_digit(iban: str) -> None:
    text = f"Accredito sul conto {iban} entro fine mese."
    spans = [s for s in detect_phi(text) if s.kind is PhiKind.IBAN]
    assert [text[s.start : s.end] for s in spans] == [iban]


def test_iban_with_a_wrong_check_is_not_an_iban() -> None:
    text = "Konto DE89 3704 0044 0532 0130 01 bitte prüfen."
    assert not [s for s in detect_phi(text) if s.kind is PhiKind.IBAN]


def test_iban_with_ocr_o_for_zero_is_found() -> None:
    text = "IBAN DE89 37O4 0044 0532 0130 00"
    spans = [s for s in detect_phi(text) if s.kind is PhiKind.IBAN]
    assert [text[s.start : s.end] for s in spans] == ["DE89 37O4 0044 0532 0130 00"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Fallnummer: 23346011, aufgenommen", "23346011"),
        ("N° de dossier : 2023-004512", "2023-004512"),
        ("numero cartella clinica 778812", "778812"),
        ("NHC: 368503.", "368503"),
        ("Patiëntnummer 4455667", "4455667"),
        ("Nr historii choroby: 12/2023/55", "12/2023/55"),
        ("MRN: 00912345", "00912345"),
        ("NASS: 26 63514095.", "26 63514095"),
    ],
)
def test_labelled_record_numbers_in_every_language(text: str, value: str) -> None:
    found = [text[s.start : s.end] for s in detect_phi(text)]
    assert value in found


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Station 3, Zimmer 14 B\nAufnahme", "B"),
        ("Zi. 207\nFe\nDatum: heute", "Fe"),
        ("chambre 12 A, service de cardiologie", "A"),
        ("Habitación 305 B\nMotivo de ingreso", "B"),
        ("Bed 4 C; ward round at nine", "C"),
    ],
)
def test_a_bed_code_after_a_room_number_is_a_record_number(
    text: str, code: str
) -> None:
    spans = [s for s in detect_phi(text) if s.kind is PhiKind.RECORD_NUMBER]
    assert code in [text[s.start : s.end] for s in spans]


def test_a_room_number_followed_by_a_word_has_no_bed_code() -> None:
    text = "Zimmer 14\nDr. Berger sah den Patienten.\nZimmer 3 Am Morgen ruhig."
    spans = [s for s in detect_phi(text) if s.kind is PhiKind.RECORD_NUMBER]
    assert [text[s.start : s.end] for s in spans] == ["14", "3"]


def test_a_treatment_protocol_name_is_not_a_record_number() -> None:
    text = "Therapie nach Protokoll AB2019 Standardarm; Protokoll-Nr. 55120."
    spans = [s for s in detect_phi(text) if s.kind is PhiKind.RECORD_NUMBER]
    assert [text[s.start : s.end] for s in spans] == ["55120"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Telefon (0461) 708 - 223", "(0461) 708 - 223"),
        ("Tel.: +43 333 775-8422, Fax", "+43 333 775-8422"),
        ("Tél. : 01 42 34 56 78", "01 42 34 56 78"),
        ("tel. +39 06 4991 2345", "+39 06 4991 2345"),
        ("Teléfono: 926 23 29 91", "926 23 29 91"),
        ("telefoon 020-5669111", "020-5669111"),
        ("tel. 22 628 70 00", "22 628 70 00"),
        ("Phone: +44 20 7946 0958", "+44 20 7946 0958"),
        ("Rückruf unter +49 3O 1234567", "+49 3O 1234567"),
    ],
)
def test_phone_numbers_in_every_language(text: str, value: str) -> None:
    spans = [s for s in detect_phi(text) if s.kind is PhiKind.PHONE]
    assert [text[s.start : s.end] for s in spans] == [value]


def test_email_addresses_even_with_an_ocr_space() -> None:
    text = "E-Mail: anna.meier@klinik-nord.de oder info @praxis.fr."
    spans = [s for s in detect_phi(text) if s.kind is PhiKind.EMAIL]
    assert [text[s.start : s.end] for s in spans] == [
        "anna.meier@klinik-nord.de",
        "info @praxis.fr",
    ]


def test_a_plain_number_is_not_read_as_a_letter_led_identifier() -> None:
    text = "Zählerstand 1500375123 notiert."
    assert not [s for s in detect_phi(text) if s.detector == "de_kvnr"]


def test_names_after_polish_and_french_titles() -> None:
    text = "lek. med. Jan Nowak; M. DUPONT Jean, N° SS 1 50 03 75 123 456 78."
    found = {text[s.start : s.end]: s.kind for s in detect_phi(text)}
    assert found["Jan Nowak"] is PhiKind.NAME
    assert found["1 50 03 75 123 456 78"] is PhiKind.NATIONAL_ID
