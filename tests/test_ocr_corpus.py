"""OCR quality on the shared corpus's scanned pages (skipped when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from medocr.ocr.evaluation import CORPUS_REFERENCES, evaluate_directory
from medocr.ocr.models import install_models
from medocr.settings import OcrSettings, Settings

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

# The targets, and the bound below which a change counts as a regression.
TARGETS = {"eurotext": 0.005, "phototest": 0.004, "linn": 0.010}
REGRESSION = {"eurotext": 0.008, "phototest": 0.004, "linn": 0.016}


def _family(document: str) -> str:
    reference = CORPUS_REFERENCES.get(document, document)
    for pattern, name in CORPUS_REFERENCES.items():
        if Path(document).match(pattern):
            reference = name
    return Path(reference).stem


def test_character_error_rates_on_the_ground_truth_pages(
    corpus_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    models = tmp_path_factory.getbasetemp() / "ocr-models"
    install_models(models)
    settings = Settings(
        home=tmp_path_factory.mktemp("corpus-home"),
        ocr=OcrSettings(models_dir=models, workers=1),
    )
    scores = list(
        evaluate_directory(
            corpus_dir / "ocr-ground-truth",
            settings=settings,
            references=CORPUS_REFERENCES,
        )
    )
    with capsys.disabled():
        print("\nOCR CER on ocr-ground-truth (target in brackets)")
        for s in scores:
            family = _family(s.document)
            print(f"  {s.document:28} p{s.page}  cer={s.cer:.4f} [{TARGETS[family]}]")
    assert len(scores) == 14
    for s in scores:
        assert s.cer <= REGRESSION[_family(s.document)], s.document
