"""Words that tell a document's type, language and date in the seven languages.

Every entry is written *folded* (see :func:`fold`): lower case, no diacritics, so that
OCR output with or without accents matches the same entry.
"""

from __future__ import annotations

import re
import unicodedata

LANGUAGES = ("de", "fr", "it", "es", "nl", "pl", "en")
RECORD_TYPES = ("referral_letter", "lab_report", "discharge_summary", "consent_form")

# A pseudonym token such as ``[NAME_3f9a2c1d]``: kind, underscore, hex digest.
PSEUDONYM_TOKEN = re.compile(r"\[[A-Z][A-Z_]*_[0-9a-f]{6,64}\]")

_SPECIAL_FOLDS = {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "’": "'", "ʼ": "'", "`": "'"}


def fold_char(char: str) -> str:
    """One character, lower-cased and stripped of its diacritic (length kept)."""
    lowered = char.lower()
    if len(lowered) != 1:
        return char
    if lowered in _SPECIAL_FOLDS:
        return _SPECIAL_FOLDS[lowered]
    base = unicodedata.normalize("NFKD", lowered)[0]
    return base if base.isalpha() or not lowered.isalpha() else lowered


def fold(text: str) -> str:
    """Fold a whole text character by character; offsets stay those of ``text``."""
    return "".join(fold_char(char) for char in text)


# Document type: (folded phrase, weight). A phrase matches at a word start.
TYPE_KEYWORDS: dict[str, tuple[tuple[str, float], ...]] = {
    "referral_letter": (
        ("uberweisung", 3),
        ("uberweisen", 1.5),
        ("zur weiterbehandlung", 1.5),
        ("zur mitbehandlung", 1.5),
        ("arztbrief", 1),
        ("konsil", 1),
        ("lettre d'adressage", 3),
        ("courrier d'adressage", 3),
        ("je vous adresse", 2),
        ("adresse pour avis", 2),
        ("lettera di invio", 3),
        ("impegnativa", 3),
        ("richiesta di consulenza", 2),
        ("invio in consulenza", 2),
        ("si invia", 1.5),
        ("carta de derivacion", 3),
        ("hoja de derivacion", 3),
        ("interconsulta", 2),
        ("derivacion", 1.5),
        ("es derivad", 1.5),
        ("remitimos", 1.5),
        ("verwijsbrief", 3),
        ("verwijzing", 2),
        ("verwezen", 1.5),
        ("skierowanie", 3),
        ("kieruje", 1.5),
        ("referral letter", 3),
        ("referral", 2),
        ("referred", 1.5),
        ("refer this patient", 2),
    ),
    "discharge_summary": (
        ("entlassungsbericht", 3),
        ("entlassbericht", 3),
        ("entlassungsbrief", 3),
        ("entlassbrief", 3),
        ("entlass", 1.5),
        ("stationar", 1.5),
        ("stat. behandlung", 1.5),
        ("compte rendu d'hospitalisation", 3),
        ("compte-rendu d'hospitalisation", 3),
        ("lettre de sortie", 3),
        ("hospitalise", 1.5),
        ("date de sortie", 1.5),
        ("lettera di dimissione", 3),
        ("dimissione", 2),
        ("ricovero", 1.5),
        ("informe de alta", 3),
        ("alta hospitalaria", 3),
        ("fecha de ingreso", 1.5),
        ("fecha de alta", 2),
        ("ingreso hospitalario", 1.5),
        ("ontslagbrief", 3),
        ("ontslag", 1.5),
        ("opname", 1),
        ("karta informacyjna leczenia szpitalnego", 3),
        ("wypis", 2),
        ("hospitalizacji", 1.5),
        ("discharge summary", 3),
        ("discharge letter", 3),
        ("discharged", 1.5),
        ("hospital course", 1.5),
        ("date of admission", 1),
    ),
    "lab_report": (
        ("laborbefund", 3),
        ("laborbericht", 3),
        ("referenzbereich", 2),
        ("normbereich", 1.5),
        ("labor", 1),
        ("bilan biologique", 3),
        ("compte rendu d'analyses", 3),
        ("resultats d'analyses", 2),
        ("valeurs de reference", 2),
        ("laboratoire", 1),
        ("referto di laboratorio", 3),
        ("esami di laboratorio", 2),
        ("esami ematochimici", 2),
        ("valori di riferimento", 2),
        ("informe de laboratorio", 3),
        ("resultados de laboratorio", 2),
        ("valores de referencia", 2),
        ("analitica", 1),
        ("hemograma", 1),
        ("laboratoriumuitslag", 3),
        ("labuitslag", 3),
        ("referentiewaarde", 2),
        ("laboratorium", 1),
        ("wyniki badan laboratoryjnych", 3),
        ("wynik badania", 2),
        ("zakres referencyjny", 2),
        ("laboratory report", 3),
        ("lab report", 3),
        ("reference range", 2),
        ("specimen", 1),
        ("laboratory", 1),
        ("mg/dl", 0.5),
        ("mmol/l", 0.5),
        ("g/dl", 0.5),
        ("u/l", 0.5),
    ),
    "consent_form": (
        ("einwilligungserklarung", 3),
        ("einwilligung", 3),
        ("ich willige ein", 2),
        ("aufklarungsbogen", 2),
        ("einverstanden", 1.5),
        ("ich stimme zu", 1.5),
        ("consentement eclaire", 3),
        ("consentement", 3),
        ("je soussigne", 2),
        ("j'accepte", 1.5),
        ("consenso informato", 3),
        ("consenso", 2),
        ("il sottoscritto", 2),
        ("la sottoscritta", 2),
        ("acconsento", 2),
        ("consentimiento informado", 3),
        ("consentimiento", 2),
        ("doy mi consentimiento", 2),
        ("autorizo", 1.5),
        ("toestemmingsformulier", 3),
        ("geinformeerde toestemming", 3),
        ("toestemming", 2),
        ("ik ga akkoord", 1.5),
        ("swiadoma zgoda", 3),
        ("formularz zgody", 3),
        ("wyrazam zgode", 2.5),
        ("zgoda", 2),
        ("oswiadczam", 1),
        ("consent form", 3),
        ("informed consent", 3),
        ("consent", 1.5),
        ("i hereby", 1),
        ("i agree", 1.5),
    ),
}

