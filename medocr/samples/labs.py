"""Laboratory analytes with units and adult reference ranges, and plausible results."""

from __future__ import annotations

import random
from dataclasses import dataclass

from medocr.samples.languages import LANGUAGES, Language

_SECTIONS = {
    "haematology": (
        "Hämatologie",
        "Hématologie",
        "Ematologia",
        "Hematología",
        "Hematologie",
        "Hematologia",
        "Haematology",
    ),
    "chemistry": (
        "Klinische Chemie",
        "Biochimie",
        "Chimica clinica",
        "Bioquímica",
        "Klinische chemie",
        "Biochemia",
        "Clinical chemistry",
    ),
    "lipids": (
        "Lipidstatus",
        "Bilan lipidique",
        "Profilo lipidico",
        "Perfil lipídico",
        "Lipidenspectrum",
        "Lipidogram",
        "Lipid profile",
    ),
    "thyroid": (
        "Schilddrüse",
        "Thyroïde",
        "Tiroide",
        "Tiroides",
        "Schildklier",
        "Tarczyca",
        "Thyroid",
    ),
}


@dataclass(frozen=True)
class Analyte:
    """A measured quantity; ``low`` or ``high`` is None for a one-sided range."""

    key: str
    section: str
    names: tuple[str, str, str, str, str, str, str]
    unit: str
    low: float | None
    high: float | None
    decimals: int


def _a(
    key: str,
    section: str,
    names: str,
    unit: str,
    low: float | None,
    high: float | None,
    decimals: int,
) -> Analyte:
    parts = tuple(names.split("|"))
    assert len(parts) == len(LANGUAGES), key
    return Analyte(key, section, parts, unit, low, high, decimals)  # type: ignore[arg-type]


ANALYTES: dict[str, Analyte] = {
    a.key: a
    for a in (
        _a(
            "hb",
            "haematology",
            "Hämoglobin|Hémoglobine|Emoglobina|Hemoglobina|Hemoglobine|"
            "Hemoglobina|Haemoglobin",
            "g/dL",
            12.0,
            16.0,
            1,
        ),
        _a(
            "wbc",
            "haematology",
            "Leukozyten|Leucocytes|Leucociti|Leucocitos|Leukocyten|"
            "Leukocyty|White cell count",
            "10^9/L",
            4.0,
            10.0,
            1,
        ),
        _a(
            "plt",
            "haematology",
            "Thrombozyten|Plaquettes|Piastrine|Plaquetas|Trombocyten|"
            "Płytki krwi|Platelets",
            "10^9/L",
            150,
            400,
            0,
        ),
        _a("mcv", "haematology", "MCV|VGM|MCV|VCM|MCV|MCV|MCV", "fL", 80, 100, 0),
        _a(
            "glucose",
            "chemistry",
            "Glukose nüchtern|Glycémie à jeun|Glicemia a digiuno|"
            "Glucosa en ayunas|Glucose nuchter|Glukoza na czczo|Fasting glucose",
            "mmol/L",
            3.9,
            5.5,
            1,
        ),
        _a(
            "hba1c",
            "chemistry",
            "HbA1c|HbA1c|HbA1c|HbA1c|HbA1c|HbA1c|HbA1c",
            "%",
            4.0,
            5.6,
            1,
        ),
        _a(
            "creatinine",
            "chemistry",
            "Kreatinin|Créatinine|Creatinina|Creatinina|"
            "Creatinine|Kreatynina|Creatinine",
            "µmol/L",
            53,
            106,
            0,
        ),
        _a(
            "egfr",
            "chemistry",
            "eGFR (CKD-EPI)|DFG estimé (CKD-EPI)|eGFR (CKD-EPI)|"
            "FGe (CKD-EPI)|eGFR (CKD-EPI)|eGFR (CKD-EPI)|eGFR (CKD-EPI)",
            "mL/min/1.73m²",
            60,
            None,
            0,
        ),
        _a(
            "potassium",
            "chemistry",
            "Kalium|Potassium|Potassio|Potasio|Kalium|Potas|Potassium",
            "mmol/L",
            3.5,
            5.1,
            1,
        ),
        _a(
            "sodium",
            "chemistry",
            "Natrium|Sodium|Sodio|Sodio|Natrium|Sód|Sodium",
            "mmol/L",
            135,
            145,
            0,
        ),
        _a("crp", "chemistry", "CRP|CRP|PCR|PCR|CRP|CRP|CRP", "mg/L", None, 5.0, 1),
        _a(
            "alt",
            "chemistry",
            "ALT (GPT)|ALAT|ALT|ALT (GPT)|ALAT|ALT|ALT",
            "U/L",
            None,
            45,
            0,
        ),
        _a(
            "ferritin",
            "chemistry",
            "Ferritin|Ferritine|Ferritina|Ferritina|Ferritine|Ferrytyna|Ferritin",
            "µg/L",
            30,
            300,
            0,
        ),
        _a(
            "chol",
            "lipids",
            "Cholesterin gesamt|Cholestérol total|Colesterolo totale|"
            "Colesterol total|Totaal cholesterol|Cholesterol całkowity|Total cholesterol",
            "mmol/L",
            None,
            5.2,
            1,
        ),
        _a(
            "ldl",
            "lipids",
            "LDL-Cholesterin|Cholestérol LDL|Colesterolo LDL|Colesterol LDL|"
            "LDL-cholesterol|Cholesterol LDL|LDL cholesterol",
            "mmol/L",
            None,
            3.0,
            1,
        ),
        _a(
            "hdl",
            "lipids",
            "HDL-Cholesterin|Cholestérol HDL|Colesterolo HDL|Colesterol HDL|"
            "HDL-cholesterol|Cholesterol HDL|HDL cholesterol",
            "mmol/L",
            1.0,
            None,
            1,
        ),
        _a(
            "tg",
            "lipids",
            "Triglyceride|Triglycérides|Trigliceridi|Triglicéridos|"
            "Triglyceriden|Triglicerydy|Triglycerides",
            "mmol/L",
            None,
            1.7,
            1,
        ),
        _a("tsh", "thyroid", "TSH|TSH|TSH|TSH|TSH|TSH|TSH", "mU/L", 0.4, 4.0, 2),
        _a(
            "ft4",
            "thyroid",
            "fT4|T4 libre|FT4|T4 libre|vrij T4|FT4|Free T4",
            "pmol/L",
            12,
            22,
            1,
        ),
    )
}

