"""Postcodes, towns and provinces, and named hospitals, clinics and practices."""

from __future__ import annotations

import re
from collections.abc import Iterator

from medocr.phi.addresses import PARTICLE, WORD
from medocr.phi.gazetteer import (
    common_words,
    country_names,
    first_names,
    fold,
    place_names,
)
from medocr.phi.spans import PhiKind, PhiSpan

_NOT_TOWN = r"(?!E-?mail|Tel|Fax|Correo|Tfno|Telefon)"
_CITY = (
    rf"{_NOT_TOWN}{WORD}(?:[ \-](?:(?:{PARTICLE}|bei|an der|am|sur|sous)[ \-])?"
    rf"{_NOT_TOWN}{WORD}){{0,3}}"
)
# A province or country after the town: "Pamplona. Navarra", "Móstoles (Madrid)".
_REGION = rf"[ \t]*(?:[.,\-–]\s?[ \t]*|\s?\()(?P<region>{WORD})\)?"
_FOUR_DIGIT_CONTEXT = r"(?:[A-Z]{1,2}-|(?<=\n)|(?<=, )|(?<=: )|(?<=^))"
_POSTCODE_CITY = re.compile(
    rf"(?<![\w.,/:-])(?P<code>(?:[A-Z]{{1,2}}-)?\d{{5}}|\d{{2}}-\d{{3}}"
    rf"|\d{{4}}[ \t]?[A-Z]{{2}}(?=\s)|{_FOUR_DIGIT_CONTEXT}\d{{4}})"
    rf"(?:[ \t]?[-–][ \t]?|[.,]?[ \t]+)(?P<city>{_CITY})(?![ \t]*\d+[ \t]*%)"
)
# A town before its country: "Sevilla (España)", "Barcelona, España".
_BEFORE_COUNTRY = re.compile(
    rf"(?<![\w-])(?P<city>{_CITY})[.,]?\s?[ \t]*"
    rf"(?:\((?P<paren>{_CITY})\)|,\s?[ \t]*(?P<comma>{_CITY}))"
)
_REGION_AFTER = re.compile(rf"{_REGION}")
# "…, 16613\nQuerfurt": a wrapped address line puts the town alone on the next line.
_POSTCODE_WRAPPED_CITY = re.compile(
    r"(?<= )(?P<code>\d{5}|\d{2}-\d{3}|\d{4}[ \t]?[A-Z]{2}|\d{4})"
    r"[ \t]*\n[ \t]*"
    rf"(?P<city>{_CITY})(?=[ \t]*(?:\n|$|[.,(]))"
)
_UK_POSTCODE = re.compile(r"(?<![\w])[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}(?!\w)")
# The town before a UK postcode: on its line, ending the line above after a comma
# ("Mill Lane, Leeds,⏎LS1 4AB"), or alone on the line above, as on an envelope.
_TOWN_BEFORE = re.compile(
    rf"(?:(?<![\w-])(?P<city>{_CITY})(?:[ \t,]+|[ \t]*,[ \t]*\n[ \t]*)"
    rf"|(?m:^)[ \t]*(?P<line>{_CITY})[ \t]*\n[ \t]*)$"
)
_TOWN_WINDOW = 60  # characters looked back from a UK postcode for its town
_LABELLED_POSTCODE = re.compile(
    r"(?<![\w])(?:c\.?p\.?|plz|code postal|cap|postcode|kod pocztowy|postleitzahl|"
    r"c[oó]digo postal)\s?[:.]?\s*(?P<code>\d{4,5}(?:-\d{3})?|\d{2}-\d{3})",
    re.IGNORECASE,
)
_LABELLED_CITY = re.compile(
    r"(?<![\w])(?:localidad(?:/\s?provincia)?|provincia|ort|wohnort|ville|citt[aà]|"
    r"ciudad|municipio|woonplaats|plaats|miejscowo[sś][cć]|city|town)\s?:[ \t]*"
    rf"(?P<city>{_CITY}(?:,[ \t]?{_CITY})?)",
    re.IGNORECASE,
)
# The letter's place and date: "Flensburg, 27. März 2025", "Berlin, am 16.5.2018".
_PLACE_AND_DATE = re.compile(
    rf"(?m)^[ \t]*(?P<city>{_CITY}),[ \t]*"
    r"(?:den|am|le|il|el|dnia|on)?[ \t]*\d{1,2}[. ]"
)
# A listed town after a preposition: "wohnhaft in Klagenfurt", "estuvo en Extremadura".
_LETTER_HEAD = 1500  # characters
_AFTER_PREPOSITION = re.compile(
    rf"(?<![\w])(?:in|aus|nach|bei|en|de|à|a|dans|di|da|w|z|ze|from|to|at|naar|uit|van)"
    rf"[ \t]+(?P<city>{_CITY})"
)
_FACILITY_WORD = (
    r"(?i:klinik(?:um)?|uniklinik|krankenhaus|spital|hospital|hôpital|clinique|"
    r"ospedale|policlinico|cl[ií]nica|ziekenhuis|szpital|infirmary|praxis|"
    r"complejo hospitalario|centro de salud|fundaci[oó]n?|ambulatorio|"
    r"gesundheitszentrum|centre hospitalier|chu|chru|casa di cura|casa de salud|"
    r"presidio ospedaliero|centro diagnostico|centre médical|medisch centrum|"
    r"laborator(?:io|ium|y)|laboratoire|labor|h[oô]pital priv[ée])"
)
_FACILITY_PARTICLE = r"(?:de|del|de la|la|y|der|des|du|di|della|van|von|für|of)"
_FACILITY = re.compile(
    rf"(?<![\w-])(?:(?:{WORD}[ -]){{0,2}}[\w\-]*{_FACILITY_WORD}"
    rf"(?:[ \t](?:{_FACILITY_PARTICLE}[ \t])?{WORD}){{1,3}}"
    rf"|(?:{WORD}-)+{_FACILITY_WORD})"
)


