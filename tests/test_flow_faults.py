"""The fault-injection seam: off by default, fires a planned number of times, and
keeps its count on disk so that retries in new processes see it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from medocr.errors import STG_INJECTED_FAULT, StageError
from medocr.faults import fault_point, planned_faults


def test_no_fault_is_planned_without_the_variable(
    medocr_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MEDOCR_FAULT", raising=False)

    fault_point("sign")

    assert not (medocr_home / "faults").exists()


def test_plans_name_points_and_counts() -> None:
    assert planned_faults("sign.done:3, ocr") == {"sign.done": 3, "ocr": 1}
    assert planned_faults("") == {}


def test_a_point_fails_its_planned_times_then_lets_work_through(
    medocr_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEDOCR_FAULT", "gate:2")
    failures = 0
    for _ in range(4):
        try:
            fault_point("gate")
        except StageError as exc:
            assert exc.code == STG_INJECTED_FAULT
            failures += 1
        fault_point("sign")

    assert failures == 2


def test_the_count_holds_across_processes(
    medocr_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEDOCR_FAULT", "handoff.done:1")
    program = (
        "from medocr.faults import fault_point\n"
        "try:\n    fault_point('handoff.done')\n    print('passed')\n"
        "except Exception as exc:\n    print(exc.code)\n"
    )
    outputs = [
        subprocess.run(
            [sys.executable, "-c", program], capture_output=True, text=True, check=True
        ).stdout.strip()
        for _ in range(2)
    ]

    assert outputs == [STG_INJECTED_FAULT, "passed"]
