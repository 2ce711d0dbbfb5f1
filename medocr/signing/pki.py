"""The embedded default's local PKI: a CA, a signer, a timestamp authority and a CRL.

Created on first use under ``settings.pki_path`` and reused afterwards. Private keys
are written owner-only; the CRL is re-issued when it nears its next update.
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from medocr.errors import ConfigurationError
from medocr.files import write_atomically

logger = logging.getLogger(__name__)

CRL_URL = "http://pki.medocr.invalid/ca.crl"
CA_DAYS = 3650
LEAF_DAYS = 825
CRL_DAYS = 30
CRL_REFRESH_MARGIN = timedelta(days=7)
# Longer than the archive timestamp renewal horizon, so renewals use a fresh TSA cert.
LEAF_ROLLOVER_MARGIN = timedelta(days=180)
SIGNER_NAME = "medocr document signer"
TSA_NAME = "medocr timestamp authority"
_FILES = ("ca", "signer", "tsa")


@dataclass(frozen=True)
class Identity:
    """A private key with its certificate."""

    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate


@dataclass(frozen=True)
class LocalPki:
    """The loaded local PKI: everything the embedded signer and validator need."""

    ca: Identity
    signer: Identity
    tsa: Identity
    crl: x509.CertificateRevocationList


def load_local_pki(pki_path: Path, *, create: bool = True) -> LocalPki:
    """Load the local PKI, creating it on first use and refreshing a stale CRL."""
    if not (pki_path / "ca.crt.pem").is_file():
        if not create:
            raise ConfigurationError(
                "no local PKI exists yet: sign once or name a trust root"
            )
        _create(pki_path)
    ca = _read_identity(pki_path, "ca")
    signer = _current_leaf(pki_path, ca, "signer", SIGNER_NAME, _signer_extensions())
    tsa = _current_leaf(pki_path, ca, "tsa", TSA_NAME, _tsa_extensions())
    crl = x509.load_der_x509_crl((pki_path / "ca.crl").read_bytes())
    if crl.next_update_utc is None or crl.next_update_utc - _now() < CRL_REFRESH_MARGIN:
        crl = _issue_crl(ca)
        _write_atomic(pki_path / "ca.crl", crl.public_bytes(serialization.Encoding.DER))
        logger.info("re-issued local CRL, next update %s", crl.next_update_utc)
    return LocalPki(ca=ca, signer=signer, tsa=tsa, crl=crl)


def _create(pki_path: Path) -> None:
    """Build the PKI in a private staging folder, then move it into place at once."""
    pki_path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".pki-", dir=pki_path.parent))
    ca = _issue_ca()
    signer = _issue_leaf(ca, SIGNER_NAME, _signer_extensions())
    tsa = _issue_leaf(ca, TSA_NAME, _tsa_extensions())
    for name, identity in zip(_FILES, (ca, signer, tsa), strict=True):
        _write_identity(staging, name, identity)
    crl_der = _issue_crl(ca).public_bytes(serialization.Encoding.DER)
    (staging / "ca.crl").write_bytes(crl_der)
    try:
        staging.rename(pki_path)
    except OSError:
        _remove_tree(staging)
        if not (pki_path / "ca.crt.pem").is_file():
            raise
        return
    logger.info("created local PKI under the home folder")


def _current_leaf(
    pki_path: Path,
    ca: Identity,
    name: str,
    common_name: str,
    extensions: list[tuple[x509.ExtensionType, bool]],
) -> Identity:
    """The leaf identity, rolled over to a new key when it nears expiry or is torn."""
    identity = _read_identity(pki_path, name)
    remaining = identity.cert.not_valid_after_utc - _now()
    if remaining >= LEAF_ROLLOVER_MARGIN and _key_matches(identity):
        return identity
    fresh = _issue_leaf(ca, common_name, extensions)
    retired = pki_path / "retired"
    retired.mkdir(mode=0o700, exist_ok=True)
    serial = f"{identity.cert.serial_number:x}"
    cert_pem = identity.cert.public_bytes(serialization.Encoding.PEM)
    _write_atomic(retired / f"{name}-{serial}.crt.pem", cert_pem)
    _write_atomic(pki_path / f"{name}.key.pem", _key_pem(fresh), mode=0o600)
    _write_atomic(
        pki_path / f"{name}.crt.pem",
        fresh.cert.public_bytes(serialization.Encoding.PEM),
    )
    logger.info("rolled over the local %s certificate to a new key", name)
    return fresh


def _key_matches(identity: Identity) -> bool:
    """False when a crash left a key file from one rollover and a cert from another."""
    return identity.key.public_key() == identity.cert.public_key()


def issue_signer(ca: Identity, common_name: str) -> Identity:
    """A further signer certificate from this CA (non-repudiation key usage)."""
    return _issue_leaf(ca, common_name, _signer_extensions())


def _issue_ca() -> Identity:
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name("medocr local CA")
    builder = (
        _base_builder(name, name, key.public_key(), CA_DAYS)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
        )
    )
    return Identity(key=key, cert=builder.sign(key, hashes.SHA256()))


def _issue_leaf(
    ca: Identity, common_name: str, extensions: list[tuple[x509.ExtensionType, bool]]
) -> Identity:
    key = ec.generate_private_key(ec.SECP256R1())
    builder = _base_builder(
        _name(common_name), ca.cert.subject, key.public_key(), LEAF_DAYS
    )
    builder = builder.add_extension(
        x509.BasicConstraints(ca=False, path_length=None), critical=True
    ).add_extension(
        x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()),
        critical=False,
    )
    builder = builder.add_extension(
        x509.CRLDistributionPoints(
            [
                x509.DistributionPoint(
                    [x509.UniformResourceIdentifier(CRL_URL)], None, None, None
                )
            ]
        ),
        critical=False,
    )
    for extension, critical in extensions:
        builder = builder.add_extension(extension, critical=critical)
    return Identity(key=key, cert=builder.sign(ca.key, hashes.SHA256()))


def _signer_extensions() -> list[tuple[x509.ExtensionType, bool]]:
    return [(_key_usage(non_repudiation=True), True)]


def _tsa_extensions() -> list[tuple[x509.ExtensionType, bool]]:
    return [
        (_key_usage(), True),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), True),
    ]


def _issue_crl(ca: Identity) -> x509.CertificateRevocationList:
    now = _now()
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca.cert.subject)
        .last_update(now - timedelta(minutes=5))
        .next_update(now + timedelta(days=CRL_DAYS))
        .add_extension(x509.CRLNumber(int(now.timestamp())), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()),
            critical=False,
        )
    )
    return builder.sign(ca.key, hashes.SHA256())


def _base_builder(
    subject: x509.Name,
    issuer: x509.Name,
    public_key: ec.EllipticCurvePublicKey,
    days: int,
) -> x509.CertificateBuilder:
    now = _now()
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=days))
    )


def _key_usage(
    *, cert_sign: bool = False, non_repudiation: bool = False
) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=non_repudiation,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "medocr embedded PKI"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _write_identity(folder: Path, name: str, identity: Identity) -> None:
    key_path = folder / f"{name}.key.pem"
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(_key_pem(identity))
    cert_pem = identity.cert.public_bytes(serialization.Encoding.PEM)
    (folder / f"{name}.crt.pem").write_bytes(cert_pem)


def _key_pem(identity: Identity) -> bytes:
    return identity.key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _read_identity(folder: Path, name: str) -> Identity:
    key = serialization.load_pem_private_key(
        (folder / f"{name}.key.pem").read_bytes(), password=None
    )
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise ValueError("local PKI keys are ECDSA keys")
    cert = x509.load_pem_x509_certificate((folder / f"{name}.crt.pem").read_bytes())
    return Identity(key=key, cert=cert)


def _write_atomic(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Write beside ``path`` under a unique name, then rename over it."""
    write_atomically(path, data, mode=mode)


def _remove_tree(folder: Path) -> None:
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()


def _now() -> datetime:
    return datetime.now(UTC)
