"""``medocr samples``: generate synthetic letters, or render plain texts as scans."""

from __future__ import annotations

from pathlib import Path

import typer

from medocr.cli.main import samples_app
from medocr.cli.output import JsonOption, emit_table
from medocr.samples import (
    ALL_COMBINATIONS,
    DEGRADATIONS,
    OUTPUT_FORMATS,
    generate_samples,
    render_corpus,
)


@samples_app.command("generate")
def generate(
    out_dir: Path = typer.Argument(..., help="Folder for the documents and manifest.json."),
    count: int = typer.Option(12, "--count", help="Number of documents (7+ covers all languages)."),
    seed: int = typer.Option(0, "--seed", help="Same seed, same documents."),
    formats: str = typer.Option(",".join(OUTPUT_FORMATS), "--formats",
                                help="Comma-separated: pdf,tiff,png,jpeg."),
    all_combinations: bool = typer.Option(
        False, "--all-combinations", help=f"Every type in every language ({ALL_COMBINATIONS})."
    ),
    as_json: bool = JsonOption,
) -> None:
    """Write synthetic medical documents with ground truth in manifest.json."""
    chosen = _formats(formats)
    total = ALL_COMBINATIONS if all_combinations else count
    manifest = generate_samples(out_dir, count=total, seed=seed, formats=chosen)
    rows = [
        {"file": f["file"], "type": f["doc_type"], "language": f["language"],
         "pages": f["page_count"], "degradation": f["degradation"]}
        for f in manifest["files"]
    ]
    summary = {"documents": total, "files": len(rows), "manifest": str(out_dir / "manifest.json")}
    emit_table("Generated samples", rows, as_json=as_json, summary=summary)


@samples_app.command("render-corpus")
def render_corpus_command(
    src_dir: Path = typer.Argument(..., help="Folder searched for .txt files."),
    out_dir: Path = typer.Argument(..., help="Folder for the PDFs and manifest.json."),
    seed: int = typer.Option(0, "--seed"),
    degrade: str = typer.Option("scan", "--degrade", help="scan, fax or clean."),
    language: str | None = typer.Option(None, "--language", help="Language of page labels."),
    as_json: bool = JsonOption,
) -> None:
    """Render every .txt under SRC_DIR as a scanned PDF with opaque names."""
    if degrade not in DEGRADATIONS:
        raise typer.BadParameter(f"choose one of {', '.join(DEGRADATIONS)}", param_hint="--degrade")
    manifest = render_corpus(src_dir, out_dir, seed=seed, degrade=degrade, language=language)  # type: ignore[arg-type]
    rows = [{"file": f["file"], "pages": f["page_count"], "characters": f["characters"]}
            for f in manifest["files"]]
    emit_table("Rendered texts", rows, as_json=as_json,
               summary={"files": len(rows), "manifest": str(out_dir / "manifest.json")})


def _formats(text: str) -> list[str]:
    chosen = [part.strip().lower() for part in text.split(",") if part.strip()]
    chosen = ["jpeg" if part == "jpg" else "tiff" if part == "tif" else part for part in chosen]
    unknown = [part for part in chosen if part not in OUTPUT_FORMATS]
    if unknown or not chosen:
        raise typer.BadParameter(f"choose from {', '.join(OUTPUT_FORMATS)}", param_hint="--formats")
    return chosen
