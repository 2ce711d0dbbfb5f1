"""What a batch may not leave behind: half-written artifacts, orphans, temporary files.

After any run, crash or rerun every stored object has a live artifact row and every
live row its object; no artifact row waits for its object; no artifact belongs to an
unknown document; a rejected document keeps only its quarantine copy and has its
``input.rejected`` audit event; no temporary file remains. Findings are counts by
kind, never names or content.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlmodel import Session, select

from medocr.records import Artifact, AuditEvent, Document, DocumentStatus, Zone
from medocr.runtime import Runtime

KINDS = (
    "orphan_object",
    "missing_object",
    "unstored_row",
    "orphan_row",
    "rejected_not_quarantined",
    "rejected_keeps_copy",
    "rejected_unaudited",
    "temporary_file",
)


@dataclass(frozen=True)
class Leftovers:
    """Counts of what should not be there, by kind; empty when the state is clean."""

    counts: dict[str, int] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not any(self.counts.values())


def find_leftovers(runtime: Runtime) -> Leftovers:
    """Check the records, the vault and the temporary folders against each other."""
    with Session(runtime.engine) as session:
        artifacts = list(session.exec(select(Artifact)).all())
        documents = {d.id: d for d in session.exec(select(Document)).all()}
        audited = {
            document_id
            for document_id in session.exec(
                select(AuditEvent.document_id).where(
                    AuditEvent.action == "input.rejected"
                )
            ).all()
            if document_id is not None
        }
    found: Counter[str] = Counter()
    found.update(_vault_mismatches(runtime, artifacts))
    found.update(_rejected_problems(artifacts, documents, audited))
    found["unstored_row"] = sum(1 for a in artifacts if not a.stored)
    found["orphan_row"] = sum(1 for a in artifacts if a.document_id not in documents)
    found["temporary_file"] = _temporary_files(runtime)
    return Leftovers({kind: found[kind] for kind in KINDS if found[kind]})


def _vault_mismatches(runtime: Runtime, artifacts: list[Artifact]) -> Counter[str]:
    """Objects without a live row, and live rows without their object."""
    backend = runtime.vault.backend
    live = {
        a.location
        for a in artifacts
        if a.stored and a.destroyed_at is None and a.backend == backend.name
    }
    objects = set(backend.list())
    return Counter(
        orphan_object=len(objects - live), missing_object=len(live - objects)
    )


def _rejected_problems(
    artifacts: list[Artifact], documents: dict[str, Document], audited: set[str]
) -> Counter[str]:
    """A rejected input is kept once, in quarantine, and its rejection is audited."""
    found: Counter[str] = Counter()
    rejected = {i for i, d in documents.items() if d.status == DocumentStatus.REJECTED}
    live = [a for a in artifacts if a.destroyed_at is None]
    quarantined = {a.document_id for a in live if a.zone == Zone.QUARANTINE}
    for document_id in rejected:
        # A file far over the size limit is refused unread, so it has no copy.
        oversize = documents[document_id].content_sha256.startswith("oversize:")
        if document_id not in quarantined and not oversize:
            found["rejected_not_quarantined"] += 1
        if document_id not in audited:
            found["rejected_unaudited"] += 1
    found["rejected_keeps_copy"] = sum(
        1 for a in live if a.document_id in rejected and a.zone != Zone.QUARANTINE
    )
    return found


def _temporary_files(runtime: Runtime) -> int:
    """Files in medocr's private temporary folder and torn vault writes."""
    count = 0
    tmp = runtime.settings.tmp_path
    if tmp.is_dir():
        count += sum(1 for p in tmp.rglob("*") if p.is_file())
    vault = runtime.settings.vault_path
    if vault.is_dir():
        count += sum(1 for p in vault.rglob(".*.part") if p.is_file())
    return count
