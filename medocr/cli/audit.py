"""``medocr audit``: verify the chain and its latest anchor, show the newest events."""

from __future__ import annotations

from typing import Any

import typer
from sqlmodel import Session, col, select

from medocr.anchor import (
    AuditVerification,
    anchor_head,
    timestamper_for,
    trust_for,
    verify_audit,
)
from medocr.cli.main import audit_app
from medocr.cli.output import JsonOption, emit_mapping, emit_table
from medocr.errors import MedocrError
from medocr.records import AuditEvent
from medocr.runtime import get_runtime


@audit_app.command("verify")
def verify(as_json: bool = JsonOption) -> None:
    """Recompute every link and check the latest anchor; exit 1 at the first break."""
    runtime = get_runtime()
    try:
        result = verify_audit(runtime.engine, lambda: trust_for(runtime.settings))
    except MedocrError as exc:
        typer.echo(f"audit verification could not run: {exc}", err=True)
        raise typer.Exit(2) from None
    emit_mapping("audit chain", verification_summary(result), as_json=as_json)
    if not result.intact:
        raise typer.Exit(1)


@audit_app.command("tail")
def tail(
    count: int = typer.Option(20, "-n", "--count", min=1, help="How many events."),
    as_json: bool = JsonOption,
) -> None:
    """The newest events: ids, actions, outcome codes and counts, never content."""
    query = select(AuditEvent).order_by(col(AuditEvent.seq).desc()).limit(count)
    with Session(get_runtime().engine) as session:
        events = list(reversed(session.exec(query).all()))
    rows = [
        {
            "seq": e.seq,
            "at": e.at.isoformat(timespec="seconds"),
            "actor": e.actor,
            "action": e.action,
            "document": e.document_id,
            "outcome": e.outcome,
            "detail": e.detail,
            "hash": e.hash[:16],
        }
        for e in events
    ]
    emit_table("audit events", rows, as_json=as_json)


@audit_app.command("anchor")
def anchor(as_json: bool = JsonOption) -> None:
    """Timestamp the chain head now (the anchor_audit flow does this on a schedule)."""
    runtime = get_runtime()
    try:
        made = anchor_head(runtime.engine, timestamper_for(runtime.settings))
    except MedocrError as exc:
        typer.echo(f"anchoring failed: {exc}", err=True)
        raise typer.Exit(1) from None
    data = (
        {"anchor_id": None, "seq": 0}
        if made is None
        else {"anchor_id": made.id, "seq": made.seq}
    )
    emit_mapping("audit anchor", data, as_json=as_json)


def verification_summary(result: AuditVerification) -> dict[str, Any]:
    """The figures ``audit verify`` prints: links, first break, latest anchor."""
    chain, anchored = result.chain, result.anchor
    return {
        "intact": result.intact,
        "events": chain.events,
        "head_hash": chain.head_hash,
        "first_broken": chain.first_broken,
        "reason": chain.reason,
        "anchor_id": anchored.anchor_id if anchored else None,
        "anchored_seq": anchored.seq if anchored else None,
        "anchored_at": anchored.timestamp if anchored else None,
        "anchor_problem": anchored.problem if anchored else None,
    }
