"""One sample document's facts: who, where, when, which diagnoses and results."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from faker import Faker

from medocr.samples.cast import (
    Clinician,
    Facility,
    Patient,
    make_clinician,
    make_facility,
    make_patient,
    seeded_faker,
)
from medocr.samples.fonts import Family
from medocr.samples.icd10 import (
    COMORBIDITIES,
    DIAGNOSES,
    MAIN_DIAGNOSES,
    Diagnosis,
    DocType,
)
from medocr.samples.labs import LabResult, lab_panel
from medocr.samples.languages import FAKER_LOCALES, Language
from medocr.samples.phrasebook import Phrasebook, phrasebook


@dataclass(frozen=True)
class Case:
    """Everything a composed document states, before any layout."""

    doc_type: DocType
    book: Phrasebook
    patient: Patient
    gp: Clinician
    specialist: Clinician
    cosigner: Clinician
    sender: Facility
    recipient: Facility
    document_date: date
    admitted: date
    discharged: date
    main: Diagnosis
    secondary: tuple[Diagnosis, ...]
    labs: tuple[LabResult, ...]
    family: Family
    size_pt: float
    two_columns: bool
    mark: str
    logo_left: bool

    @property
    def language(self) -> Language:
        return self.book.language

    @property
    def diagnoses(self) -> tuple[Diagnosis, ...]:
        return (self.main, *self.secondary)

    def short_date(self, day: date) -> str:
        return self.book.date_short.format(d=day.day, m=day.month, y=day.year)

    def long_date(self, day: date) -> str:
        month = self.book.months[day.month - 1]
        return self.book.date_long.format(d=day.day, month=month, y=day.year)


def make_case(doc_type: DocType, language: Language, seed: int) -> Case:
    """Draw a consistent case for one document from ``seed``."""
    rng = random.Random(seed)
    book = phrasebook(language)
    faker = seeded_faker(FAKER_LOCALES[language], seed)
    main = DIAGNOSES[rng.choice(MAIN_DIAGNOSES[doc_type])]
    others = [c for c in COMORBIDITIES if c != main.code]
    secondary = tuple(DIAGNOSES[c] for c in rng.sample(others, rng.randint(0, 2)))
    document_date = date(2025, 1, 6) + timedelta(days=rng.randint(0, 520))
    discharged = document_date - timedelta(days=rng.randint(0, 3))
    patient = make_patient(book, seed, rng)
    gp, specialist, cosigner = (make_clinician(book, faker, rng) for _ in range(3))
    sender, recipient = _facilities(doc_type, book, main, (gp, specialist), faker, rng)
    return Case(
        doc_type=doc_type,
        book=book,
        patient=patient,
        gp=gp,
        specialist=specialist,
        cosigner=cosigner,
        sender=sender,
        recipient=recipient,
        document_date=document_date,
        admitted=discharged - timedelta(days=rng.randint(2, 12)),
        discharged=discharged,
        main=main,
        secondary=secondary,
        labs=tuple(lab_panel(main.code, rng)) if doc_type == "lab_report" else (),
        family=rng.choice(("sans", "serif")),
        size_pt=rng.choice((10.0, 10.5, 11.0)),
        two_columns=rng.random() < 0.4,
        mark=rng.choice(("ring", "cross", "bars")),
        logo_left=rng.random() < 0.35,
    )


def _facilities(
    doc_type: DocType,
    book: Phrasebook,
    main: Diagnosis,
    doctors: tuple[Clinician, Clinician],
    faker: Faker,
    rng: random.Random,
) -> tuple[Facility, Facility]:
    """The letterhead's institution and the addressee's, depending on the document."""
    gp, specialist = doctors
    city = faker.city()
    hospital_name = rng.choice(book.variants["facility"]).format(city=city)
    department = book.departments[main.specialty]
    hospital = make_facility(hospital_name, department, city, faker, book.language)
    practice_name = rng.choice(book.variants["practice"]).format(doctor=gp.name)
    practice = make_facility(practice_name, "", faker.city(), faker, book.language)
    if doc_type == "referral_letter":
        return practice, hospital
    if doc_type == "lab_report":
        lab_name = rng.choice(book.variants["laboratory"]).format(
            city=city, family=specialist.family
        )
        return make_facility(lab_name, "", city, faker, book.language), practice
    return hospital, practice
