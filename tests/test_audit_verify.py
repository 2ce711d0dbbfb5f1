"""``medocr audit verify``: the first broken link after any edit, deletion, reordering,
and the latest RFC 3161 anchor guarding even the newest events."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import services
from sqlalchemy import update
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from medocr.anchor import anchor_head, anchor_message, trust_for, verify_audit
from medocr.audit import event_hash
from medocr.cli.main import app
from medocr.records import AuditAnchor, AuditEvent
from medocr.runtime import Runtime, get_runtime
from medocr.settings import get_settings
from medocr.signing.local import local_timestamper
from medocr.signing.pki import load_local_pki

records_url = services.records_url
runner = CliRunner()


@pytest.fixture
def rt(
    medocr_home: Path, records_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Runtime]:
    """A runtime from the environment (as the CLI sees it) with five events."""
    monkeypatch.setenv("MEDOCR_RECORDS_URL", records_url)
    get_settings.cache_clear()
    runtime = get_runtime()
    for n in range(1, 6):
        runtime.audit.append("stage.done", document_id=f"doc_{n}", detail={"n": n})
    yield runtime
    get_settings.cache_clear()


def _verify() -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["audit", "verify", "--json"])
    return result.exit_code, json.loads(result.output)


def _rewrite_from(rt: Runtime, seq: int, outcome: str) -> None:
    """Change one event and recompute every hash after it, as a careful forger would."""
    with Session(rt.engine) as session:
        events = session.exec(select(AuditEvent).order_by(col(AuditEvent.seq))).all()
        prev = events[seq - 2].hash if seq > 1 else "0" * 64
        for event in events[seq - 1 :]:
            if event.seq == seq:
                event.outcome = outcome
            event.prev_hash = prev
            event.hash = event_hash(
                event.seq,
                event.at,
                event.actor,
                event.action,
                event.document_id,
                event.outcome,
                event.detail,
                prev,
            )
            prev = event.hash
            session.add(event)
        session.commit()


def test_intact_anchored_chain_verifies(rt: Runtime) -> None:
    anchored = runner.invoke(app, ["audit", "anchor", "--json"])
    assert anchored.exit_code == 0, anchored.output
    code, report = _verify()
    assert code == 0 and report["intact"] is True
    assert (report["events"], report["anchored_seq"], report["first_broken"]) == (
        5,
        5,
        None,
    )


def test_edited_event_is_named(rt: Runtime) -> None:
    with Session(rt.engine) as session:
        session.exec(
            update(AuditEvent).where(col(AuditEvent.seq) == 3).values(outcome="x")
        )
        session.commit()
    code, report = _verify()
    assert code == 1 and report["first_broken"] == 3


def test_deleted_event_is_named(rt: Runtime) -> None:
    with Session(rt.engine) as session:
        session.delete(session.get(AuditEvent, 3))
        session.commit()
    code, report = _verify()
    assert code == 1 and report["first_broken"] == 4 and "gap" in report["reason"]


def test_reordered_events_are_named(rt: Runtime) -> None:
    with Session(rt.engine) as session:
        for old, new in ((2, 99), (3, 2), (99, 3)):
            session.exec(
                update(AuditEvent).where(col(AuditEvent.seq) == old).values(seq=new)
            )
            session.commit()
    code, report = _verify()
    assert code == 1 and report["first_broken"] == 2


def test_consistent_rewrite_of_anchored_events_is_caught_by_the_anchor(
    rt: Runtime,
) -> None:
    anchor_head(rt.engine, local_timestamper(load_local_pki(rt.settings.pki_path)))
    rt.audit.append("after.anchor")
    _rewrite_from(rt, 4, "forged")
    code, report = _verify()
    assert code == 1 and report["first_broken"] is None
    assert "rewritten" in report["anchor_problem"]


def test_anchor_row_moved_to_a_forged_head_no_longer_matches_its_token(
    rt: Runtime,
) -> None:
    anchor_head(rt.engine, local_timestamper(load_local_pki(rt.settings.pki_path)))
    _rewrite_from(rt, 5, "forged")
    with Session(rt.engine) as session:
        forged = session.get(AuditEvent, 5).hash
        session.exec(update(AuditAnchor).values(head_hash=forged))
        session.commit()
    code, report = _verify()
    assert code == 1 and "does not cover" in report["anchor_problem"]


def test_token_from_an_unknown_authority_is_not_trusted(
    rt: Runtime, tmp_path: Path
) -> None:
    load_local_pki(rt.settings.pki_path)
    stranger = local_timestamper(load_local_pki(tmp_path / "other-pki"))
    anchor = anchor_head(rt.engine, stranger)
    assert anchor is not None
    result = verify_audit(rt.engine, lambda: trust_for(rt.settings))
    assert not result.intact and "not trusted" in (result.anchor.problem or "")


def test_anchoring_an_unchanged_head_reuses_the_anchor(rt: Runtime) -> None:
    timestamper = local_timestamper(load_local_pki(rt.settings.pki_path))
    first = anchor_head(rt.engine, timestamper)
    again = anchor_head(rt.engine, timestamper)
    rt.audit.append("later")
    newer = anchor_head(rt.engine, timestamper)
    assert first.id == again.id != newer.id and newer.seq == 6
    imprint = hashlib.sha256(anchor_message(6, rt.audit.head()[1])).digest()
    assert imprint.hex() not in json.dumps(_verify()[1], default=str)


def test_tail_shows_the_newest_events_without_content(rt: Runtime) -> None:
    result = runner.invoke(app, ["audit", "tail", "-n", "2", "--json"])
    rows = json.loads(result.output)["rows"]
    assert [r["seq"] for r in rows] == [4, 5]
    assert set(rows[0]) == {
        "seq",
        "at",
        "actor",
        "action",
        "document",
        "outcome",
        "detail",
        "hash",
    }
