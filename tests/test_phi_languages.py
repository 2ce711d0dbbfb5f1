"""Names, dates and addresses in the seven languages, on small generated sentences."""

from __future__ import annotations

import pytest
from faker import Faker

from medocr.phi import PhiKind, detect_phi

# language: (Faker locale, letter with {first} {last}, facts that must be found)
LETTERS = {
    "de": (
        "de_DE",
        "Sehr geehrte Frau Kollegin, wir berichten über Herrn {first} {last}, "
        "geb. am 04.05.1961, wohnhaft Lindenstraße 12, 10115 Berlin. Er wurde am "
        "12. März 2024 aufgenommen. Herr {last} ist beschwerdefrei.",
        {
            "04.05.1961": PhiKind.DATE_OF_BIRTH,
            "Lindenstraße 12": PhiKind.ADDRESS,
            "10115": PhiKind.POSTCODE,
            "12. März 2024": PhiKind.DATE,
        },
    ),
    "fr": (
        "fr_FR",
        "Chère consœur, nous avons vu M. {first} {last}, né le 4 mai 1961, "
        "demeurant au 12 rue des Lilas, 75011 Paris, le 3 mars 2024. "
        "M. {last} va bien.",
        {
            "4 mai 1961": PhiKind.DATE_OF_BIRTH,
            "12 rue des Lilas": PhiKind.ADDRESS,
            "75011": PhiKind.POSTCODE,
            "3 mars 2024": PhiKind.DATE,
        },
    ),
    "it": (
        "it_IT",
        "Gentile collega, il Sig. {first} {last}, nato il 04/05/1961, residente in "
        "Via Roma 12, 20121 Milano, è stato ricoverato il 3 marzo 2024. "
        "Il Sig. {last} sta bene.",
        {
            "04/05/1961": PhiKind.DATE_OF_BIRTH,
            "Via Roma 12": PhiKind.ADDRESS,
            "20121": PhiKind.POSTCODE,
            "3 marzo 2024": PhiKind.DATE,
        },
    ),
    "es": (
        "es_ES",
        "Paciente: D. {first} {last}, fecha de nacimiento 04/05/1961, domicilio "
        "Calle Mayor 5, 28013 Madrid; ingresó el 3 de marzo de 2024. "
        "El Sr. {last} evoluciona bien.",
        {
            "04/05/1961": PhiKind.DATE_OF_BIRTH,
            "Calle Mayor 5": PhiKind.ADDRESS,
            "28013": PhiKind.POSTCODE,
            "3 de marzo de 2024": PhiKind.DATE,
        },
    ),
    "nl": (
        "nl_NL",
        "Geachte collega, wij zagen dhr. {first} {last}, geboren op 4 mei 1961, "
        "wonende Kerkstraat 12, 1017 GC Amsterdam, op 3 maart 2024. "
        "Dhr. {last} maakt het goed.",
        {
            "4 mei 1961": PhiKind.DATE_OF_BIRTH,
            "Kerkstraat 12": PhiKind.ADDRESS,
            "1017 GC": PhiKind.POSTCODE,
            "3 maart 2024": PhiKind.DATE,
        },
    ),
    "pl": (
        "pl_PL",
        "Szanowni Państwo, pacjent Pan {first} {last}, data urodzenia 04.05.1961, "
        "zamieszkały ul. Długa 5, 00-238 Warszawa, przyjęty 3 marca 2024 r. "
        "Pan {last} czuje się dobrze.",
        {
            "04.05.1961": PhiKind.DATE_OF_BIRTH,
            "ul. Długa 5": PhiKind.ADDRESS,
            "00-238": PhiKind.POSTCODE,
            "3 marca 2024": PhiKind.DATE,
        },
    ),
    "en": (
        "en_GB",
        "Dear colleague, we saw Mr {first} {last}, date of birth 04/05/1961, of "
        "221B Baker Street, London NW1 6XE, on 3 March 2024. Mr {last} is well.",
        {
            "04/05/1961": PhiKind.DATE_OF_BIRTH,
            "221B Baker Street": PhiKind.ADDRESS,
            "NW1 6XE": PhiKind.POSTCODE,
            "3 March 2024": PhiKind.DATE,
        },
    ),
}

