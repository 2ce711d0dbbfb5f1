"""A pyHanko signer whose private key stays loaded in memory between signatures."""

from __future__ import annotations

from collections.abc import Iterable

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from pyhanko.sign.signers.pdf_cms import Signer
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

from medocr.errors import ENG_SIGN, EngineError

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


def to_asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    """The asn1crypto view of a ``cryptography`` certificate (pyHanko's type)."""
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


class LoadedKeySigner(Signer):
    """Signs with an ECDSA or RSA key object held for the life of the process.

    pyHanko's ``SimpleSigner`` parses the key again on every signature; this one
    parses it once, which matters when thousands of documents are signed.
    """

    def __init__(
        self,
        key: PrivateKey,
        cert: x509.Certificate,
        chain: Iterable[x509.Certificate] = (),
    ) -> None:
        if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
            raise EngineError(
                "only ECDSA and RSA signing keys are supported", code=ENG_SIGN
            )
        self._key = key
        registry = SimpleCertificateStore.from_certs([to_asn1(c) for c in chain])
        super().__init__(signing_cert=to_asn1(cert), cert_registry=registry)

    async def async_sign_raw(
        self, data: bytes, digest_algorithm: str, dry_run: bool = False
    ) -> bytes:
        """Sign ``data`` with the loaded key (pyHanko's raw-signature hook)."""
        hash_algo = get_pyca_cryptography_hash(digest_algorithm)
        if isinstance(self._key, ec.EllipticCurvePrivateKey):
            return self._key.sign(data, ec.ECDSA(hash_algo))
        return self._key.sign(data, padding.PKCS1v15(), hash_algo)
