"""Laboratory analytes: names per language, units and adult reference ranges."""

from __future__ import annotations

from dataclasses import dataclass

from medocr.samples.languages import LANGUAGES

SECTIONS = {
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
