"""Identifiers after a label: record, case, insurance and social-security numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from medocr.phi.spans import PhiKind, PhiSpan

_NO = r"(?:\s*(?:nr|no|n[°º]|nº|num|número|numero|numéro|nummer|#)\.?)?"

# Rooms and beds: labels of a record number, and of the bed code after it.
_ROOMS = (
    r"zimmer",
    r"zi",
    r"bett",
    r"chambre",
    r"stanza",
    r"letto",
    r"habitaci[oó]n",
    r"cama",
    r"kamer",
    r"sala",
    r"pok[oó]j",
    r"[łl][oó][żz]ko",
    r"room",
    r"bed",
)

# Labels per kind, all seven languages mixed; matched case-insensitively.
_LABELS = {
    PhiKind.INSURANCE_ID: (
        r"versicherten(?:-?nummer|-?nr)",
        r"kvnr",
        r"krankenversichertennummer",
        r"mitglieds(?:nummer|-?nr)",
        r"nass",
        r"n\.?\s?a\.?\s?s\.?\s?s",
        r"n[ºo°]?\s?afiliaci[oó]n",
        r"tarjeta sanitaria",
        r"cip(?:a)?",
        r"num[ée]ro d'assur[ée]",
        r"n[°º] d'assur[ée]",
        r"carte vitale",
        r"tessera sanitaria",
        r"polisnummer",
        r"verzekerdennummer",
        r"nr\.? ubezpieczenia",
        r"insurance (?:no|number|id)",
        r"policy (?:no|number)",
        r"member id",
    ),
    PhiKind.NATIONAL_ID: (
        r"sv(?:-?nr|nr)?",
        r"sozialversicherungs(?:nummer|-?nr)",
        r"steuer-?id",
        r"nir",
        r"n[°º]\s?ss",
        r"n[°º] de s[ée]curit[ée] sociale",
        r"s[ée]cu(?:rit[ée] sociale)?",
        r"codice fiscale",
        r"c\.f",
        r"dni",
        r"nie",
        r"nif",
        r"nss",
        r"nuss",
        r"seguridad social",
        r"bsn",
        r"burgerservicenummer",
        r"pesel",
        r"insz",
        r"niss",
        r"rijksregisternummer",
        r"nhs(?: number| no)?",
        r"ssn",
        r"social security(?: number| no)?",
        r"national id",
    ),
    PhiKind.RECORD_NUMBER: (
        r"fall(?:nummer|-?nr|zahl)?",
        r"patienten-?(?:nummer|nr|id)",
        r"pat\.?-?nr",
        r"piz",
        r"aufnahme(?:nummer|-?nr)",
        r"vorgangs-?(?:nummer|nr)",
        r"auftrags(?:nummer|-?nr)",
        r"befund-?(?:nummer|nr)",
        r"e-nr",
        r"h-?nr",
        r"eingangs(?:nummer|-?nr)",
        r"labor(?:nummer|-?nr)",
        r"protokoll(?:nummer|-?nr|\s?nr)",  # "Protokoll" alone names a trial scheme
        r"akten(?:zeichen|nummer)",
        r"station",
        r"ipp",
        r"dossier",
        r"num[ée]ro de dossier",
        r"s[ée]jour",
        r"cartella(?: clinica)?",
        r"nosologico",
        r"codice paziente",
        r"nhc",
        r"historia(?: cl[ií]nica)?",
        r"h\.?\s?c",
        r"n\.?[ºo°]?\.?\s?col",
        r"colegiado",
        r"episodio",
        r"pati[eë]ntnummer",
        r"dossiernummer",
        r"ziekenhuisnummer",
        r"numer pacjenta",
        r"nr\.? historii choroby",
        r"nr\.? ksi[eę]gi",
        r"mrn",
        r"medical record",
        r"record",
        r"case",
        r"hospital number",
        r"patient id",
        r"ward",
        r"id",
        r"lanr",
        r"bsnr",
        r"n[°º.]{0,2}\s?(?:de\s)?demande",
        r"n\.?\s?richiesta",
        r"n\.?º?\s?de petici[oó]n",
        r"aanvraag(?:nummer)?",
        r"request(?: no| number)?",
        r"order(?: no| number)",
        r"accession(?: no| number)?",
        r"nr\.? zlecenia",
        r"numer zlecenia",
        r"auftrag",
        *_ROOMS,
    ),
}
_VALUE = (
    r"(?P<value>(?:[A-Za-z]{1,4}[-/]?|[A-Z] )?[0-9OlI][0-9A-Za-z]*"
    r"(?:(?:[ ]?[-/.][ ]?|[ ])[0-9][0-9A-Za-z]*)*)"
)
_PATTERNS = tuple(
    (
        kind,
        re.compile(
            rf"(?<![\w-])(?:{'|'.join(labels)})(?![^\W\d_]){_NO}\.?\s*[:.=#]?[ \t]*"
            rf"{_VALUE}(?![\w])",
            re.IGNORECASE,
        ),
    )
    for kind, labels in _LABELS.items()
)


# Laboratory and pathology journal numbers: "37848/2019".
_JOURNAL_NUMBER = re.compile(r"(?<![\w/.,-])\d{4,8}/(?:19|20)\d{2}(?![\w/])")


# A ward or unit code after the unit's name: "Onkologie A33", "Intensiv II", "Ward 7B".
_UNIT_CODE = re.compile(
    r"(?<![\w-])(?:station|ambulanz|intensiv\w*|[\w-]*(?:chirurgie|ologie|iatrie)|"
    r"abteilung|ward|unit|servicio|unidad|planta|reparto|divisione|afdeling|oddzia[łl]|"
    r"pavillon|bloc)[ \t]+(?P<value>[A-Z]{1,3}-?\d{1,3}[A-Z]?|[IVX]{1,4}|[A-Z])"
    r"(?=[ \t]*(?:[\n:;,/)]|$)|[ \t]+[a-zäöüéèàíóú])",
    re.IGNORECASE,
)


# A bed or wing code after a room number, on its line or alone on the next one:
# "Zimmer 12 B", "chambre 4 A", "Zi: 119" with "Fe" below it. The code ends its line.
_ROOM_CODE = re.compile(
    rf"(?<![\w-])(?i:{'|'.join(_ROOMS)})\.?[ \t]*[:.]?[ \t]*\d{{1,4}}[ \t]*\n?[ \t]*"
    r"(?P<value>[A-ZÄÖÜ][a-zäöü]?)(?=[ \t]*(?:[\n/,;)]|$))"
)


def detect_record_numbers(text: str) -> Iterator[PhiSpan]:
    """Numbers that directly follow an identifier label, journal numbers, ward codes."""
    for match in _UNIT_CODE.finditer(text):
        if match.group("value")[0].isupper():
            start, end = match.span("value")
            yield PhiSpan(PhiKind.RECORD_NUMBER, start, end, "ward", 0.7)
    for match in _ROOM_CODE.finditer(text):
        start, end = match.span("value")
        yield PhiSpan(PhiKind.RECORD_NUMBER, start, end, "room_code", 0.7)
    for match in _JOURNAL_NUMBER.finditer(text):
        yield PhiSpan(PhiKind.RECORD_NUMBER, match.start(), match.end(), "journal", 0.7)
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            value = match.group("value")
            if not any(ch.isdigit() for ch in value) or _looks_like_date(value):
                continue
            start = match.start("value")
            yield PhiSpan(kind, start, start + len(value), "labelled_id", 0.9)


def _looks_like_date(value: str) -> bool:
    return re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", value) is not None
