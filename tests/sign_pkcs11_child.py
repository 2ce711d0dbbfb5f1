"""Child process for the PKCS#11 tests: SoftHSM2 reads its configuration once per process."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pkcs11
from asn1crypto import x509
from pkcs11 import Attribute, CertificateType, ObjectClass

SOFTHSM_MODULE = "/usr/lib/softhsm/libsofthsm2.so"


def tests_import_cert(cert_file: str) -> None:
    """Store the signer certificate on the token next to its key."""
    der = Path(cert_file).read_bytes()
    cert = x509.Certificate.load(der)
    token = pkcs11.lib(SOFTHSM_MODULE).get_token(token_label="medocr-test")
    with token.open(rw=True, user_pin="1234") as session:
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.LABEL: "signer",
                Attribute.ID: b"\x01",
                Attribute.SUBJECT: cert.subject.dump(),
                Attribute.ISSUER: cert.issuer.dump(),
                Attribute.SERIAL_NUMBER: cert["tbs_certificate"][
                    "serial_number"
                ].dump(),
                Attribute.VALUE: der,
            }
        )


def tests_sign_file(pdf_in: str, pdf_out: str) -> None:
    """Sign through the stage function with settings taken from the environment."""
    from medocr.settings import Settings
    from tasks.sign import sign_document

    signed = sign_document(Path(pdf_in).read_bytes(), settings=Settings())
    if not signed.accepted:
        sys.exit(f"fresh signature not accepted: {signed.report.problems}")
    Path(pdf_out).write_bytes(signed.pdf)


def tests_wrong_pin() -> None:
    """A wrong PIN must surface as a key error with its stable code."""
    from medocr.errors import KEY_WRONG_SECRET, KeyUnavailable
    from medocr.signing.production import pkcs11_signer

    try:
        pkcs11_signer(
            Path(SOFTHSM_MODULE),
            token_label="medocr-test",
            pin="0000",
            key_label="signer",
        )
    except KeyUnavailable as exc:
        if exc.code != KEY_WRONG_SECRET:
            sys.exit(f"unexpected code {exc.code}")
        return
    sys.exit("a wrong PIN opened the token")


if __name__ == "__main__":
    assert "SOFTHSM2_CONF" in os.environ
    globals()[sys.argv[1]](*sys.argv[2:])
