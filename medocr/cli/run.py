"""``medocr run INBOX``: the main job, the ``process_documents`` flow, in this process."""

from __future__ import annotations

from pathlib import Path

import typer

from medocr.cli.main import app
from medocr.cli.output import JsonOption, emit_table
from medocr.errors import MedocrError


@app.command()
def run(
    inbox: Path = typer.Argument(
        ..., exists=True, file_okay=False, help="Folder of PDF, TIFF, PNG, JPEG."
    ),
    as_json: bool = JsonOption,
) -> None:
    """Process every document in INBOX: ingest, OCR, pseudonymize, check, sign, hand off."""
    from flows.process_documents import process_documents
    from medocr.runtime import get_runtime

    try:
        # Residency, keys and the records database are checked before any flow starts.
        get_runtime()
        rows = process_documents(str(inbox.resolve()))
    except MedocrError as exc:
        typer.echo(f"medocr run failed: {exc}", err=True)
        raise typer.Exit(1) from None
    statuses = [str(row["status"]) for row in rows]
    summary = {status: statuses.count(status) for status in sorted(set(statuses))}
    emit_table("medocr run", rows, as_json=as_json, summary=summary)
