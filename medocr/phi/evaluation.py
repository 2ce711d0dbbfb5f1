"""Recall and precision of ``detect_phi`` against annotated reference texts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from medocr.phi.brat import AnnotatedText, Annotation
from medocr.phi.spans import PhiKind, PhiSpan

# Corpus labels -> the kind medocr should report; None: not personal data we replace.
CORPUS_KINDS: dict[str, PhiKind | None] = {
    # GraSCCo (German)
    "NAME_PATIENT": PhiKind.NAME,
    "NAME_DOCTOR": PhiKind.NAME,
    "NAME_RELATIVE": PhiKind.NAME,
    "NAME_EXT": PhiKind.NAME,
    "NAME_USERNAME": PhiKind.NAME,
    "NAME_TITLE": None,
    "DATE": PhiKind.DATE,
    "AGE": PhiKind.AGE,
    "ID": PhiKind.RECORD_NUMBER,
    "CONTACT_PHONE": PhiKind.PHONE,
    "CONTACT_FAX": PhiKind.PHONE,
    "CONTACT_EMAIL": PhiKind.EMAIL,
    "CONTACT_URL": PhiKind.CONTACT,
    "LOCATION_STREET": PhiKind.ADDRESS,
    "LOCATION_ZIP": PhiKind.POSTCODE,
    "LOCATION_CITY": PhiKind.LOCATION,
    "LOCATION_HOSPITAL": PhiKind.LOCATION,
    "LOCATION_ORGANIZATION": PhiKind.LOCATION,
    "LOCATION_COUNTRY": None,
    "PROFESSION": None,
    "PHI": None,
    # MEDDOCAN (Spanish)
    "NOMBRE_SUJETO_ASISTENCIA": PhiKind.NAME,
    "NOMBRE_PERSONAL_SANITARIO": PhiKind.NAME,
    "FAMILIARES_SUJETO_ASISTENCIA": None,
    "FECHAS": PhiKind.DATE,
    "EDAD_SUJETO_ASISTENCIA": PhiKind.AGE,
    "ID_SUJETO_ASISTENCIA": PhiKind.RECORD_NUMBER,
    "ID_TITULACION_PERSONAL_SANITARIO": PhiKind.RECORD_NUMBER,
    "ID_CONTACTO_ASISTENCIAL": PhiKind.RECORD_NUMBER,
    "ID_ASEGURAMIENTO": PhiKind.INSURANCE_ID,
    "ID_EMPLEO_PERSONA": PhiKind.RECORD_NUMBER,
    "OTRO_NUMERO_IDENTIF": PhiKind.RECORD_NUMBER,
    "IDENTIF_DISPOSITIVOS_NRSERIE": PhiKind.RECORD_NUMBER,
    "IDENTIF_VEHICULOS_NRSERIE_PRODUCTOS": PhiKind.RECORD_NUMBER,
    "NUMERO_TELEFONO": PhiKind.PHONE,
    "NUMERO_FAX": PhiKind.PHONE,
    "CORREO_ELECTRONICO": PhiKind.EMAIL,
    "URL_WEB": PhiKind.CONTACT,
    "DIREC_PROT_INTERNET": PhiKind.CONTACT,
    "CALLE": PhiKind.ADDRESS,
    "TERRITORIO": PhiKind.LOCATION,
    "HOSPITAL": PhiKind.LOCATION,
    "CENTRO_SALUD": PhiKind.LOCATION,
    "INSTITUCION": PhiKind.LOCATION,
    "PAIS": None,
    "SEXO_SUJETO_ASISTENCIA": None,
    "OTROS_SUJETO_ASISTENCIA": None,
    "PROFESION": None,
}

# Kinds scored together: an insurance number found as a record number is still found.
CATEGORY: dict[PhiKind, str] = {
    PhiKind.NAME: "name",
    PhiKind.DATE: "date",
    PhiKind.DATE_OF_BIRTH: "date",
    PhiKind.NATIONAL_ID: "identifier",
    PhiKind.INSURANCE_ID: "identifier",
    PhiKind.RECORD_NUMBER: "identifier",
    PhiKind.IBAN: "iban",
    PhiKind.PHONE: "phone",
    PhiKind.EMAIL: "email",
    PhiKind.CONTACT: "contact",
    PhiKind.ADDRESS: "address",
    PhiKind.POSTCODE: "place",
    PhiKind.LOCATION: "place",
    PhiKind.AGE: "age",
}


@dataclass(frozen=True)
class CategoryScore:
    """Span counts (overlap matching) and character counts of one category."""

    category: str
    reference_spans: int
    found_spans: int
    detected_spans: int
    correct_detections: int
    reference_chars: int
    detected_chars: int
    overlap_chars: int

    @property
    def recall(self) -> float | None:
        """Share of reference spans that a detection of this category overlaps."""
        return _ratio(self.found_spans, self.reference_spans)

    @property
    def precision(self) -> float | None:
        """Share of detections that overlap a reference span of this category."""
        return _ratio(self.correct_detections, self.detected_spans)

    @property
    def char_recall(self) -> float | None:
        """Share of reference characters (not spaces) covered by detections."""
        return _ratio(self.overlap_chars, self.reference_chars)

    @property
    def char_precision(self) -> float | None:
        """Share of detected characters that lie inside reference spans."""
        return _ratio(self.overlap_chars, self.detected_chars)


@dataclass(frozen=True)
class PhiEvaluation:
    """Scores per category and overall, for one set of reference texts."""

    documents: int
    categories: tuple[CategoryScore, ...]
    overall: CategoryScore
    unmapped_labels: tuple[str, ...]


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class _Ref:
    category: str | None  # None: annotated, but not something medocr replaces
    start: int
    end: int


def reference_spans(annotations: Iterable[Annotation]) -> tuple[list[_Ref], set[str]]:
    """Annotations as categorised spans, and the labels this table does not know."""
    refs, unknown = [], set()
    for annotation in annotations:
        if annotation.label not in CORPUS_KINDS:
            unknown.add(annotation.label)
            continue
        kind = CORPUS_KINDS[annotation.label]
        category = CATEGORY[kind] if kind is not None else None
        refs.append(_Ref(category, annotation.start, annotation.end))
    return refs, unknown


def evaluate(
    documents: Sequence[AnnotatedText], detections: Sequence[Sequence[PhiSpan]]
) -> PhiEvaluation:
    """Score detections (one list per document) against the documents' annotations."""
    counts: dict[str, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))
    unknown: set[str] = set()
    for document, spans in zip(documents, detections, strict=True):
        refs, labels = reference_spans(document.annotations)
        unknown |= labels
        _count_document(document.text, refs, spans, counts)
    categories = tuple(
        _score(name, counts[name]) for name in sorted(counts) if name != "*"
    )
    return PhiEvaluation(
        len(documents),
        categories,
        _score("overall", counts["*"]),
        tuple(sorted(unknown)),
    )


