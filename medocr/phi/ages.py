"""Ages of a person: "55-jährige", "70 años", "âgé de 80 ans", "Edad: 39"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from medocr.phi.spans import PhiKind, PhiSpan

_UNIT = (
    r"(?:[-–]?\s?(?:j(?:a|ä)hr(?:ig|\.)\w*|j\.|jahre?n?\s+alt|lebensjahr\w*|lj\.?)"
    r"|\s?(?:años?(?:\s+de\s+edad)?|ans\b|anni\b|jaar\b|jarige\b|-?jarig\w*|"
    r"lat(?:a|ek)?\b"
    r"|years?[\s-]old|-year-old|y/?o\b))"
)
# Spelled-out numbers up to twenty and the tens, seven languages.
_NUMBER_WORDS = (
    r"(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?(?:zwanzig|dreißig|"
    r"dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)|ein|eins|zwei|drei|"
    r"vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|"
    r"sechzehn|siebzehn|achtzehn|neunzehn|"
    r"uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|"
    r"catorce|quince|dieciséis|dieciseis|diecisiete|dieciocho|diecinueve|veinte|"
    r"treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|"
    r"deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|"
    r"quinze|seize|vingt|trente|quarante|cinquante|soixante|"
    r"due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|venti|trenta|"
    r"quaranta|cinquanta|sessanta|settanta|ottanta|novanta|"
    r"twee|drie|vijf|zes|zeven|negen|tien|twaalf|twintig|dertig|veertig|"
    r"vijftig|zestig|zeventig|tachtig|negentig|"
    r"dwa|trzy|cztery|pięć|sześć|siedem|osiem|dziewięć|dziesięć|"
    r"two|three|four|five|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety"
)
_NUMBER_AGE = re.compile(
    rf"(?<![\w.,/-])(?P<age>\d{{1,3}}|{_NUMBER_WORDS})\.?(?:{_UNIT})", re.IGNORECASE
)
_LIFE_YEAR = re.compile(r"l(?:ebens)?j", re.IGNORECASE)
_LABELLED_AGE = re.compile(
    r"(?<!\w)(?:alter|edad|âge|età|eta|leeftijd|wiek|age)\s?:\s*(?P<age>\d{1,3})(?!\d)",
    re.IGNORECASE,
)
_AT_AGE = re.compile(
    r"(?<!\w)(?:im alter von|a los|à l'âge de|âgée? de|all'età di|op (?:\d+-?)?"
    r"leeftijd van|w wieku|at (?:the )?age(?: of)?|aged)\s+(?P<age>\d{1,3})(?!\d)"
    r"(?!\s*(?:y\s\d+\s)?(?:mes|meses|d[ií]as?|semanas?|horas?|minutos?|mois|jours?|"
    r"semaines?|mesi|giorni|months?|days?|weeks?|hours?|monate?n?|tage?n?|wochen|"
    r"maanden|dagen|miesi[eę]cy|dni)\b)",
    re.IGNORECASE,
)
# Durations look like ages: "seit 5 Jahren", "hace 3 años", "for 2 years".
_DURATION = re.compile(
    r"(?:seit|vor|alle|für|since|for|ago|depuis|il y a|pendant|desde|hace|durante|"
    r"da|fa|per|sinds|gedurende|od|przez|temu|más de|lleva|los|las|otros|"
    r"dentro de|tras|after|nach|après|dopo|na|po|plus de|mehr als|over)\s*$",
    re.IGNORECASE,
)
_DURATION_AFTER = re.compile(
    r"\s+(?:después|antes|más|mas|de evoluci[oó]n|del?\s(?!edad)|de la\s|tras|en\s|"
    r"later|ago|before|after|of\s|plus tard|après|avant|de\s|dopo|prima|fa\b|di\s|"
    r"later|geleden|eerder|temu|później|wcześniej|danach|später|zuvor|zurück|her\b|"
    r"nach|vor\b|lang|in\s|mit\s)",
    re.IGNORECASE,
)


def detect_ages(text: str) -> Iterator[PhiSpan]:
    """Ages of 0 to 120 years, given with a unit, a label or an "at the age of"."""
    for pattern in (_NUMBER_AGE, _LABELLED_AGE, _AT_AGE):
        for match in pattern.finditer(text):
            age = match.group("age")
            if age.isdigit() and int(age) > 120:
                continue
            if pattern is _NUMBER_AGE and _is_duration(text, match):
                continue
            start, end = match.span("age")
            yield PhiSpan(PhiKind.AGE, start, end, "age", 0.8)


def _is_duration(text: str, match: re.Match[str]) -> bool:
    """ "seit 5 Jahren", "2 años después" are durations; "seit dem 13. Lj." is not."""
    unit = text[match.end("age") : match.end()]
    if _LIFE_YEAR.search(unit):
        return False
    if _DURATION_AFTER.match(text, match.end()):
        return True
    return _DURATION.search(text[: match.start()][-20:]) is not None
