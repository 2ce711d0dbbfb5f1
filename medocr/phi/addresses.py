"""Street addresses in the forms of the seven languages, and P.O. boxes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from medocr.phi.gazetteer import english_street_types
from medocr.phi.spans import PhiKind, PhiSpan

# Bounded repetitions keep every pattern linear on hostile input.
WORD = r"[A-ZÄÖÜÀ-ÝŁŚŻŹĆŃ][\w'´’\-]{0,40}"
_CAP = rf"{WORD}\.?"
PARTICLE = (
    r"(?:de|del|de la|de las|de los|la|las|los|y|i|e|di|da|della|dei|degli|le|les|"
    r"du|des|van|von|der|den|het|op|am|an|zum|zur|im|in|sur|sous|'t|of|the)"
)
_NAME_WORDS = rf"{_CAP}(?:[ \t](?:{PARTICLE}[ \t])*[\w'´’\-]+\.?){{0,5}}?"
_STREET_WORDS = (
    rf"[\w'´’\-]{{1,40}}\.?(?:[ \t](?:{PARTICLE}[ \t])*[\w'´’\-]{{1,40}}\.?){{0,5}}?"
)
_NUMBER = (
    r"(?:\d{1,4}(?:[ \t]?[a-zA-Z](?![\w-]))?(?:[ \t]?[-/–][ \t]?\d{1,4}[a-zA-Z]?)?|s/n)"
)
# Floor, door and staircase after the number: ", 2º dcha", "3, B", " 10B".
_TAIL = (
    r"(?:,?[ \t]?(?:\d{1,3}[ \t]?[ºª°o]?[ \t]?[A-Za-z]{0,4}\.?|[A-Z]\b|esq|dcha|izda|"
    r"iz|dr|bis|ter)(?=[\s,.;]|$)){0,3}"
)
_PREFIX = (
    r"(?:(?:calle|avenida|avenido|avda|av|paseo|plaza|carretera|"
    r"traves[ií]a|"
    r"urbanizaci[oó]n|glorieta|rambla|gran v[ií]a|rue|avenue|boulevard|chemin|"
    r"all[ée]e|impasse|quai|viale|piazza|vicolo|strada|"
    r"contrada|ulica|aleja|osiedle|plac|straße|strasse|ctra|pasaje|pasadizo|"
    r"callej[oó]n|cañada|alameda|traversa|vico|lungomare|"
    r"steenweg|chaussée|rond-point|sentier)\.?|c/|"
    r"(?:c|pso|pza|pl|ctra|bd|bld|p\.zza|ul|al|os)\.)"
)
# Street types that also are everyday words ("per via orale", "nel corso di"):
# a street only when its name is capitalised.
_WORD_PREFIX = (
    r"(?:via|corso|largo|borgo|rotonda|incrocio|stretto|canale|place|route|cours|"
    r"square|passage|camino|ronda|cuesta|vial|acceso)"
)
_CAPITAL = r"(?=[A-ZÄÖÜÀ-ÝŁŚŻŹĆŃ])"
_PREFIXED = re.compile(
    rf"(?<![\w.])(?:(?i:{_PREFIX})[ \t]*(?:(?:{PARTICLE})[ \t]+)*|"
    rf"(?i:{_WORD_PREFIX})[ \t]+(?:(?:{PARTICLE})[ \t]+)*{_CAPITAL})"
    rf"{_STREET_WORDS},?[ \t]*(?:n[ºo°.][ \t]?)?{_NUMBER}(?!\d){_TAIL}"
)
_SUFFIX = (
    r"(?:straße|strasse|strße|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|"
    r"steig|"
    r"pfad|markt|gürtel|kai|zeile|straat|laan|plein|gracht|kade|singel|dijk|steeg|hof)"
)
_SUFFIXED = re.compile(
    rf"(?<![\w-])(?:{_CAP}[ \t])?(?:[A-ZÄÖÜ][\w\-]*(?i:{_SUFFIX})|{_CAP}[ \t]"
    r"(?i:stra(?:ß|ss)e|str\.|weg|gasse|platz|allee))"
    rf"[ \t]?{_NUMBER}(?![\d])"
)
_ENGLISH_TYPES = (
    r"Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Ln\.|Drive|Way|Court|Place|Square|Close|"
    r"Crescent|Terrace|Gardens|Grove|Row|Walk|Boulevard|Blvd\.|Hill|Park|Mews|Rise|"
    r"Green"
)


# An English flat may stand where the house number would: "Studio 4, Mill Lane".
_EN_UNIT = r"(?i:flat|studio|apartment|unit|suite)[ \t]\d{1,4}[A-Za-z]?,?"


@lru_cache(maxsize=1)
def _english() -> re.Pattern[str]:
    """Number-first English addresses; street types include Faker's English suffixes."""
    suffixes = {re.escape(w) for w in english_street_types()}
    types = "|".join([_ENGLISH_TYPES, *sorted(suffixes, key=len, reverse=True)])
    return re.compile(
        rf"(?<![\w])(?:{_EN_UNIT}[ \t]*\n?[ \t]*(?:\d{{1,5}}[A-Za-z]?,?[ \t])?|"
        rf"\d{{1,5}}[A-Za-z]?,?[ \t])(?:{_CAP}[ \t]){{1,4}}(?:{types})(?![\w])"
    )


