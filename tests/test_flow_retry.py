"""Invariant 3 through the UI's Retry: a deployment run that failed part-way, retried
with the same flow run id and parameters, ends in the same state as a clean run.

The run's worker process gets ``MEDOCR_FAULT=sign.done:3``: the sign step commits the
signed PDF and its row, then fails on each of the task's three attempts, so the run
fails between signing and hand-off. The retry sets the run to ``AwaitingRetry`` as
the UI's button does; a worker picks it up again.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest
from ops_support import PrefectStack, prefect_stack_for
from prefect.client.schemas.objects import StateType
from prefect.states import State
from sqlmodel import Session, select

from medocr.records import AuditEvent, Document, DocumentStatus, Handoff, Signature
from medocr.runtime import build_runtime

pytestmark = [pytest.mark.services, pytest.mark.slow]

DEPLOYMENT = "process_documents/process-inbox"


@pytest.fixture
def prefect_stack(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> PrefectStack:
    return prefect_stack_for(request, tmp_path_factory.mktemp("prefect-stack"))


def test_a_failed_run_retried_like_the_ui_ends_like_a_clean_run(
    prefect_stack: PrefectStack,
) -> None:
    inbox = prefect_stack.inbox("retry", variants=[11])
    parameters = {"inbox": str(inbox)}

    # A deployment run whose sign step fails after committing, on every attempt.
    with prefect_stack.client() as client:
        deployment = client.read_deployment_by_name(DEPLOYMENT)
        created = client.create_flow_run_from_deployment(
            deployment.id,
            parameters=parameters,
            job_variables={"env": {"MEDOCR_FAULT": "sign.done:3"}},
        )
    failed = prefect_stack.wait_final(created.id)
    assert failed.state_type == StateType.FAILED
    document = letter_document(prefect_stack, inbox)
    assert document.status == DocumentStatus.SIGNED

    # Retry from the UI: same run, set to AwaitingRetry without forcing.
    with prefect_stack.client() as client:
        retry = State(
            type=StateType.SCHEDULED, name="AwaitingRetry", message="Retry from the UI"
        )
        result = client.set_flow_run_state(created.id, retry, force=False)
    assert result.status.value == "ACCEPT"
    retried = prefect_stack.wait_final(created.id)

    assert retried.state_type == StateType.COMPLETED
    assert retried.id == created.id and retried.parameters == parameters
    assert retried.run_count == 2
    assert_state_of_a_clean_run(prefect_stack, letter_document(prefect_stack, inbox).id)


def letter_document(stack: PrefectStack, inbox: Path) -> Document:
    """The one document row for the inbox's only letter, found by its content hash."""
    (letter,) = inbox.iterdir()
    digest = hashlib.sha256(letter.read_bytes()).hexdigest()
    runtime = build_runtime(stack.settings())
    with Session(runtime.engine) as session:
        documents = session.exec(
            select(Document).where(Document.content_sha256 == digest)
        ).all()
    assert len(documents) == 1
    return documents[0]


def assert_state_of_a_clean_run(stack: PrefectStack, document_id: str) -> None:
    """One document, signature and hand-off; each audit step once; chain intact."""
    runtime = build_runtime(stack.settings())
    with Session(runtime.engine) as session:
        document = session.get(Document, document_id)
        signatures = session.exec(
            select(Signature).where(Signature.document_id == document_id)
        ).all()
        handoffs = session.exec(
            select(Handoff).where(Handoff.document_id == document_id)
        ).all()
        actions = Counter(
            e.action
            for e in session.exec(
                select(AuditEvent).where(AuditEvent.document_id == document_id)
            )
        )
    assert document is not None and document.status == DocumentStatus.HANDED_OFF
    assert len(signatures) == 1 and signatures[0].intact
    assert len(handoffs) == 1
    assert actions["sign"] == 1 and actions["handoff"] == 1
    assert set(actions.values()) == {1}, actions
    handed = sorted(p.name for p in stack.settings().handoff_path.iterdir())
    assert f"{document_id}.pdf" in handed and f"{document_id}.json" in handed
    assert runtime.audit.verify().intact
