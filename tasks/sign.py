"""Stage: sign the redacted, normalized PDF as PAdES and check the result at once."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from medocr.settings import Settings
from medocr.signing import (
    SignatureReport,
    configured_signer,
    sign_pades,
    validate_signature,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignedDocument:
    """The signed PDF and the report from validating it right after signing."""

    pdf: bytes
    report: SignatureReport
    requested_level: str

    @property
    def accepted(self) -> bool:
        """True when the fresh signature checks out at the level that was asked for."""
        return self.report.ok and self.report.level == self.requested_level


def sign_document(pdf: bytes, *, settings: Settings) -> SignedDocument:
    """Sign ``pdf`` at ``settings.signing.level`` and validate it with the same trust.

    Raises:
        InputRejected: ``pdf`` is not a PDF that can be signed.
        EngineError: the signer or timestamp authority failed.
        KeyUnavailable, ConfigurationError: the signer cannot be set up.
    """
    signer = configured_signer(settings)
    level = settings.signing.level
    signed = sign_pades(pdf, signer, level=level)
    report = validate_signature(signed, signer.trust)
    if not report.ok or report.level != level:
        logger.warning(
            "fresh signature failed its check: %s", ",".join(report.problems)
        )
    return SignedDocument(pdf=signed, report=report, requested_level=level)
