"""The scan path of the PHI evaluation: render each reference text as a scan, read it
with OCR, detect on what OCR read, and carry the spans back onto the reference text."""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Sequence

from PIL import Image
from rapidfuzz.distance import Levenshtein

from medocr.phi.brat import AnnotatedText
from medocr.phi.detect import detect_phi
from medocr.phi.spans import PhiSpan

logger = logging.getLogger(__name__)


def detect_through_scans(
    documents: Sequence[AnnotatedText], language: str | None
) -> list[list[PhiSpan]]:
    """Spans over each reference text, found in the OCR output of its rendered scan."""
    from medocr.samples.text_scan import render_text_as_scan
    from tasks.ocr import ocr_document

    detections = []
    for number, document in enumerate(documents, start=1):
        seed = zlib.crc32(document.name.encode("utf-8"))
        images = render_text_as_scan(document.text, seed=seed, language=language)
        read = ocr_document(_as_tiff(images)).text
        spans = detect_phi(read, language)
        detections.append(transfer_spans(read, document.text, spans))
        logger.info("scan path: document %d of %d read", number, len(documents))
    return detections


def _as_tiff(images: Sequence[Image.Image]) -> bytes:
    buffer = io.BytesIO()
    first, *rest = [image.convert("RGB") for image in images]
    first.save(
        buffer,
        format="TIFF",
        save_all=True,
        append_images=rest,
        compression="tiff_deflate",
    )
    return buffer.getvalue()


def offset_map(source: str, target: str) -> list[int]:
    """For each offset 0..len(source) of ``source``, the aligned one in ``target``."""
    mapping = [0] * (len(source) + 1)
    for op in Levenshtein.opcodes(source, target):
        s0, s1, t0, t1 = op.src_start, op.src_end, op.dest_start, op.dest_end
        for offset in range(s0, s1):
            if op.tag in ("equal", "replace"):
                mapping[offset] = t0 + min(offset - s0, max(t1 - t0 - 1, 0))
            else:
                mapping[offset] = t0
    mapping[len(source)] = len(target)
    return mapping


def transfer_spans(source: str, target: str, spans: Sequence[PhiSpan]) -> list[PhiSpan]:
    """Spans over ``source`` moved onto the aligned characters of ``target``."""
    mapping = offset_map(source, target)
    moved = []
    for span in spans:
        start = mapping[span.start]
        end = mapping[span.end - 1] + 1 if span.end > span.start else start
        end = min(end, len(target))  # read text past the reference's end maps onto it
        if end > start:
            moved.append(PhiSpan(span.kind, start, end, span.detector, span.confidence))
    return moved
