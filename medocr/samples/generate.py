"""Generate a folder of sample documents and a ``manifest.json`` with their ground truth.

File names say only the sequence number, document type and language; everything
personal stays inside the documents and the manifest.
"""

from __future__ import annotations

import json
import logging
import os
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from medocr.files import write_atomically
from medocr.samples.case import Case, make_case
from medocr.samples.compose import compose
from medocr.samples.degrade import Degradation, degrade_page
from medocr.samples.draw import draw_page
from medocr.samples.formats import (
    MULTI_PAGE,
    OUTPUT_FORMATS,
    SUFFIXES,
    OutputFormat,
    write_pages,
)
from medocr.samples.ground_truth import ground_truth
from medocr.samples.icd10 import DOC_TYPES, DocType
from medocr.samples.languages import LANGUAGES, Language, derive_seed
from medocr.samples.layout import LaidOutPage
from medocr.samples.paginate import lay_out
from medocr.samples.parts import frame

logger = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
ALL_COMBINATIONS = len(DOC_TYPES) * len(LANGUAGES)
_DEGRADATION_WEIGHTS: dict[Degradation, float] = {"scan": 0.6, "clean": 0.2, "fax": 0.2}


@dataclass(frozen=True)
class SampleSpec:
    """What one sample will be, decided before anything is drawn."""

    number: int
    doc_type: DocType
    language: Language
    fmt: OutputFormat
    degradation: Degradation
    turn: int
    seed: int

    @property
    def stem(self) -> str:
        return f"sample-{self.number:03d}-{self.doc_type}-{self.language}"


def plan_samples(
    count: int, seed: int, formats: Sequence[OutputFormat] = OUTPUT_FORMATS
) -> list[SampleSpec]:
    """Specs for ``count`` samples; 7 or more cover every language, 28 every pairing.

    Languages and types advance together (7 and 4 share no factor), so the first 28
    samples hold each (type, language) pair once.
    """
    rng = random.Random(derive_seed(seed, "plan"))
    languages = rng.sample(LANGUAGES, len(LANGUAGES))
    doc_types = rng.sample(DOC_TYPES, len(DOC_TYPES))
    specs = []
    for index in range(count):
        degradation = rng.choices(
            list(_DEGRADATION_WEIGHTS), weights=list(_DEGRADATION_WEIGHTS.values())
        )[0]
        turn = rng.choice((90, 180, 270)) if rng.random() < 0.12 else 0
        specs.append(
            SampleSpec(
                number=index + 1,
                doc_type=doc_types[index % len(doc_types)],
                language=languages[index % len(languages)],
                fmt=rng.choice(list(formats)),
                degradation=degradation,
                turn=turn,
                seed=derive_seed(seed, "sample", index),
            )
        )
    return specs


def generate_samples(
    out_dir: Path,
    *,
    count: int = 12,
    seed: int = 0,
    formats: Sequence[OutputFormat] = OUTPUT_FORMATS,
    manifest_path: Path | None = None,
) -> dict[str, Any]:
    """Write ``count`` documents into ``out_dir`` and the manifest beside them (or at
    ``manifest_path``, to keep it out of a watched inbox); return the manifest."""
    if count < 1 or not formats:
        raise ValueError("need at least one sample and one format")
    out_dir.mkdir(parents=True, exist_ok=True)
    entries: list[dict[str, Any]] = []
    for spec in plan_samples(count, seed, formats):
        entries.extend(_generate_one(spec, out_dir, formats))
        logger.info("sample %s written (%d files so far)", spec.number, len(entries))
    manifest = {
        "generator": "medocr samples",
        "seed": seed,
        "count": count,
        "files": entries,
    }
    _write_atomically(
        manifest_path or out_dir / MANIFEST_NAME,
        json.dumps(manifest, ensure_ascii=False, indent=1).encode(),
    )
    return manifest


def document_pages(
    doc_type: DocType, language: Language, seed: int, *, faxed: bool = False
) -> tuple[Case, list[LaidOutPage]]:
    """A sample's facts and its laid-out pages (``page.text`` is the ground truth)."""
    case = make_case(doc_type, language, seed)
    return case, lay_out(compose(case), frame(case, faxed=faxed))


def _generate_one(
    spec: SampleSpec, out_dir: Path, formats: Sequence[OutputFormat]
) -> list[dict[str, Any]]:
    faxed = spec.degradation == "fax"
    case, pages = document_pages(spec.doc_type, spec.language, spec.seed, faxed=faxed)
    images = [
        degrade_page(
            draw_page(page),
            spec.degradation,
            derive_seed(spec.seed, page.number),
            turn=spec.turn,
        )
        for page in pages
    ]
    texts = [page.text for page in pages]
    fmt = _format_for(spec, len(pages), formats)
    parts: list[tuple[str, list[Image.Image], list[str], int | None]]
    if fmt in MULTI_PAGE or len(pages) == 1:
        parts = [(spec.stem + SUFFIXES[fmt], images, texts, None)]
    else:
        parts = [
            (f"{spec.stem}-p{k}{SUFFIXES[fmt]}", [image], [text], k)
            for k, (image, text) in enumerate(zip(images, texts, strict=True), start=1)
        ]
    entries = []
    for name, part_images, part_texts, part in parts:
        _write_images(part_images, out_dir / name, fmt)
        entries.append(_entry(spec, name, fmt, part_texts, part, len(pages), case))
    return entries


def _format_for(
    spec: SampleSpec, pages: int, formats: Sequence[OutputFormat]
) -> OutputFormat:
    """The planned format, or a multi-page one for a long document when one is allowed."""
    if pages == 1 or spec.fmt in MULTI_PAGE:
        return spec.fmt
    multi = [fmt for fmt in formats if fmt in MULTI_PAGE]
    return multi[spec.seed % len(multi)] if multi else spec.fmt


def _entry(
    spec: SampleSpec,
    name: str,
    fmt: OutputFormat,
    texts: list[str],
    part: int | None,
    total_pages: int,
    case: Case,
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "file": name,
        "document": spec.stem,
        "doc_type": spec.doc_type,
        "language": spec.language,
        "format": fmt,
        "degradation": spec.degradation,
        "turn": spec.turn,
        "page_count": len(texts),
    }
    if part is not None:
        entry.update(part=part, parts=total_pages)
    entry.update(ground_truth(case, texts))
    entry["pages"] = [{"number": k, "text": t} for k, t in enumerate(texts, start=1)]
    return entry


def _write_images(images: list[Image.Image], path: Path, fmt: OutputFormat) -> None:
    temporary = path.with_name(f".{path.name}.part")
    try:
        write_pages(images, temporary, fmt)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _write_atomically(path: Path, data: bytes) -> None:
    write_atomically(path, data, mode=0o644)