# Language: frequent function words, distinctive where possible.
STOPWORDS: dict[str, frozenset[str]] = {
    "de": frozenset(
        "der die das und ist nicht mit von den dem des ein eine einer wir sich "
        "auf bei zur zum fur uber wurde wurden ihre ihr sowie nach keine".split()
    ),
    "fr": frozenset(
        "le la les de en et est pas avec des une un du au aux pour dans sur nous "
        "qui que il elle ses son ont sont ete patiente".split()
    ),
    "it": frozenset(
        "il lo gli la le e di che con per una uno del della dei delle nel "
        "nella sono stato stata paziente non si al alla".split()
    ),
    "es": frozenset(
        "el la los las de y es con por para una un del que se en al su sus "
        "no presenta fue paciente como".split()
    ),
    "nl": frozenset(
        "de het een en is niet met van voor op bij zijn werd wordt naar "
        "patient heeft wij ook deze dat".split()
    ),
    "pl": frozenset(
        "i w z na nie do sie jest oraz po od przez pacjent pacjenta dnia "
        "ktory ktora dla jak bez".split()
    ),
    "en": frozenset(
        "the and is not with of for to in on was were has have this that "
        "patient his her we by be".split()
    ),
}

# Month names and abbreviations (folded) -> month number.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "januar janner jan janvier janv gennaio gen enero ene januari styczen stycznia january",
        "februar feb fevrier fevr febbraio febrero februari luty lutego february",
        "marz mar mars marzo maart marzec marca march",
        "april apr avril avr aprile abril kwiecien kwietnia",
        "mai mai maggio mag mayo mei maj maja may",
        "juni jun juin giugno giu junio czerwiec czerwca june",
        "juli jul juillet juil luglio lug julio lipiec lipca july",
        "august aug aout agosto ago augustus sierpien sierpnia",
        "september sep sept septembre settembre set septiembre setiembre wrzesien "
        "wrzesnia",
        "oktober okt octobre oct ottobre ott octubre pazdziernik pazdziernika october",
        "november nov novembre noviembre listopad listopada",
        "dezember dez decembre dec dicembre dic diciembre december grudzien grudnia",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

# A label that introduces the letter's own date ("Datum:", "Fecha:", "Data:").
# Labels right before the document's own date ("Datum:", "Fecha del informe:",
# "validiert am"); collection, admission and birth dates have labels of their own.
DATE_LABELS = (
    "datum", "date", "data", "fecha", "dated",
    "befunddatum", "berichtsdatum", "briefdatum", "ausstellungsdatum",
    "datum des befundes", "validiert am", "freigegeben am", "erstellt am",
    "date du compte rendu", "date du compte-rendu", "date du rapport",
    "date d'edition", "valide le", "biologiquement le", "edite le",
    "data referto", "data del referto", "data di refertazione", "data emissione",
    "validato il", "refertato il",
    "fecha del informe", "fecha de informe", "fecha de emision", "validado el",
    "emitido el",
    "uitslagdatum", "datum uitslag", "datum verslag", "rapportdatum",
    "geautoriseerd op", "datum brief",
    "data wyniku", "data wydania", "data wystawienia", "autoryzowany",
    "report date", "date of report", "reported", "authorised", "authorized",
    "date issued", "issued",
)  # fmt: skip

# Words that announce a date of birth (folded); a date right after them is skipped.
BIRTH_MARKERS = (
    "geb.",
    "geb",
    "geboren",
    "geburtsdatum",
    "*",
    "ne le",
    "nee le",
    "ne(e) le",
    "date de naissance",
    "nato il",
    "nata il",
    "data di nascita",
    "nacido el",
    "nacida el",
    "fecha de nacimiento",
    "f. nac",
    "fnac",
    "geboren op",
    "geboortedatum",
    "geb. datum",
    "ur.",
    "urodzony",
    "urodzona",
    "data urodzenia",
    "date of birth",
    "dob",
    "born",
    "d.o.b",
)
