"""A renewed B-LTA document outlives the certificates it was signed and stamped with."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import crl as asn1_crl
from cryptography.hazmat.primitives.serialization import Encoding
from sign_support import make_pdf

from medocr.signing import TrustStore, sign_pades, validate_signature
from medocr.signing import pki as pki_module
from medocr.signing.keys import to_asn1
from medocr.signing.local import local_signer
from medocr.signing.pki import LEAF_DAYS, load_local_pki
from medocr.signing.renewal import extend_archive_timestamps

FUTURE = datetime.now(UTC) + timedelta(days=LEAF_DAYS + 75)


def test_renewed_document_is_proven_after_its_certificates_expired(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pki = load_local_pki(tmp_path / "pki")
    signed = sign_pades(make_pdf(), local_signer(pki), level="B-LTA")
    # The TSA rolls over to a certificate that outlives the first one.
    monkeypatch.setattr(pki_module, "LEAF_DAYS", LEAF_DAYS * 3)
    monkeypatch.setattr(
        pki_module, "LEAF_ROLLOVER_MARGIN", timedelta(days=LEAF_DAYS + 1)
    )
    rolled = load_local_pki(tmp_path / "pki")
    renewed = extend_archive_timestamps(signed, local_signer(rolled))
    trust_then = _trust_at(FUTURE, rolled, monkeypatch)

    report = validate_signature(renewed, trust_then, at=FUTURE)
    unrenewed = validate_signature(signed, trust_then, at=FUTURE)

    assert not report.trusted
    assert report.long_term_valid is True
    assert report.ok and report.level == "B-LTA"
    assert unrenewed.long_term_valid is False
    assert not unrenewed.ok


def test_a_fresh_b_lta_document_needs_no_long_term_verdict(tmp_path: Path) -> None:
    signer = local_signer(load_local_pki(tmp_path / "pki"))

    report = validate_signature(
        sign_pades(make_pdf(), signer, level="B-LTA"), signer.trust
    )

    assert report.ok and report.long_term_valid is None


def _trust_at(
    moment: datetime, pki: pki_module.LocalPki, monkeypatch: pytest.MonkeyPatch
) -> TrustStore:
    """The CA's trust as a verifier would hold it then: a CRL issued at that time."""
    with monkeypatch.context() as patch:
        patch.setattr(pki_module, "_now", lambda: moment)
        crl = pki_module._issue_crl(pki.ca)
    current = asn1_crl.CertificateList.load(crl.public_bytes(Encoding.DER))
    return TrustStore(roots=(to_asn1(pki.ca.cert),), crls=(current,))
