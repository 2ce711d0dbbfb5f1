"""The gate: validation and the data contract, and the review queue behind them.

A record reaches signing and hand-off only when both checks passed or a reviewer
approved it; a failed check opens one review item and leaves an audit event per
broken rule, naming the rule and the field, never the value.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, select

from medocr.errors import STG_BLOCKED, StageError
from medocr.records import Check, DocumentStatus, ReviewItem, new_id, utcnow
from medocr.runtime import Runtime
from tasks.pipeline import StepResult, load_document, record_json, set_status


def gate_step(document_id: str, runtime: Runtime) -> StepResult:
    """Validate and contract-check the record; a failure opens a review item."""
    from tasks.contract import check_contract
    from tasks.validate import validate_record

    document = load_document(document_id, runtime)
    if document.status != DocumentStatus.EXTRACTED:
        return StepResult(document_id, document.status)
    record = record_json(document_id, runtime)
    validation = validate_record(record, settings=runtime.settings)
    contract = check_contract(record)
    passed = validation.passed and contract.passed
    status = DocumentStatus.VALIDATED if passed else DocumentStatus.IN_REVIEW
    with Session(runtime.engine) as session:
        for check_type, report in (("validation", validation), ("contract", contract)):
            save_check(
                session, runtime, document_id, check_type, report.passed, report.rules
            )
        for rule in contract.rules:
            runtime.audit.append(
                "contract.blocked",
                document_id=document_id,
                outcome=rule,
                session=session,
            )
        if not passed:
            open_review(
                session, runtime, document_id, [*validation.rules, *contract.rules]
            )
        set_status(session, document_id, status)
        session.commit()
    return StepResult(document_id, status)


def save_check(
    session: Session,
    runtime: Runtime,
    document_id: str,
    check_type: str,
    passed: bool,
    rules: Sequence[str],
) -> None:
    """Record a check's outcome (rule ids and fields only) and its audit event."""
    runtime.audit.append(
        f"check.{check_type}",
        document_id=document_id,
        outcome="passed" if passed else "failed",
        detail={"rules": len(rules)},
        session=session,
    )
    existing = session.exec(
        select(Check).where(
            Check.document_id == document_id, Check.check_type == check_type
        )
    ).first()
    check = existing or Check(document_id=document_id, check_type=check_type)
    check.passed, check.rules, check.created_at = passed, list(rules), utcnow()
    session.add(check)


def open_review(
    session: Session, runtime: Runtime, document_id: str, rules: Sequence[str]
) -> None:
    """Open the document's review item unless one exists already."""
    if session.exec(
        select(ReviewItem).where(ReviewItem.document_id == document_id)
    ).first():
        return
    runtime.audit.append("review.opened", document_id=document_id, session=session)
    session.add(
        ReviewItem(id=new_id("rev"), document_id=document_id, rules=list(rules))
    )


def gate_passed(document_id: str, runtime: Runtime) -> bool:
    """True when the contract check passed and validation passed or was overruled.

    A reviewer may approve a record that failed validation; nobody can approve one
    that broke its data contract.
    """
    with Session(runtime.engine) as session:
        checks = session.exec(
            select(Check).where(Check.document_id == document_id)
        ).all()
        review = session.exec(
            select(ReviewItem).where(ReviewItem.document_id == document_id)
        ).first()
    passed = {c.check_type: c.passed for c in checks}
    if passed.get("contract") is not True:
        return False
    approved = review is not None and review.status == "approved"
    return approved or passed.get("validation") is True


def require_gate(document_id: str, runtime: Runtime) -> None:
    if not gate_passed(document_id, runtime):
        raise StageError(
            f"document {document_id} has not passed its contract gate",
            code=STG_BLOCKED,
        )
