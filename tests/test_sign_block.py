"""The signer block only configures: it hands the core a signing settings section."""

from __future__ import annotations

from pathlib import Path

import pytest
from sign_support import make_pdf

from blocks.signer import SignerBlock
from medocr.errors import KEY_MISSING, KeyUnavailable
from medocr.settings import Settings
from medocr.signing import sign_pades, validate_signature


def test_local_block_builds_a_working_signer(tmp_path: Path) -> None:
    block = SignerBlock(kind="local", level="B-T")
    signer = block.build(Settings(home=tmp_path))

    report = validate_signature(
        sign_pades(make_pdf(), signer, level="B-T"), signer.trust
    )

    assert report.ok and report.level == "B-T"


def test_pkcs12_block_passes_its_secret_and_file_to_the_core(tmp_path: Path) -> None:
    block = SignerBlock(
        kind="pkcs12",
        pkcs12_file=tmp_path / "absent.p12",
        pkcs12_passphrase="s3cret",
        tsa_url="http://127.0.0.1:9/tsa",
        trust_roots=[tmp_path / "root.pem"],
    )

    section = block.signing_settings()

    assert section.pkcs12_passphrase == "s3cret"
    assert "s3cret" not in repr(block)
    assert section.pkcs11_module is None


def test_pkcs12_block_with_a_missing_file_fails_with_a_key_error(
    tmp_path: Path,
) -> None:
    root = tmp_path / "root.pem"
    pki_signer = SignerBlock(kind="local").build(Settings(home=tmp_path))
    root.write_bytes(pki_signer.trust.roots[0].dump())
    block = SignerBlock(
        kind="pkcs12",
        pkcs12_file=tmp_path / "absent.p12",
        tsa_url="http://127.0.0.1:9/tsa",
        trust_roots=[root],
    )

    with pytest.raises(KeyUnavailable) as caught:
        block.build(Settings(home=tmp_path))

    assert caught.value.code == KEY_MISSING
