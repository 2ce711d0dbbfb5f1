"""Render arbitrary plain text as scanned A4 pages, knowing which characters sit where."""

from __future__ import annotations

import random
from dataclasses import dataclass

from PIL import Image

from medocr.samples.blocks import PageFrame, Paragraph, TextStyle, mm
from medocr.samples.degrade import Degradation, degrade_page
from medocr.samples.draw import draw_page
from medocr.samples.languages import derive_seed, page_label
from medocr.samples.layout import LaidOutPage
from medocr.samples.paginate import lay_out


@dataclass(frozen=True)
class TextScan:
    """Page images of a text plus the ``[start, end)`` span of the text on each page.

    The spans tile the text: together they cover every character exactly once, so an
    annotation at offsets ``b..e`` lies on the page whose span contains ``b``.
    """

    images: tuple[Image.Image, ...]
    page_spans: tuple[tuple[int, int], ...]

    def page_of(self, offset: int) -> int:
        """Zero-based index of the page that shows the character at ``offset``."""
        for index, (start, end) in enumerate(self.page_spans):
            if start <= offset < end:
                return index
        raise IndexError(f"offset {offset} is outside the text")


def render_text_as_scan(
    text: str,
    *,
    seed: int,
    degrade: Degradation = "scan",
    language: str | None = None,
) -> list[Image.Image]:
    """Lay ``text`` out on A4 pages at 300 dpi and degrade them like a scanner or fax."""
    return list(scan_text(text, seed=seed, degrade=degrade, language=language).images)


def scan_text(
    text: str,
    *,
    seed: int,
    degrade: Degradation = "scan",
    language: str | None = None,
) -> TextScan:
    """Like :func:`render_text_as_scan`, also returning each page's span of ``text``."""
    pages = lay_out_text(text, seed=seed, language=language)
    images = tuple(
        degrade_page(draw_page(page), degrade, derive_seed(seed, "page", page.number))
        for page in pages
    )
    return TextScan(images, page_spans(pages, len(text)))


def lay_out_text(
    text: str, *, seed: int, language: str | None = None
) -> list[LaidOutPage]:
    """The page layout :func:`scan_text` draws, without drawing it."""
    rng = random.Random(derive_seed(seed, "text-layout"))
    style = TextStyle(
        family=rng.choice(("sans", "serif")), size_pt=rng.choice((10.0, 10.5, 11.0))
    )
    frame = PageFrame(
        left=mm(rng.uniform(22, 28)),
        right=mm(rng.uniform(18, 24)),
        footer=page_label(language),
    )
    return lay_out([Paragraph(text, style, space_after_mm=0, source_start=0)], frame)


def page_spans(pages: list[LaidOutPage], length: int) -> tuple[tuple[int, int], ...]:
    """Spans that tile ``[0, length)``: each page runs up to the next page's first line."""
    starts = [0]
    for page in pages[1:]:
        shown = page.source_starts
        starts.append(min(shown) if shown else starts[-1])
    ends = starts[1:] + [length]
    return tuple(zip(starts, ends, strict=True))
