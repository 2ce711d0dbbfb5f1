"""National health and person identifiers with valid check digits, one scheme per language.

Where a scheme encodes the birth date and sex (French NIR, Italian codice fiscale,
Polish PESEL) the number agrees with the synthetic patient it belongs to.
"""

from __future__ import annotations

import random
import string
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time

from faker import Faker
from stdnum.at import vnr
from stdnum.be import nn
from stdnum.es import dni
from stdnum.fr import nir
from stdnum.gb import nhs
from stdnum.it import codicefiscale

from medocr.samples.languages import Language

_CF_MONTHS = "ABCDEHLMPRST"
_CF_PLACES = ("H501", "F205", "L219", "F839", "A944", "D612", "G273", "L736", "C351")


@dataclass(frozen=True)
class Identifier:
    """An identifier as printed in a document, and the scheme that checks it."""

    scheme: str
    value: str


def kvnr_check_digit(body: str) -> str:
    """Check digit of a German KVNR body (a letter and eight digits)."""
    digits = f"{ord(body[0].upper()) - ord('A') + 1:02d}{body[1:]}"
    total = 0
    for index, char in enumerate(digits):
        product = int(char) * (1 if index % 2 == 0 else 2)
        total += product // 10 + product % 10
    return str(total % 10)


def is_valid_kvnr(value: str) -> bool:
    """Whether ``value`` is a ten-character KVNR with a correct check digit."""
    if len(value) != 10 or not value[0].isalpha() or not value[1:].isdigit():
        return False
    return value[0].isascii() and kvnr_check_digit(value[:9]) == value[9]


HOME_SCHEMES: dict[Language, str] = {
    "de": "de.kvnr",
    "fr": "fr.nir",
    "it": "it.codicefiscale",
    "es": "es.dni",
    "nl": "nl.bsn",
    "pl": "pl.pesel",
    "en": "gb.nhs",
}
# Patients from a neighbouring country that writes the same language: Faker locale
# for their address and the identifier they carry.
NEIGHBOURS: dict[Language, tuple[str, str]] = {
    "de": ("de_AT", "at.vnr"),
    "nl": ("nl_BE", "be.nn"),
}


def national_identifier(
    scheme: str, rng: random.Random, faker: Faker, person: PersonKey
) -> Identifier:
    """A valid identifier of ``scheme`` for ``person``, as letters print it."""
    if scheme == "de.kvnr":
        body = rng.choice(string.ascii_uppercase) + _digits(rng, 8)
        return Identifier(scheme, body + kvnr_check_digit(body))
    if scheme == "es.dni":
        number = _digits(rng, 8)
        return Identifier(scheme, number + dni.calc_check_digit(number))
    if scheme == "pl.pesel":
        sex = "F" if person.female else "M"
        born = datetime.combine(person.born, time())
        return Identifier(scheme, faker.pesel(date_of_birth=born, sex=sex))
    makers = {
        "fr.nir": _nir,
        "it.codicefiscale": _codice_fiscale,
        "nl.bsn": lambda r, _: _bsn(r),
        "gb.nhs": lambda r, _: _nhs(r),
        "at.vnr": _vnr,
        "be.nn": _belgian_number,
    }
    return Identifier(scheme, makers[scheme](rng, person))


@dataclass(frozen=True)
class PersonKey:
    """What an identifier may encode about its holder."""

    given_name: str
    family_name: str
    female: bool
    born: date


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(count))


def _nir(rng: random.Random, person: PersonKey) -> str:
    department = f"{rng.choice([d for d in range(1, 96) if d != 20]):02d}"
    body = (
        ("2" if person.female else "1")
        + person.born.strftime("%y%m")
        + department
        + f"{rng.randint(1, 990):03d}{rng.randint(1, 999):03d}"
    )
    return nir.format(body + nir.calc_check_digits(body))


def _codice_fiscale(rng: random.Random, person: PersonKey) -> str:
    day = person.born.day + (40 if person.female else 0)
    body = (
        _cf_letters(person.family_name, given=False)
        + _cf_letters(person.given_name, given=True)
        + person.born.strftime("%y")
        + _CF_MONTHS[person.born.month - 1]
        + f"{day:02d}"
        + rng.choice(_CF_PLACES)
    )
    return body + codicefiscale.calc_check_digit(body)


def _cf_letters(name: str, *, given: bool) -> str:
    """Three letters from a name: consonants first (1st, 3rd, 4th for long given names)."""
    plain = (
        unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().upper()
    )
    letters = [c for c in plain if c.isalpha()]
    consonants = [c for c in letters if c not in "AEIOU"]
    vowels = [c for c in letters if c in "AEIOU"]
    if given and len(consonants) > 3:
        consonants = [consonants[0], consonants[2], consonants[3]]
    return "".join(consonants + vowels + ["X", "X", "X"])[:3]


def _bsn(rng: random.Random) -> str:
    while True:
        body = str(rng.randint(1, 9)) + _digits(rng, 7)
        check = sum(int(d) * (9 - i) for i, d in enumerate(body)) % 11
        if check < 10:
            return body + str(check)


def _nhs(rng: random.Random) -> str:
    """An NHS number: weights 10..2 on nine digits, check = 11 - sum mod 11."""
    while True:
        body = str(rng.randint(4, 9)) + _digits(rng, 8)
        check = (11 - sum(int(d) * (10 - i) for i, d in enumerate(body)) % 11) % 11
        if check < 10:
            return nhs.format(body + str(check))


def _vnr(rng: random.Random, person: PersonKey) -> str:
    """Austrian social insurance number: serial, check digit, birth date DDMMYY."""
    while True:
        number = f"{rng.randint(100, 999)}0{person.born.strftime('%d%m%y')}"
        check = int(vnr.calc_check_digit(number))
        if check < 10:
            return f"{number[:3]}{check} {number[4:]}"


def _belgian_number(rng: random.Random, person: PersonKey) -> str:
    """Belgian national number: YYMMDD, a counter (even for women), 97-complement."""
    counter = rng.randrange(2 if person.female else 1, 998, 2)
    body = f"{person.born.strftime('%y%m%d')}{counter:03d}"
    century = "2" if person.born.year >= 2000 else ""
    return nn.format(f"{body}{97 - int(century + body) % 97:02d}")
