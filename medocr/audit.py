"""The audit chain: append-only events linked by SHA-256, verifiable end to end.

Each event holds time, actor, action, document id, outcome code and a small detail
mapping of ids, codes and counts — never content. ``hash`` covers the event and the
previous hash, so an edit, deletion or reordering breaks the chain at a findable
place; an RFC 3161 anchor over the head protects the newest events as well.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from medocr.records import AuditEvent, utcnow

log = logging.getLogger(__name__)

GENESIS = "0" * 64
_SCALARS = (str, int, float, bool, type(None))


def event_hash(
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    document_id: str | None,
    outcome: str,
    detail: Mapping[str, object],
    prev_hash: str,
) -> str:
    body = json.dumps(
        [seq, at.isoformat(), actor, action, document_id, outcome, detail, prev_hash],
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode()).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    """Outcome of a verification: ``first_broken`` is None when the chain holds."""

    events: int
    head_hash: str
    first_broken: int | None = None
    reason: str | None = None

    @property
    def intact(self) -> bool:
        return self.first_broken is None


class AuditChain:
    """Appends and verifies events in the records database."""

    def __init__(self, engine: Engine, actor: str = "medocr") -> None:
        self.engine = engine
        self.actor = actor

    def append(
        self,
        action: str,
        *,
        document_id: str | None = None,
        outcome: str = "ok",
        actor: str | None = None,
        detail: Mapping[str, object] | None = None,
        session: Session | None = None,
    ) -> AuditEvent:
        """Append one event; concurrent writers are serialized by the database.

        With ``session``, the event joins the caller's transaction (it must be the
        first statement in it) and is committed with the caller's own changes, so a
        state change and its audit event happen together or not at all.
        """
        if session is None:
            with Session(self.engine) as own:
                event = self.append(
                    action,
                    document_id=document_id,
                    outcome=outcome,
                    actor=actor,
                    detail=detail,
                    session=own,
                )
                own.commit()
                own.refresh(event)
                own.expunge(event)
            return event
        detail = dict(detail or {})
        if not all(isinstance(v, _SCALARS) for v in detail.values()):
            raise TypeError("audit detail holds scalars only (ids, codes, counts)")
        self._lock(session)
        seq, prev = self._head(session)
        seq += 1
        at = utcnow()
        who = actor or self.actor
        event = AuditEvent(
            seq=seq,
            at=at,
            actor=who,
            action=action,
            document_id=document_id,
            outcome=outcome,
            detail=detail,
            prev_hash=prev,
            hash=event_hash(seq, at, who, action, document_id, outcome, detail, prev),
        )
        session.add(event)
        session.flush()
        log.debug("audit %s seq=%d", action, seq)
        return event

    def verify(self) -> ChainReport:
        """Recompute every link; name the first event that does not fit."""
        prev, expected_seq, count = GENESIS, 1, 0
        with Session(self.engine) as session:
            events = session.exec(select(AuditEvent).order_by(AuditEvent.seq))
            for event in events:
                reason = _first_fault(event, expected_seq, prev)
                if reason is not None:
                    return ChainReport(count, prev, event.seq, reason)
                prev, expected_seq, count = event.hash, event.seq + 1, count + 1
        return ChainReport(count, prev)

    def head(self) -> tuple[int, str]:
        """The newest event's sequence number and hash (0 and GENESIS when empty)."""
        with Session(self.engine) as session:
            return self._head(session)

    @staticmethod
    def _head(session: Session) -> tuple[int, str]:
        last = session.exec(
            select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)  # type: ignore[attr-defined]
        ).first()
        return (0, GENESIS) if last is None else (last.seq, last.hash)

    def count(self, action: str | None = None) -> int:
        with Session(self.engine) as session:
            query = select(func.count()).select_from(AuditEvent)
            if action is not None:
                query = query.where(AuditEvent.action == action)
            return int(session.exec(query).one())

    def _lock(self, session: Session) -> None:
        if self.engine.dialect.name == "postgresql":
            session.exec(text("SELECT pg_advisory_xact_lock(424242)"))  # type: ignore[call-overload]
        elif self.engine.dialect.name == "sqlite":
            raw = session.connection().connection.driver_connection
            if not raw.in_transaction:  # type: ignore[union-attr]
                session.exec(text("BEGIN IMMEDIATE"))  # type: ignore[call-overload]


def _first_fault(event: AuditEvent, expected_seq: int, prev: str) -> str | None:
    if event.seq != expected_seq:
        return f"sequence gap: expected {expected_seq}"
    if event.prev_hash != prev:
        return "previous-hash link does not match"
    recomputed = event_hash(
        event.seq,
        event.at,
        event.actor,
        event.action,
        event.document_id,
        event.outcome,
        event.detail,
        event.prev_hash,
    )
    if recomputed != event.hash:
        return "event content does not match its hash"
    return None
