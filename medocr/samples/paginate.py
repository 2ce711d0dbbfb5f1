"""Stack chunks onto pages: breaks, repeated headers, continuation lines and footers."""

from __future__ import annotations

from collections.abc import Sequence

from medocr.samples.blocks import Block, PageFrame, mm
from medocr.samples.layout import Chunk, LaidOutPage, TextLine, aligned_x, chunks_of


def lay_out(blocks: Sequence[Block], frame: PageFrame) -> list[LaidOutPage]:
    """Lay ``blocks`` out on as many pages of ``frame`` as they need."""
    body = [chunk for block in blocks for chunk in chunks_of(block, frame.width)]
    continuation = [c for b in frame.continuation for c in chunks_of(b, frame.width)]
    pages = _Paginator(frame, continuation).run(body)
    for page in pages:
        if frame.footer:
            _add_footer(page, frame, len(pages))
        if frame.banner:
            _add_banner(page, frame, len(pages))
    return pages


class _Paginator:
    def __init__(self, frame: PageFrame, continuation: list[Chunk]) -> None:
        self.frame = frame
        self.continuation = continuation
        self.bottom = frame.size[1] - frame.bottom
        self.pages: list[LaidOutPage] = []
        self.y = 0
        self.fresh = True

    def run(self, chunks: list[Chunk]) -> list[LaidOutPage]:
        self._new_page()
        for index, chunk in enumerate(chunks):
            if chunk.gap and self.fresh:
                continue
            if not self.fresh and self.y + _needed(chunks, index) > self.bottom:
                self._new_page()
                if chunk.gap:
                    continue
                if chunk.header is not None:
                    self._place(chunk.header)
            self._place(chunk)
        return self.pages

    def _new_page(self) -> None:
        self.pages.append(LaidOutPage(number=len(self.pages) + 1))
        self.y = self.frame.top
        if len(self.pages) > 1:
            for chunk in self.continuation:
                self._place(chunk)
        self.fresh = True

    def _place(self, chunk: Chunk) -> None:
        page = self.pages[-1]
        page.items.extend(item.moved(self.frame.left, self.y) for item in chunk.items)
        page.reading.extend(chunk.reading)
        self.y += chunk.height
        self.fresh = False


def _needed(chunks: list[Chunk], index: int) -> int:
    """Height of the chunk plus the chunks it must stay with."""
    total = 0
    for chunk in chunks[index:]:
        total += chunk.height
        if not (chunk.keep_with_next or chunk.gap):
            break
    return total


def _add_footer(page: LaidOutPage, frame: PageFrame, pages: int) -> None:
    assert frame.footer is not None
    text = frame.footer.format(page=page.number, pages=pages)
    x = frame.left + aligned_x(text, frame.footer_style, frame.width)
    y = frame.size[1] - frame.bottom + mm(8)
    page.items.append(TextLine(x, y, text, frame.footer_style))
    page.reading.append(text)


def _add_banner(page: LaidOutPage, frame: PageFrame, pages: int) -> None:
    assert frame.banner is not None
    text = frame.banner.format(page=page.number, pages=pages)
    page.items.append(TextLine(mm(8), mm(5), text, frame.banner_style))
    page.reading.insert(0, text)