# Invented surnames no name list holds: only the title or label can tell.
INVENTED = ("Quaxenbrück", "Zorrilvay", "Brumpelstedt", "Oxenquist", "Vlaskamp-Ruiter")

# Sentences without personal data, with capitalised clinical words and eponyms.
CLEAN = {
    "de": "Die Aufnahme erfolgte bei Verdacht auf Morbus Crohn; Befund und Therapie "
    "wie besprochen, Kontrolle in 3 Monaten.",
    "fr": "Le patient présente une maladie de Parkinson; IRM cérébrale sans "
    "particularité, contrôle dans 3 mois.",
    "it": "La paziente riferisce dolore addominale; TAC e Ecografia nella norma, "
    "controllo tra 3 mesi.",
    "es": "Varón con Diabetes Mellitus tipo II y saco de Douglas libre; la Ecografía "
    "y el TAC "
    "fueron normales, control en 3 meses.",
    "nl": "De patiënt heeft de ziekte van Crohn; MRI en Echo zonder afwijkingen, "
    "controle over 3 maanden.",
    "pl": "Pacjent z cukrzycą typu 2; USG i Tomografia bez zmian, kontrola za "
    "3 miesiące.",
    "en": "The patient has Crohn's disease; MRI and Ultrasound were normal, "
    "follow-up in 3 months.",
}


def _spans(text: str, language: str) -> dict[str, PhiKind]:
    return {text[s.start : s.end]: s.kind for s in detect_phi(text, language)}


def _covered(text: str, value: str, kind: PhiKind, language: str) -> bool:
    """True when a span of ``kind`` covers the first occurrence of ``value``."""
    start = text.index(value)
    end = start + len(value)
    return any(
        s.kind is kind and s.start <= start and end <= s.end
        for s in detect_phi(text, language)
    )


@pytest.mark.parametrize("language", sorted(LETTERS))
def test_names_dates_and_addresses_of_each_language(language: str) -> None:
    locale, template, facts = LETTERS[language]
    fake = Faker(locale)
    fake.seed_instance(3)
    for _ in range(5):
        first, last = fake.first_name_male(), fake.last_name()
        text = template.format(first=first, last=last)
        assert _covered(text, f"{first} {last}", PhiKind.NAME, language), text
        second = text.rindex(last)
        assert any(
            s.kind is PhiKind.NAME and s.start <= second < s.end
            for s in detect_phi(text, language)
        ), text
        for value, kind in facts.items():
            assert _covered(text, value, kind, language), (value, text)


@pytest.mark.parametrize("language", sorted(LETTERS))
def test_invented_surnames_are_found_by_their_title(language: str) -> None:
    locale, template, _ = LETTERS[language]
    for surname in INVENTED:
        text = template.format(first="Ottokar", last=surname)
        for position in (text.index(surname), text.rindex(surname)):
            assert any(
                s.kind is PhiKind.NAME and s.start <= position < s.end
                for s in detect_phi(text, language)
            ), text


