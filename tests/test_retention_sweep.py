"""Retention sweep: each kind of copy goes on time, is proved gone, and stays gone."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from retention_support import (
    SECRET,
    days,
    document_status,
    events,
    processed_document,
    proofs_of,
    rejected_document,
    row,
    runtime_at,
    set_status,
)

from medocr.errors import KEY_DESTROYED, KeyUnavailable
from medocr.records import DocumentStatus, Zone
from tasks.retention import plan_sweep, sweep_retention

# When each zone's copy must be gone, in days after T0 (policy file, lab report).
DUE = {
    Zone.QUARANTINE: 14,
    Zone.RAW: 30,
    Zone.HANDOFF: 30,
    Zone.TEXT: 90,
    Zone.IDENTITY: 3650,
    Zone.SIGNED: 3650,
}


def test_each_kind_of_copy_is_destroyed_on_its_deadline_and_not_before(
    tmp_path: Path,
) -> None:
    rt = runtime_at(tmp_path / "home")
    done = processed_document(rt)
    bad = rejected_document(rt)
    artifacts = {**done.artifacts, **bad.artifacts}
    for day in sorted(set(DUE.values())):
        before = sweep_retention(rt, days(day - 0.01))
        assert not before.failures
        for zone, artifact in artifacts.items():
            assert (row(rt, artifact.id).destroyed_at is None) == (DUE[zone] >= day)
        sweep_retention(rt, days(day + 0.01)).raise_for_residue()
        for zone, artifact in artifacts.items():
            assert (row(rt, artifact.id).destroyed_at is None) == (DUE[zone] > day)
    for artifact in artifacts.values():
        assert [p.outcome for p in proofs_of(rt, artifact.id)] == ["verified"]
    assert document_status(rt, done.document_id) == DocumentStatus.DESTROYED
    assert document_status(rt, bad.document_id) == DocumentStatus.DESTROYED
    assert rt.audit.verify().intact


def test_destroyed_copies_are_unreadable_and_absent_from_every_tier(
    tmp_path: Path,
) -> None:
    rt = runtime_at(tmp_path / "home")
    done = processed_document(rt)
    raw = done.artifacts[Zone.RAW]
    backup = rt.vault.backend.get(raw.location)
    handoff_file = Path(done.artifacts[Zone.HANDOFF].location)
    sweep_retention(rt, days(4000)).raise_for_residue()
    assert list(rt.vault.backend.list()) == []
    assert not handoff_file.exists()
    rt.vault.backend.put("offsite/backup.bin", backup)
    with pytest.raises(KeyUnavailable) as info:
        rt.vault.read(row(rt, raw.id))
    assert info.value.code == KEY_DESTROYED


def test_proof_names_hashes_and_tiers_but_no_content_or_paths(tmp_path: Path) -> None:
    rt = runtime_at(tmp_path / "home")
    done = processed_document(rt)
    signed = done.artifacts[Zone.SIGNED]
    sweep_retention(rt, days(4000))
    (proof,) = proofs_of(rt, signed.id)
    assert proof.detail["object_sha256"] == signed.sha256
    assert len(proof.detail["wrapped_key_sha256"]) == 64
    assert proof.detail["zone"] == "signed" and proof.detail["found"] == ""
    assert proof.detail["tiers"] == "records,keys,vault,identity,handoff,tmp"
    assert proof.detail["policy_version"] == rt.retention.version
    for event in events(rt, "retention.proof") + events(rt, "retention.sweep"):
        text = json.dumps(event.detail)
        assert "Mustermann" not in text and str(tmp_path) not in text


def test_held_document_keeps_every_copy_until_the_hold_is_released(
    tmp_path: Path,
) -> None:
    from medocr.retention import place_hold, release_hold

    rt = runtime_at(tmp_path / "home")
    done = processed_document(rt)
    place_hold(rt.engine, rt.audit, done.document_id, actor="dpo-1", reason="LIT-42")
    held = sweep_retention(rt, days(4000))
    assert len(held.plan.of("held")) == 5 and not held.proofs
    assert all(row(rt, a.id).destroyed_at is None for a in done.artifacts.values())
    assert rt.vault.read(done.artifacts[Zone.RAW]) == SECRET + b"raw"
    release_hold(rt.engine, rt.audit, done.document_id, actor="dpo-2")
    released = sweep_retention(rt, days(4000))
    assert len(released.plan.of("destroy")) == 5 and not released.failures
    assert document_status(rt, done.document_id) == DocumentStatus.DESTROYED


def test_raw_scan_waits_for_processing_then_keeps_its_days(tmp_path: Path) -> None:
    from medocr.records import utcnow

    rt = runtime_at(tmp_path / "home")
    done = processed_document(rt)
    set_status(rt, done.document_id, DocumentStatus.IN_REVIEW)
    raw = done.artifacts[Zone.RAW]
    plan = plan_sweep(rt, days(60))
    assert {i.artifact_id: i.action for i in plan.items}[raw.id] == "waiting"
    finished = utcnow()
    set_status(rt, done.document_id, DocumentStatus.HANDED_OFF)
    sweep_retention(rt, finished + timedelta(days=29))
    assert row(rt, raw.id).destroyed_at is None
    sweep_retention(rt, utcnow() + timedelta(days=30, seconds=1))
    assert row(rt, raw.id).destroyed_at is not None


def test_dry_run_lists_ids_only_and_changes_nothing(tmp_path: Path) -> None:
    rt = runtime_at(tmp_path / "home")
    done = processed_document(rt)
    events_before = rt.audit.count()
    plan = plan_sweep(rt, days(31))
    assert {r["zone"] for r in plan.rows() if r["action"] == "destroy"} == {
        "raw",
        "handoff",
    }
    assert "Mustermann" not in json.dumps(plan.rows())
    assert rt.audit.count() == events_before
    assert all(row(rt, a.id).destroyed_at is None for a in done.artifacts.values())
    assert Path(done.artifacts[Zone.HANDOFF].location).exists()
