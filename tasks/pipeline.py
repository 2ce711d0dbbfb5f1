"""The vault-backed steps of the document pipeline, one per stage.

Each step takes a document id, loads its inputs from the vault, calls the stage's
plain function, stores and records its outputs, and advances the document's status.
Each is idempotent: it returns early when its output already exists, so a rerun
after a crash at any point ends in the same state as a clean run.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from sqlmodel import Session

from medocr import __version__
from medocr.errors import STG_NOT_READY, InputRejected, StageError
from medocr.ocr.types import DocumentText
from medocr.records import Document, DocumentStatus, Zone, utcnow
from medocr.runtime import Runtime
from medocr.sandbox import require_decodable
from tasks.ingest import mark_rejected


@dataclass(frozen=True)
class StepResult:
    document_id: str
    status: str
    error_code: str | None = None


def load_document(document_id: str, runtime: Runtime) -> Document:
    with Session(runtime.engine) as session:
        document = session.get(Document, document_id)
    if document is None:
        raise StageError(f"unknown document {document_id}", code=STG_NOT_READY)
    return document


def advance(
    document_id: str,
    runtime: Runtime,
    status: str,
    *,
    action: str,
    detail: Mapping[str, object] | None = None,
    **fields: object,
) -> None:
    """Move a document to ``status`` and append its audit event in one transaction."""
    with Session(runtime.engine) as session:
        runtime.audit.append(
            action, document_id=document_id, detail=detail, session=session
        )
        set_status(session, document_id, status, **fields)
        session.commit()


def set_status(
    session: Session, document_id: str, status: str, **fields: object
) -> None:
    """Change a document's status (and columns) inside the caller's transaction."""
    document = session.get(Document, document_id)
    assert document is not None
    document.status = status
    for name, value in fields.items():
        setattr(document, name, value)
    document.updated_at = utcnow()
    session.add(document)


def read_text(document_id: str, runtime: Runtime) -> DocumentText:
    return DocumentText.from_json(
        runtime.vault.read_slot(document_id, Zone.TEXT, "ocr")
    )


def ocr_step(document_id: str, runtime: Runtime) -> StepResult:
    """Read the raw scan and store its text; a bad input goes to quarantine."""
    from tasks.ocr import ocr_document

    document = load_document(document_id, runtime)
    if document.status == DocumentStatus.REJECTED:
        drop_raw_copies(document_id, runtime)
        return StepResult(document_id, document.status, document.error_code)
    if runtime.vault.find(document_id, Zone.TEXT, "ocr") is None:
        data = runtime.vault.read_slot(document_id, Zone.RAW, "original")
        try:
            require_decodable(data, runtime.settings)
            text = ocr_document(data, settings=runtime.settings)
        except InputRejected as rejection:
            return reject_after_ingest(document_id, data, rejection, runtime)
        deadline = runtime.retention.deadline(Zone.TEXT, utcnow(), None)
        runtime.vault.put(
            document_id, Zone.TEXT, "ocr", text.to_json(), retain_until=deadline
        )
    if document.status == DocumentStatus.INGESTED:
        pages = len(read_text(document_id, runtime).pages)
        advance(
            document_id,
            runtime,
            DocumentStatus.OCR_DONE,
            action="ocr",
            detail={"pages": pages},
            page_count=pages,
        )
    return StepResult(document_id, load_document(document_id, runtime).status)


def reject_after_ingest(
    document_id: str, data: bytes, rejection: InputRejected, runtime: Runtime
) -> StepResult:
    """Move an input that failed to render into quarantine, leaving no raw copy."""
    deadline = runtime.retention.deadline(Zone.QUARANTINE, utcnow(), None)
    meta = runtime.vault.read_slot(document_id, Zone.RAW, "meta")
    runtime.vault.put(
        document_id, Zone.QUARANTINE, "original", data, retain_until=deadline
    )
    runtime.vault.put(document_id, Zone.QUARANTINE, "meta", meta, retain_until=deadline)
    mark_rejected(document_id, rejection.code, runtime)
    drop_raw_copies(document_id, runtime)
    return StepResult(document_id, DocumentStatus.REJECTED, rejection.code)


def drop_raw_copies(document_id: str, runtime: Runtime) -> None:
    """Destroy a rejected document's raw copies; its input lives on in quarantine.

    It runs after the status change, and again on every later visit, so a crash
    between quarantining and destroying is finished by the rerun.
    """
    for kind in ("original", "meta"):
        artifact = runtime.vault.find(document_id, Zone.RAW, kind)
        if artifact is not None:
            runtime.vault.destroy(artifact)


def record_json(document_id: str, runtime: Runtime) -> dict[str, object]:
    return json.loads(runtime.vault.read_slot(document_id, Zone.TEXT, "record"))


def build_record(
    document_id: str, fields: object, pseudonymized_text: str, runtime: Runtime
) -> dict[str, object]:
    """The hand-off record: extracted fields, tokenised text, versions; no identities."""
    from medocr.contracts import load_contract

    record: dict[str, object] = {"document_id": document_id}
    record.update(fields.as_record_fields())  # type: ignore[attr-defined]
    record.update(
        pseudonymized_text=pseudonymized_text,
        signature_level=runtime.settings.signing.level,
        contract_version=load_contract().version,
        medocr_version=__version__,
        processed_at=utcnow().isoformat(),
    )
    return record


def pseudonymize_step(document_id: str, runtime: Runtime) -> StepResult:
    """Replace personal data by tokens; the identity map goes to its own zone."""
    from medocr.phi.tokens import identity_map_json
    from tasks.pseudonymize import pseudonymize_document

    document = load_document(document_id, runtime)
    if document.status != DocumentStatus.OCR_DONE:
        return StepResult(document_id, document.status)
    text = read_text(document_id, runtime).text
    result = pseudonymize_document(
        text, token_key=runtime.keys.token_secret(), language=None
    )
    now = utcnow()
    runtime.vault.put(
        document_id,
        Zone.IDENTITY,
        "map",
        identity_map_json(result.replacements),
        retain_until=runtime.retention.deadline(Zone.IDENTITY, now, None),
    )
    spans = [
        {"kind": str(r.kind), "start": r.start, "end": r.end}
        for r in result.replacements
    ]
    tokenised = json.dumps({"text": result.text, "spans": spans}, ensure_ascii=False)
    runtime.vault.put(
        document_id,
        Zone.TEXT,
        "tokenised",
        tokenised.encode(),
        retain_until=runtime.retention.deadline(Zone.TEXT, now, None),
    )
    advance(
        document_id,
        runtime,
        DocumentStatus.PSEUDONYMIZED,
        action="pseudonymize",
        detail={"replacements": len(spans)},
    )
    return StepResult(document_id, DocumentStatus.PSEUDONYMIZED)


def read_tokenised(document_id: str, runtime: Runtime) -> dict[str, object]:
    return json.loads(runtime.vault.read_slot(document_id, Zone.TEXT, "tokenised"))


def extract_step(document_id: str, runtime: Runtime) -> StepResult:
    """Read the record's fields and store the hand-off record, still encrypted."""
    from tasks.extract import extract_fields

    document = load_document(document_id, runtime)
    if document.status != DocumentStatus.PSEUDONYMIZED:
        return StepResult(document_id, document.status)
    text = read_text(document_id, runtime)
    tokenised = read_tokenised(document_id, runtime)
    spans = tokenised["spans"]
    assert isinstance(spans, list)
    fields = extract_fields(
        text.text,
        pseudonymized_text=str(tokenised["text"]),
        page_count=len(text.pages),
        confidences=[ln.confidence for p in text.pages for ln in p.lines],
        date_spans=[(s["start"], s["end"]) for s in spans if s["kind"] == "DATE"],
        birth_date_spans=[
            (s["start"], s["end"]) for s in spans if s["kind"] == "DATE_OF_BIRTH"
        ],
    )
    record = build_record(document_id, fields, str(tokenised["text"]), runtime)
    runtime.vault.put(
        document_id,
        Zone.TEXT,
        "record",
        json.dumps(record, ensure_ascii=False).encode(),
        retain_until=runtime.retention.deadline(Zone.TEXT, utcnow(), None),
    )
    advance(
        document_id,
        runtime,
        DocumentStatus.EXTRACTED,
        action="extract",
        detail={"record_type": fields.record_type},
        record_type=fields.record_type,
        language=fields.language,
    )
    return StepResult(document_id, DocumentStatus.EXTRACTED)
