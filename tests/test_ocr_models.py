"""Model folders are built offline from wheel files and refused when incomplete."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from medocr.errors import ENG_MODEL_MISSING, EngineError
from medocr.ocr.models import (
    CONFIG_FILE,
    DET_MODEL,
    REC_MODEL,
    WEIGHTS_FILE,
    install_models,
    resolve_models,
)
from medocr.settings import OcrSettings, Settings


def test_install_builds_both_folders_with_the_inference_config_paddlex_reads(
    tmp_path: Path,
) -> None:
    folders = install_models(tmp_path)
    det = yaml.safe_load((folders.det / CONFIG_FILE).read_text(encoding="utf-8"))
    rec = yaml.safe_load((folders.rec / CONFIG_FILE).read_text(encoding="utf-8"))
    assert det["Global"]["model_name"] == DET_MODEL
    assert det["PostProcess"]["name"] == "DBPostProcess"
    assert rec["Global"]["model_name"] == REC_MODEL
    characters = rec["PostProcess"]["character_dict"]
    assert len(characters) == 18708
    assert set("äöüßéèçñłąęśżó") <= set(characters)
    assert (folders.det / WEIGHTS_FILE).stat().st_size > 1_000_000


def test_install_leaves_complete_folders_alone_unless_forced(tmp_path: Path) -> None:
    folders = install_models(tmp_path)
    marker = folders.det / "operator-note"
    marker.write_text("kept", encoding="utf-8")
    install_models(tmp_path)
    assert marker.exists()
    install_models(tmp_path, force=True)
    assert not marker.exists()


def test_a_model_without_its_folder_is_refused(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path)
    with pytest.raises(EngineError) as caught:
        resolve_models(settings)
    assert caught.value.code == ENG_MODEL_MISSING


def test_a_folder_without_weights_is_refused(tmp_path: Path) -> None:
    folders = install_models(tmp_path / "models")
    (folders.rec / WEIGHTS_FILE).unlink()
    with pytest.raises(EngineError) as caught:
        resolve_models(Settings(home=tmp_path))
    assert caught.value.code == ENG_MODEL_MISSING


def test_operators_can_point_each_model_at_their_own_folder(tmp_path: Path) -> None:
    mirrored = install_models(tmp_path / "mirror")
    ocr = OcrSettings(det_model_dir=mirrored.det, rec_model_dir=mirrored.rec)
    resolved = resolve_models(Settings(home=tmp_path / "elsewhere", ocr=ocr))
    assert (resolved.det, resolved.rec) == (mirrored.det, mirrored.rec)
