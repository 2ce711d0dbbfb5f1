"""Input pages: sniff the format, enforce the limits, render one page at a time.

PDFs are rendered with PyMuPDF at the configured resolution; TIFF (single or
multi-page), PNG and JPEG are decoded with Pillow at their own resolution. Anything
outside the limits is refused with ``InputRejected`` and a stable code before any
page reaches the OCR engine.
"""

from __future__ import annotations

import io
import logging
import time
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from functools import partial
from typing import Literal

import numpy as np
import pymupdf
from PIL import Image

from medocr.errors import (
    IN_EMPTY,
    IN_ENCRYPTED,
    IN_MALFORMED,
    IN_TIMEOUT,
    IN_TOO_LARGE,
    IN_TOO_MANY_PAGES,
    IN_TOO_MANY_PIXELS,
    IN_UNSUPPORTED,
    InputRejected,
)
from medocr.settings import Limits

logger = logging.getLogger(__name__)
pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)

DocumentFormat = Literal["pdf", "tiff", "png", "jpeg"]
_MAGIC: tuple[tuple[bytes, DocumentFormat], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)
_PDF_MAGIC_WINDOW = 1024
_POINTS_PER_INCH = 72.0


@dataclass(frozen=True)
class DocumentInfo:
    """What an input is, checked against the limits: its format and page count."""

    format: DocumentFormat
    page_count: int


@dataclass(frozen=True)
class PageImage:
    """One rendered page: RGB pixels (height x width x 3, uint8) and its resolution."""

    index: int
    image: np.ndarray
    dpi: float


def sniff_format(data: bytes) -> DocumentFormat:
    """The format named by the leading magic bytes; never by a file name."""
    if not data:
        raise InputRejected("the input is empty", code=IN_EMPTY)
    if b"%PDF-" in data[:_PDF_MAGIC_WINDOW]:
        return "pdf"
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    raise InputRejected("unsupported input format", code=IN_UNSUPPORTED)


def check_input(data: bytes, limits: Limits) -> DocumentInfo:
    """Refuse an input that breaks a limit before any page is rendered."""
    if len(data) > limits.max_file_bytes:
        raise InputRejected(
            f"input of {len(data)} bytes exceeds {limits.max_file_bytes}",
            code=IN_TOO_LARGE,
        )
    info = open_document(data)
    if info.page_count > limits.max_pages:
        raise InputRejected(
            f"{info.page_count} pages exceed the limit of {limits.max_pages}",
            code=IN_TOO_MANY_PAGES,
        )
    return info


def open_document(data: bytes) -> DocumentInfo:
    """Format and page count of an input; broken or locked inputs are refused."""
    kind = sniff_format(data)
    if kind == "pdf":
        with _open_pdf(data) as doc:
            count = doc.page_count
    else:
        with _open_image(data) as image:
            count = getattr(image, "n_frames", 1)
    if count < 1:
        raise InputRejected("the input has no pages", code=IN_EMPTY)
    return DocumentInfo(format=kind, page_count=count)


def iter_page_images(
    data: bytes, *, dpi: int, limits: Limits, skip: frozenset[int] = frozenset()
) -> Iterator[PageImage]:
    """Yield each page's pixels in order, one at a time, except the ``skip`` indices."""
    info = check_input(data, limits)
    if info.format == "pdf":
        yield from _iter_pdf(data, dpi=dpi, limits=limits, skip=skip)
    else:
        yield from _iter_image_frames(data, limits=limits, skip=skip)


def _open_pdf(data: bytes) -> pymupdf.Document:
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as error:
        raise InputRejected("the PDF cannot be parsed", code=IN_MALFORMED) from error
    if doc.needs_pass:
        doc.close()
        raise InputRejected("the PDF is password-protected", code=IN_ENCRYPTED)
    return doc


