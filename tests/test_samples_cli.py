"""``medocr samples generate`` and ``render-corpus`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
from typer.testing import CliRunner

from medocr.cli.main import app
from medocr.samples.corpus import opaque_name, read_source

runner = CliRunner()


def test_generate_prints_files_without_personal_data(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "samples",
            "generate",
            str(tmp_path),
            "--count",
            "2",
            "--seed",
            "3",
            "--formats",
            "jpg,tif",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert [row["file"] for row in payload["rows"]] == [
        f["file"] for f in manifest["files"]
    ]
    for entry in manifest["files"]:
        for item in entry["personal_data"]:
            assert item["value"] not in result.output
        assert entry["format"] in ("jpeg", "tiff")


def test_generate_rejects_an_unknown_format(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["samples", "generate", str(tmp_path), "--formats", "docx"]
    )
    assert result.exit_code != 0
    assert not (tmp_path / "manifest.json").exists()


def test_render_corpus_writes_opaque_pdfs_whose_spans_cover_each_text(
    tmp_path: Path,
) -> None:
    src = tmp_path / "src" / "letters"
    src.mkdir(parents=True)
    (src / "Mustermann.txt").write_bytes(b"Herr Max Mustermann\r\nBefund: gut.\r\n")
    (src / "Kowalska.txt").write_text(
        "Pani Anna Kowalska, ur. 02.02.1950\n" * 120, "utf-8"
    )
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "samples",
            "render-corpus",
            str(tmp_path / "src"),
            str(out),
            "--degrade",
            "clean",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        assert entry["file"] == opaque_name(entry["source"])
        assert "Mustermann" not in entry["file"] and "Kowalska" not in entry["file"]
        text = read_source(src.parent / entry["source"])
        spans = entry["page_spans"]
        assert spans[0][0] == 0 and spans[-1][1] == len(text) == entry["characters"]
        with pymupdf.open(out / entry["file"]) as document:
            assert document.page_count == entry["page_count"] == len(spans)
    assert max(e["page_count"] for e in manifest["files"]) > 1
    assert "Mustermann" not in result.output


def test_render_corpus_spans_hold_every_annotation_of_the_real_corpus(
    corpus_dir: Path, tmp_path: Path
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("Albers", "Baastrup"):
        for suffix in (".txt", ".ann"):
            source = corpus_dir / "clinical-text" / "grascco" / f"{name}{suffix}"
            (src / source.name).write_bytes(source.read_bytes())
    result = runner.invoke(
        app,
        [
            "samples",
            "render-corpus",
            str(src),
            str(tmp_path / "out"),
            "--degrade",
            "fax",
            "--language",
            "de",
        ],
    )
    assert result.exit_code == 0, result.output
    manifest = json.loads(
        (tmp_path / "out" / "manifest.json").read_text(encoding="utf-8")
    )
    checked = 0
    for entry in manifest["files"]:
        text = read_source(src / entry["source"])
        ann = (src / entry["source"]).with_suffix(".ann").read_text(encoding="utf-8")
        for line in ann.splitlines():
            if not (line.startswith("T") and line.count("\t") >= 2):
                continue
            _, kind_span, shown = line.split("\t")[:3]
            begin, end = (int(x) for x in kind_span.split()[1:3])
            checked += 1
            assert text[begin:end].startswith(shown)
            pages = [
                k for k, (a, b) in enumerate(entry["page_spans"]) if a <= begin < b
            ]
            assert len(pages) == 1
    assert checked > 20


def test_render_corpus_refuses_a_folder_without_texts(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["samples", "render-corpus", str(tmp_path), str(tmp_path / "out")]
    )
    assert result.exit_code != 0
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_generate_can_keep_the_manifest_out_of_the_inbox(tmp_path: Path) -> None:
    inbox, truth = tmp_path / "inbox", tmp_path / "truth.json"
    result = runner.invoke(
        app,
        [
            "samples",
            "generate",
            str(inbox),
            "--count",
            "1",
            "--formats",
            "png",
            "--manifest",
            str(truth),
        ],
    )
    assert result.exit_code == 0, result.output
    manifest = json.loads(truth.read_text(encoding="utf-8"))
    assert sorted(p.name for p in inbox.iterdir()) == [manifest["files"][0]["file"]]
