"""Discharge medication: common drugs by international name, in each language's spelling."""

from __future__ import annotations

from dataclasses import dataclass

from medocr.samples.languages import LANGUAGES, Language


@dataclass(frozen=True)
class Drug:
    """A drug with a usual adult dose and schedule (``od``, ``bd``, ``tds``, ``on``)."""

    names: tuple[str, ...]
    dose: str
    schedule: str

    def name(self, language: Language) -> str:
        return self.names[LANGUAGES.index(language)]


def _d(names: str, dose: str, schedule: str) -> Drug:
    parts = tuple(names.split("|"))
    assert len(parts) == len(LANGUAGES), names
    return Drug(parts, dose, schedule)


DRUGS: dict[str, Drug] = {
    "ramipril": _d(
        "Ramipril|Ramipril|Ramipril|Ramipril|Ramipril|Ramipryl|Ramipril", "5 mg", "od"
    ),
    "metformin": _d(
        "Metformin|Metformine|Metformina|Metformina|Metformine|Metformina|Metformin",
        "1000 mg",
        "bd",
    ),
    "amlodipine": _d(
        "Amlodipin|Amlodipine|Amlodipina|Amlodipino|Amlodipine|Amlodypina|Amlodipine",
        "5 mg",
        "od",
    ),
    "bisoprolol": _d(
        "Bisoprolol|Bisoprolol|Bisoprololo|Bisoprolol|Bisoprolol|Bisoprolol|Bisoprolol",
        "2,5 mg",
        "od",
    ),
    "atorvastatin": _d(
        "Atorvastatin|Atorvastatine|Atorvastatina|Atorvastatina|"
        "Atorvastatine|Atorwastatyna|Atorvastatin",
        "40 mg",
        "on",
    ),
    "pantoprazole": _d(
        "Pantoprazol|Pantoprazole|Pantoprazolo|Pantoprazol|Pantoprazol|"
        "Pantoprazol|Pantoprazole",
        "40 mg",
        "od",
    ),
    "furosemide": _d(
        "Furosemid|Furosémide|Furosemide|Furosemida|Furosemide|Furosemid|Furosemide",
        "40 mg",
        "od",
    ),
    "levothyroxine": _d(
        "Levothyroxin|Lévothyroxine|Levotiroxina|Levotiroxina|"
        "Levothyroxine|Lewotyroksyna|Levothyroxine",
        "75 µg",
        "od",
    ),
    "aspirin": _d(
        "Acetylsalicylsäure|Acide acétylsalicylique|Acido acetilsalicilico|"
        "Ácido acetilsalicílico|Acetylsalicylzuur|Kwas acetylosalicylowy|Aspirin",
        "100 mg",
        "od",
    ),
    "enoxaparin": _d(
        "Enoxaparin|Énoxaparine|Enoxaparina|Enoxaparina|Enoxaparine|"
        "Enoksaparyna|Enoxaparin",
        "40 mg",
        "od",
    ),
    "paracetamol": _d(
        "Paracetamol|Paracétamol|Paracetamolo|Paracetamol|Paracetamol|"
        "Paracetamol|Paracetamol",
        "1 g",
        "tds",
    ),
    "coamoxiclav": _d(
        "Amoxicillin/Clavulansäure|Amoxicilline/acide clavulanique|"
        "Amoxicillina/acido clavulanico|Amoxicilina/ácido clavulánico|"
        "Amoxicilline/clavulaanzuur|Amoksycylina/kwas klawulanowy|"
        "Co-amoxiclav",
        "875/125 mg",
        "bd",
    ),
}

_FOR_CONDITION: dict[str, tuple[str, ...]] = {
    "J18.9": ("coamoxiclav", "paracetamol"),
    "K35.8": ("paracetamol", "pantoprazole"),
    "S72.0": ("enoxaparin", "paracetamol", "pantoprazole"),
    "I21.9": ("aspirin", "atorvastatin", "bisoprolol", "ramipril"),
    "I50.9": ("furosemide", "bisoprolol", "ramipril"),
    "N39.0": ("coamoxiclav",),
    "I10": ("amlodipine",),
    "E11.9": ("metformin",),
    "E78.0": ("atorvastatin",),
    "E03.9": ("levothyroxine",),
}


def medication_for(codes: list[str]) -> list[Drug]:
    """Drugs for the given diagnoses, each once, in the order the codes call for them."""
    keys = [key for code in codes for key in _FOR_CONDITION.get(code, ())]
    return [DRUGS[key] for key in dict.fromkeys(keys)]


def dose_for(drug: Drug, language: Language) -> str:
    """The dose with the language's decimal mark."""
    return drug.dose.replace(",", ".") if language == "en" else drug.dose
