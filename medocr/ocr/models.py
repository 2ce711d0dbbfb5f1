"""OCR model folders: built offline from files inside installed wheels, never fetched.

PaddleX reads a model folder as weights (``inference.onnx``) plus an ``inference.yml``
that names the model and its pre- and post-processing. The ``rapidocr`` wheel ships the
PP-OCRv6 small detection and recognition networks as ONNX files; the recognizer's
character list travels in the ONNX metadata key ``character``.

That list holds 18,708 characters, nearly all of them CJK. medocr reads European
documents, so ``install_models`` keeps only the classes of the scripts and symbols
those use (``EUROPEAN_RANGES``, about 1,050) by slicing the recognizer's last layer.
The network's choice among the kept characters is unchanged, a CJK look-alike can no
longer win, and the layer that scored 18,710 classes at every step of every line (a
quarter of the recognition time, and its largest output tensor) shrinks eighteenfold.
"""

from __future__ import annotations

import importlib.util
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from medocr.errors import ENG_MODEL_MISSING, EngineError
from medocr.settings import Settings

logger = logging.getLogger(__name__)

DET_MODEL = "PP-OCRv6_small_det"
REC_MODEL = "PP-OCRv6_small_rec"
WEIGHTS_FILE = "inference.onnx"
CONFIG_FILE = "inference.yml"
# Bump when the kept characters change, so `medocr models install` rebuilds the folder.
CHARACTER_SET = "european-1"
# Code point ranges [start, end) the recognizer keeps: Latin with its extensions,
# Greek and Cyrillic, punctuation, super- and subscripts, currency, letterlike symbols,
# number forms, arrows, mathematical operators, shapes, ballot boxes and check marks.
EUROPEAN_RANGES = (
    (0x0020, 0x0250),
    (0x0370, 0x0530),
    (0x1E00, 0x1F00),
    (0x2000, 0x2300),
    (0x25A0, 0x2600),
    (0x2610, 0x2614),
    (0x2713, 0x2718),
)
_CLASSIFIER = ("linear_8.w_0", "linear_8.b_0")

_WHEEL_FILES = {
    DET_MODEL: ("rapidocr", "models/PP-OCRv6_det_small.onnx"),
    REC_MODEL: ("rapidocr", "models/PP-OCRv6_rec_small.onnx"),
}
_NORMALIZE = {
    "mean": [0.5, 0.5, 0.5],
    "std": [0.5, 0.5, 0.5],
    "scale": "1./255.",
    "order": "hwc",
}


@dataclass(frozen=True)
class ModelFolders:
    """Where the detection and recognition models live, checked to be complete."""

    det: Path
    rec: Path


def install_models(target: Path, *, force: bool = False) -> ModelFolders:
    """Build both model folders under ``target`` from the installed wheels."""
    folders = ModelFolders(det=target / DET_MODEL, rec=target / REC_MODEL)
    for name, folder in ((DET_MODEL, folders.det), (REC_MODEL, folders.rec)):
        if force or not _is_complete(folder) or not _is_current(name, folder):
            _build_folder(name, folder)
            logger.info("model folder built: %s", name)
    return folders


def resolve_models(settings: Settings) -> ModelFolders:
    """The model folders settings point at; refuse a model without its files."""
    det = settings.ocr.det_model_dir or settings.models_path / DET_MODEL
    rec = settings.ocr.rec_model_dir or settings.models_path / REC_MODEL
    for name, folder in ((DET_MODEL, det), (REC_MODEL, rec)):
        if not _is_complete(folder):
            raise EngineError(
                f"model folder for {name} is missing or incomplete; "
                "run `medocr models install` or set MEDOCR_OCR__DET_MODEL_DIR / "
                "MEDOCR_OCR__REC_MODEL_DIR",
                code=ENG_MODEL_MISSING,
            )
    return ModelFolders(det=det, rec=rec)


def read_model_name(folder: Path) -> str:
    """The ``Global.model_name`` a model folder declares."""
    config = yaml.safe_load((folder / CONFIG_FILE).read_text(encoding="utf-8"))
    return str(config["Global"]["model_name"])


