"""Hostile-input evaluation: every file of a folder through the pipeline's stages.

Each file is ingested and taken through OCR, pseudonymization, extraction, the gate,
signing and hand-off, as the flow does. Its outcome is ``processed`` (it reached a
final status), ``rejected`` (quarantined with an ``IN_*`` code) or ``crashed`` (an
exception escaped, or it stopped short of a final status), with its time against
its budget. Afterwards the records, vault and temporary folders are checked for
anything half-written. Files are named by a hash of their content, never by name.
"""

from __future__ import annotations

import hashlib
import logging
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from sqlmodel import Session

from medocr.leftovers import Leftovers, find_leftovers
from medocr.records import Document, DocumentStatus
from medocr.runtime import Runtime
from medocr.sandbox import STARTUP_SECONDS, peak_child_rss_mb

log = logging.getLogger(__name__)

Outcome = Literal["processed", "rejected", "crashed"]
FINAL = frozenset(
    {
        DocumentStatus.HANDED_OFF,
        DocumentStatus.REJECTED,
        DocumentStatus.IN_REVIEW,
        DocumentStatus.BLOCKED,
    }
)
# Seconds allowed beyond the per-page limits for ingest, the gate, signing, hand-off.
OTHER_STAGES_SECONDS = 60.0


@dataclass(frozen=True)
class FileOutcome:
    """One file's fate: content hash, document id, outcome, status, code, timing."""

    file: str
    document: str | None
    outcome: Outcome
    status: str | None
    code: str | None
    pages: int | None
    seconds: float
    budget_seconds: float

    @property
    def within_budget(self) -> bool:
        return self.seconds <= self.budget_seconds


@dataclass(frozen=True)
class HostileReport:
    """Every file's outcome and what the batch left behind."""

    files: tuple[FileOutcome, ...]
    leftovers: Leftovers
    audit_intact: bool
    peak_rss_mb: float

    def summary(self) -> dict[str, object]:
        """Counts, times and the integrity checks, for the CLI and the tests."""
        seconds = [f.seconds for f in self.files]
        return {
            "tried": len(self.files),
            "rejected_cleanly": self.count("rejected"),
            "processed": self.count("processed"),
            "crashed": self.count("crashed"),
            "over_budget": sum(1 for f in self.files if not f.within_budget),
            "max_seconds": round(max(seconds, default=0.0), 2),
            "total_seconds": round(sum(seconds), 2),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "leftovers": sum(self.leftovers.counts.values()),
            "audit_intact": self.audit_intact,
        }

    def count(self, outcome: Outcome) -> int:
        return sum(1 for f in self.files if f.outcome == outcome)

    @property
    def clean(self) -> bool:
        """No crash, every file within budget, nothing left behind, audit intact."""
        summary = self.summary()
        return (
            summary["crashed"] == 0
            and summary["over_budget"] == 0
            and self.leftovers.clean
            and self.audit_intact
        )


def evaluate_folder(folder: Path, runtime: Runtime) -> HostileReport:
    """Run every regular file in ``folder`` (sorted) through the stages, then check."""
    files = tuple(
        run_file(path, runtime) for path in sorted(folder.iterdir()) if path.is_file()
    )
    return HostileReport(
        files=files,
        leftovers=find_leftovers(runtime),
        audit_intact=runtime.audit.verify().intact,
        peak_rss_mb=max(_own_peak_rss_mb(), peak_child_rss_mb()),
    )


def run_file(path: Path, runtime: Runtime) -> FileOutcome:
    """Ingest one file and run its stages until a final status; never raises."""
    label = _content_label(path)
    started = time.monotonic()
    document_id: str | None = None
    try:
        document_id = _ingest(path, runtime)
        for step in pipeline_steps():
            if step(document_id, runtime).status in FINAL:
                break
    except Exception as error:
        log.error("file %s crashed with %s", label, type(error).__name__)
    seconds = time.monotonic() - started
    return _outcome(label, document_id, seconds, runtime)


class StepOutcome(Protocol):
    """What a pipeline step returns: at least the document's new status."""

    @property
    def status(self) -> str: ...


def pipeline_steps() -> tuple[Callable[[str, Runtime], StepOutcome], ...]:
    """The flow's stages after ingest, in order, as plain functions."""
    from tasks.gate import gate_step
    from tasks.handoff import handoff_step
    from tasks.pipeline import extract_step, ocr_step, pseudonymize_step
    from tasks.rendition import sign_step

    return (
        ocr_step,
        pseudonymize_step,
        extract_step,
        gate_step,
        sign_step,
        handoff_step,
    )


def _ingest(path: Path, runtime: Runtime) -> str:
    from tasks.ingest import ingest_file

    return ingest_file(path, runtime).document_id


def _outcome(
    label: str, document_id: str | None, seconds: float, runtime: Runtime
) -> FileOutcome:
    document = _document(document_id, runtime)
    status = document.status if document else None
    outcome: Outcome = "crashed"
    if status == DocumentStatus.REJECTED and document and document.error_code:
        outcome = "rejected"
    elif status in FINAL:
        outcome = "processed"
    pages = document.page_count if document else None
    return FileOutcome(
        file=label,
        document=document_id,
        outcome=outcome,
        status=status,
        code=document.error_code if document else None,
        pages=pages,
        seconds=round(seconds, 3),
        budget_seconds=budget_seconds(pages or 1, runtime),
    )


def budget_seconds(pages: int, runtime: Runtime) -> float:
    """What one file may take: start-up, render and OCR limits per page, the rest."""
    limits = runtime.settings.limits
    per_page = limits.render_seconds_per_page + limits.ocr_seconds_per_page
    return STARTUP_SECONDS + pages * per_page + OTHER_STAGES_SECONDS


def _document(document_id: str | None, runtime: Runtime) -> Document | None:
    if document_id is None:
        return None
    with Session(runtime.engine) as session:
        return session.get(Document, document_id)


def _content_label(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:12]


def _own_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
