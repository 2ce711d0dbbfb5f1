"""Input pages: format by content, limits enforced with stable codes, one page at a time."""

from __future__ import annotations

import io

import numpy as np
import pymupdf
import pytest
from PIL import Image

from medocr.errors import (
    IN_EMPTY,
    IN_ENCRYPTED,
    IN_MALFORMED,
    IN_TOO_LARGE,
    IN_TOO_MANY_PAGES,
    IN_TOO_MANY_PIXELS,
    IN_UNSUPPORTED,
    InputRejected,
)
from medocr.ocr.pages import check_input, iter_page_images, open_document, sniff_format
from medocr.settings import Limits


def _image_bytes(fmt: str, frames: int = 1, size: tuple[int, int] = (60, 40)) -> bytes:
    images = [Image.new("RGB", size, (i * 40, 255, 255)) for i in range(frames)]
    buffer = io.BytesIO()
    images[0].save(buffer, format=fmt, save_all=frames > 1, append_images=images[1:])
    return buffer.getvalue()


def _pdf_bytes(pages: int = 1, **save: object) -> bytes:
    doc = pymupdf.open()
    for _ in range(pages):
        doc.new_page(width=200, height=100).insert_text((20, 50), "Überweisung")
    return doc.tobytes(**save)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (_image_bytes("PNG"), "png"),
        (_image_bytes("JPEG"), "jpeg"),
        (_image_bytes("TIFF"), "tiff"),
        (_pdf_bytes(), "pdf"),
    ],
)
def test_format_is_recognised_by_magic_bytes(data: bytes, expected: str) -> None:
    assert sniff_format(data) == expected


def test_unknown_and_empty_inputs_are_rejected_with_their_codes() -> None:
    with pytest.raises(InputRejected) as unknown:
        sniff_format(b"GIF89a" + b"\0" * 20)
    with pytest.raises(InputRejected) as empty:
        sniff_format(b"")
    assert (unknown.value.code, empty.value.code) == (IN_UNSUPPORTED, IN_EMPTY)


def test_a_file_over_the_size_limit_is_refused_before_parsing() -> None:
    with pytest.raises(InputRejected) as caught:
        check_input(_pdf_bytes(), Limits(max_file_bytes=100))
    assert caught.value.code == IN_TOO_LARGE


def test_too_many_pages_are_refused() -> None:
    with pytest.raises(InputRejected) as caught:
        check_input(_pdf_bytes(pages=3), Limits(max_pages=2))
    assert caught.value.code == IN_TOO_MANY_PAGES


def test_an_encrypted_pdf_is_refused() -> None:
    locked = _pdf_bytes(
        encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="x", owner_pw="y"
    )
    with pytest.raises(InputRejected) as caught:
        open_document(locked)
    assert caught.value.code == IN_ENCRYPTED


def test_a_broken_pdf_and_a_truncated_png_are_malformed() -> None:
    for broken in (b"%PDF-1.7\n garbage", _image_bytes("PNG")[:30]):
        with pytest.raises(InputRejected) as caught:
            list(iter_page_images(broken, dpi=72, limits=Limits()))
        assert caught.value.code == IN_MALFORMED


def test_a_pdf_page_rendering_past_the_pixel_limit_is_refused() -> None:
    with pytest.raises(InputRejected) as caught:
        list(
            iter_page_images(
                _pdf_bytes(), dpi=300, limits=Limits(max_pixels_per_page=1000)
            )
        )
    assert caught.value.code == IN_TOO_MANY_PIXELS


def test_an_image_over_the_pixel_limit_is_refused_without_decoding() -> None:
    data = _image_bytes("PNG", size=(400, 300))
    with pytest.raises(InputRejected) as caught:
        list(iter_page_images(data, dpi=300, limits=Limits(max_pixels_per_page=10_000)))
    assert caught.value.code == IN_TOO_MANY_PIXELS


def test_a_multi_page_tiff_yields_each_page_in_order_as_rgb() -> None:
    data = _image_bytes("TIFF", frames=3)
    assert open_document(data).page_count == 3
    pages = list(iter_page_images(data, dpi=300, limits=Limits()))
    assert [p.index for p in pages] == [0, 1, 2]
    assert pages[2].image.shape == (40, 60, 3) and pages[2].image.dtype == np.uint8
    assert pages[2].image[0, 0, 0] == 80


def test_pdf_pages_render_at_the_requested_dpi_one_at_a_time() -> None:
    pages = iter_page_images(_pdf_bytes(pages=2), dpi=144, limits=Limits())
    first = next(pages)
    assert first.image.shape == (200, 400, 3)
    assert first.dpi == 144
    assert [p.index for p in pages] == [1]


def test_skipped_pages_are_not_rendered() -> None:
    pages = iter_page_images(
        _pdf_bytes(pages=3), dpi=72, limits=Limits(), skip=frozenset({1})
    )
    assert [p.index for p in pages] == [0, 2]


def test_rejections_name_no_content() -> None:
    with pytest.raises(InputRejected) as caught:
        check_input(_pdf_bytes(pages=3), Limits(max_pages=1))
    assert "Überweisung" not in str(caught.value)
