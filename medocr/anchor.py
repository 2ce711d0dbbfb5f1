"""Anchors for the audit chain: RFC 3161 timestamp tokens over the chain head.

The chain alone shows an edit anywhere but its end: whoever can write the database
could rewrite the newest events and recompute their hashes. An anchor stores a
timestamp authority's signed token over ``(seq, head hash)``, so every event up to
the anchored one is fixed; verification checks the token's signature and imprint
and that the event at that seq still carries the anchored hash. The timestamper is
the signing subsystem's (the local TSA by default, ``signing.tsa_url`` otherwise).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import cms, tsp
from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko.sign.validation.generic_cms import validate_tst_signed_data
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from medocr.audit import AuditChain, ChainReport
from medocr.errors import ENG_TIMESTAMP, ConfigurationError, EngineError
from medocr.records import AuditAnchor, AuditEvent
from medocr.settings import Settings
from medocr.signing.trust import TrustStore

log = logging.getLogger(__name__)

_DOMAIN = "medocr-audit-anchor-v1"


@dataclass(frozen=True)
class AnchorReport:
    """Outcome of checking one anchor; ``problem`` is None when it holds."""

    anchor_id: int
    seq: int
    timestamp: datetime | None
    problem: str | None = None

    @property
    def holds(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class AuditVerification:
    """The chain's links plus its latest anchor: what ``medocr audit verify`` shows."""

    chain: ChainReport
    anchor: AnchorReport | None

    @property
    def intact(self) -> bool:
        return self.chain.intact and (self.anchor is None or self.anchor.holds)


def anchor_message(seq: int, head_hash: str) -> bytes:
    """The bytes a token's imprint covers: the seq and hash of the anchored event."""
    return f"{_DOMAIN}|{seq}|{head_hash}".encode()


def timestamper_for(settings: Settings) -> TimeStamper:
    """The signing subsystem's timestamper (local TSA, or the one at signing.tsa_url)."""
    from medocr.signing.factory import configured_signer

    timestamper = configured_signer(settings).timestamper
    if timestamper is None:
        raise ConfigurationError("anchoring the audit chain needs signing.tsa_url")
    return timestamper


def trust_for(settings: Settings) -> TrustStore:
    """The trust anchors a timestamp token must chain to."""
    from medocr.signing.factory import trust_for as signing_trust

    return signing_trust(settings)


def anchor_head(engine: Engine, timestamper: TimeStamper) -> AuditAnchor | None:
    """Timestamp the chain head and store the token; reuse an anchor of that head."""
    seq, head_hash = AuditChain(engine).head()
    if seq == 0:
        return None
    latest = latest_anchor(engine)
    if latest is not None and (latest.seq, latest.head_hash) == (seq, head_hash):
        return latest
    digest = hashlib.sha256(anchor_message(seq, head_hash)).digest()
    try:
        token = asyncio.run(timestamper.async_timestamp(digest, "sha256"))
    except Exception as exc:  # noqa: BLE001 - any TSA failure stops anchoring
        raise EngineError(
            f"the timestamp authority did not answer ({type(exc).__name__})",
            code=ENG_TIMESTAMP,
        ) from None
    anchor = AuditAnchor(seq=seq, head_hash=head_hash, token=token.dump())
    with Session(engine) as session:
        session.add(anchor)
        session.commit()
        session.refresh(anchor)
        session.expunge(anchor)
    log.info("anchored the audit chain at seq %d (anchor %s)", seq, anchor.id)
    return anchor


def latest_anchor(engine: Engine) -> AuditAnchor | None:
    query = select(AuditAnchor).order_by(col(AuditAnchor.id).desc()).limit(1)
    with Session(engine) as session:
        return session.exec(query).first()


def verify_audit(
    engine: Engine, load_trust: Callable[[], TrustStore]
) -> AuditVerification:
    """Verify every link of the chain, then the latest anchor (trust loaded if any)."""
    chain = AuditChain(engine).verify()
    anchor = latest_anchor(engine)
    report = None if anchor is None else verify_anchor(engine, anchor, load_trust())
    return AuditVerification(chain, report)


def verify_anchor(
    engine: Engine, anchor: AuditAnchor, trust: TrustStore
) -> AnchorReport:
    """Check the token's signature and imprint and the anchored event's hash."""
    assert anchor.id is not None
    try:
        signed = cms.ContentInfo.load(anchor.token)["content"]
        tst_info: tsp.TSTInfo = signed["encap_content_info"]["content"].parsed
        timestamp = tst_info["gen_time"].native
    except (ValueError, KeyError, TypeError, AttributeError):
        return AnchorReport(anchor.id, anchor.seq, None, "the token cannot be parsed")
    problem = _token_problem(signed, anchor, trust) or _event_problem(engine, anchor)
    return AnchorReport(anchor.id, anchor.seq, timestamp, problem)


def _token_problem(
    signed: cms.SignedData, anchor: AuditAnchor, trust: TrustStore
) -> str | None:
    message = anchor_message(anchor.seq, anchor.head_hash)
    status = asyncio.run(
        validate_tst_signed_data(
            signed,
            trust.validation_context(),
            lambda algorithm: hashlib.new(algorithm, message).digest(),
        )
    )
    if not status.get("intact"):
        return "the token does not cover this anchor's seq and head hash"
    if not status.get("valid"):
        return "the token's signature is not valid"
    if status.get("trust_problem_indic") is not None:
        return "the token's signer is not trusted"
    return None


def _event_problem(engine: Engine, anchor: AuditAnchor) -> str | None:
    with Session(engine) as session:
        event = session.get(AuditEvent, anchor.seq)
    if event is None:
        return f"the anchored event {anchor.seq} is missing"
    if event.hash != anchor.head_hash:
        return f"events up to {anchor.seq} were rewritten after they were anchored"
    return None
