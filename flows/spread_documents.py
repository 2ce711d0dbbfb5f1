"""Flows ``spread_documents`` and ``process_document``: an inbox spread over workers.

The parent ingests the inbox (idempotent by content hash) and starts one
``process_document`` run per unfinished document through that flow's deployment, so
every worker polling the pool takes a share. A child's idempotency key is the parent
run's id plus the document id: a retried parent finds the children it started
instead of starting new ones, and re-schedules only those that failed, the way the
UI's Retry button does. Each document therefore runs in one child run at a time.
"""

from __future__ import annotations

import time
from uuid import UUID

from prefect import flow
from prefect.artifacts import create_table_artifact
from prefect.client.orchestration import get_client
from prefect.client.schemas.objects import FlowRun
from prefect.deployments import run_deployment
from prefect.runtime import flow_run as current_run
from prefect.states import AwaitingRetry
from sqlmodel import Session

from flows.process_documents import (
    FINAL,
    approved_documents,
    run_document,
    summary_row,
)
from medocr.egress import guard_flow_process
from medocr.errors import STG_NOT_READY, StageError
from medocr.records import Document
from medocr.runtime import get_runtime
from medocr.settings import get_settings
from tasks.document_tasks import ingest_inbox

CHILD_DEPLOYMENT = "process_document/process-document"
RETRYABLE = {"FAILED", "CRASHED", "CANCELLED"}


@flow(name="process_document", persist_result=False, log_prints=False)
def process_document(document_id: str) -> dict[str, object]:
    """Run every stage for one ingested document (a child run of ``spread_documents``)."""
    guard_flow_process(get_settings())
    row = run_document(document_id)
    if row["status"] not in FINAL:
        raise StageError(f"document {document_id} did not finish", code=STG_NOT_READY)
    return row


@flow(name="spread_documents", persist_result=False, log_prints=False)
def spread_documents(
    inbox: str, deployment: str = CHILD_DEPLOYMENT, poll_seconds: float = 2.0
) -> list[dict[str, object]]:
    """Ingest ``inbox`` and process its documents as child runs across the pool."""
    # Residency: from here on only configured hosts can be reached.
    guard_flow_process(get_settings())

    # Ingest here, once; children only read the vault.
    document_ids = list(dict.fromkeys(ingest_inbox(inbox) + approved_documents()))

    # One child run per unfinished document; workers pick them up as they poll.
    children = [
        start_child(deployment, document_id)
        for document_id in document_ids
        if not is_final(document_id)
    ]
    wait_for(children, poll_seconds)

    # The same content-free summary as process_documents.
    rows = [summary_row(document_id, 0.0) for document_id in document_ids]
    create_table_artifact(rows, key="spread-documents-summary")
    unfinished = [r["document"] for r in rows if r["status"] not in FINAL]
    if unfinished:
        raise StageError(
            f"{len(unfinished)} document(s) did not finish; retry the run",
            code=STG_NOT_READY,
        )
    return rows


def is_final(document_id: str) -> bool:
    with Session(get_runtime().engine) as session:
        document = session.get(Document, document_id)
    return document is not None and document.status in FINAL


def start_child(deployment: str, document_id: str) -> UUID:
    """The child run for this parent and document: created once, retried if it failed."""
    child = run_deployment(
        deployment,
        parameters={"document_id": document_id},
        timeout=0,
        idempotency_key=f"{current_run.get_id()}:{document_id}",
    )
    assert isinstance(child, FlowRun)
    if child.state_type is not None and child.state_type.name in RETRYABLE:
        with get_client(sync_client=True) as client:
            client.set_flow_run_state(child.id, AwaitingRetry(), force=False)
    return child.id


def wait_for(children: list[UUID], poll_seconds: float) -> None:
    """Block until every child run reached a final state."""
    pending = set(children)
    with get_client(sync_client=True) as client:
        while pending:
            time.sleep(poll_seconds)
            for child in list(pending):
                state = client.read_flow_run(child).state
                if state is not None and state.is_final():
                    pending.discard(child)
