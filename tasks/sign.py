"""Stages: sign the redacted PDF as PAdES and check it at once; renew its archive timestamp."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from sqlmodel import Session, select

from medocr.records import Artifact, Signature, Zone
from medocr.retention import active_hold
from medocr.runtime import Runtime
from medocr.settings import Settings
from medocr.signing import (
    SignatureReport,
    configured_signer,
    sign_pades,
    trust_for,
    validate_signature,
)
from medocr.signing.renewal import needs_timestamp_renewal, renew_archive_timestamp

logger = logging.getLogger(__name__)

RENEWAL_SUFFIX = "-r"


@dataclass(frozen=True)
class SignedDocument:
    """The signed PDF and the report from validating it right after signing."""

    pdf: bytes
    report: SignatureReport
    requested_level: str

    @property
    def accepted(self) -> bool:
        """True when the fresh signature checks out at the level that was asked for."""
        return self.report.ok and self.report.level == self.requested_level


def sign_document(pdf: bytes, *, settings: Settings) -> SignedDocument:
    """Sign ``pdf`` at ``settings.signing.level`` and validate it with the same trust.

    Raises:
        InputRejected: ``pdf`` is not a PDF that can be signed.
        EngineError: the signer or timestamp authority failed.
        KeyUnavailable, ConfigurationError: the signer cannot be set up.
    """
    signer = configured_signer(settings)
    level = settings.signing.level
    signed = sign_pades(pdf, signer, level=level)
    report = validate_signature(signed, signer.trust)
    if not report.ok or report.level != level:
        logger.warning(
            "fresh signature failed its check: %s", ",".join(report.problems)
        )
    return SignedDocument(pdf=signed, report=report, requested_level=level)


def renew_signed_copy(document_id: str, runtime: Runtime, *, horizon_days: int) -> bool:
    """Store a copy with a fresh archive timestamp when the newest one expires soon.

    Returns True when a renewed copy became the document's signed copy. Safe to rerun
    after a crash at any point: a stored renewal is reused, never made twice, and a
    superseded copy is destroyed on the next run unless a legal hold keeps it.
    """
    with Session(runtime.engine) as session:
        signature = session.get(Signature, document_id)
        current = session.get(Artifact, signature.artifact_id) if signature else None
    if current is None:
        return False
    _destroy_superseded(document_id, current, runtime)
    pdf = runtime.vault.read(current)
    if not needs_timestamp_renewal(pdf, horizon_days):
        return False
    kind = _next_kind(current.kind)
    stored = runtime.vault.find(document_id, Zone.SIGNED, kind)
    if stored is None:
        renewed = renew_archive_timestamp(pdf, runtime.settings)
        stored = runtime.vault.put(
            document_id, Zone.SIGNED, kind, renewed, retain_until=current.retain_until
        )
    else:
        renewed = runtime.vault.read(stored)
    report = validate_signature(renewed, trust_for(runtime.settings))
    _record_renewal(document_id, stored.id, report, runtime)
    _destroy_superseded(document_id, stored, runtime)
    return True


def _next_kind(kind: str) -> str:
    """``pdf`` -> ``pdf-r1`` -> ``pdf-r2``: one vault slot per renewal generation."""
    base = kind.partition(RENEWAL_SUFFIX)[0]
    return f"{base}{RENEWAL_SUFFIX}{_generation(kind) + 1}"


def _generation(kind: str) -> int:
    return int(kind.partition(RENEWAL_SUFFIX)[2] or 0)


def _record_renewal(
    document_id: str, artifact_id: str, report: SignatureReport, runtime: Runtime
) -> None:
    """Point the signature row at the renewed copy, with its audit event, at once."""
    with Session(runtime.engine) as session:
        runtime.audit.append(
            "renew-timestamp",
            document_id=document_id,
            outcome="valid" if report.ok else "invalid",
            detail={"archive_timestamps": report.archive_timestamps},
            session=session,
        )
        signature = session.get(Signature, document_id)
        assert signature is not None
        signature.artifact_id = artifact_id
        signature.intact = report.intact
        signature.trusted = report.trusted
        signature.level = report.level or signature.level
        signature.report = json.loads(json.dumps(report.as_dict(), default=str))
        session.add(signature)
        session.commit()
    if not report.ok:
        logger.warning("renewed copy of %s failed its check", document_id)


def _destroy_superseded(document_id: str, keep: Artifact, runtime: Runtime) -> None:
    """Destroy earlier generations: ``keep`` contains each of them byte for byte."""
    if active_hold(runtime.engine, document_id) is not None:
        return
    query = select(Artifact).where(
        Artifact.document_id == document_id,
        Artifact.zone == Zone.SIGNED,
        Artifact.destroyed_at.is_(None),  # type: ignore[union-attr]
    )
    with Session(runtime.engine) as session:
        live = list(session.exec(query))
    for artifact in live:
        if _generation(artifact.kind) < _generation(keep.kind):
            runtime.vault.destroy(artifact)
