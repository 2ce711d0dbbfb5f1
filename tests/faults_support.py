"""Shared by the fault tests: the letter, its steps, the state a clean run ends in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from letters import letter_lines, render_letter
from sqlmodel import Session, func, select

import tasks.ocr
from medocr.hostile import pipeline_steps
from medocr.records import Artifact, AuditEvent, Document, Handoff, Signature
from medocr.runtime import Runtime, build_runtime
from medocr.settings import Settings
from tasks.ingest import ingest_file

LETTER_PNG, LETTER_TEXT = render_letter(letter_lines())


def perfect_ocr(data: bytes, **_: object) -> object:
    """The perfect-OCR fake at the engine seam: the letter's own lines."""
    assert data == LETTER_PNG
    return LETTER_TEXT


def use_perfect_ocr(patch: Callable[..., None]) -> None:
    patch(tasks.ocr, "ocr_document", perfect_ocr)


def write_letter(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "letter.png"
    path.write_bytes(LETTER_PNG)
    return path


def run_letter(path: Path, runtime: Runtime) -> str:
    """Ingest the letter and run every stage; return its final status."""
    document_id = ingest_file(path, runtime).document_id
    for step in pipeline_steps():
        step(document_id, runtime)
    return document_status(document_id, runtime)


def document_status(document_id: str, runtime: Runtime) -> str:
    with Session(runtime.engine) as session:
        document = session.get(Document, document_id)
    assert document is not None
    return document.status


def final_state(runtime: Runtime) -> dict[str, object]:
    """What a crash and rerun must not change: rows, artifacts, audit actions."""
    with Session(runtime.engine) as session:
        artifacts = sorted(
            (a.zone, a.kind, a.stored, a.destroyed_at is None)
            for a in session.exec(select(Artifact)).all()
        )
        actions = [e.action for e in session.exec(select(AuditEvent)).all()]
        documents = session.exec(select(func.count()).select_from(Document)).one()
        signatures = session.exec(select(func.count()).select_from(Signature)).one()
        handoffs = session.exec(select(func.count()).select_from(Handoff)).one()
    handoff_dir = runtime.settings.handoff_path
    return {
        "artifacts": artifacts,
        "actions": actions,
        "documents": documents,
        "signatures": signatures,
        "handoffs": handoffs,
        "handoff_files": sorted(p.suffix for p in handoff_dir.iterdir()),
    }


def settings_in(home: Path, **signing: object) -> Settings:
    return Settings(home=home, signing={"level": "B-B", **signing})


def clean_state(tmp: Path, level: str) -> dict[str, object]:
    """The final state of one uninterrupted run at a signing level."""
    with pytest.MonkeyPatch.context() as patch:
        use_perfect_ocr(patch.setattr)
        runtime = build_runtime(settings_in(tmp / "home", level=level))
        assert run_letter(write_letter(tmp / "inbox"), runtime) == "handed_off"
    return final_state(runtime)