def detect_places(text: str) -> Iterator[PhiSpan]:
    """Postcodes with their town, labelled towns, listed towns, named facilities."""
    for match in _POSTCODE_CITY.finditer(text):
        yield PhiSpan(PhiKind.POSTCODE, *match.span("code"), "postcode", 0.85)
        end = _region_end(text, match.end("city"))
        yield PhiSpan(PhiKind.LOCATION, match.start("city"), end, "city", 0.75)
    for match in _POSTCODE_WRAPPED_CITY.finditer(text):
        after_comma = text[match.start() - 2 : match.start()] == ", "
        if not after_comma and fold(match.group("city")) not in place_names():
            continue
        yield PhiSpan(PhiKind.POSTCODE, *match.span("code"), "postcode", 0.8)
        yield PhiSpan(PhiKind.LOCATION, *match.span("city"), "city", 0.7)
    for match in _UK_POSTCODE.finditer(text):
        yield PhiSpan(PhiKind.POSTCODE, match.start(), match.end(), "postcode", 0.85)
        yield from _town_before(text, match.start())
    for match in _LABELLED_POSTCODE.finditer(text):
        yield PhiSpan(PhiKind.POSTCODE, *match.span("code"), "postcode", 0.9)
    for match in _LABELLED_CITY.finditer(text):
        yield PhiSpan(PhiKind.LOCATION, *match.span("city"), "city", 0.8)
    for match in _PLACE_AND_DATE.finditer(text):
        if _letter_place(text, match):
            yield PhiSpan(PhiKind.LOCATION, *match.span("city"), "letter_place", 0.7)
    for match in _AFTER_PREPOSITION.finditer(text):
        town = fold(match.group("city"))
        if town in place_names() and town not in common_words():
            yield PhiSpan(PhiKind.LOCATION, *match.span("city"), "listed_place", 0.78)
    for match in _BEFORE_COUNTRY.finditer(text):
        country = match.group("paren") or match.group("comma")
        if (
            fold(country) in country_names()
            and fold(match.group("city")) not in country_names()
        ):
            yield PhiSpan(PhiKind.LOCATION, *match.span("city"), "town_country", 0.86)
    for match in _FACILITY.finditer(text):
        yield PhiSpan(PhiKind.LOCATION, match.start(), match.end(), "facility", 0.87)


def _town_before(text: str, end: int) -> Iterator[PhiSpan]:
    """The town written before a UK postcode, on its line or the line above."""
    line_start = text.rfind("\n", 0, end) + 1
    if not text[line_start:end].strip():
        line_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
    town = _TOWN_BEFORE.search(text, max(line_start, end - _TOWN_WINDOW), end)
    if town is not None:
        first, last = town.span("city") if town["city"] else town.span("line")
        yield PhiSpan(PhiKind.LOCATION, first, last, "city", 0.75)


def _region_end(text: str, end: int) -> int:
    """Extend a town by up to two listed provinces: "Pamplona. Navarra (España)"."""
    for _ in range(2):
        match = _REGION_AFTER.match(text, end)
        if match is None or fold(match.group("region")) not in place_names():
            break
        end = match.end("region")
    return end


def _letter_place(text: str, match: re.Match[str]) -> bool:
    """A listed town, or a lone word in the letter head that is not a first name."""
    town = fold(match.group("city"))
    if town in place_names():
        return True
    first = town.split()[0]
    return match.start() < _LETTER_HEAD and first not in first_names()