def wheel_file(package: str, relative: str) -> Path:
    """A file inside an installed wheel, or ENG_MODEL_MISSING when it is absent."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise EngineError(f"package {package} is not installed", code=ENG_MODEL_MISSING)
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    if not path.is_file():
        raise EngineError(f"{package} ships no {relative}", code=ENG_MODEL_MISSING)
    return path


def _is_complete(folder: Path) -> bool:
    return (folder / WEIGHTS_FILE).is_file() and (folder / CONFIG_FILE).is_file()


def _is_current(name: str, folder: Path) -> bool:
    """Whether a folder medocr built matches this version's recognizer characters."""
    if name != REC_MODEL:
        return True
    config = yaml.safe_load((folder / CONFIG_FILE).read_text(encoding="utf-8"))
    return bool(config.get("Global", {}).get("character_set") == CHARACTER_SET)


def _build_folder(name: str, folder: Path) -> None:
    source = wheel_file(*_WHEEL_FILES[name])
    staging = folder.with_name(folder.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    weights = staging / WEIGHTS_FILE
    if name == DET_MODEL:
        shutil.copyfile(source, weights)
        config = _det_config()
        config["Global"] = {"model_name": name}
    else:
        keep_european_characters(source, weights)
        config = _rec_config(weights)
        config["Global"] = {"model_name": name, "character_set": CHARACTER_SET}
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (staging / CONFIG_FILE).write_text(text, encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)


def _det_config() -> dict[str, Any]:
    return {
        "PreProcess": {
            "transform_ops": [
                {"DecodeImage": {"channel_first": False, "img_mode": "BGR"}},
                {"DetResizeForTest": {"resize_long": 960}},
                {"NormalizeImage": dict(_NORMALIZE)},
                {"ToCHWImage": None},
                {"KeepKeys": {"keep_keys": ["image", "shape"]}},
            ]
        },
        "PostProcess": {
            "name": "DBPostProcess",
            "thresh": 0.3,
            "box_thresh": 0.6,
            "max_candidates": 1000,
            "unclip_ratio": 1.5,
        },
    }


def _rec_config(weights: Path) -> dict[str, Any]:
    return {
        "PreProcess": {
            "transform_ops": [
                {"DecodeImage": {"channel_first": False, "img_mode": "BGR"}},
                {"RecResizeImg": {"image_shape": [3, 48, 320]}},
                {"KeepKeys": {"keep_keys": ["image", "length", "valid_ratio"]}},
            ]
        },
        "PostProcess": {
            "name": "CTCLabelDecode",
            "character_dict": _onnx_characters(weights),
        },
    }


def is_european(character: str) -> bool:
    """Whether the recognizer keeps this character (see ``EUROPEAN_RANGES``)."""
    return len(character) == 1 and any(
        start <= ord(character) < end for start, end in EUROPEAN_RANGES
    )


def keep_european_characters(source: Path, target: Path) -> None:
    """Write ``source``'s recognizer to ``target`` scoring European characters only.

    The recognizer ends in a linear layer over its classes: 0 is the CTC blank,
    1..n the characters of the metadata list, n+1 the space. Keeping the blank, the
    space and the European characters' columns of that layer (and the matching
    metadata list) leaves every kept class's score exactly as it was.
    """
    import numpy as np
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(source))
    metadata = {prop.key: prop for prop in model.metadata_props}
    characters = metadata["character"].value.split("\n")
    kept = [i for i, character in enumerate(characters) if is_european(character)]
    classes = [0, *(i + 1 for i in kept), len(characters) + 1]
    graph = model.graph
    layer = {init.name: init for init in graph.initializer if init.name in _CLASSIFIER}
    weight, bias = (numpy_helper.to_array(layer[name]) for name in _CLASSIFIER)
    if weight.shape[-1] != len(characters) + 2 or bias.shape != (weight.shape[-1],):
        raise EngineError(
            "the recognizer's last layer does not match its character list",
            code=ENG_MODEL_MISSING,
        )
    for name, array in zip(
        _CLASSIFIER, (weight[:, classes], bias[classes]), strict=True
    ):
        layer[name].CopyFrom(numpy_helper.from_array(np.ascontiguousarray(array), name))
    graph.output[0].type.tensor_type.shape.dim[-1].dim_value = len(classes)
    del graph.value_info[:]
    metadata["character"].value = "\n".join(characters[i] for i in kept)
    onnx.checker.check_model(model)
    onnx.save(model, str(target))


def _onnx_characters(weights: Path) -> list[str]:
    import onnxruntime

    session = onnxruntime.InferenceSession(
        str(weights), providers=["CPUExecutionProvider"]
    )
    characters = session.get_modelmeta().custom_metadata_map.get("character")
    if not characters:
        raise EngineError("recognizer has no character list", code=ENG_MODEL_MISSING)
    return characters.split("\n")
