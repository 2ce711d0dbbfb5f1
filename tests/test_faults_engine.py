"""The real OCR engine failing mid-document.

An engine that raises, or an OCR worker process killed mid-page, stops the step with
ENG_OCR: the document is not quarantined (the input is not at fault), nothing is
half-written, and a rerun reads it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from faults_support import document_status, settings_in, write_letter

from medocr.errors import ENG_OCR, IN_TIMEOUT, EngineError, InputRejected
from medocr.leftovers import find_leftovers
from medocr.ocr.engine import load_engine
from medocr.ocr.models import install_models
from medocr.ocr.reader import shutdown_workers
from medocr.records import DocumentStatus, Zone
from medocr.runtime import Runtime, build_runtime
from medocr.settings import Settings
from tasks.ingest import ingest_file
from tasks.ocr import ocr_document
from tasks.pipeline import ocr_step, read_text


def engine_settings(tmp_path: Path) -> Settings:
    """The real engine in this process (one worker), models built offline."""
    base = settings_in(tmp_path / "home")
    ocr = {"workers": 1, "models_dir": tmp_path.parent / "models"}
    settings = Settings(home=base.home, signing=base.signing, ocr=ocr)
    install_models(settings.models_path)
    return settings


def ingested_letter(tmp_path: Path, settings: Settings) -> tuple[str, Runtime]:
    runtime = build_runtime(settings)
    letter = write_letter(tmp_path / "inbox")
    return ingest_file(letter, runtime).document_id, runtime


def assert_read_once(document_id: str, runtime: Runtime) -> None:
    """The rerun read the page with the real engine; one text artifact, no leftovers."""
    assert document_status(document_id, runtime) == DocumentStatus.OCR_DONE
    text = read_text(document_id, runtime)
    assert len(text.pages) == 1 and len(text.pages[0].lines) > 10
    assert find_leftovers(runtime).clean


def test_an_engine_that_raises_stops_the_step_with_eng_ocr_and_a_rerun_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = engine_settings(tmp_path)
    document_id, runtime = ingested_letter(tmp_path, settings)
    engine = load_engine(settings)

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("onnxruntime: invalid input")

    with monkeypatch.context() as fault:
        fault.setattr(engine, "_ocr", broken)
        with pytest.raises(EngineError) as info:
            ocr_step(document_id, runtime)
    assert info.value.code == ENG_OCR
    assert document_status(document_id, runtime) == DocumentStatus.INGESTED
    assert runtime.vault.find(document_id, Zone.TEXT, "ocr") is None
    assert find_leftovers(runtime).clean

    ocr_step(document_id, runtime)
    assert_read_once(document_id, runtime)


def test_an_ocr_worker_killed_mid_page_stops_the_step_with_eng_ocr_and_a_rerun_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = engine_settings(tmp_path)
    settings = Settings(
        home=base.home,
        signing=base.signing,
        ocr={**base.ocr.model_dump(), "workers": 2},
    )
    document_id, runtime = ingested_letter(tmp_path, settings)
    # The spawned workers read MEDOCR_HOME for the fault counter: one kill in all.
    monkeypatch.setenv("MEDOCR_HOME", str(settings.home))
    monkeypatch.setenv("MEDOCR_FAULT", "kill@ocr.page:1")
    try:
        with pytest.raises(EngineError) as info:
            ocr_step(document_id, runtime)
        assert info.value.code == ENG_OCR
        assert document_status(document_id, runtime) == DocumentStatus.INGESTED
        assert runtime.vault.find(document_id, Zone.TEXT, "ocr") is None
        assert find_leftovers(runtime).clean

        ocr_step(document_id, runtime)
        assert_read_once(document_id, runtime)
    finally:
        shutdown_workers()


def test_a_page_over_its_time_limit_is_rejected_and_the_next_document_reads(
    tmp_path: Path,
) -> None:
    base = engine_settings(tmp_path)
    ocr = {**base.ocr.model_dump(), "workers": 2}
    slow = Settings(
        home=base.home,
        signing=base.signing,
        ocr=ocr,
        limits={**base.limits.model_dump(), "ocr_seconds_per_page": 0.05},
    )
    letter = write_letter(tmp_path / "inbox").read_bytes()
    try:
        with pytest.raises(InputRejected) as info:
            ocr_document(letter, settings=slow)
        assert info.value.code == IN_TIMEOUT
        # The stuck workers were killed; a fresh pool reads the next document.
        normal = Settings(home=base.home, signing=base.signing, ocr=ocr)
        text = ocr_document(letter, settings=normal)
        assert len(text.pages[0].lines) > 10
    finally:
        shutdown_workers()
