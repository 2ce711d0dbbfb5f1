"""Retention sweep: destroy every copy past its deadline, then prove it is gone.

For each artifact past its deadline and not on legal hold, the sweep shreds its data
key (so copies anywhere, backups included, stay unreadable), deletes the object,
marks the records, then checks every tier for a surviving copy and appends one
deletion proof per artifact to the audit chain. Artifacts destroyed earlier are
checked again on every sweep. The sweep takes ``now`` explicitly, and a rerun after
a crash at any point finishes what is missing without doing anything twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from medocr.errors import VLT_COPY_REMAINS, VaultError
from medocr.proofs import (
    Proof,
    ProofContext,
    aware,
    destroy_with_evidence,
    prove_absence,
    verified_artifact_ids,
)
from medocr.records import Artifact, Document, DocumentStatus
from medocr.residue import CopyIndex, find_copies
from medocr.retention import FINISHED, held_document_ids
from medocr.runtime import Runtime

log = logging.getLogger(__name__)


def as_of(text: str | None) -> datetime:
    """The sweep's ``now`` from ISO 8601 text (UTC without an offset), or now."""
    if text is None:
        return datetime.now(UTC)
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class SweepItem:
    """One artifact the sweep looked at: ``destroy``, ``held``, ``waiting``, ``prove``."""

    artifact_id: str
    document_id: str
    zone: str
    kind: str
    deadline: datetime
    action: str


@dataclass(frozen=True)
class SweepPlan:
    now: datetime
    policy_version: str
    items: tuple[SweepItem, ...]

    def of(self, action: str) -> tuple[SweepItem, ...]:
        return tuple(item for item in self.items if item.action == action)

    def rows(self) -> list[dict[str, str]]:
        """The plan as table rows: ids, zones, deadlines and actions, no content."""
        return [
            {
                "artifact": item.artifact_id,
                "document": item.document_id,
                "zone": item.zone,
                "kind": item.kind,
                "deadline": item.deadline.isoformat(timespec="seconds"),
                "action": item.action,
            }
            for item in self.items
        ]


@dataclass(frozen=True)
class SweepReport:
    plan: SweepPlan
    proofs: tuple[Proof, ...]
    documents_destroyed: tuple[str, ...]

    @property
    def failures(self) -> tuple[Proof, ...]:
        return tuple(proof for proof in self.proofs if not proof.verified)

    def rows(self) -> list[dict[str, str | int]]:
        """One row per proof: ids, zone, check, outcome and its audit sequence."""
        return [
            {
                "artifact": proof.artifact_id,
                "document": proof.document_id,
                "zone": proof.zone,
                "check": proof.check,
                "outcome": "verified" if proof.verified else ",".join(proof.found),
                "audit_seq": proof.seq,
            }
            for proof in self.proofs
        ]

    def summary(self) -> dict[str, int | str]:
        """Counts for the audit chain, the CLI and the flow's artifact."""
        return {
            "now": self.plan.now.isoformat(timespec="seconds"),
            "policy_version": self.plan.policy_version,
            "destroyed": len(self.plan.of("destroy")),
            "held": len(self.plan.of("held")),
            "waiting": len(self.plan.of("waiting")),
            "proofs": len(self.proofs),
            "copies_found": len(self.failures),
            "documents_destroyed": len(self.documents_destroyed),
        }

    def raise_for_residue(self) -> None:
        """Fail loudly when any destroyed artifact still has a copy somewhere."""
        if not self.failures:
            return
        tiers = sorted({tier for proof in self.failures for tier in proof.found})
        ids = ", ".join(proof.artifact_id for proof in self.failures[:10])
        raise VaultError(
            f"{len(self.failures)} destroyed artifact(s) still have a copy in "
            f"{', '.join(tiers)}: {ids}; remove the copies and run the sweep again",
            code=VLT_COPY_REMAINS,
        )


def plan_sweep(runtime: Runtime, now: datetime) -> SweepPlan:
    """What a sweep at ``now`` would do; reads only, so it serves as the dry run."""
    due = _select(
        runtime, col(Artifact.destroyed_at).is_(None), col(Artifact.retain_until) <= now
    )
    held = held_document_ids(runtime.engine)
    documents = _documents(runtime, {artifact.document_id for artifact in due})
    items = [_decide(runtime, a, documents, held, now) for a in due]
    proved = verified_artifact_ids(runtime)
    destroyed = _select(runtime, col(Artifact.destroyed_at).is_not(None))
    items += [
        _item(artifact, aware(artifact.retain_until), "prove")
        for artifact in destroyed
        if artifact.id not in proved
    ]
    return SweepPlan(
        now, runtime.retention.version, tuple(i for i in items if i is not None)
    )


