"""What letters say in each language: labels, sentence templates and naming patterns.

Templates use ``str.format`` fields such as ``{patient}``. Gendered wording is written
``[[female|male]]`` for the patient and ``<<female|male>>`` for the addressee; it is
resolved before formatting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from medocr.samples.icd10 import Specialty
from medocr.samples.languages import Language

_PATIENT_GENDER = re.compile(r"\[\[([^|\]]*)\|([^\]]*)\]\]")
_ADDRESSEE_GENDER = re.compile(r"<<([^|>]*)\|([^>]*)>>")


@dataclass(frozen=True)
class Phrasebook:
    """Everything language-specific a composed document needs."""

    language: Language
    months: tuple[str, ...]
    date_short: str
    date_long: str
    doctor_title: str
    honorifics: tuple[str, str]
    words: dict[str, str]
    variants: dict[str, tuple[str, ...]]
    roles: dict[str, tuple[str, str]]
    departments: dict[Specialty, str]
    procedures: dict[str, str]
    schedules: dict[str, str]

    def say(
        self, key: str, *, female: bool, addressee_female: bool = False, **fields: Any
    ) -> str:
        """The template ``key`` with gendered parts resolved and fields filled in."""
        return fill(self.words[key], female, addressee_female, fields)


def fill(
    template: str, female: bool, addressee_female: bool, fields: dict[str, Any]
) -> str:
    """Resolve ``[[f|m]]`` and ``<<f|m>>`` markers, then format the fields."""
    pick = 1 if female else 2
    text = _PATIENT_GENDER.sub(lambda m: m.group(pick), template)
    pick = 1 if addressee_female else 2
    text = _ADDRESSEE_GENDER.sub(lambda m: m.group(pick), text)
    return text.format(**fields)


def phrasebook(language: Language) -> Phrasebook:
    """The phrasebook for one of the sample languages."""
    module = import_module(f"medocr.samples.phrasebook.{language}")
    book: Phrasebook = module.PHRASEBOOK
    return book