def _count_document(
    text: str,
    refs: list[_Ref],
    spans: Sequence[PhiSpan],
    counts: dict[str, defaultdict[str, int]],
) -> None:
    for ref in refs:
        if ref.category is None:
            continue
        hit = [s for s in spans if s.start < ref.end and ref.start < s.end]
        for key in (ref.category, "*"):
            counts[key]["reference_spans"] += 1
        if any(CATEGORY[s.kind] == ref.category for s in hit):
            counts[ref.category]["found_spans"] += 1
        if hit:
            counts["*"]["found_spans"] += 1
    for span in spans:
        category = CATEGORY[span.kind]
        touching = [r for r in refs if r.start < span.end and span.start < r.end]
        if touching and all(r.category is None for r in touching):
            continue
        for key in (category, "*"):
            counts[key]["detected_spans"] += 1
        if any(r.category == category for r in touching):
            counts[category]["correct_detections"] += 1
        if any(r.category is not None for r in touching):
            counts["*"]["correct_detections"] += 1
    _count_chars(text, refs, spans, counts)


def _count_chars(
    text: str,
    refs: list[_Ref],
    spans: Sequence[PhiSpan],
    counts: dict[str, defaultdict[str, int]],
) -> None:
    """Characters (not spaces) per category: referenced, detected, both."""
    ignored = {i for r in refs if r.category is None for i in range(r.start, r.end)}
    reference: dict[str, set[int]] = defaultdict(set)
    detected: dict[str, set[int]] = defaultdict(set)
    for ref in refs:
        if ref.category is not None:
            chars = {i for i in range(ref.start, ref.end) if not text[i].isspace()}
            reference[ref.category] |= chars
            reference["*"] |= chars
    for span in spans:
        chars = {
            i
            for i in range(span.start, span.end)
            if not text[i].isspace() and i not in ignored
        }
        if chars:
            detected[CATEGORY[span.kind]] |= chars
            detected["*"] |= chars
    for key in set(reference) | set(detected):
        counts[key]["reference_chars"] += len(reference[key])
        counts[key]["detected_chars"] += len(detected[key])
        counts[key]["overlap_chars"] += len(reference[key] & detected[key])


def _score(category: str, counts: dict[str, int]) -> CategoryScore:
    return CategoryScore(
        category,
        counts.get("reference_spans", 0),
        counts.get("found_spans", 0),
        counts.get("detected_spans", 0),
        counts.get("correct_detections", 0),
        counts.get("reference_chars", 0),
        counts.get("detected_chars", 0),
        counts.get("overlap_chars", 0),
    )
