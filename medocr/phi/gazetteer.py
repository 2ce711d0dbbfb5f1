"""Names, places and everyday words from Faker's locale providers (no network)."""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Faker locales per document language; neighbouring locales widen the name lists.
NAME_LOCALES = {
    "de": ("de_DE", "de_AT", "de_CH"),
    "fr": ("fr_FR", "fr_BE", "fr_CH"),
    "it": ("it_IT",),
    "es": ("es_ES", "es_MX", "es_AR"),
    "nl": ("nl_NL", "nl_BE"),
    "pl": ("pl_PL",),
    "en": ("en_GB", "en_US", "en_IE"),
}
WORD_LOCALES = {
    "de": ("de_DE", "de_AT"),
    "fr": ("fr_FR",),
    "it": ("it_IT",),
    "es": ("es_ES",),
    "nl": ("nl_NL",),
    "pl": ("pl_PL",),
    "en": ("en_US",),
}
_FIRST_ATTRS = ("first_names", "first_names_male", "first_names_female")
_LAST_ATTRS = (
    "last_names",
    "last_names_male",
    "last_names_female",
    "unisex_last_names",
)


def fold(word: str) -> str:
    """Case- and accent-insensitive form used for every gazetteer lookup."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Folded first names of every supported language."""
    return _collect("person", _FIRST_ATTRS)


@lru_cache(maxsize=1)
def first_name_spread() -> dict[str, int]:
    """For each folded first name, in how many of the seven languages it is listed."""
    spread: dict[str, int] = {}
    for locales in NAME_LOCALES.values():
        names: set[str] = set()
        for locale in locales:
            provider = _provider("person", locale)
            for attr in _FIRST_ATTRS:
                names.update(_words(getattr(provider, attr, ()) or ()))
        for name in names:
            spread[name] = spread.get(name, 0) + 1
    return spread


@lru_cache(maxsize=1)
def last_names() -> frozenset[str]:
    """Folded last names of every supported language (compound parts split)."""
    return _collect("person", _LAST_ATTRS)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Folded everyday words (Faker's lorem lists): never names on their own."""
    words: set[str] = set()
    for locales in WORD_LOCALES.values():
        for locale in locales:
            provider = _provider("lorem", locale)
            if provider is not None:
                words.update(_words(getattr(provider, "word_list", ())))
    return frozenset(w for w in words if len(w) > 1)


_PLACE_ATTRS = ("cities", "states", "regions", "provinces", "departments")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Folded names of towns, provinces and regions (whole names, spaces kept)."""
    places: set[str] = set()
    for locales in NAME_LOCALES.values():
        for locale in locales:
            provider = _provider("address", locale)
            for attr in _PLACE_ATTRS:
                for entry in getattr(provider, attr, ()) or ():
                    name = entry[1] if isinstance(entry, tuple) else entry
                    places.add(fold(str(name)))
    return frozenset(p for p in places if len(p) > 2)


@lru_cache(maxsize=1)
def english_street_types() -> frozenset[str]:
    """Street-type words of English addresses ("Rest", "Well", "Mews"), as written."""
    types: set[str] = set()
    for locale in NAME_LOCALES["en"]:
        provider = _provider("address", locale)
        types.update(str(t) for t in getattr(provider, "street_suffixes", ()) or ())
    return frozenset(t for t in types if len(t) > 2)


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Folded country names as the seven languages write them."""
    countries: set[str] = set()
    for locales in NAME_LOCALES.values():
        for locale in locales:
            provider = _provider("address", locale)
            countries.update(
                fold(str(c)) for c in getattr(provider, "countries", ()) or ()
            )
    return frozenset(countries)


def _collect(kind: str, attrs: tuple[str, ...]) -> frozenset[str]:
    names: set[str] = set()
    for locales in NAME_LOCALES.values():
        for locale in locales:
            provider = _provider(kind, locale)
            for attr in attrs:
                names.update(_words(getattr(provider, attr, ()) or ()))
    return frozenset(n for n in names if len(n) > 1)


def _words(entries: Iterable[str]) -> set[str]:
    """Folded single words from Faker entries such as ``"Müller-Lüdenscheidt"``."""
    words: set[str] = set()
    for entry in entries:
        for part in entry.replace("-", " ").split():
            words.add(fold(part))
    return words


def _provider(kind: str, locale: str) -> type | None:
    try:
        module = importlib.import_module(f"faker.providers.{kind}.{locale}")
    except ImportError:
        return None
    return getattr(module, "Provider", None)
