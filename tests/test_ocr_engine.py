"""The real PP-OCR engine on pages medocr renders: languages, columns, rotation."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from medocr.ocr.engine import OFFLINE_ENVIRONMENT, PpOcrEngine, load_engine
from medocr.ocr.metrics import character_error_rate
from medocr.ocr.models import install_models, resolve_models
from medocr.ocr.orientation import as_read
from medocr.ocr.pages import PageImage
from medocr.ocr.reader import read_page_image
from medocr.ocr.specimens import SENTENCES, text_page, wrap
from medocr.settings import OcrSettings, Settings

pytestmark = pytest.mark.slow

LEFT = wrap(" ".join(SENTENCES.values()), 34, 620)
RIGHT = wrap(" ".join(reversed(list(SENTENCES.values()))), 34, 620)


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    models = tmp_path_factory.getbasetemp() / "ocr-models"
    install_models(models)
    home = tmp_path_factory.mktemp("ocr-home")
    return Settings(home=home, ocr=OcrSettings(models_dir=models, workers=1))


@pytest.fixture(scope="module")
def engine(settings: Settings) -> PpOcrEngine:
    return load_engine(settings)


@pytest.fixture(scope="module")
def two_columns() -> np.ndarray:
    return text_page([LEFT, RIGHT], size=(1654, 1100))


def _read(image: np.ndarray, engine: PpOcrEngine) -> tuple[str, int, float]:
    page = read_page_image(PageImage(index=0, image=image, dpi=200.0), engine)
    return page.text, page.rotation, page.skew


def test_accented_text_in_every_supported_language_is_read(engine: PpOcrEngine) -> None:
    lines = [line for text in SENTENCES.values() for line in wrap(text, 34, 1400)]
    text, _, _ = _read(text_page([lines], size=(1654, 900)), engine)
    assert character_error_rate(text, "\n".join(lines)) <= 0.01
    for letter in "äöüßÄÖéèçñàùëłąęśżó":
        assert letter in text


def test_two_columns_are_read_column_after_column(
    engine: PpOcrEngine, two_columns: np.ndarray
) -> None:
    text, rotation, _ = _read(two_columns, engine)
    assert rotation == 0
    assert character_error_rate(text, "\n".join(LEFT + RIGHT)) <= 0.01


@pytest.mark.parametrize("quarter_turns", [1, 2, 3])
def test_a_turned_page_is_read_upright(
    engine: PpOcrEngine, two_columns: np.ndarray, quarter_turns: int
) -> None:
    turned = np.ascontiguousarray(np.rot90(two_columns, k=quarter_turns))
    text, rotation, _ = _read(turned, engine)
    assert rotation == (360 - 90 * quarter_turns) % 360
    assert character_error_rate(text, "\n".join(LEFT + RIGHT)) <= 0.01


@pytest.mark.parametrize("degrees", [-2.0, 1.5, 5.0])
def test_a_skewed_page_is_read_in_order(
    engine: PpOcrEngine, two_columns: np.ndarray, degrees: float
) -> None:
    skewed = Image.fromarray(two_columns).rotate(
        degrees, expand=True, fillcolor="white"
    )
    text, _, skew = _read(np.asarray(skewed), engine)
    assert skew == pytest.approx(-degrees, abs=0.5)
    assert character_error_rate(text, "\n".join(LEFT + RIGHT)) <= 0.02


def test_lines_carry_boxes_inside_the_page_and_confidences(
    engine: PpOcrEngine, two_columns: np.ndarray
) -> None:
    page = read_page_image(PageImage(index=4, image=two_columns, dpi=200.0), engine)
    assert page.index == 4 and page.source == "ocr"
    assert (page.width, page.height) == (two_columns.shape[1], two_columns.shape[0])
    for line in page.lines:
        x0, y0, x1, y1 = line.box
        assert 0 <= x0 < x1 <= page.width and 0 <= y0 < y1 <= page.height
        assert 0.5 < line.confidence <= 1.0
    assert page.confidence.mean > 0.9


def test_loading_and_reading_never_opens_a_network_connection(
    settings: Settings, two_columns: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    fresh = PpOcrEngine(resolve_models(settings), threads=1)
    assert fresh.read_page(two_columns[:400])
    assert attempts == []
    for name, value in OFFLINE_ENVIRONMENT.items():
        assert os.environ[name] == value


def test_the_engine_is_loaded_once_per_process(settings: Settings) -> None:
    assert load_engine(settings) is load_engine(settings)


def test_a_blank_page_has_no_lines(engine: PpOcrEngine) -> None:
    blank = np.full((800, 600, 3), 255, dtype=np.uint8)
    page = read_page_image(PageImage(index=0, image=blank, dpi=100.0), engine)
    assert page.lines == ()
    assert page.confidence.count == 0


def test_missing_models_directory_name_resolves_to_the_settings_path(
    tmp_path: Path,
) -> None:
    assert Settings(home=tmp_path).models_path == tmp_path / "models"


@pytest.mark.parametrize(("quarter_turns", "degrees"), [(1, 0.0), (2, 5.0), (3, -1.5)])
def test_line_boxes_fall_on_ink_in_the_frame_the_page_was_read_in(
    engine: PpOcrEngine, two_columns: np.ndarray, quarter_turns: int, degrees: float
) -> None:
    skewed = Image.fromarray(two_columns).rotate(
        degrees, expand=True, fillcolor="white"
    )
    turned = np.ascontiguousarray(np.rot90(np.asarray(skewed), k=quarter_turns))
    page = read_page_image(PageImage(index=0, image=turned, dpi=200.0), engine)
    frame = as_read(turned, page.rotation, page.skew)
    assert frame.shape[:2] == (page.height, page.width)
    ink = frame.min(axis=2) < 128
    inside = np.zeros_like(ink)
    for line in page.lines:
        x0, y0, x1, y1 = (round(v) for v in line.box)
        inside[max(y0, 0) : y1, max(x0, 0) : x1] = True
    assert ink[inside].sum() / ink.sum() > 0.9
    assert ink[inside].mean() > 0.1
