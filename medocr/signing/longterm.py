"""Long-term (AdES LTA) validation: is a B-LTA signature still proven, even after expiry?

Checking at the current time fails once the signer's or an older TSA's certificate has
expired, although the chain of archive timestamps still proves the signature. This
runs pyHanko's ETSI EN 319 102-1 LTA process with local data only.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from pyhanko.sign.ades.report import AdESPassed
from pyhanko.sign.validation import EmbeddedPdfSignature
from pyhanko.sign.validation.ades import ades_lta_validation
from pyhanko.sign.validation.policy_decl import (
    LocalKnowledge,
    PdfSignatureValidationSpec,
    RevinfoOnlineFetchingRule,
    RevocationInfoGatheringSpec,
    SignatureValidationSpec,
)
from pyhanko_certvalidator.context import CertValidationPolicySpec
from pyhanko_certvalidator.ltv.types import ValidationTimingInfo
from pyhanko_certvalidator.policy_decl import REQUIRE_REVINFO, CertRevTrustPolicy
from pyhanko_certvalidator.registry import SimpleTrustManager
from pyhanko_certvalidator.revinfo.archival import CRLContainer

from medocr.signing.trust import TrustStore

logger = logging.getLogger(__name__)


def archive_chain_proves(
    signature: EmbeddedPdfSignature, trust: TrustStore, at: datetime
) -> bool:
    """True when the AdES LTA process at time ``at`` ends in PASSED."""
    timing = ValidationTimingInfo(
        validation_time=at, best_signature_time=at, point_in_time_validation=False
    )
    try:
        result = asyncio.run(
            ades_lta_validation(signature, _spec(trust), timing_info=timing)
        )
    except (ValueError, KeyError, TypeError) as exc:
        logger.info("long-term validation could not run: %s", type(exc).__name__)
        return False
    return result.ades_subindic == AdESPassed.OK


def _spec(trust: TrustStore) -> PdfSignatureValidationSpec:
    policy = CertValidationPolicySpec(
        trust_manager=SimpleTrustManager.build(trust_roots=list(trust.roots)),
        revinfo_policy=CertRevTrustPolicy(REQUIRE_REVINFO),
    )
    knowledge = LocalKnowledge(
        known_crls=[CRLContainer(crl) for crl in trust.crls],
        known_certs=list(trust.intermediates),
    )
    return PdfSignatureValidationSpec(
        SignatureValidationSpec(
            cert_validation_policy=policy,
            revinfo_gathering_policy=RevocationInfoGatheringSpec(
                online_fetching_rule=RevinfoOnlineFetchingRule.LOCAL_ONLY
            ),
            local_knowledge=knowledge,
        )
    )
