"""Deletion proofs: one audit event per destroyed artifact, saying what was checked.

A proof names the artifact, its zone, backend and region, the hashes of what was
destroyed (the stored object and the wrapped data key), the policy version, every
tier checked and the tiers where a copy was still found. It carries no content and
no paths. Its outcome is ``verified`` or the code of a surviving copy.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session, select

from medocr.errors import VLT_COPY_REMAINS
from medocr.records import Artifact, AuditEvent, DataKey
from medocr.residue import TIERS, CopyIndex, find_copies
from medocr.runtime import Runtime

log = logging.getLogger(__name__)

PROOF = "retention.proof"
VERIFIED = "verified"
Evidence = dict[str, str | None]


def aware(moment: datetime) -> datetime:
    """SQLite returns naive datetimes; medocr writes UTC, so read them as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Proof:
    """A deletion proof as appended to the audit chain."""

    artifact_id: str
    document_id: str
    zone: str
    check: str
    found: tuple[str, ...]
    seq: int

    @property
    def verified(self) -> bool:
        return not self.found


@dataclass(frozen=True)
class ProofContext:
    """What every proof of one sweep shares."""

    index: CopyIndex
    gone_documents: frozenset[str]
    policy_version: str
    swept_at: datetime


def _load(runtime: Runtime, artifact_id: str) -> tuple[Artifact, DataKey | None]:
    with Session(runtime.engine) as session:
        artifact = session.get(Artifact, artifact_id)
        assert artifact is not None
        key = session.get(DataKey, artifact.key_id) if artifact.key_id else None
    return artifact, key


def destroy_with_evidence(runtime: Runtime, artifact_id: str) -> Evidence:
    """Fingerprint the wrapped data key, then destroy the artifact through the vault."""
    artifact, key = _load(runtime, artifact_id)
    wrapped = key.wrapped if key is not None else None
    runtime.vault.destroy(artifact)
    return {
        "kek_id": key.kek_id if key is not None else None,
        "wrapped_key_sha256": hashlib.sha256(wrapped).hexdigest() if wrapped else None,
    }


def prove_absence(
    runtime: Runtime,
    context: ProofContext,
    artifact_id: str,
    *,
    check: str,
    evidence: Evidence | None = None,
) -> Proof:
    """Check every tier for one destroyed artifact and append its deletion proof.

    ``check`` is ``destroy`` (destroyed by this sweep), ``earlier`` (destroyed by a
    crashed sweep or by the pipeline and never proved, so the key fingerprint is no
    longer known) or ``recheck`` (proved before, looked at again).
    """
    artifact, key = _load(runtime, artifact_id)
    gone = artifact.document_id in context.gone_documents
    found = find_copies(runtime, context.index, artifact, document_gone=gone)
    evidence = evidence or {
        "kek_id": key.kek_id if key else None,
        "wrapped_key_sha256": None,
    }
    event = runtime.audit.append(
        PROOF,
        document_id=artifact.document_id,
        outcome=VLT_COPY_REMAINS if found else VERIFIED,
        detail=_detail(artifact, evidence, check, found, context),
    )
    if found:
        log.error(
            "artifact %s still has a copy in %s (%s)",
            artifact.id,
            ",".join(found),
            VLT_COPY_REMAINS,
        )
    return Proof(
        artifact.id, artifact.document_id, artifact.zone, check, found, event.seq
    )


def _detail(
    artifact: Artifact,
    evidence: Evidence,
    check: str,
    found: tuple[str, ...],
    context: ProofContext,
) -> dict[str, str | int | None]:
    return {
        "artifact_id": artifact.id,
        "zone": artifact.zone,
        "kind": artifact.kind,
        "backend": artifact.backend,
        "region": artifact.region,
        "key_id": artifact.key_id,
        **evidence,
        "object_sha256": artifact.sha256,
        "size_bytes": artifact.size_bytes,
        "retain_until": aware(artifact.retain_until).isoformat(),
        "policy_version": context.policy_version,
        "check": check,
        "tiers": ",".join(TIERS),
        "found": ",".join(found),
        "swept_at": context.swept_at.isoformat(),
    }


def verified_artifact_ids(runtime: Runtime) -> frozenset[str]:
    """Artifacts whose destruction already has a verified proof in the audit chain."""
    query = select(AuditEvent.detail).where(
        AuditEvent.action == PROOF, AuditEvent.outcome == VERIFIED
    )
    with Session(runtime.engine) as session:
        return frozenset(str(detail["artifact_id"]) for detail in session.exec(query))
