"""What a generated file is known to contain: personal data with positions, codes, results."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from medocr.samples.case import Case


@dataclass(frozen=True)
class PersonalValue:
    """A personal-data value as printed, its kind and, for identifiers, its scheme."""

    kind: str
    value: str
    scheme: str | None = None


def personal_values(case: Case) -> list[PersonalValue]:
    """Every personal value the case may print, patient first, then clinicians."""
    p = case.patient
    values = [
        PersonalValue("patient_name", p.name),
        PersonalValue("birth_date", case.short_date(p.born)),
        PersonalValue("street", p.address.street),
        *(
            PersonalValue("locality", line)
            for line in p.address.lines(case.language)[1:]
        ),
        PersonalValue("phone", p.phone),
        PersonalValue("email", p.email),
        PersonalValue("iban", p.iban),
        PersonalValue("national_id", p.identifier.value, p.identifier.scheme),
        PersonalValue("record_number", p.record),
    ]
    if case.doc_type == "discharge_summary":
        values.append(PersonalValue("care_date", case.short_date(case.admitted)))
    for doctor in (case.gp, case.specialist, case.cosigner):
        values.append(
            PersonalValue("clinician_name", f"{doctor.given} {doctor.family}")
        )
    return values


def occurrences(value: str, pages: Sequence[str]) -> list[dict[str, int]]:
    """Where ``value`` appears in the page texts, allowing a line break between words."""
    pattern = re.compile(r"\s+".join(re.escape(token) for token in value.split()))
    return [
        {"page": number, "start": match.start(), "end": match.end()}
        for number, text in enumerate(pages, start=1)
        for match in pattern.finditer(text)
    ]


def ground_truth(case: Case, pages: Sequence[str]) -> dict[str, Any]:
    """Manifest fields for a file showing ``pages`` of the case's document."""
    text = "\n".join(pages)
    personal = []
    for item in personal_values(case):
        found = occurrences(item.value, pages)
        if found:
            personal.append(
                {
                    "kind": item.kind,
                    "value": item.value,
                    "scheme": item.scheme,
                    "occurrences": found,
                }
            )
    labs = [
        {
            "analyte": r.analyte.key,
            "value": r.value,
            "unit": r.analyte.unit,
            "flag": r.flag,
        }
        for r in case.labs
    ]
    return {
        "document_date": case.document_date.isoformat(),
        "icd10": [
            d.code
            for d in case.diagnoses
            if re.search(rf"\b{re.escape(d.code)}\b", text)
        ],
        "personal_data": personal,
        "lab_results": labs,
    }
