"""The review queue: records the gate sent to review are listed, shown, decided."""

from __future__ import annotations

import copy
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from medocr.cli.main import app
from medocr.contracts import CONTRACTS_DIR
from medocr.errors import STG_REVIEW_INVALID, StageError
from medocr.records import AuditEvent, Document, DocumentStatus, Zone, new_id, utcnow
from medocr.review import (
    approve_review,
    list_reviews,
    reject_review,
    review_markdown,
    show_review,
)
from medocr.runtime import Runtime, build_runtime
from medocr.settings import get_settings
from tasks.gate import gate_passed, gate_step

VALID = json.loads(
    (
        CONTRACTS_DIR / "examples/handoff-record/valid/discharge-summary-de.json"
    ).read_text()
)


@pytest.fixture
def runtime(medocr_home: Path) -> Runtime:
    return build_runtime(get_settings())


def _gated(runtime: Runtime, **changes: Any) -> str:
    """A document whose extracted record (with ``changes``) went through the gate."""
    document_id = new_id("doc")
    record = copy.deepcopy(VALID) | {"document_id": document_id} | changes
    with Session(runtime.engine) as session:
        session.add(
            Document(
                id=document_id,
                content_sha256=document_id,
                status=DocumentStatus.EXTRACTED,
                media_type="application/pdf",
                size_bytes=1,
            )
        )
        session.commit()
    runtime.vault.put(
        document_id,
        Zone.TEXT,
        "record",
        json.dumps(record).encode(),
        retain_until=utcnow() + timedelta(days=1),
    )
    gate_step(document_id, runtime)
    return document_id


def _review_id(runtime: Runtime, document_id: str) -> str:
    (row,) = [r for r in list_reviews(runtime, None) if r.document_id == document_id]
    return row.id


def _status(runtime: Runtime, document_id: str) -> str:
    with Session(runtime.engine) as session:
        document = session.get(Document, document_id)
        assert document is not None
        return document.status


def _events(runtime: Runtime, action: str) -> list[AuditEvent]:
    with Session(runtime.engine) as session:
        return list(session.exec(select(AuditEvent).where(AuditEvent.action == action)))


def test_a_record_that_passes_both_checks_opens_no_review(runtime: Runtime) -> None:
    document_id = _gated(runtime)
    assert _status(runtime, document_id) == DocumentStatus.VALIDATED
    assert list_reviews(runtime) == []


def test_a_failed_validation_is_listed_with_its_rules(runtime: Runtime) -> None:
    document_id = _gated(runtime, document_date="2099-01-01")
    (row,) = list_reviews(runtime)
    assert (row.document_id, row.status) == (document_id, "open")
    assert row.rules == ("document_date.range",)


def test_showing_a_record_needs_a_reviewer_and_is_audited(runtime: Runtime) -> None:
    review_id = _review_id(runtime, _gated(runtime, record_type="unknown"))
    with pytest.raises(StageError) as refused:
        show_review(runtime, review_id, reviewer="Dr Erika Muster")
    assert refused.value.code == STG_REVIEW_INVALID
    assert _events(runtime, "review.shown") == []
    record = show_review(runtime, review_id, reviewer="rev.anna")
    assert record["pseudonymized_text"] == VALID["pseudonymized_text"]
    (event,) = _events(runtime, "review.shown")
    assert (event.actor, event.detail) == ("rev.anna", {"review_id": review_id})


def test_approval_lets_the_document_pass_the_gate(runtime: Runtime) -> None:
    document_id = _gated(runtime, ocr_confidence_mean=0.5, ocr_confidence_min=0.2)
    assert not gate_passed(document_id, runtime)
    row = approve_review(runtime, _review_id(runtime, document_id), reviewer="rev.anna")
    assert (row.status, row.reviewer) == ("approved", "rev.anna")
    assert _status(runtime, document_id) == DocumentStatus.APPROVED
    assert gate_passed(document_id, runtime)
    assert [e.actor for e in _events(runtime, "review.approved")] == ["rev.anna"]


def test_a_record_that_broke_its_contract_cannot_be_approved(runtime: Runtime) -> None:
    text = VALID["pseudonymized_text"] + " IBAN DE89 3704 0044 0532 0130 00"
    document_id = _gated(runtime, pseudonymized_text=text)
    review_id = _review_id(runtime, document_id)
    with pytest.raises(StageError, match="broke its data contract"):
        approve_review(runtime, review_id, reviewer="rev.anna")
    assert _status(runtime, document_id) == DocumentStatus.IN_REVIEW
    assert _events(runtime, "review.approved") == []


def test_rejection_needs_a_reason_code_and_stops_the_document(runtime: Runtime) -> None:
    document_id = _gated(runtime, record_type="unknown")
    review_id = _review_id(runtime, document_id)
    with pytest.raises(StageError):
        reject_review(runtime, review_id, reviewer="rev.anna", reason="looks odd to me")
    row = reject_review(runtime, review_id, reviewer="rev.anna", reason="unreadable")
    assert (row.status, row.reason) == ("rejected", "unreadable")
    assert _status(runtime, document_id) == DocumentStatus.REJECTED
    (event,) = _events(runtime, "review.rejected")
    assert event.outcome == "unreadable"


def test_a_decided_review_cannot_be_decided_again(runtime: Runtime) -> None:
    review_id = _review_id(runtime, _gated(runtime, record_type="unknown"))
    reject_review(runtime, review_id, reviewer="rev.anna", reason="duplicate")
    with pytest.raises(StageError, match="already rejected"):
        approve_review(runtime, review_id, reviewer="rev.bert")
    assert _events(runtime, "review.approved") == []
    assert runtime.audit.verify().intact


def test_an_unknown_review_id_is_refused(runtime: Runtime) -> None:
    with pytest.raises(StageError, match="unknown review"):
        approve_review(runtime, "rev_0000", reviewer="rev.anna")


def test_the_markdown_table_holds_ids_rules_and_status_only(runtime: Runtime) -> None:
    document_id = _gated(runtime, document_date="2099-01-01")
    table = review_markdown(list_reviews(runtime))
    assert table.splitlines()[0] == "| review | document | status | rules |"
    assert f"| {document_id} | open | document_date.range |" in table
    assert "Entlassungsbericht" not in table


def test_the_cli_lists_shows_and_decides(runtime: Runtime) -> None:
    document_id = _gated(runtime, record_type="unknown")
    cli = CliRunner()
    listed = json.loads(cli.invoke(app, ["review", "list", "--json"]).stdout)
    (row,) = listed["rows"]
    assert (row["document_id"], row["rules"]) == (document_id, "record_type.known")
    assert "Entlassungsbericht" not in json.dumps(listed)
    refused = cli.invoke(app, ["review", "show", row["id"]])
    assert refused.exit_code != 0
    shown = cli.invoke(
        app, ["review", "show", row["id"], "--reviewer", "rev.anna", "--json"]
    )
    assert json.loads(shown.stdout)["record_type"] == "unknown"
    rejected = cli.invoke(
        app,
        [
            "review",
            "reject",
            row["id"],
            "--reviewer",
            "rev.anna",
            "--reason",
            "other",
            "--json",
        ],
    )
    assert json.loads(rejected.stdout)["status"] == "rejected"
    bad = cli.invoke(app, ["review", "approve", row["id"], "--reviewer", "rev.anna"])
    assert bad.exit_code == 1 and "MEDOCR-STG-005" in bad.stderr
