"""Every error medocr raises, each with a stable code and a content-free message.

    MedocrError                      code  MEDOCR-000
    ├── ConfigurationError           MEDOCR-CFG-*   settings, residency, missing setup
    ├── InputRejected                MEDOCR-IN-*    a document that cannot be processed
    ├── KeyUnavailable               MEDOCR-KEY-*   key provider, wrong password, missing key
    ├── VaultError                   MEDOCR-VLT-*   storage backend failures
    ├── AuditChainBroken             MEDOCR-AUD-001
    ├── EngineError                  MEDOCR-ENG-*   OCR, signer, timestamper failures
    └── StageError                   MEDOCR-STG-*   a stage that cannot go on

Messages never carry document text, names, identifiers or original file names: they
name opaque ids, counts and what the operator should do next. A failed *check*
(validation, contract, signature) is a report, not an exception.
"""

from __future__ import annotations


class MedocrError(Exception):
    """Base class: a stable ``code`` plus a message that is safe to log anywhere."""

    code: str = "MEDOCR-000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        super().__init__(message)

    def __str__(self) -> str:
        return f"[{self.code}] {self.args[0] if self.args else ''}"

    def __reduce__(self) -> tuple[object, ...]:
        """Keep the code when the error crosses a process boundary (OCR workers)."""
        return (_rebuild, (type(self), self.args[0] if self.args else "", self.code))


def _rebuild(cls: type[MedocrError], message: str, code: str) -> MedocrError:
    return cls(message, code=code)


class ConfigurationError(MedocrError):
    code = "MEDOCR-CFG-001"


class ResidencyViolation(ConfigurationError):
    """A store or service outside the allowed regions or hosts."""

    code = "MEDOCR-CFG-010"


class EgressBlocked(ResidencyViolation):
    """A connection attempt to a host that was not configured."""

    code = "MEDOCR-CFG-011"


class InputRejected(MedocrError):
    """A document that medocr will not process; it is quarantined, never half-done."""

    code = "MEDOCR-IN-000"


# Stable codes for rejected input; keep them, add new ones at the end.
IN_UNSUPPORTED = "MEDOCR-IN-001"
IN_TOO_LARGE = "MEDOCR-IN-002"
IN_TOO_MANY_PAGES = "MEDOCR-IN-003"
IN_TOO_MANY_PIXELS = "MEDOCR-IN-004"
IN_ENCRYPTED = "MEDOCR-IN-005"
IN_MALFORMED = "MEDOCR-IN-006"
IN_TIMEOUT = "MEDOCR-IN-007"
IN_EMPTY = "MEDOCR-IN-008"
IN_MEMORY = "MEDOCR-IN-009"
IN_NO_TEXT = "MEDOCR-IN-010"
# The same content was processed before and destroyed under the retention policy.
IN_DESTROYED = "MEDOCR-IN-011"


class KeyUnavailable(MedocrError):
    code = "MEDOCR-KEY-001"


KEY_MISSING = "MEDOCR-KEY-001"
KEY_WRONG_SECRET = "MEDOCR-KEY-002"
KEY_DESTROYED = "MEDOCR-KEY-003"
KEY_TAMPERED = "MEDOCR-KEY-004"
KEY_IN_USE = "MEDOCR-KEY-005"


class VaultError(MedocrError):
    code = "MEDOCR-VLT-001"


VLT_NOT_FOUND = "MEDOCR-VLT-002"
VLT_FULL = "MEDOCR-VLT-003"
VLT_BACKEND = "MEDOCR-VLT-004"
# A destroyed artifact still has a copy in a tier the retention sweep checks.
VLT_COPY_REMAINS = "MEDOCR-VLT-005"


class AuditChainBroken(MedocrError):
    code = "MEDOCR-AUD-001"


class EngineError(MedocrError):
    code = "MEDOCR-ENG-000"


ENG_OCR = "MEDOCR-ENG-001"
ENG_SIGN = "MEDOCR-ENG-002"
ENG_TIMESTAMP = "MEDOCR-ENG-003"
ENG_MODEL_MISSING = "MEDOCR-ENG-004"


class StageError(MedocrError):
    code = "MEDOCR-STG-000"


STG_NOT_READY = "MEDOCR-STG-001"
STG_BLOCKED = "MEDOCR-STG-002"
# A legal hold request names an unknown document or a free-text actor or reason.
STG_HOLD_INVALID = "MEDOCR-STG-003"
# A failure injected on purpose through MEDOCR_FAULT (operations tests only).
STG_INJECTED_FAULT = "MEDOCR-STG-004"
# A review request names an unknown or decided item, a free-text reviewer or reason,
# or asks to approve a record that broke its data contract.
STG_REVIEW_INVALID = "MEDOCR-STG-005"
# The records database refused or dropped the connection; the task retries.
STG_DATABASE = "MEDOCR-STG-006"
