"""``medocr samples``: generate synthetic letters, or render plain texts as scans."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import typer

from medocr.cli.main import samples_app
from medocr.cli.output import JsonOption, emit_table
from medocr.samples import (
    ALL_COMBINATIONS,
    DEGRADATIONS,
    MANIFEST_NAME,
    OUTPUT_FORMATS,
    OutputFormat,
    generate_samples,
    render_corpus,
)

_OutDir = typer.Argument(..., help="Folder for the documents and manifest.json.")
_Count = typer.Option(
    12, "--count", help="Documents to write; 7 or more cover every language."
)
_Seed = typer.Option(0, "--seed", help="The same seed gives the same documents.")
_Formats = typer.Option(
    ",".join(OUTPUT_FORMATS), "--formats", help="Any of pdf,tiff,png,jpeg."
)
_AllCombinations = typer.Option(
    False,
    "--all-combinations",
    help=f"Every type in every language ({ALL_COMBINATIONS} files).",
)
_SrcDir = typer.Argument(..., help="Folder searched (recursively) for .txt files.")
_Degrade = typer.Option("scan", "--degrade", help="scan, fax or clean.")
_Language = typer.Option(
    None, "--language", help="Language of the page footer (de, fr, ...)."
)
_Manifest = typer.Option(
    None, "--manifest", help="Where to write the manifest instead."
)


@samples_app.command("generate")
def generate(
    out_dir: Path = _OutDir,
    count: int = _Count,
    seed: int = _Seed,
    formats: str = _Formats,
    all_combinations: bool = _AllCombinations,
    manifest_path: Path | None = _Manifest,
    as_json: bool = JsonOption,
) -> None:
    """Write synthetic medical documents, with their ground truth in manifest.json."""
    chosen = _formats(formats)
    total = ALL_COMBINATIONS if all_combinations else count
    if total < 1:
        raise typer.BadParameter("must be at least 1", param_hint="--count")
    manifest = generate_samples(
        out_dir,
        count=total,
        seed=seed,
        formats=chosen,
        manifest_path=manifest_path,
    )
    rows = [
        {
            "file": entry["file"],
            "type": entry["doc_type"],
            "language": entry["language"],
            "pages": entry["page_count"],
            "degradation": entry["degradation"],
        }
        for entry in manifest["files"]
    ]
    summary = {
        "documents": total,
        "files": len(rows),
        "manifest": str(manifest_path or out_dir / MANIFEST_NAME),
    }
    emit_table("Generated samples", rows, as_json=as_json, summary=summary)


@samples_app.command("render-corpus")
def render_corpus_command(
    src_dir: Path = _SrcDir,
    out_dir: Path = _OutDir,
    seed: int = _Seed,
    degrade: str = _Degrade,
    language: str | None = _Language,
    manifest: Path | None = _Manifest,
    as_json: bool = JsonOption,
) -> None:
    """Render every .txt under SRC_DIR as a scanned PDF with an opaque name."""
    if degrade not in DEGRADATIONS:
        raise typer.BadParameter(
            f"choose one of {', '.join(DEGRADATIONS)}", param_hint="--degrade"
        )
    try:
        result = render_corpus(
            src_dir,
            out_dir,
            seed=seed,
            degrade=degrade,
            language=language,  # type: ignore[arg-type]
            manifest_path=manifest,
        )
    except FileNotFoundError as error:
        raise typer.BadParameter(str(error), param_hint="SRC_DIR") from error
    rows = [
        {
            "file": entry["file"],
            "pages": entry["page_count"],
            "characters": entry["characters"],
        }
        for entry in result["files"]
    ]
    target = manifest or out_dir / MANIFEST_NAME
    emit_table(
        "Rendered texts",
        rows,
        as_json=as_json,
        summary={"files": len(rows), "manifest": str(target)},
    )


def _formats(text: str) -> list[OutputFormat]:
    aliases = {"jpg": "jpeg", "tif": "tiff"}
    chosen = [
        aliases.get(p.strip().lower(), p.strip().lower()) for p in text.split(",")
    ]
    chosen = [part for part in chosen if part]
    if not chosen or any(part not in OUTPUT_FORMATS for part in chosen):
        raise typer.BadParameter(
            f"choose from {', '.join(OUTPUT_FORMATS)}", param_hint="--formats"
        )
    return [cast(OutputFormat, part) for part in dict.fromkeys(chosen)]
