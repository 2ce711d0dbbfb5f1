"""Flow ``process_documents``: an inbox folder to signed, contract-checked records."""

from __future__ import annotations

import time

from prefect import flow
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from sqlmodel import Session, select

from medocr.egress import guard_flow_process
from medocr.errors import STG_NOT_READY, StageError
from medocr.records import Document, DocumentStatus, Signature
from medocr.review import list_reviews, review_markdown
from medocr.runtime import get_runtime
from medocr.settings import get_settings
from tasks.document_tasks import PIPELINE, ingest_inbox

FINAL = {
    DocumentStatus.HANDED_OFF,
    DocumentStatus.REJECTED,
    DocumentStatus.IN_REVIEW,
    DocumentStatus.BLOCKED,
    DocumentStatus.DESTROYED,
}


@flow(name="process_documents", persist_result=False, log_prints=False)
def process_documents(inbox: str) -> list[dict[str, object]]:
    """Ingest, read, pseudonymize, check, sign and hand off every document in ``inbox``."""
    # Residency: from here on only configured hosts can be reached.
    guard_flow_process(get_settings())

    # Ingest: each file once, whatever the retries.
    document_ids = ingest_inbox(inbox)

    # Documents a reviewer approved since the last run go on from where they stopped.
    document_ids += approved_documents()

    # One document after another; each stage is a task that skips finished work.
    rows = [run_document(document_id) for document_id in dict.fromkeys(document_ids)]

    # Content-free summaries beside the run in the Prefect UI: documents, review queue.
    create_table_artifact(rows, key="process-documents-summary")
    create_markdown_artifact(
        review_markdown(list_reviews(get_runtime())), key="review-queue"
    )
    unfinished = [r["document"] for r in rows if r["status"] not in FINAL]
    if unfinished:
        raise StageError(
            f"{len(unfinished)} document(s) did not finish; retry the run",
            code=STG_NOT_READY,
        )
    return rows


def run_document(document_id: str) -> dict[str, object]:
    """Run every stage for one document; a failed stage stops that document only."""
    started = time.monotonic()
    for stage in PIPELINE:
        state = stage(document_id, return_state=True)
        if state.is_failed() or state.result(raise_on_failure=False) in FINAL:
            break
    return summary_row(document_id, time.monotonic() - started)


def approved_documents() -> list[str]:
    with Session(get_runtime().engine) as session:
        return list(
            session.exec(
                select(Document.id).where(Document.status == DocumentStatus.APPROVED)
            )
        )


def summary_row(document_id: str, seconds: float) -> dict[str, object]:
    """Opaque id, pages, status, signature level, error code, seconds: no content."""
    with Session(get_runtime().engine) as session:
        document = session.get(Document, document_id)
        signature = session.get(Signature, document_id)
    assert document is not None
    return {
        "document": document_id,
        "pages": document.page_count,
        "status": document.status,
        "signature": signature.level if signature else None,
        "error": document.error_code,
        "seconds": round(seconds, 2),
    }
