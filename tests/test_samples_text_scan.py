"""Rendering plain text as scans: pagination, character spans per page, PDF wrapping."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pymupdf
import pytest
from PIL import Image
from rapidfuzz.distance import Levenshtein

from medocr.samples import images_to_pdf, render_text_as_scan, scan_text
from medocr.samples.layout import TextLine
from medocr.samples.text_scan import lay_out_text

LONG_TEXT = "\n".join(
    f"Zeile {n}: Frau Müller-Łukasiewicz berichtet über Schmerzen im Knie seit {n} Tagen; "
    "die Kontrolle erfolgt ambulant." + (" Nachsorge" * 30 if n % 7 == 0 else "")
    for n in range(1, 160)
)


def test_long_text_is_paginated_and_the_page_spans_tile_the_text() -> None:
    pages = lay_out_text(LONG_TEXT, seed=4, language="de")
    scan = scan_text(LONG_TEXT, seed=4, degrade="clean", language="de")
    assert len(pages) == len(scan.images) >= 3
    spans = scan.page_spans
    assert spans[0][0] == 0 and spans[-1][1] == len(LONG_TEXT)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_each_drawn_line_shows_source_characters_of_its_own_page() -> None:
    pages = lay_out_text(LONG_TEXT, seed=4, language="de")
    spans = scan_text(LONG_TEXT, seed=4, degrade="clean").page_spans
    shown = 0
    for page, (start, end) in zip(pages, spans, strict=True):
        for item in page.items:
            if isinstance(item, TextLine) and item.source:
                begin, stop = item.source
                assert start <= begin < stop <= end
                assert LONG_TEXT[begin:stop] == item.text
                shown += len(item.text.replace(" ", ""))
    assert shown == len(LONG_TEXT.replace(" ", "").replace("\n", ""))


def test_page_of_names_the_page_whose_lines_show_the_offset() -> None:
    scan = scan_text(LONG_TEXT, seed=2, degrade="clean")
    pages = lay_out_text(LONG_TEXT, seed=2)
    offset = LONG_TEXT.index("Zeile 150:")
    drawn_on = [
        page.number - 1
        for page in pages
        for item in page.items
        if isinstance(item, TextLine)
        and item.source
        and item.source[0] <= offset < item.source[1]
    ]
    assert [scan.page_of(offset)] == drawn_on
    assert scan.page_of(0) == 0
    with pytest.raises(IndexError):
        scan.page_of(len(LONG_TEXT))


def test_a_word_longer_than_the_line_is_broken_not_lost() -> None:
    text = "x" * 500
    pages = lay_out_text(text, seed=1)
    lines = [i for i in pages[0].items if isinstance(i, TextLine) and i.source]
    assert len(lines) > 1
    assert "".join(line.text for line in lines) == text


@pytest.mark.parametrize("degrade", ["clean", "scan", "fax"])
def test_pages_are_a4_images_at_the_stated_resolution(degrade: str) -> None:
    images = render_text_as_scan("Befund: unauffällig.", seed=3, degrade=degrade)  # type: ignore[arg-type]
    assert len(images) == 1
    dpi = images[0].info["dpi"][0]
    width_mm = images[0].width / dpi * 25.4
    assert abs(width_mm - 210) < 2
    assert abs(images[0].height / dpi * 25.4 - 297) < 2


def test_rendering_is_the_same_for_the_same_seed() -> None:
    one = render_text_as_scan(LONG_TEXT[:800], seed=9, degrade="scan")
    two = render_text_as_scan(LONG_TEXT[:800], seed=9, degrade="scan")
    three = render_text_as_scan(LONG_TEXT[:800], seed=10, degrade="scan")
    assert one[0].tobytes() == two[0].tobytes()
    assert one[0].tobytes() != three[0].tobytes()


def test_images_to_pdf_gives_one_a4_page_per_image() -> None:
    images = render_text_as_scan(LONG_TEXT[:6000], seed=5, degrade="fax")
    data = images_to_pdf(images)
    with pymupdf.open(stream=data, filetype="pdf") as document:
        assert document.page_count == len(images)
        assert abs(document[0].rect.width - 595) < 3
        assert document[0].get_text().strip() == ""
    assert images_to_pdf(images) == data


def _tesseract_languages() -> set[str]:
    if shutil.which("tesseract") is None:
        return set()
    listed = subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30
    )
    return set(listed.stdout.split())


@pytest.mark.slow
@pytest.mark.skipif(
    not {"deu", "pol", "fra", "spa"} <= _tesseract_languages(),
    reason="tesseract with deu, pol, fra and spa is not installed",
)
def test_tesseract_reads_a_clean_generated_page(tmp_path: Path) -> None:
    text = (
        "Sehr geehrte Frau Kollegin Nowak,\n"
        "wir berichten über Herrn Jürgen Weiß, geb. 03.04.1956, der sich vom "
        "12.03.2026 bis 19.03.2026 in unserer stationären Behandlung befand.\n"
        "Diagnosen: I10 Essentielle Hypertonie; E11.9 Diabetes mellitus Typ 2.\n"
        "Zakażenie układu moczowego, Łódź; Fracture du col du fémur; niña; Straße."
    )
    image: Image.Image = render_text_as_scan(
        text, seed=1, degrade="clean", language="de"
    )[0]
    path = tmp_path / "page.png"
    image.save(path, dpi=(300, 300))
    result = subprocess.run(
        ["tesseract", str(path), "-", "-l", "deu+pol+fra+spa", "--psm", "4"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    expected = text.split()
    read = set(result.stdout.split())
    found = sum(word in read for word in expected)
    assert found / len(expected) > 0.85
    body = result.stdout.split("Seite 1 von 1")[0]
    assert (
        Levenshtein.normalized_distance(" ".join(expected), " ".join(body.split()))
        < 0.1
    )


def test_a_byte_order_mark_is_not_drawn_but_offsets_still_count_it() -> None:
    text = "\ufeffBefund\nZeile zwei"
    lines = [
        item
        for item in lay_out_text(text, seed=1)[0].items
        if isinstance(item, TextLine) and item.source
    ]
    assert [(line.text, line.source) for line in lines] == [
        ("Befund", (0, 7)),
        ("Zeile zwei", (8, 18)),
    ]
