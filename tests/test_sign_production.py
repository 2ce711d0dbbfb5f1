"""Production signers: a PKCS#12 file, a PKCS#11 token (SoftHSM2) and a TSA URL."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from sign_support import TimestampServer, make_pdf, running_timestamp_server

from medocr.errors import (
    ENG_TIMESTAMP,
    KEY_WRONG_SECRET,
    EngineError,
    KeyUnavailable,
    ResidencyViolation,
)
from medocr.settings import Settings
from medocr.signing import configured_signer, validate_signature
from medocr.signing.local import local_timestamper, local_trust
from medocr.signing.pdfsig import pdfsig_available, run_pdfsig
from medocr.signing.pki import LocalPki, load_local_pki
from tasks.sign import sign_document

SOFTHSM_MODULE = Path("/usr/lib/softhsm/libsofthsm2.so")
PIN = "1234"


@pytest.fixture(scope="module")
def pki_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home") / "pki"


@pytest.fixture(scope="module")
def pki(pki_dir: Path) -> LocalPki:
    return load_local_pki(pki_dir)


@pytest.fixture(scope="module")
def tsa(pki: LocalPki) -> Iterator[TimestampServer]:
    with running_timestamp_server(local_timestamper(pki)) as server:
        yield server


@pytest.fixture(scope="module")
def p12_file(pki: LocalPki, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("p12") / "signer.p12"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"signer",
            pki.signer.key,
            pki.signer.cert,
            [pki.ca.cert],
            serialization.BestAvailableEncryption(b"correct horse"),
        )
    )
    return path


def production_settings(pki_dir: Path, tsa_url: str, **signing: object) -> Settings:
    return Settings(
        home=pki_dir.parent,
        signing={
            "tsa_url": tsa_url,
            "trust_roots": (pki_dir / "ca.crt.pem",),
            "crl_files": (pki_dir / "ca.crl",),
            **signing,
        },
    )


@pytest.mark.parametrize("level", ["B-T", "B-LTA"])
def test_pkcs12_signer_with_tsa_url_signs_and_validates(
    pki_dir: Path, p12_file: Path, tsa: TimestampServer, level: str
) -> None:
    settings = production_settings(
        pki_dir,
        tsa.url,
        pkcs12_file=p12_file,
        pkcs12_passphrase="correct horse",
        level=level,
    )
    served_before = tsa.requests_served

    signed = sign_document(make_pdf(), settings=settings)

    assert signed.accepted, signed.report.problems
    assert signed.report.level == level
    assert tsa.requests_served > served_before
    if pdfsig_available():
        assert run_pdfsig(signed.pdf).all_valid


def test_pkcs12_with_wrong_passphrase_is_a_key_error(
    pki_dir: Path, p12_file: Path, tsa: TimestampServer
) -> None:
    settings = production_settings(
        pki_dir, tsa.url, pkcs12_file=p12_file, pkcs12_passphrase="wrong"
    )

    with pytest.raises(KeyUnavailable) as caught:
        configured_signer(settings)

    assert caught.value.code == KEY_WRONG_SECRET


def test_tsa_on_a_host_outside_the_allowed_set_is_refused(
    pki_dir: Path, p12_file: Path
) -> None:
    settings = production_settings(
        pki_dir,
        "https://tsa.example.com/rfc3161",
        pkcs12_file=p12_file,
        pkcs12_passphrase="correct horse",
    )

    with pytest.raises(ResidencyViolation):
        configured_signer(settings)


@pytest.fixture
def softhsm_env(pki: LocalPki, tmp_path: Path) -> dict[str, str]:
    """A fresh SoftHSM2 token holding the local signer's key and certificate."""
    if shutil.which("softhsm2-util") is None or not SOFTHSM_MODULE.is_file():
        pytest.skip("SoftHSM2 is not installed")
    (tmp_path / "tokens").mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {tmp_path / 'tokens'}\nlog.level = ERROR\n"
    )
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}
    key_file = tmp_path / "signer.key.pem"
    key_file.write_bytes(
        pki.signer.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_file = tmp_path / "signer.crt.der"
    cert_file.write_bytes(pki.signer.cert.public_bytes(serialization.Encoding.DER))
    for args in (
        [
            "--init-token",
            "--free",
            "--label",
            "medocr-test",
            "--pin",
            PIN,
            "--so-pin",
            "5678",
        ],
        ["--import", str(key_file), "--token", "medocr-test", "--label", "signer"]
        + ["--id", "01", "--pin", PIN],
    ):
        subprocess.run(
            ["softhsm2-util", *args], env=env, check=True, capture_output=True
        )
    key_file.unlink()
    _run_isolated(env, "tests_import_cert", str(cert_file))
    return env


@pytest.mark.parametrize("level", ["B-B", "B-LTA"])
def test_pkcs11_token_signs_in_softhsm2(
    softhsm_env: dict[str, str],
    pki_dir: Path,
    tsa: TimestampServer,
    tmp_path: Path,
    level: str,
) -> None:
    pdf_in, pdf_out = tmp_path / "in.pdf", tmp_path / "out.pdf"
    pdf_in.write_bytes(make_pdf())
    env = {
        **softhsm_env,
        "MEDOCR_HOME": str(pki_dir.parent),
        "MEDOCR_SIGNING__LEVEL": level,
        "MEDOCR_SIGNING__PKCS11_MODULE": str(SOFTHSM_MODULE),
        "MEDOCR_SIGNING__PKCS11_TOKEN_LABEL": "medocr-test",
        "MEDOCR_SIGNING__PKCS11_PIN": PIN,
        "MEDOCR_SIGNING__PKCS11_KEY_LABEL": "signer",
        "MEDOCR_SIGNING__TSA_URL": tsa.url,
        "MEDOCR_SIGNING__TRUST_ROOTS": json.dumps([str(pki_dir / "ca.crt.pem")]),
        "MEDOCR_SIGNING__CRL_FILES": json.dumps([str(pki_dir / "ca.crl")]),
    }

    _run_isolated(env, "tests_sign_file", str(pdf_in), str(pdf_out))

    report = validate_signature(
        pdf_out.read_bytes(), local_trust(load_local_pki(pki_dir))
    )
    assert report.ok, report.problems
    assert report.level == level
    if pdfsig_available():
        assert run_pdfsig(pdf_out.read_bytes()).all_valid


def test_pkcs11_wrong_pin_is_a_key_error(softhsm_env: dict[str, str]) -> None:
    _run_isolated(softhsm_env, "tests_wrong_pin")


def _run_isolated(env: dict[str, str], action: str, *args: str) -> None:
    """Run a PKCS#11 step in a child process: each process reads SOFTHSM2_CONF once."""
    script = Path(__file__).with_name("sign_pkcs11_child.py")
    completed = subprocess.run(
        [sys.executable, str(script), action, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]


def test_an_unreachable_tsa_is_a_timestamp_engine_error(
    pki_dir: Path, p12_file: Path
) -> None:
    settings = production_settings(
        pki_dir,
        "http://127.0.0.1:9/tsa",
        pkcs12_file=p12_file,
        pkcs12_passphrase="correct horse",
        level="B-T",
    )

    with pytest.raises(EngineError) as caught:
        sign_document(make_pdf(), settings=settings)

    assert caught.value.code == ENG_TIMESTAMP
