"""Plausible lab results for a diagnosis, formatted the way each language writes numbers."""

from __future__ import annotations

import random
from dataclasses import dataclass

from medocr.samples.analytes import ANALYTES, SECTIONS, Analyte
from medocr.samples.languages import LANGUAGES, Language

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
    return SECTIONS[section][LANGUAGES.index(language)]


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
