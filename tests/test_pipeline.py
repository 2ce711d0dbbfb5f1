"""The document pipeline, step by step, with a perfect-OCR fake at the engine seam.

Real PHI detection, GX validation, contract gate, PAdES signing and hand-off run;
only the OCR engine is replaced, so these tests are fast and exact. The real engine
runs in the flow tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest
from letters import letter_lines, render_letter
from sqlmodel import Session, func, select

import tasks.ocr
import tasks.pipeline
from medocr.errors import STG_BLOCKED, StageError
from medocr.records import Artifact, AuditEvent, DocumentStatus, Handoff, Signature
from medocr.runtime import build_runtime
from medocr.settings import Settings
from tasks.gate import gate_step
from tasks.handoff import handoff_step
from tasks.ingest import ingest_file
from tasks.pipeline import extract_step, ocr_step, pseudonymize_step
from tasks.rendition import sign_step

STEPS = (ocr_step, pseudonymize_step, extract_step, gate_step, sign_step, handoff_step)
CANARIES = (
    "Quirinbach",
    "Xaverius",
    "Q471859262",
    "DE89 3704",
    "02.07.1961",
    "4839217",
    "posteo.de",
    "Lindenallee",
    "Oberhollenzer",
    "Fenstermacher",
)


@pytest.fixture
def letter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    png, text = render_letter(letter_lines())
    monkeypatch.setattr(tasks.ocr, "ocr_document", lambda data, **_: text)
    path = tmp_path / "inbox" / "Quirinbach_Entlassung.png"
    path.parent.mkdir()
    path.write_bytes(png)
    return path


@pytest.fixture(scope="module")
def clean_state(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The final state of one uninterrupted run, for the crash tests to compare."""
    tmp = tmp_path_factory.mktemp("clean")
    png, text = render_letter(letter_lines())
    (tmp / "letter.png").write_bytes(png)
    clean = build_runtime(Settings(home=tmp / "home", signing={"level": "B-T"}))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tasks.ocr, "ocr_document", lambda data, **_: text)
        run_all(ingest_file(tmp / "letter.png", clean).document_id, clean)
    return state(clean)


@pytest.fixture
def runtime(tmp_path: Path):
    settings = Settings(home=tmp_path / "home", signing={"level": "B-T"})
    return build_runtime(settings)


def run_all(document_id: str, runtime) -> str:  # type: ignore[no-untyped-def]
    status = ""
    for step in STEPS:
        status = step(document_id, runtime).status
    return status


def state(runtime) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """What a rerun must not change: rows, artifacts, audit actions."""
    with Session(runtime.engine) as session:
        artifacts = sorted(
            (a.zone, a.kind) for a in session.exec(select(Artifact)).all()
        )
        actions = [e.action for e in session.exec(select(AuditEvent)).all()]
        signatures = session.exec(select(func.count()).select_from(Signature)).one()
        handoffs = session.exec(select(func.count()).select_from(Handoff)).one()
    return {
        "artifacts": artifacts,
        "actions": actions,
        "signatures": signatures,
        "handoffs": handoffs,
        "handoff_files": sorted(
            p.suffix for p in runtime.settings.handoff_path.iterdir()
        ),
    }


def test_letter_goes_through_every_stage_to_hand_off(letter: Path, runtime) -> None:
    document_id = ingest_file(letter, runtime).document_id
    assert run_all(document_id, runtime) == DocumentStatus.HANDED_OFF
    record = json.loads(
        (runtime.settings.handoff_path / f"{document_id}.json").read_text()
    )
    assert record["record_type"] == "discharge_summary"
    assert record["language"] == "de"
    assert set(record["icd10_codes"]) >= {"I10", "E11.9"}
    assert record["document_date"] == "2025-03-14"
    assert runtime.audit.verify().intact


def test_hand_off_carries_no_personal_data(letter: Path, runtime) -> None:
    document_id = ingest_file(letter, runtime).document_id
    run_all(document_id, runtime)
    record = (runtime.settings.handoff_path / f"{document_id}.json").read_text()
    with pymupdf.open(runtime.settings.handoff_path / f"{document_id}.pdf") as pdf:
        pdf_text = "".join(page.get_text() for page in pdf)
    for canary in CANARIES:
        assert canary not in record, canary
        assert canary not in pdf_text, canary
    assert "[NAME_" in record


