"""Legal holds and deadlines: who set what and why, audited; every copy has a deadline."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from retention_support import add_document, events, runtime_at
from sqlmodel import Session, select

from medocr.errors import STG_HOLD_INVALID, StageError
from medocr.records import Artifact, Zone, utcnow
from medocr.retention import active_hold, place_hold, release_hold
from tasks.ingest import ingest_file

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_hold_set_and_release_are_audited_with_actor_and_reason(
    tmp_path: Path,
) -> None:
    rt = runtime_at(tmp_path / "home")
    add_document(rt, "doc_a")
    first = place_hold(rt.engine, rt.audit, "doc_a", actor="dpo-1", reason="LIT-42")
    again = place_hold(rt.engine, rt.audit, "doc_a", actor="dpo-1", reason="LIT-42")
    assert first.id == again.id and active_hold(rt.engine, "doc_a") is not None
    released = release_hold(rt.engine, rt.audit, "doc_a", actor="dpo-2")
    assert released is not None and released.released_by == "dpo-2"
    assert release_hold(rt.engine, rt.audit, "doc_a", actor="dpo-2") is None
    (set_event,) = events(rt, "hold.set")
    (release_event,) = events(rt, "hold.released")
    assert (set_event.actor, set_event.detail["reason"]) == ("dpo-1", "LIT-42")
    assert release_event.actor == "dpo-2"
    assert release_event.detail["hold_id"] == first.id


@pytest.mark.parametrize(
    ("document_id", "actor", "reason"),
    [
        ("doc_a", "dpo-1", "Klage Erika Mustermann"),
        ("doc_a", "Dr. Anna Schmidt", "LIT-42"),
        ("doc_unknown", "dpo-1", "LIT-42"),
    ],
)
def test_hold_refuses_prose_and_unknown_documents(
    tmp_path: Path, document_id: str, actor: str, reason: str
) -> None:
    rt = runtime_at(tmp_path / "home")
    add_document(rt, "doc_a")
    with pytest.raises(StageError) as info:
        place_hold(rt.engine, rt.audit, document_id, actor=actor, reason=reason)
    assert info.value.code == STG_HOLD_INVALID
    assert "Mustermann" not in str(info.value) and "Schmidt" not in str(info.value)
    assert events(rt, "hold.set") == []


def test_ingest_gives_each_copy_its_policy_deadline(tmp_path: Path) -> None:
    rt = runtime_at(tmp_path / "home")
    (tmp_path / "scan.png").write_bytes(PNG)
    (tmp_path / "empty.png").write_bytes(b"")
    before = utcnow()
    ingest_file(tmp_path / "scan.png", rt)
    ingest_file(tmp_path / "empty.png", rt)
    after = utcnow()
    with Session(rt.engine) as session:
        artifacts = session.exec(select(Artifact)).all()
    assert {a.zone for a in artifacts} == {Zone.RAW, Zone.QUARANTINE}
    for artifact in artifacts:
        days = timedelta(days=rt.retention.zone_days[artifact.zone])
        deadline = artifact.retain_until.replace(tzinfo=before.tzinfo)
        assert before + days <= deadline <= after + days
