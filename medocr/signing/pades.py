"""PAdES baseline signing (B-B, B-T, B-LT, B-LTA) with pyHanko, offline."""

from __future__ import annotations

import logging
from io import BytesIO
from typing import get_args

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata, PdfSigner
from pyhanko.sign.timestamps.common_utils import TimestampRequestError

from medocr.errors import (
    ENG_SIGN,
    ENG_TIMESTAMP,
    IN_MALFORMED,
    EngineError,
    InputRejected,
)
from medocr.settings import SigningLevel
from medocr.signing.appearance import last_page_field, stamp_style
from medocr.signing.configured import ConfiguredSigner

logger = logging.getLogger(__name__)


class _OfflineByDesign(logging.Filter):
    """Drop pyHanko's notice that fetching is off: preloaded validation data is the design."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "fetching is not allowed" not in record.getMessage()


logging.getLogger("pyhanko.sign.signers.pdf_signer").addFilter(_OfflineByDesign())

LEVELS: tuple[SigningLevel, ...] = get_args(SigningLevel)
SIGNATURE_FIELD = "medocr-signature"
MD_ALGORITHM = "sha256"


def sign_pades(pdf: bytes, signer: ConfiguredSigner, *, level: SigningLevel) -> bytes:
    """Sign ``pdf`` as a PAdES baseline signature of ``level``; return the new PDF.

    Raises:
        InputRejected: the bytes are not a PDF pyHanko can extend.
        EngineError: the signer or the timestamp authority failed.
    """
    if level not in LEVELS:
        raise EngineError("unknown PAdES level requested", code=ENG_SIGN)
    if level != "B-B" and signer.timestamper is None:
        raise EngineError(
            "PAdES levels above B-B need a timestamper", code=ENG_TIMESTAMP
        )
    writer = _open_for_update(pdf)
    pdf_signer = PdfSigner(
        _metadata(signer, level),
        signer=signer.signer,
        timestamper=None if level == "B-B" else signer.timestamper,
        stamp_style=stamp_style(signer.stamp_font) if signer.stamp_font else None,
        new_field_spec=(
            last_page_field(writer, SIGNATURE_FIELD) if signer.stamp_font else None
        ),
    )
    output = BytesIO()
    try:
        pdf_signer.sign_pdf(writer, output=output)
    except TimestampRequestError as exc:
        raise EngineError(
            "the timestamp authority refused", code=ENG_TIMESTAMP
        ) from exc
    except (SigningError, PdfError, OSError, RuntimeError) as exc:
        # python-pkcs11 reports token failures as RuntimeError subclasses.
        raise EngineError(
            "the signer could not sign the document", code=ENG_SIGN
        ) from exc
    logger.info("signed one document at %s, %d bytes", level, output.tell())
    return output.getvalue()


def _metadata(signer: ConfiguredSigner, level: SigningLevel) -> PdfSignatureMetadata:
    long_term = level in ("B-LT", "B-LTA")
    return PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm=MD_ALGORITHM,
        subfilter=SigSeedSubFilter.PADES,
        embed_validation_info=long_term,
        use_pades_lta=level == "B-LTA",
        validation_context=signer.trust.validation_context() if long_term else None,
    )


def _open_for_update(pdf: bytes) -> IncrementalPdfFileWriter:
    try:
        return IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
    except (PdfError, ValueError, KeyError, IndexError) as exc:
        raise InputRejected(
            "the document is not a readable PDF", code=IN_MALFORMED
        ) from exc
