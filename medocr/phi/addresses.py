"""Street addresses, postcodes with their town, and named hospitals or practices."""

from __future__ import annotations

import re
from collections.abc import Iterator

from medocr.phi.spans import PhiKind, PhiSpan

_WORD = r"[A-ZÄÖÜÀ-ÝŁŚŻŹĆŃ][\w'´’\-]*"
_CAP = rf"{_WORD}\.?"
_PARTICLE = r"(?:de|del|de la|de las|de los|la|las|los|y|i|e|di|da|della|dei|degli|le|les|du|des|van|von|der|den|het|op|am|an|zum|zur|im|in|sur|sous|'t|of|the)"
_NAME_WORDS = rf"{_CAP}(?:[ \t](?:{_PARTICLE}[ \t])*[\w'´’\-]+\.?){{0,5}}?"
_NUMBER = (
    r"(?:\d{1,4}(?:[ \t]?[a-zA-Z](?![\w]))?(?:[ \t]?[-/–][ \t]?\d{1,4}[a-zA-Z]?)?|s/n)"
)
_TAIL = r"(?:,?[ \t]?(?:\d{1,3}[ \t]?[ºª°o]?[ \t]?[A-Za-z]{0,4}\.?|[A-Z]\b|esq|dcha|izda|iz|dr|bis|ter)(?=[\s,.;]|$)){0,3}"
_PREFIX = (
    r"(?:(?:calle|avenida|avenido|avda|av|paseo|plaza|carretera|camino|ronda|traves[ií]a|"
    r"urbanizaci[oó]n|glorieta|rambla|gran v[ií]a|rue|avenue|boulevard|place|chemin|"
    r"all[ée]e|impasse|quai|route|cours|via|viale|piazza|corso|largo|vicolo|strada|"
    r"contrada|ulica|aleja|osiedle|plac|straße|strasse)\.?|c/|"
    r"(?:c|pso|pza|pl|ctra|bd|bld|p\.zza|ul|al|os)\.)"
)
_PREFIXED = re.compile(
    rf"(?<![\w])(?i:{_PREFIX})[ \t]*(?:(?:{_PARTICLE})[ \t]+)*{_NAME_WORDS},?[ \t]*"
    rf"(?:n[ºo°.][ \t]?)?{_NUMBER}(?!\d){_TAIL}"
)
_SUFFIX = (
    r"(?:straße|strasse|strße|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|steig|"
    r"pfad|markt|gürtel|kai|zeile|straat|laan|plein|gracht|kade|singel|dijk|steeg|hof)"
)
_SUFFIXED = re.compile(
    rf"(?<![\w-])(?:{_CAP}[ \t])?(?:[A-ZÄÖÜ][\w\-]*(?i:{_SUFFIX})|{_CAP}[ \t]"
    r"(?i:stra(?:ß|ss)e|str\.|weg|gasse|platz|allee))"
    rf"[ \t]?{_NUMBER}(?![\d])"
)
_ENGLISH = re.compile(
    rf"(?<![\w])\d{{1,5}}[A-Za-z]?,?[ \t](?:{_CAP}[ \t]){{1,4}}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|"
    r"Lane|Ln\.|Drive|Way|Court|Place|Square|Close|Crescent|Terrace|Gardens|Grove|Row|"
    r"Walk|Boulevard|Blvd\.)"
)
_FRENCH = re.compile(
    rf"(?<![\w])\d{{1,4}}(?:[ \t]?(?:bis|ter))?,?[ \t](?i:rue|avenue|av\.|boulevard|bd|place|chemin|"
    rf"all[ée]e|impasse|quai|route|cours)[ \t](?:(?:{_PARTICLE})[ \t]+|l')*{_CAP}(?:[ \t]{_CAP})*"
)
_POBOX = re.compile(
    r"(?<![\w])(?:apartado de correos|apartado|postfach|bo[iî]te postale|b\.p\.|"
    r"casella postale|postbus|skrytka pocztowa|p\.?\s?o\.? box)[ \t]?\d{1,8}",
    re.IGNORECASE,
)
_LABELLED = re.compile(
    r"(?<![\w])(?:domicilio|direcci[oó]n|anschrift|adresse|wohnhaft(?: in)?|indirizzo|"
    r"residenza|adres(?: zamieszkania)?|address)\s?:[ \t]*(?P<value>[^\n.]{4,80})",
    re.IGNORECASE,
)
_CITY = (
    rf"{_WORD}(?:[ \-](?:(?:{_PARTICLE}|bei|an der|am|sur|sous)[ \-])?{_WORD}){{0,3}}"
)
_POSTCODE_CITY = re.compile(
    rf"(?<![\w.,/:-])(?P<code>(?:[A-Z]{{1,2}}-)?\d{{5}}|\d{{2}}-\d{{3}}|\d{{4}}[ \t]?[A-Z]{{2}}(?=\s)"
    rf"|(?:[A-Z]{{1,2}}-|(?<=\n)|(?<=, )|(?<=^))\d{{4}})(?:[ \t]?[-–][ \t]?|[ \t]+)(?P<city>{_CITY})"
)
_LABELLED_POSTCODE = re.compile(
    r"(?<![\w])(?:c\.?p\.?|plz|code postal|cap|postcode|kod pocztowy|postleitzahl|"
    r"c[oó]digo postal)\s?[:.]?\s*(?P<code>\d{4,5}(?:-\d{3})?|\d{2}-\d{3})",
    re.IGNORECASE,
)
_LABELLED_CITY = re.compile(
    r"(?<![\w])(?:localidad(?:/\s?provincia)?|provincia|ort|wohnort|ville|citt[aà]|ciudad|"
    r"municipio|woonplaats|plaats|miejscowo[sś][cć]|city|town)\s?:[ \t]*"
    rf"(?P<city>{_CITY}(?:,[ \t]?{_CITY})?)",
    re.IGNORECASE,
)
_FACILITY_WORD = (
    r"(?i:klinik(?:um)?|krankenhaus|spital|hospital|hôpital|clinique|ospedale|policlinico|"
    r"cl[ií]nica|ziekenhuis|szpital|infirmary|praxis)"
)
_FACILITY = re.compile(
    rf"(?<![\w-])(?:(?:{_WORD}[ -]){{0,2}}[\w\-]*{_FACILITY_WORD}"
    rf"(?:[ \t](?:{_PARTICLE}[ \t])?{_WORD}){{1,3}}|(?:{_WORD}-)+(?i:{_FACILITY_WORD}))"
)


