"""Hostile inputs through the pipeline's stages: each one rejected with a code or
processed, within its budget, nothing half-written, and a good letter after them.

Decoding is real and in-process (text layers, PyMuPDF, Pillow) and again in the
bounded child; only the OCR engine reads no lines, except on the known letter,
where a perfect-OCR fake returns its text.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from pathlib import Path

import pymupdf
import pytest
from letters import letter_lines, render_letter
from PIL import Image

import tasks.ocr
from medocr.errors import (
    IN_EMPTY,
    IN_ENCRYPTED,
    IN_MEMORY,
    IN_TOO_MANY_PIXELS,
    IN_UNSUPPORTED,
)
from medocr.hostile import HostileReport, evaluate_folder
from medocr.ocr.document import read_document
from medocr.records import DocumentStatus
from medocr.runtime import build_runtime
from medocr.settings import Settings


class NoLines:
    """An OCR engine that reads nothing: the pages are still decoded for real."""

    def read_page(self, image: object) -> list[object]:
        return []


@pytest.fixture
def perfect_ocr_on_the_letter(monkeypatch: pytest.MonkeyPatch) -> bytes:
    png, text = render_letter(letter_lines())

    def read(data: bytes, *, settings: Settings, **_: object) -> object:
        if data == png:
            return text
        return read_document(data, settings=settings, engine=NoLines())

    monkeypatch.setattr(tasks.ocr, "ocr_document", read)
    return png


def png_chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body)
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def png_claiming(width: int, height: int, extra: bytes = b"") -> bytes:
    """A PNG whose header claims ``width`` x ``height`` over almost no pixel data."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + extra
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + png_chunk(b"IEND", b"")
    )


def small_pdf(**save_options: object) -> bytes:
    with pymupdf.open() as doc:
        page = doc.new_page()
        page.insert_text((72, 72), "Befund ohne Inhalt " * 4)
        return doc.tobytes(**save_options)


def hostile_files(folder: Path, letter: bytes) -> dict[str, Path]:
    """Made-up hostile inputs beside one good letter, which sorts last."""
    pdf = small_pdf()
    polyglot = png_claiming(4, 4, png_chunk(b"tEXt", b"Comment\x00" + pdf))
    files = {
        "truncated.pdf": pdf[: len(pdf) // 2],
        "bomb.png": png_claiming(100_000, 100_000),
        "encrypted.pdf": small_pdf(
            encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="o", user_pw="u"
        ),
        "polyglot.png": polyglot,
        "empty.pdf": b"",
        "notes.tif": b"just some text that claims to be a TIFF",
        "zz-letter.png": letter,
    }
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    big = Image.new("RGB", (7000, 7000), "white")
    big.save(folder / "memory-hog.png")
    return {name: folder / name for name in [*files, "memory-hog.png"]}


def label(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def test_made_up_hostile_files_are_rejected_by_code_and_the_letter_still_goes_through(
    tmp_path: Path, perfect_ocr_on_the_letter: bytes
) -> None:
    files = hostile_files(tmp_path / "inbox", perfect_ocr_on_the_letter)
    settings = Settings(
        home=tmp_path / "home",
        signing={"level": "B-B"},
        limits={"max_memory_mb": 1000},
    )

    report = evaluate_folder(tmp_path / "inbox", build_runtime(settings))

    by_file = {f.file: f for f in report.files}
    codes = {name: by_file[label(path)].code for name, path in files.items()}
    assert codes["bomb.png"] == IN_TOO_MANY_PIXELS
    assert codes["encrypted.pdf"] == IN_ENCRYPTED
    assert codes["empty.pdf"] == IN_EMPTY
    assert codes["notes.tif"] == IN_UNSUPPORTED
    assert codes["memory-hog.png"] == IN_MEMORY
    for name in ("truncated.pdf", "polyglot.png"):
        outcome = by_file[label(files[name])]
        assert outcome.outcome in ("processed", "rejected"), name
        assert outcome.outcome == "processed" or outcome.code.startswith("MEDOCR-IN")
    letter = by_file[label(files["zz-letter.png"])]
    assert letter.status == DocumentStatus.HANDED_OFF
    assert_clean(report)


def test_every_corpus_file_is_processed_or_rejected_in_time(
    corpus_dir: Path,
    tmp_path: Path,
    perfect_ocr_on_the_letter: bytes,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = Settings(home=tmp_path / "home", signing={"level": "B-B"})

    report = evaluate_folder(corpus_dir / "hostile", build_runtime(settings))

    with capsys.disabled():
        print(f"\nhostile corpus (decode real, no OCR lines): {report.summary()}")
    assert report.summary()["tried"] == 59
    assert_clean(report)


def assert_clean(report: HostileReport) -> None:
    crashed = [f for f in report.files if f.outcome == "crashed"]
    assert crashed == []
    assert [f for f in report.files if not f.within_budget] == []
    assert report.leftovers.counts == {}
    assert report.audit_intact
    for rejected in (f for f in report.files if f.outcome == "rejected"):
        assert rejected.code and rejected.code.startswith("MEDOCR-IN-")
