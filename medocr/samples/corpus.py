"""Render a folder of plain texts as scanned PDFs with opaque names and a span manifest."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

from medocr.samples.degrade import Degradation
from medocr.samples.formats import images_to_pdf
from medocr.samples.languages import derive_seed
from medocr.samples.text_scan import scan_text

logger = logging.getLogger(__name__)


def opaque_name(relative: str) -> str:
    """A file name derived from the source path that does not reveal it."""
    return f"corpus-{hashlib.sha256(relative.encode()).hexdigest()[:16]}.pdf"


def read_source(path: Path) -> str:
    """A text exactly as stored (no newline translation), so offsets match annotations."""
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def render_corpus(
    src_dir: Path,
    out_dir: Path,
    *,
    seed: int = 0,
    degrade: Degradation = "scan",
    language: str | None = None,
    manifest_path: Path | None = None,
) -> dict[str, Any]:
    """Render each ``.txt`` below ``src_dir`` into ``out_dir``; return the manifest.

    The manifest maps each PDF to its source path (relative to ``src_dir``) and the
    character span of the source shown on each page.
    """
    sources = sorted(path for path in src_dir.rglob("*.txt") if path.is_file())
    if not sources:
        raise FileNotFoundError("no .txt files in the source folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    entries = [
        _render_one(path, src_dir, out_dir, seed, degrade, language) for path in sources
    ]
    manifest = {"generator": "medocr render-corpus", "seed": seed, "files": entries}
    target = manifest_path or out_dir / "manifest.json"
    temporary = target.with_name(f".{target.name}.part")
    temporary.write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    os.replace(temporary, target)
    return manifest


def _render_one(
    path: Path,
    src_dir: Path,
    out_dir: Path,
    seed: int,
    degrade: Degradation,
    language: str | None,
) -> dict[str, Any]:
    relative = path.relative_to(src_dir).as_posix()
    text = read_source(path)
    scan = scan_text(
        text, seed=derive_seed(seed, relative), degrade=degrade, language=language
    )
    name = opaque_name(relative)
    temporary = out_dir / f".{name}.part"
    temporary.write_bytes(images_to_pdf(scan.images))
    os.replace(temporary, out_dir / name)
    logger.info("rendered %s: %d pages", name, len(scan.images))
    return {
        "file": name,
        "source": relative,
        "degradation": degrade,
        "page_count": len(scan.images),
        "characters": len(text),
        "page_spans": [list(span) for span in scan.page_spans],
    }