def detect_addresses(text: str) -> Iterator[PhiSpan]:
    """Street addresses in the forms used by the seven supported languages."""
    for pattern in (_PREFIXED, _SUFFIXED, _ENGLISH, _FRENCH, _POBOX):
        for match in pattern.finditer(text):
            yield PhiSpan(match.start(), match.end(), PhiKind.ADDRESS, "street", 0.85)
    for match in _LABELLED.finditer(text):
        start, end = match.span("value")
        yield PhiSpan(start, end, PhiKind.ADDRESS, "labelled_address", 0.8)


def detect_places(text: str) -> Iterator[PhiSpan]:
    """Postcodes, the town that follows them or a town label, and named facilities."""
    for match in _POSTCODE_CITY.finditer(text):
        yield PhiSpan(*match.span("code"), PhiKind.POSTCODE, "postcode", 0.85)
        yield PhiSpan(*match.span("city"), PhiKind.LOCATION, "city", 0.75)
    for match in _LABELLED_POSTCODE.finditer(text):
        yield PhiSpan(*match.span("code"), PhiKind.POSTCODE, "postcode", 0.9)
    for match in _LABELLED_CITY.finditer(text):
        yield PhiSpan(*match.span("city"), PhiKind.LOCATION, "city", 0.8)
    for match in _FACILITY.finditer(text):
        yield PhiSpan(match.start(), match.end(), PhiKind.LOCATION, "facility", 0.6)
