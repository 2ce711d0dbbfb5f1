"""The OCR stage end to end with a fake engine as the seam: pages, order, text layers."""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
import pymupdf
import pytest
from PIL import Image

from medocr.errors import IN_TOO_MANY_PAGES, InputRejected
from medocr.ocr.reader import worker_count
from medocr.ocr.types import DocumentText, OcrLine
from medocr.settings import Limits, OcrSettings, Settings
from tasks.ocr import ocr_document


class FakeEngine:
    """Reads every page as one line naming its pixel height; counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def read_page(self, image: np.ndarray) -> list[OcrLine]:
        self.calls += 1
        box = (0.0, 0.0, float(image.shape[1]), float(image.shape[0]))
        return [OcrLine(text=f"h{image.shape[0]}", box=box, confidence=0.8)]


def _settings(tmp_path: Path, **ocr: object) -> Settings:
    return Settings(home=tmp_path, ocr=OcrSettings(dpi=72, **ocr))  # type: ignore[arg-type]


def _tiff(heights: list[int]) -> bytes:
    frames = [Image.new("L", (50, h), 255) for h in heights]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="TIFF", save_all=True, append_images=frames[1:])
    return buffer.getvalue()


def _born_digital_pdf() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=200)
    page.insert_text((20, 40), "Entlassungsbrief für die Hausärztin", fontsize=11)
    page.insert_text(
        (20, 70), "Befund: unauffällig, Kontrolle in zwei Wochen.", fontsize=11
    )
    doc.new_page(width=300, height=200)
    return doc.tobytes()


def test_every_page_of_a_multi_page_tiff_is_read_in_order(tmp_path: Path) -> None:
    engine = FakeEngine()
    document = ocr_document(
        _tiff([30, 40, 50]), settings=_settings(tmp_path), engine=engine
    )
    assert document.text == "h30\fh40\fh50"
    assert [p.index for p in document.pages] == [0, 1, 2]
    assert engine.calls == 3


def test_a_trustworthy_text_layer_is_kept_and_only_other_pages_are_ocrd(
    tmp_path: Path,
) -> None:
    engine = FakeEngine()
    document = ocr_document(
        _born_digital_pdf(), settings=_settings(tmp_path), engine=engine
    )
    first, second = document.pages
    assert first.source == "text-layer" and second.source == "ocr"
    assert first.text.splitlines() == [
        "Entlassungsbrief für die Hausärztin",
        "Befund: unauffällig, Kontrolle in zwei Wochen.",
    ]
    assert engine.calls == 1


def test_the_text_layer_can_be_switched_off(tmp_path: Path) -> None:
    engine = FakeEngine()
    settings = _settings(tmp_path, use_text_layer=False)
    document = ocr_document(_born_digital_pdf(), settings=settings, engine=engine)
    assert {p.source for p in document.pages} == {"ocr"}
    assert engine.calls == 2


def test_an_invisible_text_layer_from_an_earlier_ocr_run_is_not_trusted(
    tmp_path: Path,
) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=200)
    page.insert_text(
        (20, 40), "Unsichtbarer Text einer alten Texterkennung", render_mode=3
    )
    engine = FakeEngine()
    document = ocr_document(doc.tobytes(), settings=_settings(tmp_path), engine=engine)
    assert document.pages[0].source == "ocr"


def test_limits_are_enforced_before_the_engine_sees_a_page(tmp_path: Path) -> None:
    engine = FakeEngine()
    settings = Settings(home=tmp_path, limits=Limits(max_pages=2))
    with pytest.raises(InputRejected) as caught:
        ocr_document(_tiff([10, 10, 10]), settings=settings, engine=engine)
    assert caught.value.code == IN_TOO_MANY_PAGES
    assert engine.calls == 0


def test_the_result_survives_the_vault_round_trip(tmp_path: Path) -> None:
    document = ocr_document(
        _born_digital_pdf(), settings=_settings(tmp_path), engine=FakeEngine()
    )
    assert DocumentText.from_json(document.to_json()) == document


def test_worker_count_follows_the_setting_or_the_memory_budget(tmp_path: Path) -> None:
    assert worker_count(Settings(home=tmp_path, ocr=OcrSettings(workers=3))) == 3
    tight = Settings(home=tmp_path, limits=Limits(max_memory_mb=1500))
    assert worker_count(tight) == 1
    roomy = Settings(home=tmp_path, limits=Limits(max_memory_mb=64_000))
    assert worker_count(roomy) == len(os.sched_getaffinity(0))
