"""``medocr verify`` and ``medocr bench sign`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sign_support import flip_byte_in_content, make_pdf
from typer.testing import CliRunner

from medocr.cli.main import app
from medocr.settings import get_settings
from medocr.signing.pdfsig import pdfsig_available
from medocr.signing.pki import load_local_pki
from tasks.sign import sign_document

runner = CliRunner()


@pytest.fixture
def signed_file(medocr_home: Path, tmp_path: Path) -> Path:
    path = tmp_path / "signed.pdf"
    path.write_bytes(sign_document(make_pdf(), settings=get_settings()).pdf)
    return path


def test_verify_accepts_a_fresh_signature_with_local_trust(signed_file: Path) -> None:
    result = runner.invoke(app, ["verify", str(signed_file), "--json"])

    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["ok"] is True
    assert report["level"] == "B-LTA"
    if pdfsig_available():
        assert report["pdfsig"][0] == "Signature is Valid."
        assert report["pdfsig_ok"] is True


def test_verify_fails_on_a_flipped_byte(signed_file: Path) -> None:
    signed_file.write_bytes(flip_byte_in_content(signed_file.read_bytes()))

    result = runner.invoke(app, ["verify", str(signed_file), "--json"])

    assert result.exit_code == 1
    report = json.loads(result.output)
    assert "digest-mismatch" in report["problems"]
    if pdfsig_available():
        assert report["pdfsig"][0] == "Digest Mismatch."


def test_verify_with_a_foreign_trust_root_is_untrusted(
    signed_file: Path, tmp_path: Path
) -> None:
    load_local_pki(tmp_path / "foreign")

    result = runner.invoke(
        app,
        [
            "verify",
            str(signed_file),
            "--trust",
            str(tmp_path / "foreign" / "ca.crt.pem"),
        ],
    )

    assert result.exit_code == 1
    assert "untrusted" in result.output


def test_verify_output_names_no_file(signed_file: Path) -> None:
    result = runner.invoke(app, ["verify", str(signed_file)])

    assert signed_file.name not in result.output


def test_bench_sign_reports_seconds_per_document(medocr_home: Path) -> None:
    result = runner.invoke(app, ["bench", "sign", "--documents", "5", "--json"])

    assert result.exit_code == 0, result.output
    rows = {row["level"]: row for row in json.loads(result.output)["rows"]}
    assert set(rows) == {"B-B", "B-LTA"}
    assert 0 < rows["B-B"]["sign_cpu_seconds"] < rows["B-LTA"]["sign_cpu_seconds"]
    assert rows["B-LTA"]["sign_seconds"] < 2.0


def test_verify_without_a_local_pki_or_trust_root_explains_itself(
    medocr_home: Path,
) -> None:
    pdf = medocr_home.parent / "some.pdf"
    pdf.write_bytes(make_pdf())

    result = runner.invoke(app, ["verify", str(pdf)])

    assert result.exit_code == 2
    assert "MEDOCR-CFG-001" in result.output
    assert not (medocr_home / "pki").exists()


def test_verify_with_explicit_trust_root_and_crl(signed_file: Path) -> None:
    pki_dir = get_settings().pki_path

    result = runner.invoke(
        app,
        [
            "verify",
            str(signed_file),
            "--trust",
            str(pki_dir / "ca.crt.pem"),
            "--crl",
            str(pki_dir / "ca.crl"),
            "--json",
        ],
    )

    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["level"] == "B-LTA"
