"""A copy that survives destruction makes the sweep fail loudly, with a coded proof."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from retention_support import (
    days,
    document_status,
    events,
    processed_document,
    proofs_of,
    row,
    runtime_at,
)

from medocr.errors import VLT_COPY_REMAINS, VaultError
from medocr.records import DocumentStatus, Zone
from medocr.retention import place_hold
from medocr.runtime import Runtime
from tasks.retention import sweep_retention


def _failing_sweep(rt: Runtime, day: float) -> tuple[str, ...]:
    """Run a sweep that must fail; the tiers its failed proofs name."""
    report = sweep_retention(rt, days(day))
    with pytest.raises(VaultError) as info:
        report.raise_for_residue()
    assert info.value.code == VLT_COPY_REMAINS
    return tuple(tier for proof in report.failures for tier in proof.found)


def test_object_the_backend_failed_to_delete_is_found(tmp_path: Path) -> None:
    rt = runtime_at(tmp_path / "home")
    done = processed_document(rt)
    raw = done.artifacts[Zone.RAW]
    rt.vault.backend.delete = lambda name: None  # a store that acknowledges, keeps
    assert _failing_sweep(rt, 31) == ("vault",)
    (proof,) = proofs_of(rt, raw.id)
    assert proof.outcome == VLT_COPY_REMAINS and proof.detail["found"] == "vault"
    assert row(rt, raw.id).destroyed_at is not None  # the key is shredded anyway


def test_file_left_in_the_vault_under_a_destroyed_name_is_found(tmp_path: Path) -> None:
    home = tmp_path / "home"
    rt = runtime_at(home)
    done = processed_document(rt)
    raw = done.artifacts[Zone.RAW]
    leftover = (home / "vault" / raw.location).read_bytes()
    sweep_retention(rt, days(31)).raise_for_residue()
    (home / "vault" / "restore").mkdir()
    (home / "vault" / "restore" / f"{raw.id}.orig").write_bytes(leftover)
    assert _failing_sweep(rt, 32) == ("vault",)
    assert [p.detail["check"] for p in proofs_of(rt, raw.id)] == ["destroy", "recheck"]


def test_recreated_handoff_copy_is_found_by_place_and_by_bytes(tmp_path: Path) -> None:
    rt = runtime_at(tmp_path / "home")
    done = processed_document(rt)
    handoff = Path(done.artifacts[Zone.HANDOFF].location)
    kept = handoff.read_bytes()
    sweep_retention(rt, days(31)).raise_for_residue()
    handoff.write_bytes(b'{"record": "written again by a downstream sync"}')
    assert _failing_sweep(rt, 32) == ("handoff",)
    handoff.unlink()
    rt.settings.tmp_path.mkdir(parents=True)
    (rt.settings.tmp_path / "page-0001.bin").write_bytes(kept)
    assert _failing_sweep(rt, 33) == ("tmp",)


def test_document_is_destroyed_only_once_every_copy_is_proved_gone(
    tmp_path: Path,
) -> None:
    rt = runtime_at(tmp_path / "home")
    done = processed_document(rt)
    handoff = Path(done.artifacts[Zone.HANDOFF].location)
    copy = tmp_path / "sync-copy"
    shutil.copy(handoff, copy)
    sweep_retention(rt, days(31))
    shutil.copy(copy, rt.settings.handoff_path / f"{done.document_id}.copy")
    _failing_sweep(rt, 4000)
    assert document_status(rt, done.document_id) != DocumentStatus.DESTROYED
    (rt.settings.handoff_path / f"{done.document_id}.copy").unlink()
    sweep_retention(rt, days(4001)).raise_for_residue()
    assert document_status(rt, done.document_id) == DocumentStatus.DESTROYED
    assert len(events(rt, "document.destroyed")) == 1
    assert rt.audit.verify().intact


def test_rerun_after_a_crash_before_the_proofs_finishes_without_repeats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from medocr.residue import CopyIndex

    rt = runtime_at(tmp_path / "home")
    done = processed_document(rt)
    scan = CopyIndex.scan

    def crash(runtime: Runtime) -> CopyIndex:
        raise OSError("worker lost")

    monkeypatch.setattr(CopyIndex, "scan", crash)
    with pytest.raises(OSError):
        sweep_retention(rt, days(4000))
    assert events(rt, "retention.proof") == []
    monkeypatch.setattr(CopyIndex, "scan", scan)
    for _ in range(2):
        sweep_retention(rt, days(4000)).raise_for_residue()
    for artifact in done.artifacts.values():
        assert [p.detail["check"] for p in proofs_of(rt, artifact.id)] == ["earlier"]
    assert len(events(rt, "document.destroyed")) == 1
    assert document_status(rt, done.document_id) == DocumentStatus.DESTROYED


def test_a_live_handoff_file_with_equal_bytes_is_not_a_copy(tmp_path: Path) -> None:
    rt = runtime_at(tmp_path / "home")
    first = processed_document(rt, "doc_first")
    second = processed_document(rt, "doc_second")
    first_handoff = Path(first.artifacts[Zone.HANDOFF].location)
    second_handoff = Path(second.artifacts[Zone.HANDOFF].location)
    assert first_handoff.read_bytes() == second_handoff.read_bytes()
    place_hold(rt.engine, rt.audit, "doc_second", actor="dpo-1", reason="LIT-7")
    sweep_retention(rt, days(31)).raise_for_residue()
    assert not first_handoff.exists() and second_handoff.exists()