def test_rerun_changes_nothing(letter: Path, runtime) -> None:
    document_id = ingest_file(letter, runtime).document_id
    run_all(document_id, runtime)
    before = state(runtime)
    ingest_file(letter, runtime)
    run_all(document_id, runtime)
    assert state(runtime) == before


@pytest.mark.parametrize("crash_at", range(len(STEPS)))
def test_crash_before_any_status_change_then_rerun_equals_clean_run(
    letter: Path,
    runtime,
    clean_state: dict[str, object],
    monkeypatch: pytest.MonkeyPatch,
    crash_at: int,
) -> None:
    document_id = ingest_file(letter, runtime).document_id
    for step in STEPS[:crash_at]:
        step(document_id, runtime)
    real_set_status = tasks.pipeline.set_status

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("power cut")

    for module in ("tasks.pipeline", "tasks.gate", "tasks.handoff", "tasks.rendition"):
        monkeypatch.setattr(f"{module}.set_status", crash)
    with pytest.raises(RuntimeError):
        STEPS[crash_at](document_id, runtime)
    for module in ("tasks.pipeline", "tasks.gate", "tasks.handoff", "tasks.rendition"):
        monkeypatch.setattr(f"{module}.set_status", real_set_status)

    assert run_all(document_id, runtime) == DocumentStatus.HANDED_OFF
    assert state(runtime) == clean_state
    assert runtime.audit.verify().intact


def test_hand_off_and_signing_refuse_a_record_that_failed_its_gate(
    letter: Path, runtime
) -> None:
    document_id = ingest_file(letter, runtime).document_id
    for step in STEPS[:3]:
        step(document_id, runtime)
    record = json.loads(runtime.vault.read_slot(document_id, "text", "record"))
    record["patient_name"] = "someone"
    from tasks.contract import check_contract

    assert not check_contract(record).passed
    with pytest.raises(StageError) as info:
        tasks.gate.require_gate(document_id, runtime)
    assert info.value.code == STG_BLOCKED
    assert handoff_step(document_id, runtime).status == DocumentStatus.EXTRACTED
    assert not runtime.settings.handoff_path.exists()


def test_an_approved_review_overrules_validation_but_never_the_contract(
    letter: Path, runtime
) -> None:
    from sqlmodel import Session

    from tasks.gate import gate_passed, open_review, save_check

    document_id = ingest_file(letter, runtime).document_id
    with Session(runtime.engine) as session:
        save_check(session, runtime, document_id, "validation", False, ["r"])
        save_check(session, runtime, document_id, "contract", True, [])
        open_review(session, runtime, document_id, ["r"])
        session.commit()
    assert not gate_passed(document_id, runtime)
    with Session(runtime.engine) as session:
        review = session.exec(select(tasks.gate.ReviewItem)).one()
        review.status = "approved"
        session.add(review)
        session.commit()
    assert gate_passed(document_id, runtime)
    with Session(runtime.engine) as session:
        save_check(session, runtime, document_id, "contract", False, ["p"])
        session.commit()
    assert not gate_passed(document_id, runtime)


def test_crash_while_quarantining_then_rerun_leaves_no_raw_copy(
    letter: Path, runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    from medocr.errors import IN_MALFORMED, InputRejected

    def unreadable(data: bytes, **_: object) -> None:
        raise InputRejected("unreadable page", code=IN_MALFORMED)

    monkeypatch.setattr(tasks.ocr, "ocr_document", unreadable)
    document_id = ingest_file(letter, runtime).document_id
    real_destroy = runtime.vault.destroy
    calls: list[str] = []

    def destroy_one_then_crash(artifact) -> None:  # type: ignore[no-untyped-def]
        calls.append(artifact.id)
        if len(calls) > 1:
            raise ZeroDivisionError("power cut")
        real_destroy(artifact)

    monkeypatch.setattr(runtime.vault, "destroy", destroy_one_then_crash)
    with pytest.raises(ZeroDivisionError):
        ocr_step(document_id, runtime)
    monkeypatch.setattr(runtime.vault, "destroy", real_destroy)

    assert ocr_step(document_id, runtime).status == DocumentStatus.REJECTED
    assert runtime.vault.find(document_id, "raw", "original") is None
    assert runtime.vault.find(document_id, "quarantine", "original") is not None
    assert runtime.audit.count("input.rejected") == 1
