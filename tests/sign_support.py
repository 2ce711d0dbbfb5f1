"""Shared builders for the signing tests: small PDFs and a local PKI."""

from __future__ import annotations

from pathlib import Path

import pymupdf


def make_pdf(pages: int = 1) -> bytes:
    """A small uncompressed PDF with one line of text per page."""
    document = pymupdf.open()
    for number in range(pages):
        page = document.new_page()
        page.insert_text((72, 72), f"Befund Seite {number + 1}: łąß çñ")
    return document.tobytes(garbage=0, deflate=False)


def flip_byte_in_content(pdf: bytes) -> bytes:
    """Flip one bit inside the first stream's data, which the signature covers."""
    position = pdf.index(b"stream") + len(b"stream") + 4
    tampered = bytearray(pdf)
    tampered[position] ^= 0x01
    return bytes(tampered)


def append_page(pdf: bytes, folder: Path) -> bytes:
    """Add a page as an incremental update, as an editor would after signing."""
    path = folder / "appended.pdf"
    path.write_bytes(pdf)
    document = pymupdf.open(path)
    document.new_page().insert_text((72, 72), "added later")
    document.saveIncr()
    document.close()
    return path.read_bytes()
