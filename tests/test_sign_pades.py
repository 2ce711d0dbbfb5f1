"""Sign at every PAdES baseline level with the local PKI and check the outcome."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sign_support import append_page, flip_byte_in_content, make_pdf

from medocr.signing import LEVELS, ConfiguredSigner, sign_pades, validate_signature
from medocr.signing.local import local_signer
from medocr.signing.pdfsig import VALID, pdfsig_available, run_pdfsig
from medocr.signing.pki import load_local_pki
from medocr.signing.report import DIGEST_MISMATCH, MODIFIED_AFTER_SIGNING, NO_SIGNATURE


@pytest.fixture(scope="module")
def pki_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home") / "pki"


@pytest.fixture(scope="module")
def signer(pki_dir: Path) -> ConfiguredSigner:
    return local_signer(load_local_pki(pki_dir))


@pytest.fixture(scope="module")
def signed(signer: ConfiguredSigner) -> dict[str, bytes]:
    pdf = make_pdf()
    return {level: sign_pades(pdf, signer, level=level) for level in LEVELS}


@pytest.mark.parametrize("level", LEVELS)
def test_each_level_validates_and_reaches_its_level(
    signed: dict[str, bytes], signer: ConfiguredSigner, level: str
) -> None:
    report = validate_signature(signed[level], signer.trust)

    assert report.ok, report.problems
    assert (report.intact, report.valid, report.trusted) == (True, True, True)
    assert report.level == level
    assert report.signing_time is not None
    assert (
        report.signer_fingerprint is not None and len(report.signer_fingerprint) == 64
    )
    assert report.timestamp_valid is (None if level == "B-B" else True)
    assert report.archive_timestamps == (1 if level == "B-LTA" else 0)


def test_untouched_b_b_covers_the_entire_file(
    signed: dict[str, bytes], signer: ConfiguredSigner
) -> None:
    report = validate_signature(signed["B-B"], signer.trust)

    assert report.coverage == "ENTIRE_FILE"
    assert report.modification_level == "NONE"


@pytest.mark.skipif(not pdfsig_available(), reason="poppler's pdfsig is not installed")
@pytest.mark.parametrize("level", LEVELS)
def test_pdfsig_confirms_each_level(signed: dict[str, bytes], level: str) -> None:
    verdict = run_pdfsig(signed[level])

    assert verdict.verdicts[0] == VALID
    assert verdict.all_valid


@pytest.mark.skipif(not pdfsig_available(), reason="poppler's pdfsig is not installed")
def test_pdfsig_reports_a_flipped_byte(signed: dict[str, bytes]) -> None:
    verdict = run_pdfsig(flip_byte_in_content(signed["B-B"]))

    assert verdict.verdicts == ("Digest Mismatch.",)
    assert not verdict.all_valid


@pytest.mark.parametrize("level", LEVELS)
def test_a_flipped_byte_fails_validation(
    signed: dict[str, bytes], signer: ConfiguredSigner, level: str
) -> None:
    report = validate_signature(flip_byte_in_content(signed[level]), signer.trust)

    assert not report.ok
    assert not report.intact
    assert DIGEST_MISMATCH in report.problems
    assert report.level is None


@pytest.mark.parametrize("level", ["B-B", "B-LTA"])
def test_a_page_appended_after_signing_is_reported(
    signed: dict[str, bytes], signer: ConfiguredSigner, level: str, tmp_path: Path
) -> None:
    report = validate_signature(append_page(signed[level], tmp_path), signer.trust)

    assert report.intact
    assert not report.ok
    assert report.modification_level == "OTHER"
    assert MODIFIED_AFTER_SIGNING in report.problems


def test_a_signature_from_another_ca_is_not_trusted(
    signed: dict[str, bytes], tmp_path: Path
) -> None:
    other_trust = local_signer(load_local_pki(tmp_path / "other-pki")).trust

    report = validate_signature(signed["B-T"], other_trust)

    assert report.intact and report.valid
    assert not report.trusted
    assert not report.ok


def test_unsigned_and_unreadable_inputs_give_reports(signer: ConfiguredSigner) -> None:
    assert validate_signature(make_pdf(), signer.trust).problems == (NO_SIGNATURE,)
    assert not validate_signature(b"not a pdf at all", signer.trust).ok


def test_local_pki_is_reused_and_private_keys_are_owner_only(pki_dir: Path) -> None:
    first = load_local_pki(pki_dir)
    second = load_local_pki(pki_dir)

    assert first.signer.cert == second.signer.cert
    for key_file in pki_dir.glob("*.key.pem"):
        assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(pki_dir).st_mode) == 0o700


def test_local_signer_has_non_repudiation_and_tsa_has_timestamping(
    pki_dir: Path,
) -> None:
    from cryptography import x509
    from cryptography.x509.oid import ExtendedKeyUsageOID

    pki = load_local_pki(pki_dir)

    assert pki.signer.cert.extensions.get_extension_for_class(
        x509.KeyUsage
    ).value.content_commitment
    eku = pki.tsa.cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
    assert eku.critical and list(eku.value) == [ExtendedKeyUsageOID.TIME_STAMPING]


def test_leaf_certificates_roll_over_before_they_expire(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import timedelta

    from medocr.signing import pki as pki_module

    old = load_local_pki(tmp_path / "pki")
    old_signed = sign_pades(make_pdf(), local_signer(old), level="B-T")
    monkeypatch.setattr(
        pki_module, "LEAF_ROLLOVER_MARGIN", timedelta(days=pki_module.LEAF_DAYS + 1)
    )

    new = load_local_pki(tmp_path / "pki")

    assert new.ca.cert == old.ca.cert
    assert new.tsa.cert.serial_number != old.tsa.cert.serial_number
    assert new.signer.key.public_key() != old.signer.key.public_key()
    assert len(list((tmp_path / "pki" / "retired").glob("*.crt.pem"))) == 2
    key_mode = os.stat(tmp_path / "pki" / "signer.key.pem").st_mode
    assert stat.S_IMODE(key_mode) == 0o600
    new_signer = local_signer(new)
    assert validate_signature(old_signed, new_signer.trust).ok
    fresh = sign_pades(make_pdf(), new_signer, level="B-T")
    assert validate_signature(fresh, new_signer.trust).ok


def test_a_torn_rollover_is_repaired_on_the_next_load(tmp_path: Path) -> None:
    load_local_pki(tmp_path / "a")
    other = load_local_pki(tmp_path / "b")
    (tmp_path / "a" / "tsa.crt.pem").write_bytes(
        (tmp_path / "b" / "tsa.crt.pem").read_bytes()
    )

    repaired = load_local_pki(tmp_path / "a")

    assert repaired.tsa.key.public_key() == repaired.tsa.cert.public_key()
    assert repaired.tsa.cert != other.tsa.cert


def test_signing_and_validating_b_lta_open_no_connection(
    signer: ConfiguredSigner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network is off for this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)

    signed = sign_pades(make_pdf(), signer, level="B-LTA")
    report = validate_signature(signed, signer.trust)

    assert report.ok and report.level == "B-LTA"
    assert attempts == []
