"""What signing needs, built once per process: signer, timestamper, trust."""

from __future__ import annotations

from dataclasses import dataclass

from pyhanko.sign.signers.pdf_cms import Signer
from pyhanko.sign.timestamps.api import TimeStamper

from medocr.signing.trust import TrustStore


@dataclass(frozen=True)
class ConfiguredSigner:
    """A ready signer: its key holder, an optional timestamper and its trust anchors.

    ``trust`` must cover the signer's and the timestamp authority's chains, with CRLs,
    for B-LT and B-LTA: validation data is collected from it, never fetched.
    With ``stamp_font`` (see ``appearance.prepare_stamp_font``) the signature is visible.
    """

    signer: Signer
    timestamper: TimeStamper | None
    trust: TrustStore
    stamp_font: bytes | None = None
