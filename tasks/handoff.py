"""Hand-off: the contract-checked record and the signed PDF, to the output folder.

Only documents whose gate passed (or whose review was approved) and that carry a
signature are handed off. Files are named by document id only and written
atomically; each is recorded as a ``handoff`` artifact so the retention sweep finds
it. A rerun rewrites the same two files and records nothing new.
"""

from __future__ import annotations

from sqlmodel import Session

from medocr.files import write_atomically
from medocr.records import DocumentStatus, Handoff, Zone, utcnow
from medocr.runtime import Runtime
from tasks.gate import require_gate
from tasks.pipeline import StepResult, load_document, set_status

TARGET = "folder"


def handoff_step(document_id: str, runtime: Runtime) -> StepResult:
    """Write ``<id>.json`` and ``<id>.pdf`` into the hand-off folder, once."""
    document = load_document(document_id, runtime)
    if document.status != DocumentStatus.SIGNED:
        return StepResult(document_id, document.status)
    require_gate(document_id, runtime)
    folder = runtime.settings.handoff_path
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    record = runtime.vault.read_slot(document_id, Zone.TEXT, "record")
    signed = runtime.vault.read_slot(document_id, Zone.SIGNED, "pdf")
    deadline = runtime.retention.deadline(Zone.HANDOFF, utcnow(), document.record_type)
    artifacts = {}
    for kind, suffix, data in (("record", "json", record), ("pdf", "pdf", signed)):
        path = write_atomically(folder / f"{document_id}.{suffix}", data)
        artifacts[kind] = runtime.vault.record_external(
            document_id, Zone.HANDOFF, kind, path=path, retain_until=deadline
        )
    with Session(runtime.engine) as session:
        runtime.audit.append(
            "handoff",
            document_id=document_id,
            detail={"target": TARGET},
            session=session,
        )
        session.merge(
            Handoff(
                document_id=document_id,
                target=TARGET,
                record_artifact_id=artifacts["record"].id,
                pdf_artifact_id=artifacts["pdf"].id,
            )
        )
        set_status(session, document_id, DocumentStatus.HANDED_OFF)
        session.commit()
    return StepResult(document_id, DocumentStatus.HANDED_OFF)
