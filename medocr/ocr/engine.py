"""OCR engines behind one small protocol; the PP-OCRv6 engine loads once per process.

``PpOcrEngine`` runs PaddleOCR's PP-OCRv6 small detection and recognition networks
through ONNX Runtime, using RapidOCR's pipeline for pre- and post-processing (see
docs/ocr.md for why not PaddleOCR's own pipeline). It reads only the model folders it
is given and never contacts a model hub.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

import cv2
import numpy as np

from medocr.errors import ENG_OCR, EngineError
from medocr.ocr.layout import Word, WordLine, split_at_gaps
from medocr.ocr.models import WEIGHTS_FILE, ModelFolders, resolve_models
from medocr.ocr.types import OcrLine
from medocr.settings import Settings

logger = logging.getLogger(__name__)

# Switches that keep PaddleX, ModelScope and Hugging Face clients from going online.
OFFLINE_ENVIRONMENT = {
    "PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK": "True",
    "HF_HUB_OFFLINE": "1",
    "MODELSCOPE_OFFLINE": "1",
    "DISABLE_MODEL_SOURCE_CHECK": "True",
}
# The detector sees the page scaled to at most this many pixels on its longer side;
# the recognizer reads each line cropped from the page at full resolution. On linn
# (2550 x 3300 px) that reads as well as detecting at 2000 px on a page scaled down for
# both, with 15 % less CPU and 130 MB less peak memory per page.
_DETECT_SIDE = 1600
# Orientation and large skew are judged from a detection-only pass at this size.
_OUTLINE_SIDE = 1024
# Lines are recognized one at a time: a batch is padded to its widest line, and on
# linn batches of six cost 9 % more CPU and 170 MB more peak memory for the same text.
_REC_BATCH = 1
# Ink is any pixel darker than this; content is searched on every 4th pixel.
_INK_LEVEL = 128
_CONTENT_STEP = 4
_CONTENT_MARGIN = 48


class OcrEngine(Protocol):
    """Reads one upright page image (RGB, uint8) into lines."""

    def read_page(self, image: np.ndarray) -> list[OcrLine]: ...


@dataclass(frozen=True)
class PageReading:
    """A page as read: its lines and the detected line quadrilaterals (n x 4 x 2)."""

    lines: list[OcrLine]
    quads: np.ndarray


class PpOcrEngine:
    """PP-OCRv6 small detection + recognition on ONNX Runtime."""

    def __init__(self, folders: ModelFolders, *, threads: int = 0) -> None:
        os.environ.update(OFFLINE_ENVIRONMENT)
        from rapidocr import RapidOCR

        params: dict[str, Any] = {
            "Global.use_cls": False,
            "Global.use_preprocess_img": False,
            "Det.limit_type": "max",
            "Det.limit_side_len": _DETECT_SIDE,
            "Rec.rec_batch_num": _REC_BATCH,
            "Global.log_level": "error",
            "Det.model_path": str(folders.det / WEIGHTS_FILE),
            "Rec.model_path": str(folders.rec / WEIGHTS_FILE),
            "EngineConfig.onnxruntime.intra_op_num_threads": threads or -1,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1 if threads else -1,
        }
        try:
            self._ocr = RapidOCR(params=params)
            _lean_detector(self._ocr, folders.det / WEIGHTS_FILE, threads)
        except Exception as error:
            raise EngineError(
                "the OCR models cannot be loaded", code=ENG_OCR
            ) from error
        self._lock = threading.Lock()

    def read_page(self, image: np.ndarray) -> list[OcrLine]:
        """Lines of an upright page, split where the detector bridged a column gap."""
        return self.read(image).lines

    def read(self, image: np.ndarray) -> PageReading:
        """Lines and detected quadrilaterals of a page in any orientation.

        Only the part of the page that holds ink is given to the detector: blank
        margins cost detection time and hold no text.
        """
        content = content_box(image)
        if content is None:
            return PageReading(lines=[], quads=np.zeros((0, 4, 2), dtype=np.float32))
        x0, y0, x1, y1 = content
        reading = self._read_region(np.ascontiguousarray(image[y0:y1, x0:x1]))
        return _shifted(reading, x0, y0)

    def outline(self, image: np.ndarray) -> np.ndarray:
        """Line quadrilaterals (n x 4 x 2, page pixels) from detection alone, on the
        page scaled to at most ``_OUTLINE_SIDE`` px: enough to tell how the page is
        turned, at a sixth of the detector's cost and none of the recognizer's."""
        content = content_box(image)
        if content is None:
            return np.zeros((0, 4, 2), dtype=np.float32)
        x0, y0, x1, y1 = content
        region = image[y0:y1, x0:x1]
        scale = min(1.0, _OUTLINE_SIDE / max(region.shape[:2]))
        if scale < 1.0:
            size = (round(region.shape[1] * scale), round(region.shape[0] * scale))
            region = cv2.resize(region, size, interpolation=cv2.INTER_AREA)
        result = self._run(region, use_det=True, use_rec=False)
        if result.boxes is None or len(result.boxes) == 0:
            return np.zeros((0, 4, 2), dtype=np.float32)
        quads = np.asarray(result.boxes, np.float32) / scale
        return quads + np.array([x0, y0], dtype=np.float32)

    def _read_region(self, image: np.ndarray) -> PageReading:
        result = self._run(image, use_det=True, use_rec=True, return_word_box=True)
        if result.txts is None or result.word_results is None:
            return PageReading(lines=[], quads=np.zeros((0, 4, 2), dtype=np.float32))
        quads = np.asarray(result.boxes, np.float32)
        lines: list[OcrLine] = []
        for text, score, words, quad in zip(
            result.txts, result.scores, result.word_results, quads, strict=True
        ):
            line = _word_line(str(text), float(score), words)
            if line.words:
                lines.extend(split_at_gaps(line))
            elif line.text.strip():
                box = _quad_box(quad)
                lines.append(
                    OcrLine(text=line.text.strip(), box=box, confidence=line.confidence)
                )
        return PageReading(lines=lines, quads=quads)

    def recognize(self, crop: np.ndarray) -> tuple[str, float]:
        """Text and confidence of one line image."""
        result = self._run(crop, use_det=False, use_rec=True, return_word_box=False)
        if not result.txts:
            return "", 0.0
        return str(result.txts[0]), float(result.scores[0])

    def _run(self, image: np.ndarray, **options: bool) -> Any:
        bgr = np.ascontiguousarray(image[:, :, ::-1])
        try:
            with self._lock:
                return self._ocr(bgr, use_cls=False, **options)
        except Exception as error:
            raise EngineError(
                "the OCR engine failed on a page", code=ENG_OCR
            ) from error


def _lean_detector(ocr: Any, weights: Path, threads: int) -> None:
    """Give RapidOCR's detector a session at ONNX Runtime's basic optimization level.

    RapidOCR opens every model at the ``all`` level. On the detector at 2000 px the
    layout rewrites of that level hold about 170 MB more live tensors per page and
    are no faster (0.55 against 0.72 GB peak, 2.6 against 3.0 s on linn, one thread);
    the recognizer, on the contrary, is a third faster at ``all`` and keeps it.
    """
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 4
    options.enable_cpu_mem_arena = False
    options.graph_optimization_level = (
        onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
    )
    if threads:
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(
        str(weights), sess_options=options, providers=["CPUExecutionProvider"]
    )
    detector = ocr._load_det_model()  # RapidOCR 3.10 opens models lazily
    if not isinstance(getattr(detector.session, "session", None), type(session)):
        raise TypeError("RapidOCR's detector does not hold an ONNX Runtime session")
    detector.session.session = session


def content_box(image: np.ndarray) -> tuple[int, int, int, int] | None:
    """Bounds ``(x0, y0, x1, y1)`` of the ink plus a margin; ``None`` if blank."""
    step = _CONTENT_STEP
    ink = image[::step, ::step].min(axis=2) < _INK_LEVEL
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if rows.size == 0:
        return None
    height, width = image.shape[:2]
    return (
        max(int(cols[0]) * step - _CONTENT_MARGIN, 0),
        max(int(rows[0]) * step - _CONTENT_MARGIN, 0),
        min((int(cols[-1]) + 1) * step + _CONTENT_MARGIN, width),
        min((int(rows[-1]) + 1) * step + _CONTENT_MARGIN, height),
    )


def _shifted(reading: PageReading, dx: int, dy: int) -> PageReading:
    if not dx and not dy:
        return reading
    lines = [
        replace(
            ln, box=(ln.box[0] + dx, ln.box[1] + dy, ln.box[2] + dx, ln.box[3] + dy)
        )
        for ln in reading.lines
    ]
    offset = np.array([dx, dy], dtype=np.float32)
    return PageReading(lines=lines, quads=reading.quads + offset)


def _word_line(text: str, score: float, words: Any) -> WordLine:
    parsed = tuple(
        Word(text=str(w_text), confidence=float(w_score), box=_quad_box(quad))
        for w_text, w_score, quad in _word_triples(words)
        if str(w_text).strip()
    )
    return WordLine(text=text, confidence=score, words=parsed)


def _word_triples(words: Any) -> list[tuple[Any, Any, Any]]:
    """RapidOCR's (text, score, quad) word entries; none when it gave no positions."""
    if not words or not all(isinstance(w, tuple | list) and len(w) == 3 for w in words):
        return []
    return list(words)


def _quad_box(quad: Any) -> tuple[float, float, float, float]:
    points = np.asarray(quad, dtype=np.float32).reshape(-1, 2)
    x0, y0 = points.min(axis=0)
    x1, y1 = points.max(axis=0)
    return float(x0), float(y0), float(x1), float(y1)


_ENGINES: dict[tuple[str, str, int], PpOcrEngine] = {}
_ENGINES_LOCK = threading.Lock()


def load_engine(settings: Settings, *, threads: int = 0) -> PpOcrEngine:
    """The process's PP-OCR engine for these settings, loaded once and then reused."""
    if settings.ocr.engine != "onnxruntime":
        raise EngineError(
            "only the onnxruntime OCR engine is available; see docs/ocr.md",
            code=ENG_OCR,
        )
    folders = resolve_models(settings)
    key = (str(folders.det), str(folders.rec), threads)
    with _ENGINES_LOCK:
        if key not in _ENGINES:
            logger.info("loading OCR models (threads=%s)", threads or "auto")
            _ENGINES[key] = PpOcrEngine(folders, threads=threads)
        return _ENGINES[key]
