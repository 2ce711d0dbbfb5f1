"""Every personal value printed on the generated sample letters, in all seven
languages and four document types, is detected on the letter's text."""

from __future__ import annotations

import pytest

from medocr.phi import detect_phi
from medocr.samples.case import make_case
from medocr.samples.compose import compose
from medocr.samples.ground_truth import occurrences, personal_values
from medocr.samples.icd10 import DOC_TYPES
from medocr.samples.languages import LANGUAGES
from medocr.samples.paginate import lay_out
from medocr.samples.parts import frame


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_printed_personal_value_is_detected(language: str) -> None:
    missed = []
    for doc_type in DOC_TYPES:
        case = make_case(doc_type, language, 7)
        pages = [page.text for page in lay_out(compose(case), frame(case))]
        spans = [detect_phi(text, language) for text in pages]
        for item in personal_values(case):
            for where in occurrences(item.value, pages):
                found = spans[where["page"] - 1]
                if not any(
                    s.start < where["end"] and where["start"] < s.end for s in found
                ):
                    missed.append((doc_type, item.kind))
    assert missed == []
