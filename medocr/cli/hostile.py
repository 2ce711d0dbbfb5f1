"""``medocr eval hostile DIR``: malformed and hostile inputs through the pipeline."""

from __future__ import annotations

import resource
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from medocr.cli.main import eval_app
from medocr.cli.output import JsonOption, emit_table
from medocr.hostile import FileOutcome, HostileReport, evaluate_folder
from medocr.ocr.models import install_models
from medocr.ocr.reader import shutdown_workers
from medocr.runtime import build_runtime
from medocr.settings import Settings, SigningSettings, VaultSettings, get_settings


@eval_app.command("hostile")
def eval_hostile(
    directory: Annotated[Path, typer.Argument(exists=True, file_okay=False)],
    home: Annotated[
        Path | None,
        typer.Option(help="MEDOCR home to run in; default a temporary one."),
    ] = None,
    as_json: bool = JsonOption,
) -> None:
    """Each file's outcome (processed / rejected + code / crashed) and time.

    Files are named by the first 12 hex digits of their SHA-256. Exits 1 when a
    file crashed or overran its budget, or the batch left something behind.
    """
    with tempfile.TemporaryDirectory(prefix="medocr-hostile-") as scratch:
        report = _evaluate(directory, home or Path(scratch))
    rows = [_row(f, full=as_json) for f in report.files]
    summary = {
        **report.summary(),
        "leftover_kinds": report.leftovers.counts,
        "ocr_workers_peak_rss_mb": round(_children_peak_rss_mb(), 1),
    }
    emit_table("hostile inputs", rows, as_json=as_json, summary=summary)
    if not report.clean:
        raise typer.Exit(1)


def _row(outcome: FileOutcome, *, full: bool) -> dict[str, object]:
    """One table row; the JSON rows carry the document id and budget too."""
    if full:
        return {**asdict(outcome), "in_budget": outcome.within_budget}
    return {
        "file": outcome.file,
        "outcome": outcome.outcome,
        "status": outcome.status,
        "code": outcome.code,
        "pages": outcome.pages,
        "seconds": outcome.seconds,
        "in_budget": outcome.within_budget,
    }


def _children_peak_rss_mb() -> float:
    """Largest resident memory of a finished child, such as a stopped OCR worker."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _evaluate(directory: Path, home: Path) -> HostileReport:
    """Run the folder in ``home`` with the operator's OCR models and limits."""
    settings = get_settings()
    isolated = Settings(
        home=home,
        limits=settings.limits,
        ocr=settings.ocr.model_copy(update={"models_dir": settings.models_path}),
        vault=VaultSettings(backend="local", region="eu-local"),
        signing=SigningSettings(level=settings.signing.level),
    )
    install_models(isolated.models_path)
    try:
        return evaluate_folder(directory, build_runtime(isolated))
    finally:
        shutdown_workers()
