"""The synthetic people and places of one document, drawn from Faker with a fixed seed."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from faker import Faker

from medocr.samples.identifiers import (
    HOME_SCHEMES,
    NEIGHBOURS,
    Identifier,
    PersonKey,
    national_identifier,
)
from medocr.samples.languages import FAKER_LOCALES, Language, derive_seed
from medocr.samples.phrasebook import Phrasebook, fill

_TLD = {
    "de": "de",
    "fr": "fr",
    "it": "it",
    "es": "es",
    "nl": "nl",
    "pl": "pl",
    "en": "co.uk",
}


@dataclass(frozen=True)
class Address:
    street: str
    postcode: str
    city: str

    def lines(self, language: Language) -> tuple[str, ...]:
        """Street and town lines as the country writes them on an envelope."""
        if language == "en":
            return (self.street, self.city, self.postcode)
        return (self.street, f"{self.postcode} {self.city}")

    def inline(self, language: Language) -> str:
        return ", ".join(self.lines(language))


@dataclass(frozen=True)
class Patient:
    given: str
    family: str
    female: bool
    born: date
    address: Address
    phone: str
    email: str
    iban: str
    identifier: Identifier
    record: str

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"


@dataclass(frozen=True)
class Clinician:
    given: str
    family: str
    female: bool
    title: str

    @property
    def name(self) -> str:
        return f"{self.title} {self.given} {self.family}"


@dataclass(frozen=True)
class Facility:
    name: str
    department: str
    address: Address
    phone: str
    fax: str
    email: str


@lru_cache(maxsize=16)
def _faker(locale: str) -> Faker:
    return Faker(locale)


def seeded_faker(locale: str, seed: int) -> Faker:
    """Faker for a locale, reseeded so the same seed gives the same people."""
    faker = _faker(locale)
    faker.seed_instance(seed)
    return faker


def make_patient(book: Phrasebook, seed: int, rng: random.Random) -> Patient:
    """A patient with a birth date, address, contacts, bank account and identifier.

    One patient in five of a language spoken next door (German, Dutch) lives in
    Austria or Belgium and carries that country's number.
    """
    locale, scheme = FAKER_LOCALES[book.language], HOME_SCHEMES[book.language]
    if book.language in NEIGHBOURS and rng.random() < 0.2:
        locale, scheme = NEIGHBOURS[book.language]
    faker = seeded_faker(locale, derive_seed(seed, "patient"))
    female = rng.random() < 0.5
    given = faker.first_name_female() if female else faker.first_name_male()
    family = faker.last_name()
    born = date(1932, 1, 1) + timedelta(days=rng.randint(0, 365 * 72))
    key = PersonKey(given, family, female, born)
    return Patient(
        given=given,
        family=family,
        female=female,
        born=born,
        address=make_address(faker),
        phone=faker.phone_number(),
        email=f"{_ascii(given)}.{_ascii(family)}@{faker.free_email_domain()}",
        iban=_spaced(faker.iban()),
        identifier=national_identifier(scheme, rng, faker, key),
        record=faker.numerify(book.words["record_format"]),
    )


def make_clinician(book: Phrasebook, faker: Faker, rng: random.Random) -> Clinician:
    """A doctor with the language's academic title."""
    female = rng.random() < 0.5
    given = faker.first_name_female() if female else faker.first_name_male()
    title = fill(book.doctor_title, female, False, {})
    return Clinician(given, faker.last_name(), female, title)


def make_facility(
    name: str, department: str, city: str, faker: Faker, language: Language
) -> Facility:
    """A hospital, practice or laboratory in ``city`` with its contact details."""
    slug = _ascii(name)[:24]
    return Facility(
        name=name,
        department=department,
        address=make_address(faker, city),
        phone=faker.phone_number(),
        fax=faker.phone_number(),
        email=f"info@{slug}.{_TLD[language]}",
    )


def make_address(faker: Faker, city: str | None = None) -> Address:
    """A street address; in ``city`` when given, else in a random town."""
    street = " ".join(faker.street_address().split())
    return Address(street, faker.postcode().strip(), city or faker.city().strip())


def _ascii(text: str) -> str:
    """Lower-case ASCII for e-mail addresses: accents dropped, spaces removed."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9-]", "", plain.lower())


def _spaced(iban: str) -> str:
    """An IBAN in groups of four, as printed on forms."""
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