_BASE_PANEL = (
    "hb",
    "wbc",
    "plt",
    "glucose",
    "creatinine",
    "egfr",
    "potassium",
    "sodium",
    "crp",
    "alt",
)
# Per main diagnosis: extra analytes, and which results lie outside the range.
_PANELS: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "E11.9": (("hba1c", "chol", "ldl", "hdl", "tg"), {"hba1c": "H", "glucose": "H"}),
    "D50.9": (("mcv", "ferritin"), {"hb": "L", "mcv": "L", "ferritin": "L"}),
    "E78.0": (("chol", "ldl", "hdl", "tg"), {"chol": "H", "ldl": "H"}),
    "E03.9": (("tsh", "ft4", "chol"), {"tsh": "H", "ft4": "L"}),
    "N18.3": (("hb", "mcv"), {"creatinine": "H", "egfr": "L", "potassium": "H"}),
}


@dataclass(frozen=True)
class LabResult:
    """One measured value and its flag: ``H`` above, ``L`` below range, ``""`` inside."""

    analyte: Analyte
    value: float
    flag: str

    def row(self, language: Language) -> tuple[str, str, str, str, str]:
        a = self.analyte
        name = a.names[LANGUAGES.index(language)]
        value = format_number(self.value, a.decimals, language)
        return name, value, a.unit, reference_range(a, language), self.flag


def lab_panel(main_code: str, rng: random.Random) -> list[LabResult]:
    """Results for a report about ``main_code``, abnormal where the condition says so."""
    extra, abnormal = _PANELS[main_code]
    keys = list(dict.fromkeys(_BASE_PANEL + extra))
    return [_result(ANALYTES[key], abnormal.get(key, ""), rng) for key in keys]


def section_title(section: str, language: Language) -> str:
    """The heading of a section of the report in ``language``."""
    return _SECTIONS[section][LANGUAGES.index(language)]


def format_number(value: float, decimals: int, language: Language) -> str:
    """A number as the language writes it: decimal comma everywhere but English."""
    text = f"{value:.{decimals}f}"
    return text if language == "en" else text.replace(".", ",")


def reference_range(analyte: Analyte, language: Language) -> str:
    """``low – high``, ``< high`` or ``> low`` in the language's number format."""
    low, high, places = analyte.low, analyte.high, analyte.decimals
    if low is None and high is not None:
        return "< " + format_number(high, places, language)
    if high is None and low is not None:
        return "> " + format_number(low, places, language)
    assert low is not None and high is not None
    return f"{format_number(low, places, language)} – {format_number(high, places, language)}"


def _result(analyte: Analyte, flag: str, rng: random.Random) -> LabResult:
    low, high = analyte.low, analyte.high
    if flag == "H":
        value = (high if high is not None else (low or 1) * 2) * rng.uniform(1.06, 1.3)
    elif flag == "L":
        value = (low if low is not None else (high or 1) / 2) * rng.uniform(0.55, 0.88)
    else:
        lower = low if low is not None else (high or 1) * 0.3
        upper = high if high is not None else (low or 1) * 1.6
        value = rng.uniform(
            lower + 0.1 * (upper - lower), upper - 0.1 * (upper - lower)
        )
    return LabResult(analyte, round(value, analyte.decimals), flag)
