"""Retention and compliance commands: sweep, legal holds, the report, the data map."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Annotated

import typer

from medocr.cli.main import app, hold_app
from medocr.cli.output import JsonOption, emit_mapping, emit_table
from medocr.errors import MedocrError
from medocr.runtime import get_runtime


def _fail(command: str, exc: MedocrError) -> None:
    typer.echo(f"medocr {command} failed: {exc}", err=True)
    raise typer.Exit(1)


@app.command()
def sweep(
    dry_run: bool = typer.Option(False, "--dry-run", help="List, destroy nothing."),
    now: str | None = typer.Option(None, "--now", help="Sweep as of this ISO time."),
    as_json: bool = JsonOption,
) -> None:
    """Destroy every copy past its deadline and not on hold, and prove it is gone."""
    from tasks.retention import as_of, plan_sweep, sweep_retention

    try:
        moment = as_of(now)
    except ValueError:
        raise typer.BadParameter("use ISO 8601, e.g. 2027-01-31T00:00:00Z") from None
    runtime = get_runtime()
    if dry_run:
        plan = plan_sweep(runtime, moment)
        actions = [item.action for item in plan.items]
        summary = {action: actions.count(action) for action in sorted(set(actions))}
        emit_table(
            "retention sweep (dry run)", plan.rows(), as_json=as_json, summary=summary
        )
        return
    report = sweep_retention(runtime, moment)
    emit_table(
        "retention sweep", report.rows(), as_json=as_json, summary=report.summary()
    )
    try:
        report.raise_for_residue()
    except MedocrError as exc:
        _fail("sweep", exc)


@hold_app.command("set")
def hold_set(
    document: str = typer.Argument(..., help="Document id (doc_...)."),
    actor: str = typer.Option(..., "--actor", help="Operator id placing the hold."),
    reason: str = typer.Option(..., "--reason", help="Case or ticket reference."),
    as_json: bool = JsonOption,
) -> None:
    """Keep every copy of a document until the hold is released."""
    from medocr.retention import place_hold

    runtime = get_runtime()
    try:
        hold = place_hold(
            runtime.engine, runtime.audit, document, actor=actor, reason=reason
        )
    except MedocrError as exc:
        _fail("hold set", exc)
    emit_mapping("legal hold", hold.model_dump(), as_json=as_json)


@hold_app.command("release")
def hold_release(
    document: str = typer.Argument(..., help="Document id (doc_...)."),
    actor: str = typer.Option(..., "--actor", help="Operator id releasing the hold."),
    as_json: bool = JsonOption,
) -> None:
    """Release a document's legal hold; its copies follow the policy again."""
    from medocr.retention import release_hold

    runtime = get_runtime()
    try:
        hold = release_hold(runtime.engine, runtime.audit, document, actor=actor)
    except MedocrError as exc:
        _fail("hold release", exc)
    if hold is None:
        typer.echo(f"document {document} has no active legal hold", err=True)
        raise typer.Exit(1)
    emit_mapping("legal hold released", hold.model_dump(), as_json=as_json)


@app.command()
def report(
    start: Annotated[
        datetime, typer.Option("--from", formats=["%Y-%m-%d"], help="First day.")
    ],
    end: Annotated[
        datetime,
        typer.Option("--to", formats=["%Y-%m-%d"], help="Last day (included)."),
    ],
    out: Annotated[
        Path | None, typer.Option("--out", help="HTML file to write.")
    ] = None,
    as_json: bool = JsonOption,
) -> None:
    """What medocr did from --from to --to: counts, ids and codes, no content."""
    from medocr.prefect_runs import read_flow_runs
    from medocr.report import build_report, render_html

    first = datetime.combine(start.date(), time(), UTC)
    after = datetime.combine(end.date() + timedelta(days=1), time(), UTC)
    compliance = build_report(get_runtime(), first, after, read_flow_runs(first, after))
    if out is None and not as_json:
        out = Path(f"medocr-report-{start.date()}-{end.date()}.html")
    if out is not None:
        out.write_text(render_html(compliance), encoding="utf-8")
    if as_json:
        typer.echo(json.dumps(compliance.to_dict(), indent=2, default=str))
        return
    rows = [
        {"section": s.title, "what": label, "count": count}
        for s in compliance.sections
        for label, count in (s.counts.items() or [(s.note or "-", 0)])
    ]
    emit_table(f"medocr report, written to {out}", rows, as_json=False)


@app.command()
def datamap(as_json: bool = JsonOption) -> None:
    """The record of processing (GDPR Art. 30) from the live configuration."""
    from medocr.datamap import build_datamap

    record = build_datamap(get_runtime())
    if as_json:
        emit_mapping("data map", record, as_json=True)
        return
    for key, value in record.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            for item in value:
                emit_mapping(f"{key}: {next(iter(item.values()))}", item, as_json=False)
        else:
            shown = value if isinstance(value, dict) else {key: value}
            emit_mapping(key, shown, as_json=False)
