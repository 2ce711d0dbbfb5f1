"""Extraction on real clinical texts written by others (GraSCCo de, MEDDOCAN es)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tasks.extract import extract_fields

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize(
    ("folder", "language"), [("grascco", "de"), ("meddocan", "es")]
)
def test_language_type_and_codes_on_a_real_corpus(
    corpus_dir: Path, folder: str, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = [
        p.read_text(encoding="utf-8")
        for p in sorted((corpus_dir / "clinical-text" / folder).glob("*.txt"))
    ]
    fields = [
        extract_fields(text, pseudonymized_text=text, page_count=1, confidences=[0.9])
        for text in texts
    ]
    languages = Counter(f.language for f in fields)
    types = Counter(f.record_type for f in fields)
    dated = sum(f.document_date is not None for f in fields)
    coded = sum(bool(f.icd10_codes) for f in fields)
    with capsys.disabled():
        print(
            f"\n[extract {folder}] documents={len(fields)} "
            f"language={languages[language] / len(fields):.2f} "
            f"types={dict(types)} dated={dated} with_codes={coded}"
        )
    assert languages[language] / len(fields) >= 0.95
    assert types["unknown"] / len(fields) <= 0.5
