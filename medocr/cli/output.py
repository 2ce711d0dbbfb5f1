"""The one place the CLI prints: a rich table for people, JSON with ``--json``."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

console = Console()

JsonOption = typer.Option(False, "--json", help="Print machine-readable JSON.")


def emit_table(
    title: str,
    rows: Sequence[Mapping[str, Any]],
    *,
    as_json: bool,
    summary: Mapping[str, Any] | None = None,
) -> None:
    """Print rows (and an optional summary) as a table or as one JSON document."""
    if as_json:
        payload: dict[str, Any] = {"title": title, "rows": list(rows)}
        if summary is not None:
            payload["summary"] = dict(summary)
        typer.echo(json.dumps(payload, default=str, ensure_ascii=False, indent=2))
        return
    table = Table(title=title)
    columns = list(rows[0].keys()) if rows else []
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(_cell(row.get(column)) for column in columns))
    console.print(table)
    if summary:
        console.print(
            "  ".join(f"{key}: {_cell(value)}" for key, value in summary.items())
        )


def emit_mapping(title: str, data: Mapping[str, Any], *, as_json: bool) -> None:
    """Print one mapping as key/value lines or JSON."""
    if as_json:
        typer.echo(json.dumps(data, default=str, ensure_ascii=False, indent=2))
        return
    console.print(f"[bold]{title}[/bold]")
    for key, value in data.items():
        console.print(f"  {key}: {_cell(value)}")


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)