_FRENCH = re.compile(
    rf"(?<![\w])\d{{1,4}}(?:[ \t]?(?:bis|ter))?,?[ \t](?i:rue|avenue|av\.|boulevard|"
    r"bd|place|chemin|all[ée]e|impasse|quai|route|cours)[ \t]"
    rf"(?:(?:{PARTICLE})[ \t]+|l')*{_CAP}(?:[ \t]{_CAP})*"
)
# "Acacias, 30. 33423 Soto": a street without a type word, right before a postcode.
_BEFORE_POSTCODE = re.compile(
    rf"(?<![\w])(?P<street>{WORD}(?:[ \t](?:{PARTICLE}[ \t])*{WORD}){{0,2}},?[ \t]"
    rf"(?:\d{{1,4}}[A-Za-z]?(?:-\d{{1,4}})?|s/n))(?:[ \t.,]+|[ \t.,]*\n[ \t]*)"
    rf"(?:(?:[A-Z]{{1,2}}-)?\d{{4,5}}|\d{{4}}[ \t]?[A-Z]{{2}})[ \t]+{WORD}"
)
# A street named without a house number: "boulevard de Lattre", "Plaza de la Villa".
# French types need only a capitalised name; other types a capital and a "de" tail.
_OF = r"(?:de la|de las|de los|de l'|del|des|de|du|d'|della|delle|dello|degli|dei|di)"
_NAMED = rf"{WORD}(?:[ \t](?:{_OF}[ \t]*)?{WORD}){{0,3}}"
_NAMED_STREET = re.compile(
    rf"(?<![\w.])(?:(?i:rue|avenue|boulevard|bd|chemin|all[ée]e|impasse|quai)[ \t]+"
    rf"(?:(?i:{_OF})[ \t]*)?|{_CAPITAL}(?i:{_PREFIX}|{_WORD_PREFIX})[ \t]*(?i:{_OF})[ \t]*)"
    rf"{_NAMED}"
)
# Flat, floor and door designators of the seven languages: "Studio 4", "Apt. 28".
_UNIT = re.compile(
    r"(?<![\w.])(?i:flat|studio|apartment|apt\.?|unit|suite|appartement|appt\.?|"
    r"b[âa]timent|b[âa]t\.|escalier|esc\.|porte|appartamento|app\.|interno|int\.|"
    r"scala|piano|piso|puerta|planta|wohnung|whg\.|top|stiege|stock|bus|lok\.|lokal|"
    r"m\.|mieszkanie)[ \t]?(?:\d{1,4}[A-Za-z]?|[A-Z])(?![\w])"
)
# What may stand between a designator and its street: a comma, a line break.
_UNIT_GAP = re.compile(r"[ \t]*,?[ \t]*\n?[ \t]*")
_POBOX = re.compile(
    r"(?<![\w])(?:apartado de correos|apartado|postfach|bo[iî]te postale|b\.p\.|"
    r"casella postale|postbus|skrytka pocztowa|p\.?\s?o\.? box)[ \t]?\d{1,8}",
    re.IGNORECASE,
)
_ADDRESS_LABEL = (
    r"(?:domicilio|direcci[oó]n|anschrift|adresse|wohnhaft(?: in)?|indirizzo|"
    r"residenza|adres(?: zamieszkania)?|address)"
)
# After a colon anywhere, or without one when the label starts the line.
_LABELLED = re.compile(
    rf"(?:(?<![\w]){_ADDRESS_LABEL}\s?:"
    rf"|(?m:^)[ \t]*{_ADDRESS_LABEL}[ \t]+(?=\S*\d|\w+[ \t]))"
    r"[ \t]*(?P<value>[^\n.:]{4,80})",
    re.IGNORECASE,
)


def detect_addresses(text: str) -> Iterator[PhiSpan]:
    """Street addresses in the forms used by the seven supported languages."""
    streets = list(_streets(text))
    yield from streets
    yield from _units(text, streets)
    for match in _LABELLED.finditer(text):
        start, end = match.span("value")
        yield PhiSpan(PhiKind.ADDRESS, start, end, "labelled_address", 0.8)


def _streets(text: str) -> Iterator[PhiSpan]:
    patterns = (_PREFIXED, _SUFFIXED, _english(), _FRENCH, _NAMED_STREET, _POBOX)
    for pattern in patterns:
        for match in pattern.finditer(text):
            yield PhiSpan(PhiKind.ADDRESS, match.start(), match.end(), "street", 0.85)
    for match in _BEFORE_POSTCODE.finditer(text):
        start, end = match.span("street")
        yield PhiSpan(PhiKind.ADDRESS, start, end, "street_before_postcode", 0.75)


def _units(text: str, streets: list[PhiSpan]) -> Iterator[PhiSpan]:
    """Flat and floor designators next to a street, joined to it into one address.

    Alone, "Piano 3" or "Studio 4" could be anything; beside a street they are its
    flat or floor.
    """
    for match in _UNIT.finditer(text):
        start, end = match.span()
        for street in streets:
            if _touches(text, start, end, street):
                first, last = min(start, street.start), max(end, street.end)
                yield PhiSpan(PhiKind.ADDRESS, first, last, "unit", 0.8)
                break


def _touches(text: str, start: int, end: int, street: PhiSpan) -> bool:
    """True when the spans overlap or only a comma or a line break lies between."""
    if street.start < end and start < street.end:
        return True
    if street.end <= start:
        return _UNIT_GAP.fullmatch(text, street.end, start) is not None
    return _UNIT_GAP.fullmatch(text, end, street.start) is not None
