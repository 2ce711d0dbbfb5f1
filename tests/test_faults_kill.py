"""A worker killed with SIGKILL mid-document, then the document run again elsewhere,
ends in the same state as a clean run: no second row, artifact, signature or audit
event, no orphan object and no temporary file.

The worker is this file run as a script: it ingests the letter and runs each stage
with fault points around it (as the Prefect task does) and after each object and
artifact write, and ``MEDOCR_FAULT=kill@<point>:1`` makes it SIGKILL itself there.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
STAGES = ("ocr", "pseudonymize", "extract", "gate", "sign", "handoff")


def run_worker(home: Path, letter: Path) -> None:
    """The child: the letter through every stage, with fault points throughout."""
    from faults_support import settings_in, use_perfect_ocr

    from medocr.faults import fault_point
    from medocr.hostile import pipeline_steps
    from medocr.runtime import build_runtime
    from tasks.ingest import ingest_file

    use_perfect_ocr(lambda target, name, value: setattr(target, name, value))
    runtime = build_runtime(settings_in(home))
    count_writes(runtime, fault_point)
    document_id = ingest_file(letter, runtime).document_id
    for name, step in zip(STAGES, pipeline_steps(), strict=True):
        fault_point(name)
        step(document_id, runtime)
        fault_point(f"{name}.done")


def count_writes(runtime: object, fault_point: object) -> None:
    """Name every object write ``object.<n>`` and every artifact ``artifact.<n>``."""
    vault = runtime.vault  # type: ignore[attr-defined]
    for owner, method, point in (
        (vault.backend, "put", "object"),
        (vault, "put", "artifact"),
    ):
        real = getattr(owner, method)
        calls = [0]

        def counted(  # type: ignore[no-untyped-def]
            *args, _real=real, _calls=calls, _point=point, **kwargs
        ):
            result = _real(*args, **kwargs)
            _calls[0] += 1
            fault_point(f"{_point}.{_calls[0]}")  # type: ignore[operator]
            return result

        setattr(owner, method, counted)


@pytest.fixture(scope="module")
def clean_b_b(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    from faults_support import clean_state

    return clean_state(tmp_path_factory.mktemp("clean-kill"), "B-B")


@pytest.mark.parametrize(
    "point",
    [
        "object.1",  # the raw scan's object written, its row not yet marked stored
        "object.4",  # inside pseudonymization: identity map written, not recorded
        "sign.done",
        "object.write",  # inside the raw scan's write: its temporary file left torn
    ],
)
def test_sigkill_mid_document_then_a_fresh_run_equals_a_clean_run(
    tmp_path: Path,
    clean_b_b: dict[str, object],
    monkeypatch: pytest.MonkeyPatch,
    point: str,
) -> None:
    from faults_support import (
        final_state,
        run_letter,
        settings_in,
        use_perfect_ocr,
        write_letter,
    )

    from medocr.leftovers import find_leftovers
    from medocr.runtime import build_runtime

    home, letter = tmp_path / "home", write_letter(tmp_path / "inbox")
    environment = {**os.environ, "MEDOCR_HOME": str(home)}
    environment["MEDOCR_FAULT"] = f"kill@{point}:1"
    worker = subprocess.run(
        [sys.executable, __file__, str(home), str(letter)],
        env=environment,
        capture_output=True,
        timeout=300,
    )
    assert worker.returncode == -signal.SIGKILL, worker.stderr.decode()[-2000:]

    use_perfect_ocr(monkeypatch.setattr)
    runtime = build_runtime(settings_in(home))
    assert run_letter(letter, runtime) == "handed_off"
    assert final_state(runtime) == clean_b_b
    assert find_leftovers(runtime).clean


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    run_worker(Path(sys.argv[1]), Path(sys.argv[2]))
