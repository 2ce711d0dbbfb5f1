"""Keep B-LTA documents verifiable: add a fresh archive timestamp before the last expires."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from io import BytesIO

from asn1crypto import cms
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers.pdf_signer import PdfTimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko.sign.validation import EmbeddedPdfSignature

from medocr.errors import (
    ENG_TIMESTAMP,
    IN_MALFORMED,
    IN_UNSUPPORTED,
    ConfigurationError,
    EngineError,
    InputRejected,
)
from medocr.settings import Settings
from medocr.signing.configured import ConfiguredSigner
from medocr.signing.factory import configured_signer

logger = logging.getLogger(__name__)


def needs_timestamp_renewal(pdf: bytes, horizon_days: int) -> bool:
    """True when the newest archive timestamp's chain expires within ``horizon_days``.

    Documents without an archive timestamp (below B-LTA) have nothing to renew.
    """
    latest = _latest_archive_timestamp(_read(pdf))
    if latest is None:
        return False
    horizon = datetime.now(UTC) + timedelta(days=horizon_days)
    return _chain_expiry(latest.signed_data) <= horizon


def renew_archive_timestamp(pdf: bytes, settings: Settings) -> bytes:
    """Renew with the signer and timestamp authority the settings configure.

    Raises:
        InputRejected: the document is unreadable or has no archive timestamp.
        EngineError: the timestamp authority failed.
        ConfigurationError: no timestamp authority is configured.
    """
    return extend_archive_timestamps(pdf, configured_signer(settings))


def extend_archive_timestamps(pdf: bytes, signer: ConfiguredSigner) -> bytes:
    """Add validation data for the last archive timestamp and a new one over it all."""
    if signer.timestamper is None:
        raise ConfigurationError(
            "renewing archive timestamps needs a timestamp authority"
        )
    reader = _read(pdf)
    if _latest_archive_timestamp(reader) is None:
        raise InputRejected(
            "only documents with an archive timestamp (B-LTA) can be renewed",
            code=IN_UNSUPPORTED,
        )
    output = BytesIO()
    try:
        PdfTimeStamper(signer.timestamper).update_archival_timestamp_chain(
            reader, signer.trust.validation_context(), in_place=False, output=output
        )
    except (TimestampRequestError, SigningError, PdfError) as exc:
        raise EngineError(
            "archive timestamp renewal failed", code=ENG_TIMESTAMP
        ) from exc
    logger.info("renewed the archive timestamp of one document")
    return output.getvalue()


def _read(pdf: bytes) -> PdfFileReader:
    try:
        return PdfFileReader(BytesIO(pdf), strict=False)
    except (PdfError, ValueError) as exc:
        raise InputRejected(
            "the document is not a readable PDF", code=IN_MALFORMED
        ) from exc


def _latest_archive_timestamp(reader: PdfFileReader) -> EmbeddedPdfSignature | None:
    timestamps = reader.embedded_timestamp_signatures
    return timestamps[-1] if timestamps else None


def _chain_expiry(token: cms.SignedData) -> datetime:
    """The earliest ``notAfter`` among the certificates the timestamp token carries."""
    certs = [choice.chosen for choice in token["certificates"]]
    return min(cert.not_valid_after for cert in certs)
