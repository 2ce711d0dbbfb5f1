"""The optional visible signature: a text stamp in an embedded Unicode font.

pyHanko writes glyph widths in font units as if every font had 1000 units per em;
DejaVu Sans has 2048, which spreads letters apart. The font is therefore cut down to
the EU scripts and rescaled to 1000 units once per process, then embedded as a subset.
"""

from __future__ import annotations

from functools import lru_cache
from io import BytesIO
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont, TTLibError
from fontTools.ttLib.scaleUpem import scale_upem
from pyhanko.pdf_utils.font.api import FontEngineFactory
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.sign.fields import SigFieldSpec
from pyhanko.stamp.text import TextStampStyle

from medocr.errors import ConfigurationError

BUNDLED_FONT = Path(__file__).resolve().parents[1] / "fonts" / "DejaVuSans.ttf"
STAMP_TEXT = "Signed by\n%(signer)s\n%(ts)s"
STAMP_BOX = (36, 36, 396, 106)
FONT_SIZE = 10
# Basic Latin to Latin Extended-B, Greek, Cyrillic, Latin Extended Additional,
# general punctuation and the euro sign: every letter of the EU's official languages.
EU_CODE_POINTS = (
    (0x20, 0x24F),
    (0x370, 0x52F),
    (0x1E00, 0x1EFF),
    (0x2000, 0x206F),
    (0x20AC, 0x20AC),
)


@lru_cache(maxsize=2)
def prepare_stamp_font(font_path: Path | None) -> bytes:
    """The font cut to EU scripts and rescaled to 1000 units per em, as TTF bytes."""
    path = font_path or BUNDLED_FONT
    try:
        font = TTFont(path)
    except (OSError, TTLibError) as exc:
        raise ConfigurationError(
            "the signature font cannot be read; set signing.visible_font"
        ) from exc
    options = subset.Options()
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(
        unicodes=[c for lo, hi in EU_CODE_POINTS for c in range(lo, hi + 1)]
    )
    subsetter.subset(font)
    scale_upem(font, 1000)
    output = BytesIO()
    font.save(output)
    return output.getvalue()


class _PreparedFont(FontEngineFactory):
    """Hands pyHanko the prepared font from memory for each new stamp."""

    def __init__(self, font: bytes) -> None:
        self._font = font

    def create_font_engine(
        self, writer: BasePdfFileWriter, obj_stream: object = None
    ) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(
            writer=writer,
            font_handle=BytesIO(self._font),
            font_size=FONT_SIZE,
            obj_stream=obj_stream,
        )


def stamp_style(font: bytes) -> TextStampStyle:
    """A text stamp naming the signer and the time, set in ``font``."""
    return TextStampStyle(
        stamp_text=STAMP_TEXT,
        text_box_style=TextBoxStyle(font=_PreparedFont(font)),
        timestamp_format="%Y-%m-%d %H:%M:%S %Z",
    )


def last_page_field(writer: IncrementalPdfFileWriter, field_name: str) -> SigFieldSpec:
    """A signature field in the lower-left corner of the document's last page."""
    last_page = int(writer.root["/Pages"]["/Count"]) - 1
    return SigFieldSpec(sig_field_name=field_name, on_page=last_page, box=STAMP_BOX)
