"""The outcome of checking a PAdES signature: a frozen report, never an exception."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

# Problem codes: short, stable and free of document content.
NO_SIGNATURE = "no-signature"
UNREADABLE = "unreadable"
DIGEST_MISMATCH = "digest-mismatch"
SIGNATURE_INVALID = "signature-invalid"
UNTRUSTED = "untrusted"
MODIFIED_AFTER_SIGNING = "modified-after-signing"
PARTIAL_COVERAGE = "partial-coverage"
TIMESTAMP_INVALID = "timestamp-invalid"
ARCHIVE_TIMESTAMP_INVALID = "archive-timestamp-invalid"

ACCEPTED_MODIFICATIONS = ("NONE", "LTA_UPDATES")
# Problems that expiry after signing causes and a valid archive timestamp chain cures.
TRUST_PROBLEMS = (UNTRUSTED, TIMESTAMP_INVALID, ARCHIVE_TIMESTAMP_INVALID)


@dataclass(frozen=True)
class SignatureReport:
    """What holds for the document's signature, field by field.

    ``intact``: the signed bytes hash to the signed digest. ``valid``: the signature
    value verifies. ``trusted``: the signer's chain reaches a trust root and is not
    revoked. ``level``: the highest PAdES baseline level the document meets, or
    ``None`` when the signature itself fails. ``long_term_valid`` is set only when the
    check at validation time failed on trust alone and archive timestamps exist: it
    is the verdict of the AdES long-term (LTA) process, which then decides ``ok``.
    """

    intact: bool
    valid: bool
    trusted: bool
    coverage: str | None = None
    modification_level: str | None = None
    level: str | None = None
    signing_time: datetime | None = None
    signer_fingerprint: str | None = None
    timestamp_valid: bool | None = None
    archive_timestamps: int = 0
    archive_timestamps_valid: bool | None = None
    long_term_valid: bool | None = None
    problems: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        """True when every check passed and nothing but LTA upkeep followed signing."""
        trusted = self.trusted or self.long_term_valid is True
        return not self.problems and self.intact and self.valid and trusted

    @classmethod
    def failed(cls, problem: str) -> SignatureReport:
        """A report for a document whose signature could not be checked at all."""
        return cls(intact=False, valid=False, trusted=False, problems=(problem,))

    def as_dict(self) -> dict[str, Any]:
        """Plain values for JSON output and audit events."""
        data = asdict(self)
        data["ok"] = self.ok
        data["problems"] = list(self.problems)
        if self.signing_time is not None:
            data["signing_time"] = self.signing_time.isoformat()
        return data
