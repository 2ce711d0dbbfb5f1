"""``medocr review``: list, show, approve and reject records waiting for a reviewer."""

from __future__ import annotations

from dataclasses import asdict
from typing import NoReturn

import typer

from medocr.cli.main import review_app
from medocr.cli.output import JsonOption, emit_mapping, emit_table
from medocr.errors import MedocrError
from medocr.runtime import get_runtime

_REVIEWER = typer.Option(..., "--reviewer", help="Reviewer id (recorded in the audit).")


def _fail(command: str, exc: MedocrError) -> NoReturn:
    typer.echo(f"medocr review {command} failed: {exc}", err=True)
    raise typer.Exit(1)


@review_app.command("list")
def review_list(
    status: str = typer.Option(
        "open", "--status", help="open, approved, rejected or all."
    ),
    as_json: bool = JsonOption,
) -> None:
    """Review items with their ids, broken rules and status; no record content."""
    from medocr.review import STATUSES, list_reviews

    if status not in (*STATUSES, "all"):
        typer.echo(f"--status must be one of {', '.join(STATUSES)} or all", err=True)
        raise typer.Exit(2)
    rows = list_reviews(get_runtime(), None if status == "all" else status)
    emit_table(
        "review queue",
        [asdict(row) | {"rules": ", ".join(row.rules)} for row in rows],
        as_json=as_json,
        summary={"items": len(rows)},
    )


@review_app.command("show")
def review_show(
    review_id: str = typer.Argument(..., help="Review id (rev_...)."),
    reviewer: str = _REVIEWER,
    as_json: bool = JsonOption,
) -> None:
    """Decrypt and print the record under review; the access is audited."""
    from medocr.review import show_review

    try:
        record = show_review(get_runtime(), review_id, reviewer=reviewer)
    except MedocrError as exc:
        _fail("show", exc)
    emit_mapping(f"record under review {review_id}", record, as_json=as_json)


@review_app.command("approve")
def review_approve(
    review_id: str = typer.Argument(..., help="Review id (rev_...)."),
    reviewer: str = _REVIEWER,
    as_json: bool = JsonOption,
) -> None:
    """Let the document go on to signing and hand-off."""
    from medocr.review import approve_review

    try:
        row = approve_review(get_runtime(), review_id, reviewer=reviewer)
    except MedocrError as exc:
        _fail("approve", exc)
    emit_mapping("review approved", asdict(row), as_json=as_json)


@review_app.command("reject")
def review_reject(
    review_id: str = typer.Argument(..., help="Review id (rev_...)."),
    reviewer: str = _REVIEWER,
    reason: str = typer.Option(..., "--reason", help="Reason code, e.g. unreadable."),
    as_json: bool = JsonOption,
) -> None:
    """Stop the document for good, with a reason code."""
    from medocr.review import reject_review

    try:
        row = reject_review(get_runtime(), review_id, reviewer=reviewer, reason=reason)
    except MedocrError as exc:
        _fail("reject", exc)
    emit_mapping("review rejected", asdict(row), as_json=as_json)
