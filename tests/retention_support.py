"""Builders for retention tests: a document with a copy in every zone, and a clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import Session, select

from medocr.records import Artifact, AuditEvent, Document, DocumentStatus, Zone
from medocr.runtime import Runtime, build_runtime
from medocr.settings import Settings

T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
SECRET = b"Erika Mustermann, geb. 12.03.1961, KVNR A123456780"


def days(n: float) -> datetime:
    return T0 + timedelta(days=n)


def runtime_at(home: Path) -> Runtime:
    return build_runtime(Settings(home=home))


@dataclass(frozen=True)
class Planted:
    document_id: str
    artifacts: dict[str, Artifact]


def add_document(
    runtime: Runtime,
    document_id: str,
    status: str = DocumentStatus.HANDED_OFF,
    record_type: str | None = "lab_report",
) -> None:
    with Session(runtime.engine) as session:
        session.add(
            Document(
                id=document_id,
                content_sha256=f"sha-{document_id}",
                status=status,
                media_type="application/pdf",
                size_bytes=len(SECRET),
                record_type=record_type,
                created_at=T0,
                updated_at=T0,
            )
        )
        session.commit()


def put(runtime: Runtime, document_id: str, zone: str, kind: str) -> Artifact:
    """Store one artifact written at T0, with its deadline from the policy."""
    deadline = runtime.retention.deadline(zone, T0, "lab_report")
    return runtime.vault.put(
        document_id, zone, kind, SECRET + zone.encode(), retain_until=deadline
    )


def put_handoff(runtime: Runtime, document_id: str) -> Artifact:
    folder = runtime.settings.handoff_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{document_id}.json"
    path.write_bytes(b'{"record": "' + SECRET + b'"}')
    deadline = runtime.retention.deadline(Zone.HANDOFF, T0, "lab_report")
    return runtime.vault.record_external(
        document_id, Zone.HANDOFF, "record", path=path, retain_until=deadline
    )


def processed_document(runtime: Runtime, document_id: str = "doc_done") -> Planted:
    """A handed-off document with raw, text, identity, signed and hand-off copies."""
    add_document(runtime, document_id)
    artifacts = {
        zone: put(runtime, document_id, zone, kind)
        for zone, kind in (
            (Zone.RAW, "original"),
            (Zone.TEXT, "ocr"),
            (Zone.IDENTITY, "map"),
            (Zone.SIGNED, "pdf"),
        )
    }
    artifacts[Zone.HANDOFF] = put_handoff(runtime, document_id)
    return Planted(document_id, artifacts)


def rejected_document(runtime: Runtime, document_id: str = "doc_bad") -> Planted:
    add_document(runtime, document_id, DocumentStatus.REJECTED, None)
    artifact = put(runtime, document_id, Zone.QUARANTINE, "original")
    return Planted(document_id, {Zone.QUARANTINE: artifact})


def row(runtime: Runtime, artifact_id: str) -> Artifact:
    with Session(runtime.engine) as session:
        found = session.get(Artifact, artifact_id)
    assert found is not None
    return found


def events(runtime: Runtime, action: str) -> list[AuditEvent]:
    with Session(runtime.engine) as session:
        query = select(AuditEvent).where(AuditEvent.action == action)
        return list(session.exec(query.order_by(AuditEvent.seq)))  # type: ignore[arg-type]


def proofs_of(runtime: Runtime, artifact_id: str) -> list[AuditEvent]:
    return [
        e
        for e in events(runtime, "retention.proof")
        if e.detail["artifact_id"] == artifact_id
    ]


def document_status(runtime: Runtime, document_id: str) -> str:
    with Session(runtime.engine) as session:
        document = session.get(Document, document_id)
    assert document is not None
    return document.status


def set_status(runtime: Runtime, document_id: str, status: str) -> None:
    """Move a document as the pipeline would: new status, updated now."""
    with Session(runtime.engine) as session:
        document = session.get(Document, document_id)
        assert document is not None
        document.status = status
        document.updated_at = datetime.now(UTC)
        session.add(document)
        session.commit()
