"""Scale-out: a batch spread over two process workers by per-document child runs.

Both workers poll the same pool of a Prefect server on PostgreSQL; the records
database is PostgreSQL and the vault is on SeaweedFS's S3 API. Each worker's flow runs append audit events under its own actor name,
so the audit chain shows who processed what. The "ocr" tag's concurrency limit
(set to 1 by ``medocr deploy --ocr-limit 1``) must hold across both workers.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import datetime
from uuid import UUID

import pytest
from ops_support import PrefectStack, prefect_stack_for
from prefect.client.schemas.filters import (
    FlowRunFilter,
    FlowRunFilterId,
    FlowRunFilterParentFlowRunId,
    TaskRunFilter,
    TaskRunFilterName,
)
from prefect.client.schemas.objects import FlowRun, StateType
from sqlmodel import Session, select

from medocr.records import AuditEvent, Document, DocumentStatus, Handoff, Signature
from medocr.runtime import build_runtime

pytestmark = [pytest.mark.services, pytest.mark.slow]

PIPELINE_ACTIONS = {"ocr", "pseudonymize", "extract", "sign", "handoff"}


@pytest.fixture
def prefect_stack(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> PrefectStack:
    return prefect_stack_for(request, tmp_path_factory.mktemp("prefect-stack"))


def test_a_batch_spreads_over_both_workers_and_each_document_runs_once(
    prefect_stack: PrefectStack,
) -> None:
    inbox = prefect_stack.inbox("batch", variants=[21, 22, 23])
    digests = {hashlib.sha256(p.read_bytes()).hexdigest() for p in inbox.iterdir()}

    with prefect_stack.client() as client:
        deployment = client.read_deployment_by_name("spread_documents/spread-inbox")
        parent = client.create_flow_run_from_deployment(
            deployment.id, parameters={"inbox": str(inbox)}
        )
    finished = prefect_stack.wait_final(parent.id)
    assert finished.state_type == StateType.COMPLETED

    assert prefect_stack.settings().vault.backend == "s3"
    documents = documents_with(prefect_stack, digests)
    children = child_runs(prefect_stack, parent.id)
    assert sorted(c.parameters["document_id"] for c in children) == sorted(documents)
    assert {c.state_type for c in children} == {StateType.COMPLETED}

    actors = pipeline_actors(prefect_stack, documents)
    assert all(len(names) == 1 for names in actors.values()), actors
    assert set().union(*actors.values()) == {"worker-1", "worker-2"}
    assert_processed_once(prefect_stack, documents)
    assert most_at_once(ocr_intervals(prefect_stack, children)) == 1


def documents_with(stack: PrefectStack, digests: set[str]) -> list[str]:
    runtime = build_runtime(stack.settings())
    with Session(runtime.engine) as session:
        rows = session.exec(
            select(Document).where(Document.content_sha256.in_(digests))  # type: ignore[attr-defined]
        ).all()
    assert len(rows) == len(digests)
    assert {r.status for r in rows} == {DocumentStatus.HANDED_OFF}
    return [r.id for r in rows]


def child_runs(stack: PrefectStack, parent_id: UUID) -> list[FlowRun]:
    """The flow runs started under the parent (one per document)."""
    with stack.client() as client:
        return client.read_flow_runs(
            flow_run_filter=FlowRunFilter(
                parent_flow_run_id=FlowRunFilterParentFlowRunId(any_=[parent_id])
            )
        )


def pipeline_actors(stack: PrefectStack, documents: list[str]) -> dict[str, set[str]]:
    """Which worker appended each document's pipeline events."""
    runtime = build_runtime(stack.settings())
    actors: dict[str, set[str]] = defaultdict(set)
    with Session(runtime.engine) as session:
        for event in session.exec(
            select(AuditEvent).where(AuditEvent.document_id.in_(documents))  # type: ignore[union-attr]
        ):
            if event.action in PIPELINE_ACTIONS:
                actors[event.document_id].add(event.actor)  # type: ignore[index]
    return actors


def assert_processed_once(stack: PrefectStack, documents: list[str]) -> None:
    """Every document: each pipeline step audited once, one signature, one hand-off."""
    runtime = build_runtime(stack.settings())
    with Session(runtime.engine) as session:
        for document_id in documents:
            actions = [
                e.action
                for e in session.exec(
                    select(AuditEvent).where(AuditEvent.document_id == document_id)
                )
                if e.action in PIPELINE_ACTIONS
            ]
            assert sorted(actions) == sorted(PIPELINE_ACTIONS)
            assert session.get(Signature, document_id) is not None
            assert session.get(Handoff, document_id) is not None
    assert runtime.audit.verify().intact


def ocr_intervals(
    stack: PrefectStack, children: list[FlowRun]
) -> list[tuple[datetime, datetime]]:
    with stack.client() as client:
        runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(
                id=FlowRunFilterId(any_=[c.id for c in children])
            ),
            task_run_filter=TaskRunFilter(name=TaskRunFilterName(like_="ocr-doc_")),
        )
    assert len(runs) == len(children) and all("ocr" in r.tags for r in runs)
    return [(r.start_time, r.end_time) for r in runs]  # type: ignore[misc]


def most_at_once(intervals: list[tuple[datetime, datetime]]) -> int:
    """The largest number of intervals open at the same moment."""
    edges = sorted([(s, 1) for s, _ in intervals] + [(e, -1) for _, e in intervals])
    open_now = most = 0
    for _, step in edges:
        open_now += step
        most = max(most, open_now)
    return most
