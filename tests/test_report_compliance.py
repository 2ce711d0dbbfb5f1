"""The compliance report: counts, ids and codes from the audit chain and Prefect."""

from __future__ import annotations

import json
import time
from datetime import timedelta
from pathlib import Path

import pytest
from retention_support import days, processed_document, rejected_document, runtime_at

from medocr.prefect_runs import FlowRuns, read_flow_runs
from medocr.records import utcnow
from medocr.report import build_report, render_html, render_markdown
from medocr.retention import place_hold, release_hold
from medocr.runtime import Runtime
from tasks.retention import sweep_retention


def _busy_day(rt: Runtime) -> None:
    """A day's audit trail: ingest, a rejection, a block, a review, a signature..."""
    done = processed_document(rt)
    rejected_document(rt)
    rt.audit.append("ingest", document_id=done.document_id, detail={"bytes": 10})
    rt.audit.append("input.rejected", document_id="doc_bad", outcome="MEDOCR-IN-006")
    rt.audit.append("check.contract", document_id="doc_x", outcome="failed")
    rt.audit.append("contract.blocked", document_id="doc_x", outcome="prohibited:kvnr")
    rt.audit.append("review.opened", document_id="doc_x")
    rt.audit.append("sign", document_id=done.document_id, detail={"level": "B-LTA"})
    rt.audit.append("handoff", document_id=done.document_id)
    place_hold(rt.engine, rt.audit, done.document_id, actor="dpo-1", reason="LIT-42")
    release_hold(rt.engine, rt.audit, done.document_id, actor="dpo-2")
    sweep_retention(rt, days(4000))


def _report(rt: Runtime, runs: FlowRuns | None = None):  # type: ignore[no-untyped-def]
    now = utcnow()
    runs = runs or FlowRuns(None, "no Prefect API is configured")
    return build_report(rt, now - timedelta(days=1), now + timedelta(seconds=5), runs)


def test_report_counts_each_kind_of_event_by_code(tmp_path: Path) -> None:
    rt = runtime_at(tmp_path / "home")
    _busy_day(rt)
    sections = {s.title: s for s in _report(rt).sections}
    assert sections["Documents processed"].counts == {"ingested": 1, "handed off": 1}
    assert sections["Failures (rejections by code)"].counts == {"MEDOCR-IN-006": 1}
    assert sections["Contract blocks (by rule)"].rows[0]["rule"] == "prohibited:kvnr"
    assert sections["Reviews"].counts == {"review.opened": 1}
    assert sections["Signatures and timestamp renewals"].counts == {"sign ok B-LTA": 1}
    assert sections["Checks (validation and contract)"].counts == {"contract failed": 1}
    deletions = sections["Deletions"].counts
    assert deletions["raw verified"] == 1 and deletions["quarantine verified"] == 1
    assert deletions["documents destroyed"] == 2 and deletions["sweeps"] == 1
    holds = sections["Legal holds"].rows
    assert [(h["action"], h["actor"], h["reason"]) for h in holds] == [
        ("hold.set", "dpo-1", "LIT-42"),
        ("hold.released", "dpo-2", "LIT-42"),
    ]
    assert sections["Flow runs"].note == "not available: no Prefect API is configured"


def test_html_and_markdown_hold_no_content_and_escape_what_they_show(
    tmp_path: Path,
) -> None:
    rt = runtime_at(tmp_path / "home")
    _busy_day(rt)
    rt.audit.append("input.rejected", document_id="doc_y", outcome="<b>x</b>")
    report = _report(rt)
    html, markdown = render_html(report), render_markdown(report)
    for text in (html, markdown, json.dumps(report.to_dict(), default=str)):
        assert "Mustermann" not in text and "A123456780" not in text
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "<script" not in html and "http" not in html.split("</head>")[1]
    assert "Audit chain: intact" in markdown and "## Legal holds" in markdown


def test_flow_runs_give_states_and_retries(tmp_path: Path) -> None:
    rt = runtime_at(tmp_path / "home")
    row = {"flow": "process_documents", "run": "brave-otter", "run_id": "1"}
    runs = FlowRuns(
        [
            {**row, "state": "Completed", "run_count": "1"},
            {**row, "run": "calm-fox", "state": "Completed", "run_count": "3"},
            {**row, "run": "shy-eel", "state": "Failed", "run_count": "1"},
        ]
    )
    sections = {s.title: s for s in _report(rt, runs).sections}
    assert sections["Flow runs"].counts == {"Completed": 2, "Failed": 1}
    assert sections["Retries"].counts == {"flow runs retried": 1, "extra attempts": 2}
    assert sections["Retries"].rows[0]["run"] == "calm-fox"


def test_flow_runs_are_not_available_without_an_api(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = utcnow()
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert read_flow_runs(now - timedelta(days=1), now).rows is None


def test_unreachable_prefect_api_is_reported_quickly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = utcnow()
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    started = time.monotonic()
    runs = read_flow_runs(now - timedelta(days=1), now, timeout=2.0)
    assert runs.rows is None and "did not answer" in runs.reason
    assert time.monotonic() - started < 30
