"""The review queue: records that failed validation wait here for a named reviewer.

Listing shows ids, rules and status only. Showing a record decrypts it and is an
access: it needs a reviewer id and leaves a ``review.shown`` event first. Approving
sends the document on (validation failures only: a record that broke its contract
can be rejected, never approved); rejecting needs a reason code from a fixed list.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from medocr.errors import STG_REVIEW_INVALID, StageError
from medocr.records import Check, Document, DocumentStatus, ReviewItem, Zone, utcnow
from medocr.runtime import Runtime

OPEN, APPROVED, REJECTED = "open", "approved", "rejected"
STATUSES = (OPEN, APPROVED, REJECTED)
REJECT_REASONS = (
    "unreadable",
    "wrong-record-type",
    "wrong-date",
    "wrong-codes",
    "identifier-left",
    "not-a-medical-document",
    "duplicate",
    "other",
)
_REVIEWER = re.compile(r"[A-Za-z0-9._:@-]{2,64}")


@dataclass(frozen=True)
class ReviewRow:
    """One queue entry as anyone may see it: ids, rules, status, no content."""

    id: str
    document_id: str
    status: str
    rules: tuple[str, ...]
    reviewer: str | None
    reason: str | None
    created_at: str

    @classmethod
    def of(cls, item: ReviewItem) -> ReviewRow:
        return cls(
            id=item.id,
            document_id=item.document_id,
            status=item.status,
            rules=tuple(item.rules),
            reviewer=item.reviewer,
            reason=item.reason,
            created_at=item.created_at.isoformat(timespec="seconds"),
        )


def list_reviews(runtime: Runtime, status: str | None = OPEN) -> list[ReviewRow]:
    """Queue entries, oldest first; ``status=None`` lists every entry."""
    query = select(ReviewItem).order_by(ReviewItem.created_at)  # type: ignore[arg-type]
    if status is not None:
        query = query.where(ReviewItem.status == status)
    with Session(runtime.engine) as session:
        return [ReviewRow.of(item) for item in session.exec(query)]


def show_review(runtime: Runtime, review_id: str, *, reviewer: str) -> dict[str, Any]:
    """The decrypted record behind a review item; the access is audited first."""
    _require_reviewer(reviewer)
    item = _item(runtime, review_id)
    runtime.audit.append(
        "review.shown",
        document_id=item.document_id,
        actor=reviewer,
        detail={"review_id": item.id},
    )
    record = runtime.vault.read_slot(item.document_id, Zone.TEXT, "record")
    return dict(json.loads(record))


def approve_review(runtime: Runtime, review_id: str, *, reviewer: str) -> ReviewRow:
    """Let the document go on to signing and hand-off despite failed validation."""
    _require_reviewer(reviewer)
    item = _item(runtime, review_id)
    if _contract_failed(runtime, item.document_id):
        raise StageError(
            f"review {review_id}: the record broke its data contract and cannot be "
            "approved; reject it or reprocess the document",
            code=STG_REVIEW_INVALID,
        )
    return _decide(runtime, item, APPROVED, reviewer, None, DocumentStatus.APPROVED)


def reject_review(
    runtime: Runtime, review_id: str, *, reviewer: str, reason: str
) -> ReviewRow:
    """Stop the document for good, with a reason code from ``REJECT_REASONS``."""
    _require_reviewer(reviewer)
    if reason not in REJECT_REASONS:
        raise StageError(
            f"reason must be one of {', '.join(REJECT_REASONS)}",
            code=STG_REVIEW_INVALID,
        )
    item = _item(runtime, review_id)
    return _decide(runtime, item, REJECTED, reviewer, reason, DocumentStatus.REJECTED)


def review_markdown(rows: Sequence[ReviewRow]) -> str:
    """A Markdown table of review ids, documents, rules and status: no content."""
    lines = ["| review | document | status | rules |", "|---|---|---|---|"]
    lines += [
        f"| {row.id} | {row.document_id} | {row.status} | {', '.join(row.rules) or '-'} |"
        for row in rows
    ]
    return "\n".join(lines)


def _decide(
    runtime: Runtime,
    item: ReviewItem,
    status: str,
    reviewer: str,
    reason: str | None,
    document_status: DocumentStatus,
) -> ReviewRow:
    """Record the decision, the document's new status and the audit event together.

    The item is re-read inside the transaction, so of two racing decisions the
    second finds it decided and leaves nothing behind.
    """
    with Session(runtime.engine) as session:
        runtime.audit.append(
            f"review.{status}",
            document_id=item.document_id,
            actor=reviewer,
            outcome=reason or "ok",
            detail={"review_id": item.id},
            session=session,
        )
        row = session.get(ReviewItem, item.id)
        document = session.get(Document, item.document_id)
        assert row is not None and document is not None
        if row.status != OPEN:
            raise StageError(
                f"review {item.id} was already {row.status}", code=STG_REVIEW_INVALID
            )
        row.status, row.reviewer, row.reason = status, reviewer, reason
        row.decided_at = document.updated_at = utcnow()
        document.status = document_status
        session.add_all([row, document])
        session.commit()
        session.refresh(row)
        return ReviewRow.of(row)


def _item(runtime: Runtime, review_id: str) -> ReviewItem:
    with Session(runtime.engine) as session:
        item = session.get(ReviewItem, review_id)
    if item is None:
        raise StageError(f"unknown review {review_id}", code=STG_REVIEW_INVALID)
    return item


def _contract_failed(runtime: Runtime, document_id: str) -> bool:
    query = select(Check).where(
        Check.document_id == document_id, Check.check_type == "contract"
    )
    with Session(runtime.engine) as session:
        check = session.exec(query).first()
    return check is None or not check.passed


def _require_reviewer(reviewer: str) -> None:
    if not _REVIEWER.fullmatch(reviewer):
        raise StageError(
            "the reviewer must be named by an id (letters, digits and ._:@-, "
            "2 to 64 characters, no spaces)",
            code=STG_REVIEW_INVALID,
        )