def _open_image(data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            _ = image.width * image.height * getattr(image, "n_frames", 1)
            return image
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise InputRejected(
            "the image is too large", code=IN_TOO_MANY_PIXELS
        ) from error
    except Exception as error:
        raise InputRejected("the image cannot be decoded", code=IN_MALFORMED) from error


def _iter_pdf(
    data: bytes, *, dpi: int, limits: Limits, skip: frozenset[int]
) -> Iterator[PageImage]:
    with _open_pdf(data) as doc:
        for index in range(doc.page_count):
            if index in skip:
                continue
            page = _load_pdf_page(doc, index)
            _check_pdf_page_pixels(page, dpi, limits)
            image = _with_deadline(
                partial(_render_pdf_page, page, dpi), limits.render_seconds_per_page
            )
            yield PageImage(index=index, image=image, dpi=float(dpi))


def _load_pdf_page(doc: pymupdf.Document, index: int) -> pymupdf.Page:
    try:
        return doc.load_page(index)
    except Exception as error:
        raise InputRejected("a PDF page cannot be read", code=IN_MALFORMED) from error


def _check_pdf_page_pixels(page: pymupdf.Page, dpi: int, limits: Limits) -> None:
    scale = dpi / _POINTS_PER_INCH
    rendered = page.rect.width * scale * page.rect.height * scale
    embedded = [img[2] * img[3] for img in page.get_images(full=True)]
    if max([rendered, *embedded]) > limits.max_pixels_per_page:
        raise InputRejected(
            f"a page exceeds {limits.max_pixels_per_page} pixels",
            code=IN_TOO_MANY_PIXELS,
        )


def _render_pdf_page(page: pymupdf.Page, dpi: int) -> np.ndarray:
    try:
        pixmap = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csRGB, alpha=False)
    except Exception as error:
        raise InputRejected(
            "a PDF page cannot be rendered", code=IN_MALFORMED
        ) from error
    shape = (pixmap.height, pixmap.width, 3)
    return np.frombuffer(pixmap.samples, dtype=np.uint8).reshape(shape).copy()


def _iter_image_frames(
    data: bytes, *, limits: Limits, skip: frozenset[int]
) -> Iterator[PageImage]:
    with _open_image(data) as image:
        for index in range(getattr(image, "n_frames", 1)):
            if index in skip:
                continue
            frame = _seek_frame(image, index)
            if frame.width * frame.height > limits.max_pixels_per_page:
                raise InputRejected(
                    f"a page exceeds {limits.max_pixels_per_page} pixels",
                    code=IN_TOO_MANY_PIXELS,
                )
            pixels = _with_deadline(
                partial(_decode_frame, frame), limits.render_seconds_per_page
            )
            yield PageImage(index=index, image=pixels, dpi=_frame_dpi(frame))


def _seek_frame(image: Image.Image, index: int) -> Image.Image:
    try:
        image.seek(index)
        _ = image.width * image.height
    except Exception as error:
        raise InputRejected(
            "an image page cannot be read", code=IN_MALFORMED
        ) from error
    return image


def _decode_frame(frame: Image.Image) -> np.ndarray:
    try:
        return np.asarray(frame.convert("RGB"), dtype=np.uint8).copy()
    except Exception as error:
        raise InputRejected(
            "an image page cannot be decoded", code=IN_MALFORMED
        ) from error


def _frame_dpi(frame: Image.Image) -> float:
    dpi = frame.info.get("dpi")
    try:
        return float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        return 0.0


def _with_deadline(work: Callable[[], np.ndarray], seconds: float) -> np.ndarray:
    """Run one page's decoding with a deadline; a page past it is refused."""
    started = time.monotonic()
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="medocr-render")
    try:
        return pool.submit(work).result(timeout=seconds)
    except FutureTimeout as error:
        logger.warning("page decoding exceeded %.1f s", seconds)
        raise InputRejected(
            f"a page took longer than {seconds:.0f} s to render", code=IN_TIMEOUT
        ) from error
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        logger.debug("page decoded in %.2f s", time.monotonic() - started)
