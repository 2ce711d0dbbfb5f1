"""The sample generator: coverage, formats, ground truth, determinism, safe file names."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from PIL import Image
from stdnum import iban
from test_samples_identifiers import VALIDATORS

from medocr.samples import DOC_TYPES, LANGUAGES, document_pages, generate_samples
from medocr.samples.case import make_case
from medocr.samples.compose import compose
from medocr.samples.generate import SampleSpec, _generate_one, plan_samples
from medocr.samples.ground_truth import personal_values
from medocr.samples.paginate import lay_out
from medocr.samples.parts import frame


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seven samples in all formats: every one of the four types and seven languages."""
    out = tmp_path_factory.mktemp("samples")
    generate_samples(out, count=7, seed=11)
    return out


@pytest.fixture(scope="session")
def manifest(sample_dir: Path) -> dict[str, Any]:
    return json.loads((sample_dir / "manifest.json").read_text(encoding="utf-8"))


def test_the_default_plan_covers_every_type_and_language() -> None:
    specs = plan_samples(12, seed=3)
    assert {s.doc_type for s in specs} == set(DOC_TYPES)
    assert {s.language for s in specs} == set(LANGUAGES)
    every = plan_samples(28, seed=3)
    assert len({(s.doc_type, s.language) for s in every}) == 28


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("doc_type", DOC_TYPES)
def test_every_type_lays_out_in_every_language(doc_type: str, language: str) -> None:
    case, pages = document_pages(doc_type, language, 5)  # type: ignore[arg-type]
    text = "\n".join(page.text for page in pages)
    assert case.main.code in text
    assert re.search(r"\s+".join(case.patient.name.split()), text)
    assert not re.search(r"\[\[|\]\]|<<|>>|\{\w+\}", text), "unresolved template"


def test_files_open_with_the_page_counts_the_manifest_states(
    sample_dir: Path, manifest: dict[str, Any]
) -> None:
    for entry in manifest["files"]:
        path = sample_dir / entry["file"]
        assert _page_count(path) == entry["page_count"] == len(entry["pages"])
    assert {e["language"] for e in manifest["files"]} == set(LANGUAGES)
    assert {e["doc_type"] for e in manifest["files"]} == set(DOC_TYPES)


def test_pdfs_are_image_only_scans(sample_dir: Path) -> None:
    for path in sample_dir.glob("*.pdf"):
        with pymupdf.open(path) as document:
            for page in document:
                assert page.get_text().strip() == ""
                assert page.get_images()


def test_every_identifier_and_iban_in_the_manifest_passes_its_checksum(
    manifest: dict[str, Any],
) -> None:
    checked = 0
    for entry in manifest["files"]:
        for item in entry["personal_data"]:
            if item["kind"] == "national_id":
                assert VALIDATORS[item["scheme"]](item["value"]), item["scheme"]
                checked += 1
            elif item["kind"] == "iban":
                assert iban.is_valid(item["value"])
    assert checked == len(manifest["files"])


def test_manifest_positions_point_at_the_values_in_the_page_text(
    manifest: dict[str, Any],
) -> None:
    for entry in manifest["files"]:
        pages = [page["text"] for page in entry["pages"]]
        assert entry["icd10"], entry["file"]
        for item in entry["personal_data"]:
            for spot in item["occurrences"]:
                shown = pages[spot["page"] - 1][spot["start"] : spot["end"]]
                assert shown.split() == item["value"].split()


def test_no_personal_value_appears_in_any_file_name(
    sample_dir: Path, manifest: dict[str, Any]
) -> None:
    names = [path.name.lower() for path in sample_dir.iterdir()]
    for entry in manifest["files"]:
        for item in entry["personal_data"]:
            for token in re.findall(r"\w{5,}", item["value"].lower()):
                assert not any(token in name for name in names), item["kind"]
    assert all(
        re.fullmatch(r"sample-\d{3}-[a-z_]+-[a-z]{2}(-p\d+)?\.\w+", n)
        for n in names
        if n != "manifest.json"
    )


def test_personal_values_of_a_case_are_listed_once_each() -> None:
    values = personal_values(make_case("discharge_summary", "de", 9))
    kinds = [v.kind for v in values]
    assert {"patient_name", "birth_date", "national_id", "iban", "email"} <= set(kinds)


def test_the_same_seed_gives_the_same_files(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    generate_samples(first, count=2, seed=21, formats=["pdf", "png"])
    generate_samples(second, count=2, seed=21, formats=["pdf", "png"])
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_a_different_seed_gives_different_people() -> None:
    one, two = make_case("lab_report", "pl", 1), make_case("lab_report", "pl", 2)
    assert one.patient != two.patient


def test_png_only_output_splits_a_long_document_into_one_file_per_page(
    tmp_path: Path,
) -> None:
    seed = next(s for s in range(40) if _pages("discharge_summary", "fr", s) > 1)
    spec = SampleSpec(1, "discharge_summary", "fr", "png", "clean", 0, seed)
    entries = _generate_one(spec, tmp_path, ["png"])
    assert len(entries) == _pages("discharge_summary", "fr", seed)
    for number, entry in enumerate(entries, start=1):
        assert entry["page_count"] == 1 and entry["part"] == number
        assert entry["parts"] == len(entries)
        assert entry["file"] == f"sample-001-discharge_summary-fr-p{number}.png"
        assert (tmp_path / entry["file"]).is_file()


def _pages(doc_type: str, language: str, seed: int) -> int:
    return len(document_pages(doc_type, language, seed)[1])  # type: ignore[arg-type]


def _page_count(path: Path) -> int:
    if path.suffix == ".pdf":
        with pymupdf.open(path) as document:
            return document.page_count
    with Image.open(path) as image:
        return getattr(image, "n_frames", 1)


def test_a_faxed_document_starts_every_page_with_the_fax_header_line() -> None:
    case = make_case("discharge_summary", "de", 4)
    pages = lay_out(compose(case), frame(case, faxed=True))
    total = len(pages)
    for page in pages:
        first = page.text.splitlines()[0]
        assert f"FAX {case.sender.fax}" in first
        assert first.endswith(f"P.{page.number:02d}/{total:02d}")
        assert case.patient.name not in first
