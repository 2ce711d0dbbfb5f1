"""PAdES signing and validation: local PKI by default, PKCS#12 or PKCS#11 in production.

The public surface is small: build a ``ConfiguredSigner`` (``configured_signer`` from
settings), sign with ``sign_pades``, check with ``validate_signature``, and keep B-LTA
documents verifiable with ``needs_timestamp_renewal`` / ``renew_archive_timestamp``.
"""

from __future__ import annotations

from medocr.signing.configured import ConfiguredSigner
from medocr.signing.factory import build_configured_signer, configured_signer, trust_for
from medocr.signing.pades import LEVELS, sign_pades
from medocr.signing.renewal import (
    extend_archive_timestamps,
    needs_timestamp_renewal,
    renew_archive_timestamp,
)
from medocr.signing.report import SignatureReport
from medocr.signing.trust import TrustStore, load_trust_store
from medocr.signing.validation import validate_signature

__all__ = [
    "LEVELS",
    "ConfiguredSigner",
    "SignatureReport",
    "TrustStore",
    "build_configured_signer",
    "configured_signer",
    "extend_archive_timestamps",
    "load_trust_store",
    "needs_timestamp_renewal",
    "renew_archive_timestamp",
    "sign_pades",
    "trust_for",
    "validate_signature",
]
