"""Extraction after real pseudonymization, on generated letters whose fields are known.

The sample generator writes each record type in each language with a known date,
birth date and diagnosis codes; the text goes through ``medocr.phi`` as in the
pipeline (no OCR), so dates of birth arrive both as marked spans and in the text.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from medocr.phi import detect_phi, pseudonymize_text
from medocr.samples.case import make_case
from medocr.samples.compose import compose
from medocr.samples.generate import frame
from medocr.samples.icd10 import DOC_TYPES
from medocr.samples.languages import LANGUAGES
from medocr.samples.paginate import lay_out
from tasks.extract import ExtractedFields, extract_fields

SEEDS = (5, 102)
CASES = [
    (kind, lang, seed) for kind in DOC_TYPES for lang in LANGUAGES for seed in SEEDS
]


def _extract(kind: str, language: str, seed: int) -> tuple[Any, str, ExtractedFields]:
    case = make_case(kind, language, seed)  # type: ignore[arg-type]
    text = "\n".join(
        page.text for page in lay_out(compose(case), frame(case, faxed=False))
    )
    spans = detect_phi(text, None)
    pseudonymized = pseudonymize_text(text, spans, b"k" * 32).text
    fields = extract_fields(
        text,
        pseudonymized_text=pseudonymized,
        page_count=1,
        confidences=[0.9],
        date_spans=[(s.start, s.end) for s in spans if s.kind == "DATE"],
        birth_date_spans=[(s.start, s.end) for s in spans if s.kind == "DATE_OF_BIRTH"],
    )
    return case, text, fields


@pytest.fixture(scope="module")
def extracted() -> dict[tuple[str, str, int], tuple[Any, str, ExtractedFields]]:
    return {key: _extract(*key) for key in CASES}


@pytest.mark.parametrize("key", CASES, ids=lambda key: "-".join(map(str, key)))
def test_a_generated_letter_yields_its_known_fields(
    extracted: dict[tuple[str, str, int], tuple[Any, str, ExtractedFields]],
    key: tuple[str, str, int],
) -> None:
    case, text, fields = extracted[key]
    day = case.document_date
    flat = " ".join(text.split())
    printed = case.short_date(day) in flat or case.long_date(day) in flat
    assert fields.record_type == key[0]
    assert fields.language == key[1]
    assert fields.document_date == (day.isoformat() if printed else None)
    assert fields.document_date != case.patient.born.isoformat()
    printed_codes = {d.code for d in case.diagnoses if d.code in text}
    assert set(fields.icd10_codes) == printed_codes


def test_summary_of_the_generated_letters(
    extracted: dict[tuple[str, str, int], tuple[Any, str, ExtractedFields]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    fields = [value[2] for value in extracted.values()]
    dated = Counter(f.record_type for f in fields if f.document_date)
    with capsys.disabled():
        print(f"\n[extract samples] letters={len(fields)} dated_by_type={dict(dated)}")
    assert len(fields) == len(DOC_TYPES) * len(LANGUAGES) * len(SEEDS)
