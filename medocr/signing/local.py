"""The embedded default: sign and timestamp with the local PKI, trust its CA."""

from __future__ import annotations

from asn1crypto import crl as asn1_crl
from cryptography.hazmat.primitives.serialization import Encoding

from medocr.signing.configured import ConfiguredSigner
from medocr.signing.keys import LoadedKeySigner, to_asn1
from medocr.signing.pki import LocalPki
from medocr.signing.timestamper import LocalTimeStamper
from medocr.signing.trust import TrustStore


def local_trust(pki: LocalPki) -> TrustStore:
    """Trust the local CA, with its current CRL preloaded."""
    crl = asn1_crl.CertificateList.load(pki.crl.public_bytes(Encoding.DER))
    return TrustStore(roots=(to_asn1(pki.ca.cert),), crls=(crl,))


def local_timestamper(pki: LocalPki) -> LocalTimeStamper:
    """The in-process timestamp authority of the local PKI."""
    return LocalTimeStamper(pki.tsa.key, pki.tsa.cert, [pki.ca.cert])


def local_signer(pki: LocalPki) -> ConfiguredSigner:
    """Signer, timestamper and trust all from the local PKI."""
    return ConfiguredSigner(
        signer=LoadedKeySigner(pki.signer.key, pki.signer.cert, [pki.ca.cert]),
        timestamper=local_timestamper(pki),
        trust=local_trust(pki),
    )
