"""The visible signature renders signer names in every EU script with an embedded font."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pymupdf
import pytest
from sign_support import make_pdf

from medocr.settings import Settings
from medocr.signing import sign_pades, validate_signature
from medocr.signing.appearance import BUNDLED_FONT, prepare_stamp_font
from medocr.signing.keys import LoadedKeySigner
from medocr.signing.local import local_signer
from medocr.signing.pdfsig import pdfsig_available, run_pdfsig
from medocr.signing.pki import issue_signer, load_local_pki
from tasks.sign import sign_document

NAME = "Łukasz Ząbek-Müßig Françoise Núñez Ελένη"
FALLBACK_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.fixture(scope="module")
def font() -> Path:
    for candidate in (BUNDLED_FONT, FALLBACK_FONT):
        if candidate.is_file():
            return candidate
    pytest.skip("no DejaVu Sans font available")


def test_visible_stamp_embeds_the_font_and_renders_every_letter(
    tmp_path: Path, font: Path
) -> None:
    pki = load_local_pki(tmp_path / "pki")
    person = issue_signer(pki.ca, NAME)
    signer = replace(
        local_signer(pki),
        signer=LoadedKeySigner(person.key, person.cert, [pki.ca.cert]),
        stamp_font=prepare_stamp_font(font),
    )

    signed = sign_pades(make_pdf(pages=2), signer, level="B-T")

    report = validate_signature(signed, signer.trust)
    assert report.ok and report.level == "B-T"
    document = pymupdf.open(stream=signed)
    widgets = list(document[-1].widgets())
    assert len(widgets) == 1 and widgets[0].rect.width > 100
    document.bake()
    assert NAME in document[-1].get_text().replace("\n", " ")
    embedded = document.get_page_fonts(document.page_count - 1, full=True)
    assert any(font[1] == "ttf" and "DejaVuSans" in font[3] for font in embedded)
    if pdfsig_available():
        assert run_pdfsig(signed).all_valid


def test_settings_switch_on_the_visible_stamp(tmp_path: Path, font: Path) -> None:
    settings = Settings(
        home=tmp_path, signing={"visible": True, "visible_font": font, "level": "B-LTA"}
    )

    signed = sign_document(make_pdf(), settings=settings)

    assert signed.accepted, signed.report.problems
    widgets = pymupdf.open(stream=signed.pdf)[0].widgets()
    assert [w.field_name for w in widgets if w.rect.width > 0] == ["medocr-signature"]
