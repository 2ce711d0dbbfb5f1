"""``medocr models install`` and ``medocr eval ocr`` from the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pymupdf
import pytest
from PIL import Image
from typer.testing import CliRunner

from medocr.cli.main import app
from medocr.ocr import bench
from medocr.ocr.specimens import SENTENCES, text_page, wrap

runner = CliRunner()


def test_models_install_builds_the_folders_under_medocr_home(medocr_home: Path) -> None:
    result = runner.invoke(app, ["models", "install", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["detection"] == "PP-OCRv6_small_det"
    assert summary["recognition"] == "PP-OCRv6_small_rec"
    assert (medocr_home / "models" / "PP-OCRv6_small_rec" / "inference.yml").is_file()


@pytest.mark.slow
def test_eval_ocr_scores_a_page_against_the_text_beside_it(
    medocr_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEDOCR_OCR__WORKERS", "1")
    assert runner.invoke(app, ["models", "install"]).exit_code == 0
    folder = tmp_path / "pages"
    folder.mkdir()
    lines = wrap(SENTENCES["pl"] + " " + SENTENCES["fr"], 34, 1300)
    Image.fromarray(text_page([lines], size=(1500, 500))).save(folder / "brief.png")
    (folder / "brief.txt").write_text("\n".join(lines), encoding="utf-8")
    (folder / "unreferenced.png").write_bytes((folder / "brief.png").read_bytes())
    result = runner.invoke(
        app, ["eval", "ocr", str(folder), "--no-tesseract", "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [row["document"] for row in report["rows"]] == ["brief.png"]
    assert report["rows"][0]["medocr_cer"] <= 0.01
    assert report["summary"]["pages"] == 1


def _variant_corpus(root: Path) -> Path:
    folder = root / "ocr-ground-truth"
    folder.mkdir(parents=True)
    for name in bench.LINN_VARIANTS:
        pdf = pymupdf.open()
        for page in range(4 if name == "cardinal.pdf" else 1):
            pdf.new_page(width=595, height=842).insert_text((72, 72), f"{name} {page}")
        pdf.save(folder / name)
    return root


def test_the_linn_variants_workload_cycles_the_eight_pages(tmp_path: Path) -> None:
    pdf = pymupdf.open(
        stream=bench.build_bench_pdf(10, _variant_corpus(tmp_path), "linn-variants")
    )
    texts = [page.get_text().strip() for page in pdf]
    assert len(texts) == 10
    assert texts[:8] == [
        "ccitt.pdf 0",
        "jbig2.pdf 0",
        "skew.pdf 0",
        "rotated_skew.pdf 0",
        *(f"cardinal.pdf {page}" for page in range(4)),
    ]
    assert texts[8:] == texts[:2]


def test_bench_ocr_refuses_a_workload_it_cannot_build(tmp_path: Path) -> None:
    missing = runner.invoke(
        app,
        ["bench", "ocr", "--workload", "linn-variants", "--corpus", str(tmp_path)],
    )
    assert missing.exit_code == 2
    assert "needs the shared corpus" in missing.output
    unknown = runner.invoke(app, ["bench", "ocr", "--workload", "tiny"])
    assert unknown.exit_code == 2
    assert "unknown workload" in unknown.output


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_bench_ocr_runs_tesseract_on_one_thread_beside_it(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["bench", "ocr", "--pages", "1", "--corpus", str(tmp_path), "--json"]
        + ["--engine", "tesseract", "--engine", "tesseract-1t"],
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["rows"]
    assert [(r["engine"], r["pages"], r["ok"]) for r in rows] == [
        ("tesseract", 1, True),
        ("tesseract-1t", 1, True),
    ]
