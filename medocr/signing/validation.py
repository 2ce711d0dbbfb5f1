"""Check a signed PDF offline: integrity, trust, coverage, timestamps and PAdES level."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime
from io import BytesIO

from asn1crypto import crl as asn1_crl
from asn1crypto import ocsp as asn1_ocsp
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.decode_limits import DecodePurpose
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import (
    DocumentSecurityStore,
    EmbeddedPdfSignature,
    validate_pdf_signature,
    validate_pdf_timestamp,
)
from pyhanko.sign.validation.errors import NoDSSFoundError, SignatureValidationError
from pyhanko.sign.validation.status import (
    DocumentTimestampStatus,
    PdfSignatureStatus,
    SignatureCoverageLevel,
    SignatureStatus,
)
from pyhanko_certvalidator import ValidationContext

from medocr.signing import report as r
from medocr.signing.longterm import archive_chain_proves
from medocr.signing.report import SignatureReport
from medocr.signing.trust import TrustStore

logger = logging.getLogger(__name__)

# What malformed or tampered bytes raise inside pyHanko and asn1crypto.
_BROKEN = (
    PdfError,
    SignatureValidationError,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
)


def validate_signature(
    pdf: bytes, trust: TrustStore, *, at: datetime | None = None
) -> SignatureReport:
    """Check the document's last signature against ``trust``; never raises on bad input.

    ``at`` validates as of another time than now (an audit question such as "was it
    valid on that day", or a test of expiry). When the check at that time fails only
    on trust and the document has archive timestamps, the AdES long-term process
    decides instead.
    """
    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        signatures = reader.embedded_regular_signatures
        archive = reader.embedded_timestamp_signatures
    except _BROKEN as exc:
        logger.info("signed document unreadable: %s", type(exc).__name__)
        return SignatureReport.failed(r.UNREADABLE)
    if not signatures:
        return SignatureReport.failed(r.NO_SIGNATURE)
    try:
        report = _check(signatures[-1], archive, _read_dss(reader), trust, at)
        if report.archive_timestamps and _only_trust_problems(report):
            proven = archive_chain_proves(signatures[-1], trust, at or _now())
            return _with_long_term(report, proven)
        return report
    except _BROKEN as exc:
        logger.info("signature could not be checked: %s", type(exc).__name__)
        return SignatureReport.failed(r.UNREADABLE)


def _check(
    signature: EmbeddedPdfSignature,
    archive: list[EmbeddedPdfSignature],
    dss: DocumentSecurityStore | None,
    trust: TrustStore,
    at: datetime | None,
) -> SignatureReport:
    status = validate_pdf_signature(
        signature, _context(trust, dss, at), _context(trust, dss, at)
    )
    later = [ts for ts in archive if ts.signed_revision > signature.signed_revision]
    archive_status = [
        validate_pdf_timestamp(ts, _context(trust, dss, at)) for ts in later
    ]
    tst = status.timestamp_validity
    timestamp_ok = None if tst is None else tst.trusted
    archive_ok = None if not archive_status else all(s.trusted for s in archive_status)
    problems = _problems(status, timestamp_ok, archive_ok)
    return SignatureReport(
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        coverage=_name(status.coverage),
        modification_level=_name(status.modification_level),
        level=_level(status, dss, timestamp_ok, archive_status, problems),
        signing_time=tst.timestamp if tst is not None else status.signer_reported_dt,
        signer_fingerprint=hashlib.sha256(status.signing_cert.dump()).hexdigest(),
        timestamp_valid=timestamp_ok,
        archive_timestamps=len(archive_status),
        archive_timestamps_valid=archive_ok,
        problems=problems,
    )


def _only_trust_problems(report: SignatureReport) -> bool:
    return bool(report.problems) and set(report.problems) <= set(r.TRUST_PROBLEMS)


def _with_long_term(report: SignatureReport, proven: bool) -> SignatureReport:
    """Let a passed AdES LTA process clear problems caused by expiry since signing."""
    if not proven:
        return replace(report, long_term_valid=False)
    return replace(report, long_term_valid=True, problems=(), level="B-LTA")


def _problems(
    status: PdfSignatureStatus, timestamp_ok: bool | None, archive_ok: bool | None
) -> tuple[str, ...]:
    checks = (
        (status.intact, r.DIGEST_MISMATCH),
        (status.valid, r.SIGNATURE_INVALID),
        (status.trusted, r.UNTRUSTED),
        (_covers_revision(status), r.PARTIAL_COVERAGE),
        (
            _name(status.modification_level) in r.ACCEPTED_MODIFICATIONS,
            r.MODIFIED_AFTER_SIGNING,
        ),
        (timestamp_ok is not False, r.TIMESTAMP_INVALID),
        (archive_ok is not False, r.ARCHIVE_TIMESTAMP_INVALID),
    )
    return tuple(problem for passed, problem in checks if not passed)


def _level(
    status: PdfSignatureStatus,
    dss: DocumentSecurityStore | None,
    timestamp_ok: bool | None,
    archive_status: list[DocumentTimestampStatus],
    problems: tuple[str, ...],
) -> str | None:
    """The highest baseline level met; ``None`` when the signature itself fails."""
    if problems:
        return None
    if not timestamp_ok:
        return "B-B"
    tst = status.timestamp_validity
    assert tst is not None
    if dss is None or not _revocation_embedded(dss, [status, tst]):
        return "B-T"
    if not archive_status or not _revocation_embedded(dss, [archive_status[0]]):
        return "B-LT"
    return "B-LTA"


def _revocation_embedded(
    dss: DocumentSecurityStore, statuses: Iterable[SignatureStatus]
) -> bool:
    """True when the DSS holds a CRL or OCSP answer for every non-root chain cert."""
    crl_issuers, ocsp_serials = _dss_revocation(dss)
    for status in statuses:
        if status.validation_path is None:
            return False
        for cert in status.validation_path.iter_certs(include_root=False):
            if (
                cert.issuer not in crl_issuers
                and cert.serial_number not in ocsp_serials
            ):
                return False
    return True


def _dss_revocation(
    dss: DocumentSecurityStore,
) -> tuple[list[asn1_x509.Name], set[int]]:
    crls = [
        asn1_crl.CertificateList.load(ref.get_object().read_data(DecodePurpose.CRL))
        for ref in dss.crls
    ]
    serials: set[int] = set()
    for ref in dss.ocsps:
        data = ref.get_object().read_data(DecodePurpose.OCSP_RESPONSE)
        basic = asn1_ocsp.OCSPResponse.load(data).basic_ocsp_response
        for single in basic["tbs_response_data"]["responses"]:
            serials.add(single["cert_id"]["serial_number"].native)
    return [c.issuer for c in crls], serials


def _read_dss(reader: PdfFileReader) -> DocumentSecurityStore | None:
    try:
        return DocumentSecurityStore.read_dss(reader)
    except NoDSSFoundError:
        return None


def _context(
    trust: TrustStore, dss: DocumentSecurityStore | None, at: datetime | None
) -> ValidationContext:
    kwargs = trust.context_kwargs()
    if at is not None:
        kwargs["moment"] = at
    if dss is None:
        return ValidationContext(**kwargs)
    return dss.as_validation_context(kwargs)


def _now() -> datetime:
    return datetime.now(UTC)


def _covers_revision(status: PdfSignatureStatus) -> bool:
    coverage = status.coverage
    return coverage is not None and coverage >= SignatureCoverageLevel.ENTIRE_REVISION


def _name(value: object) -> str | None:
    return None if value is None else str(getattr(value, "name", value))
