"""The normalized, redacted rendition that gets signed, and the signing step.

Pages are rendered again from the raw scan at the OCR resolution and turned the way
OCR turned them, so the stored line boxes fall on the right pixels; detected spans
are blacked out and the tokenised text becomes an invisible text layer.
"""

from __future__ import annotations

import json

from sqlmodel import Session

from medocr.ocr.orientation import as_read
from medocr.ocr.pages import iter_page_images
from medocr.phi.redact import RedactionPage, build_redacted_pdf
from medocr.phi.spans import PhiKind, PhiSpan
from medocr.records import DocumentStatus, Signature, Zone, utcnow
from medocr.runtime import Runtime
from medocr.signing.report import SignatureReport
from tasks.gate import require_gate
from tasks.pipeline import (
    StepResult,
    load_document,
    read_text,
    read_tokenised,
    set_status,
)

SIGNABLE = {DocumentStatus.VALIDATED, DocumentStatus.APPROVED}


def redacted_rendition(document_id: str, runtime: Runtime) -> bytes:
    """The PDF to sign: redacted page images plus the tokenised text layer."""
    settings = runtime.settings
    raw = runtime.vault.read_slot(document_id, Zone.RAW, "original")
    text = read_text(document_id, runtime)
    tokenised = read_tokenised(document_id, runtime)
    spans = [
        PhiSpan(
            kind=PhiKind(s["kind"]),
            start=s["start"],
            end=s["end"],
            detector="stored",
            confidence=1.0,
        )
        for s in tokenised["spans"]  # type: ignore[attr-defined]
    ]
    images = iter_page_images(raw, dpi=settings.ocr.dpi, limits=settings.limits)
    pages = [
        RedactionPage(as_read(page.image, ocr.rotation, ocr.skew), ocr)
        for page, ocr in zip(images, text.pages, strict=True)
    ]
    tokenised_pages = str(tokenised["text"]).split("\f")
    return build_redacted_pdf(pages, spans, tokenised_pages, dpi=settings.ocr.dpi)


def sign_step(document_id: str, runtime: Runtime) -> StepResult:
    """Sign the redacted rendition once per document and record its validation.

    A rerun after a crash between storing the signed PDF and recording it signs
    nothing new: it validates the stored PDF and records that.
    """
    from medocr.signing import trust_for, validate_signature
    from tasks.sign import sign_document

    document = load_document(document_id, runtime)
    if document.status not in SIGNABLE:
        return StepResult(document_id, document.status)
    require_gate(document_id, runtime)
    settings = runtime.settings
    artifact = runtime.vault.find(document_id, Zone.SIGNED, "pdf")
    if artifact is None:
        rendition = redacted_rendition(document_id, runtime)
        signed = sign_document(rendition, settings=settings)
        deadline = runtime.retention.deadline(
            Zone.SIGNED, utcnow(), document.record_type
        )
        artifact = runtime.vault.put(
            document_id, Zone.SIGNED, "pdf", signed.pdf, retain_until=deadline
        )
        report = signed.report
    else:
        report = validate_signature(runtime.vault.read(artifact), trust_for(settings))
    record_signature(document_id, artifact.id, report, runtime)
    return StepResult(document_id, DocumentStatus.SIGNED)


def record_signature(
    document_id: str, artifact_id: str, report: SignatureReport, runtime: Runtime
) -> None:
    """The signature row, its audit event and the status change, together."""
    summary = json.loads(json.dumps(report.as_dict(), default=str))
    level = report.level or runtime.settings.signing.level
    with Session(runtime.engine) as session:
        runtime.audit.append(
            "sign",
            document_id=document_id,
            outcome="valid" if report.ok else "invalid",
            detail={"level": level},
            session=session,
        )
        session.merge(
            Signature(
                document_id=document_id,
                artifact_id=artifact_id,
                level=level,
                intact=report.intact,
                trusted=report.trusted,
                report=summary,
            )
        )
        set_status(session, document_id, DocumentStatus.SIGNED)
        session.commit()
