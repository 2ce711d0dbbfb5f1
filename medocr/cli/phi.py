"""``medocr eval phi``: how much annotated personal data the detectors find."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from medocr.cli.main import eval_app
from medocr.cli.output import JsonOption, emit_table
from medocr.errors import IN_EMPTY, InputRejected
from medocr.phi.brat import read_brat_folder
from medocr.phi.detect import LANGUAGES, detect_phi
from medocr.phi.evaluation import CategoryScore, PhiEvaluation, evaluate


class EvalPath(StrEnum):
    """Where the detector's input comes from."""

    TEXT = "text"
    SCAN = "scan"


FolderArgument = typer.Argument(..., exists=True, file_okay=False, readable=True)
PathOption = typer.Option(
    EvalPath.TEXT,
    "--path",
    help="text: detect on the reference text; scan: render, OCR, detect, align.",
)
LanguageOption = typer.Option(None, "--language", help="ISO 639-1 code of the texts.")
LimitOption = typer.Option(
    None, "--limit", min=1, help="Evaluate the first N texts only."
)


@eval_app.command("phi")
def eval_phi(
    folder: Path = FolderArgument,
    path: EvalPath = PathOption,
    language: str | None = LanguageOption,
    limit: int | None = LimitOption,
    as_json: bool = JsonOption,
) -> None:
    """Recall and precision per kind on brat-annotated texts (.txt + .ann)."""
    if language is not None and language not in LANGUAGES:
        raise typer.BadParameter(
            f"one of {', '.join(LANGUAGES)}", param_hint="--language"
        )
    documents = read_brat_folder(folder)[:limit]
    if not documents:
        raise InputRejected("no .txt files with .ann annotations found", code=IN_EMPTY)
    if path is EvalPath.SCAN:
        from medocr.phi.scan_eval import detect_through_scans

        detections = detect_through_scans(documents, language)
    else:
        detections = [detect_phi(document.text, language) for document in documents]
    evaluation = evaluate(documents, detections)
    emit_table(
        f"PHI detection, {path.value} path",
        [_row(score) for score in evaluation.categories + (evaluation.overall,)],
        as_json=as_json,
        summary=_summary(evaluation, path),
    )


def _row(score: CategoryScore) -> dict[str, Any]:
    return {
        "kind": score.category,
        "reference": score.reference_spans,
        "recall": score.recall,
        "detected": score.detected_spans,
        "precision": score.precision,
        "char_recall": score.char_recall,
        "char_precision": score.char_precision,
    }


def _summary(evaluation: PhiEvaluation, path: EvalPath) -> dict[str, Any]:
    return {
        "documents": evaluation.documents,
        "path": path.value,
        "unmapped_labels": ", ".join(evaluation.unmapped_labels) or None,
    }
