"""Identifiers printed in samples carry valid check digits and agree with the patient."""

from __future__ import annotations

import random
from datetime import date

import pytest
from faker import Faker
from stdnum import iban
from stdnum.at import vnr
from stdnum.be import nn
from stdnum.es import dni
from stdnum.fr import nir
from stdnum.gb import nhs
from stdnum.it import codicefiscale
from stdnum.nl import bsn
from stdnum.pl import pesel

from medocr.samples.case import make_case
from medocr.samples.identifiers import PersonKey, is_valid_kvnr, national_identifier
from medocr.samples.languages import LANGUAGES


def kvnr_by_hand(value: str) -> bool:
    """The KVNR rule written out independently: letter as 01..26, weights 1,2,1,2..."""
    digits = f"{ord(value[0]) - 64:02d}" + value[1:9]
    total = sum(
        sum(divmod(int(c) * (2 if i % 2 else 1), 10)) for i, c in enumerate(digits)
    )
    return total % 10 == int(value[9])


VALIDATORS = {
    "de.kvnr": kvnr_by_hand,
    "fr.nir": nir.is_valid,
    "it.codicefiscale": codicefiscale.is_valid,
    "es.dni": dni.is_valid,
    "nl.bsn": bsn.is_valid,
    "pl.pesel": pesel.is_valid,
    "gb.nhs": nhs.is_valid,
    "at.vnr": vnr.is_valid,
    "be.nn": nn.is_valid,
}


def test_the_published_kvnr_example_is_valid_and_a_changed_digit_is_not() -> None:
    assert is_valid_kvnr("A123456780")
    assert kvnr_by_hand("A123456780")
    assert not is_valid_kvnr("A123456781")
    assert not is_valid_kvnr("Ä12345678")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_generated_identifier_passes_its_checksum(language: str) -> None:
    schemes = set()
    for seed in range(40):
        case = make_case("consent_form", language, seed)  # type: ignore[arg-type]
        identifier = case.patient.identifier
        assert VALIDATORS[identifier.scheme](identifier.value), identifier.scheme
        assert iban.is_valid(case.patient.iban)
        schemes.add(identifier.scheme)
    assert len(schemes) == (2 if language in ("de", "nl") else 1)


def test_numbers_that_encode_birth_and_sex_agree_with_the_patient() -> None:
    person = PersonKey("Niccolò", "D'Angelo", True, date(1961, 5, 17))
    faker = Faker("pl_PL")
    cf = national_identifier("it.codicefiscale", random.Random(1), faker, person).value
    assert codicefiscale.get_birth_date(cf) == person.born
    assert codicefiscale.get_gender(cf) == "F"
    assert cf.startswith("DNGNCL")
    number = national_identifier("pl.pesel", random.Random(1), faker, person).value
    assert pesel.get_birth_date(number) == person.born
    assert pesel.get_gender(number) == "F"
    french = nir.compact(
        national_identifier("fr.nir", random.Random(1), faker, person).value
    )
    assert french[:5] == "26105"
    for female, born in ((True, date(1961, 5, 17)), (False, date(2003, 11, 2))):
        person = PersonKey("Anna", "Peeters", female, born)
        belgian = national_identifier("be.nn", random.Random(2), faker, person).value
        assert nn.get_birth_date(belgian) == born
        assert nn.get_gender(belgian) == ("F" if female else "M")
        austrian = national_identifier("at.vnr", random.Random(2), faker, person).value
        assert austrian.split()[1] == born.strftime("%d%m%y")
