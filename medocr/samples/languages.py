"""The languages samples are written in, with their Faker locales and page labels."""

from __future__ import annotations

import zlib
from typing import Literal

Language = Literal["de", "fr", "it", "es", "nl", "pl", "en"]
LANGUAGES: tuple[Language, ...] = ("de", "fr", "it", "es", "nl", "pl", "en")

FAKER_LOCALES: dict[Language, str] = {
    "de": "de_DE",
    "fr": "fr_FR",
    "it": "it_IT",
    "es": "es_ES",
    "nl": "nl_NL",
    "pl": "pl_PL",
    "en": "en_GB",
}

PAGE_LABELS: dict[str, str] = {
    "de": "Seite {page} von {pages}",
    "fr": "Page {page} sur {pages}",
    "it": "Pagina {page} di {pages}",
    "es": "Página {page} de {pages}",
    "nl": "Pagina {page} van {pages}",
    "pl": "Strona {page} z {pages}",
    "en": "Page {page} of {pages}",
}


def page_label(language: str | None) -> str:
    """The footer template for a language; a neutral ``n/N`` when it is unknown."""
    return PAGE_LABELS.get(language or "", "{page}/{pages}")


def derive_seed(*parts: object) -> int:
    """A stable non-negative seed from a base seed and labels (no hash randomisation)."""
    return zlib.crc32(":".join(str(part) for part in parts).encode())