def _decide(
    runtime: Runtime,
    artifact: Artifact,
    documents: dict[str, Document],
    held: frozenset[str],
    now: datetime,
) -> SweepItem | None:
    """Destroy, keep for a hold, or wait for processing; None when not yet due."""
    deadline = aware(artifact.retain_until)
    if artifact.document_id in held:
        return _item(artifact, deadline, "held")
    document = documents.get(artifact.document_id)
    policy = runtime.retention
    if document is not None and policy.waits_for_processing(artifact.zone):
        if document.status not in FINISHED:
            return _item(artifact, deadline, "waiting")
        finished = aware(document.updated_at)
        deadline = max(
            deadline, policy.deadline(artifact.zone, finished, document.record_type)
        )
    return _item(artifact, deadline, "destroy") if deadline <= now else None


def _item(artifact: Artifact, deadline: datetime, action: str) -> SweepItem:
    return SweepItem(
        artifact.id,
        artifact.document_id,
        artifact.zone,
        artifact.kind,
        deadline,
        action,
    )


def sweep_retention(runtime: Runtime, now: datetime) -> SweepReport:
    """Destroy what is due, prove each destruction, re-check earlier ones.

    Returns a report; call ``raise_for_residue`` on it to fail when a copy survived.
    """
    plan = plan_sweep(runtime, now)
    proved_before = verified_artifact_ids(runtime)
    evidence = {
        item.artifact_id: destroy_with_evidence(runtime, item.artifact_id)
        for item in plan.of("destroy")
    }
    context = ProofContext(
        CopyIndex.scan(runtime), gone_document_ids(runtime), plan.policy_version, now
    )
    proofs = [
        prove_absence(runtime, context, artifact_id, check="destroy", evidence=found)
        for artifact_id, found in evidence.items()
    ]
    proofs += [
        prove_absence(runtime, context, item.artifact_id, check="earlier")
        for item in plan.of("prove")
    ]
    proofs += _recheck(runtime, context, proved_before)
    verified = proved_before | {p.artifact_id for p in proofs if p.verified}
    verified -= {p.artifact_id for p in proofs if not p.verified}
    closed = _close_documents(runtime, context.gone_documents, verified)
    report = SweepReport(plan, tuple(proofs), closed)
    runtime.audit.append("retention.sweep", detail=report.summary())
    log.info(
        "retention sweep: %d destroyed, %d held, %d waiting, %d copies found",
        len(plan.of("destroy")),
        len(plan.of("held")),
        len(plan.of("waiting")),
        len(report.failures),
    )
    return report


def _recheck(
    runtime: Runtime, context: ProofContext, proved: frozenset[str]
) -> list[Proof]:
    """Look again for copies of artifacts proved gone earlier; record only finds."""
    proofs = []
    for artifact in _select(runtime, col(Artifact.id).in_(proved)):
        gone = artifact.document_id in context.gone_documents
        if find_copies(runtime, context.index, artifact, document_gone=gone):
            proofs.append(prove_absence(runtime, context, artifact.id, check="recheck"))
    return proofs


def _close_documents(
    runtime: Runtime, gone: frozenset[str], verified: frozenset[str]
) -> tuple[str, ...]:
    """Mark documents destroyed once every artifact of theirs is proved gone."""
    artifacts = _select(runtime, col(Artifact.document_id).in_(gone))
    unproved = {a.document_id for a in artifacts if a.id not in verified}
    closed = tuple(
        document_id
        for document_id in sorted(gone - unproved)
        if _close(runtime, document_id)
    )
    return closed


def _close(runtime: Runtime, document_id: str) -> bool:
    """Set one document destroyed with its audit event, in one transaction, once."""
    with Session(runtime.engine) as session:
        runtime.audit.append(
            "document.destroyed", document_id=document_id, session=session
        )
        document = session.get(Document, document_id)
        if document is None or document.status == DocumentStatus.DESTROYED:
            session.rollback()
            return False
        document.status = DocumentStatus.DESTROYED
        document.updated_at = datetime.now(UTC)
        session.add(document)
        session.commit()
    return True


def gone_document_ids(runtime: Runtime) -> frozenset[str]:
    """Documents that have artifacts and none of them is left."""
    with Session(runtime.engine) as session:
        rows = session.exec(select(Artifact.document_id, Artifact.destroyed_at)).all()
    live = {document_id for document_id, destroyed in rows if destroyed is None}
    return frozenset(document_id for document_id, _ in rows) - live


def _select(runtime: Runtime, *conditions: object) -> list[Artifact]:
    with Session(runtime.engine) as session:
        return list(session.exec(select(Artifact).where(*conditions)))  # type: ignore[arg-type]


def _documents(runtime: Runtime, ids: set[str]) -> dict[str, Document]:
    with Session(runtime.engine) as session:
        rows = session.exec(select(Document).where(col(Document.id).in_(ids)))
        return {document.id: document for document in rows}
