"""Production key holders and timestamp authorities: PKCS#12, PKCS#11, RFC 3161 URL."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import pkcs11
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives.serialization import pkcs12
from pkcs11 import Session
from pyhanko.config.pkcs11 import TokenCriteria
from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session
from pyhanko.sign.timestamps import HTTPTimeStamper

from medocr.errors import (
    KEY_MISSING,
    KEY_WRONG_SECRET,
    ConfigurationError,
    KeyUnavailable,
    ResidencyViolation,
)
from medocr.signing.keys import LoadedKeySigner

logger = logging.getLogger(__name__)


def pkcs12_signer(path: Path, passphrase: str | None) -> LoadedKeySigner:
    """Load the key and chain from a PKCS#12 file once; raise if it cannot be opened."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KeyUnavailable(
            "the PKCS#12 signer file cannot be read", code=KEY_MISSING
        ) from exc
    secret = passphrase.encode() if passphrase is not None else None
    try:
        key, cert, chain = pkcs12.load_key_and_certificates(data, secret)
    except ValueError as exc:
        raise KeyUnavailable(
            "the PKCS#12 signer file did not open: check the passphrase",
            code=KEY_WRONG_SECRET,
        ) from exc
    if key is None or cert is None:
        raise KeyUnavailable(
            "the PKCS#12 file holds no key with a certificate", code=KEY_MISSING
        )
    return LoadedKeySigner(key, cert, chain)  # type: ignore[arg-type]


def pkcs11_signer(
    module: Path,
    *,
    token_label: str,
    pin: str,
    key_label: str,
    cert_label: str | None = None,
    chain: Iterable[asn1_x509.Certificate] = (),
) -> PKCS11Signer:
    """Open a session on a PKCS#11 token and sign with the labelled key in it.

    The session stays open for the life of the signer, so each signature costs one
    token operation and no log-in.
    """
    session = _open_session(module, token_label, pin)
    build = partial(
        PKCS11Signer,
        session,
        cert_label=cert_label or key_label,
        key_label=key_label,
        ca_chain=list(chain),
    )
    signer = build()
    if _is_ec(signer):
        # Many tokens (SoftHSM2 among them) only offer raw ECDSA: hash here, sign there.
        signer = build(use_raw_mechanism=True)
    return signer


def _open_session(module: Path, token_label: str, pin: str) -> Session:
    try:
        session = open_pkcs11_session(
            str(module), token_criteria=TokenCriteria(label=token_label), user_pin=pin
        )
    except pkcs11.exceptions.PinIncorrect as exc:
        raise KeyUnavailable(
            "the PKCS#11 token refused the PIN", code=KEY_WRONG_SECRET
        ) from exc
    except (pkcs11.exceptions.PKCS11Error, OSError) as exc:
        raise KeyUnavailable(
            "the PKCS#11 token could not be opened", code=KEY_MISSING
        ) from exc
    logger.info("opened a PKCS#11 session for signing")
    return session


def _is_ec(signer: PKCS11Signer) -> bool:
    try:
        cert = signer.signing_cert
    except pkcs11.exceptions.PKCS11Error as exc:
        raise KeyUnavailable(
            "the token holds no certificate with that label", code=KEY_MISSING
        ) from exc
    return cert is not None and cert.public_key.algorithm == "ec"


def http_timestamper(
    url: str, *, timeout: float, allowed_hosts: Iterable[str]
) -> HTTPTimeStamper:
    """An RFC 3161 client for ``url``, refused unless its host is allowed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigurationError("signing.tsa_url must be an http(s) URL")
    if parts.hostname not in set(allowed_hosts):
        raise ResidencyViolation(
            "the timestamp authority's host is not in residency.allowed_hosts"
        )
    return HTTPTimeStamper(url, timeout=timeout)