@pytest.mark.parametrize("language", sorted(CLEAN))
def test_clinical_sentences_without_personal_data_stay_untouched(language: str) -> None:
    assert _spans(CLEAN[language], language) == {}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Flensburg, 27. März 2025", "27. März 2025"),
        ("le 1er janvier 2024", "1er janvier 2024"),
        ("il 15 febbraio 2023", "15 febbraio 2023"),
        ("En Febrero de 1998 fue", "Febrero de 1998"),
        ("op 12 okt. 2022", "12 okt. 2022"),
        ("dnia 3 września 2021 r.", "3 września 2021"),
        ("on March 3, 2020", "March 3, 2020"),
        ("ED 05/2019, Kontrolle", "05/2019"),
        ("seit 2007 bekannt", "2007"),
        ("vom 29.07.2023-01.08.2023", "01.08.2023"),
        ("am 2020-08-03", "2020-08-03"),
        ("en noviembre06 acude", "noviembre06"),
        ("seit März2019 stabil", "März2019"),
    ],
)
def test_dates_in_numeric_and_written_forms(text: str, value: str) -> None:
    assert _covered(text, value, PhiKind.DATE, None)


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Elle habite boulevard de Lattre à Nantes.", "boulevard de Lattre"),
        ("domicilié avenue du Général Ferrand, Lyon", "avenue du Général Ferrand"),
        ("vit chemin Lebrun depuis mai", "chemin Lebrun"),
        ("abita in Piazza della Loggia a Brescia", "Piazza della Loggia"),
        ("vive en Calle de Alcalá, Madrid", "Calle de Alcalá"),
        ("Borgo Santini, 18, 25121 Brescia", "Borgo Santini, 18"),
    ],
)
def test_a_street_named_without_a_house_number(text: str, street: str) -> None:
    assert _covered(text, street, PhiKind.ADDRESS, None)


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Studio 4\nMill Lane\nLeeds", "Studio 4\nMill Lane"),
        ("Flat 12B, 7 Harbour Road, Hull", "Flat 12B, 7 Harbour Road"),
        ("Calle Mayor 5 Apt. 28, Madrid", "Calle Mayor 5 Apt. 28"),
        ("Via Roma, 12 Piano 3, Torino", "Via Roma, 12 Piano 3"),
        ("12, rue des Lilas, appartement 5", "12, rue des Lilas, appartement 5"),
        ("Hauptstraße 5, Top 3, Wien", "Hauptstraße 5, Top 3"),
        ("Kerkstraat 12 bus 3, Gent", "Kerkstraat 12 bus 3"),
    ],
)
def test_a_flat_or_floor_designator_belongs_to_its_street(
    text: str, street: str
) -> None:
    assert _covered(text, street, PhiKind.ADDRESS, None)


@pytest.mark.parametrize(
    "text",
    [
        "born 2/3/1950, 4 Mill Lane, Upper Dunford,\nLS1 4AB\nAdmitted",
        "Flat 2\n4 Mill Lane\nUpper Dunford\nLS1 4AB",
    ],
)
def test_the_town_on_the_line_above_a_uk_postcode(text: str) -> None:
    assert _covered(text, "Upper Dunford", PhiKind.LOCATION, None)


@pytest.mark.parametrize(
    "text",
    [
        "Somministrato per via orale 2 volte al giorno.",
        "Nel corso degli ultimi 3 mesi stabile.",
        "Mise en place de la Sonde gastrique.",
        "Piano 2 della terapia concluso; Studio 3 randomizzato.",
    ],
)
def test_everyday_words_that_name_streets_elsewhere_stay_text(text: str) -> None:
    assert not [s for s in detect_phi(text) if s.kind is PhiKind.ADDRESS]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Stationär vom 3. - 9. Mai 2023 behandelt.", "3."),
        ("Kontrollen am 14/15.02.2022 unauffällig.", "14"),
        ("Gabe (02.03-16.03.2021) ohne Befund.", "02.03"),
        ("hospitalisé du 4 au 8 juin 2020", "4"),
        ("ricoverato dal 12 al 15 marzo 2019", "12"),
        ("ingresó del 2 al 6 de abril de 2018", "2"),
        ("opgenomen van 7 tot 9 januari 2024", "7"),
        ("admitted from 5 to 7 July 2021", "5"),
    ],
)
def test_the_first_day_of_a_date_range_is_a_date(text: str, first: str) -> None:
    assert _covered(text, first, PhiKind.DATE, None)


def test_a_count_before_a_date_is_not_a_range_start() -> None:
    text = "Zyklus 2 - 11.10.2023, davon 1/2 Dosis 12.10.2023."
    dates = [text[s.start : s.end] for s in detect_phi(text) if s.kind is PhiKind.DATE]
    assert dates == ["11.10.2023", "12.10.2023"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Die 28-jährige Patientin", "28"),
        ("Paciente de 70 años de edad", "70"),
        ("âgée de 80 ans", "80"),
        ("a 45-year-old man", "45"),
    ],
)
def test_ages(text: str, value: str) -> None:
    assert _covered(text, value, PhiKind.AGE, None)


def test_durations_are_not_ages() -> None:
    text = "Beschwerden seit 5 Jahren; hace 3 años; 2 años después de la cirugía."
    assert not [s for s in detect_phi(text) if s.kind is PhiKind.AGE]


def test_unsupported_language_is_refused() -> None:
    with pytest.raises(ValueError):
        detect_phi("Text", "xx")
