"""The retention policy: how long each zone keeps a copy, and legal holds that pause it.

A zone's clock starts when its copy is written, or, for zones marked
``starts: processed``, when the document finished processing: the sweep leaves such
copies alone while their document is still in flight. A legal hold keeps every copy
of a document until it is released; each set and release is an audit event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from medocr.audit import AuditChain
from medocr.errors import STG_HOLD_INVALID, ConfigurationError, StageError
from medocr.records import Document, DocumentStatus, Hold, new_id, utcnow

POLICY_FILE = (
    Path(__file__).resolve().parents[1] / "data-contracts" / "retention-policy.yaml"
)


class _Duration(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    days: int
    starts: Literal["written", "processed"] = "written"


class _PolicyFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: str
    zones: dict[str, _Duration]
    record_types: dict[str, dict[str, _Duration]] = {}


@dataclass(frozen=True)
class RetentionPolicy:
    version: str
    zone_days: dict[str, int]
    overrides: dict[str, dict[str, int]] = field(default_factory=dict)
    after_processing: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path = POLICY_FILE) -> RetentionPolicy:
        """Read and validate the policy file; unknown keys are rejected."""
        try:
            parsed = _PolicyFile.model_validate(yaml.safe_load(path.read_text()))
        except (OSError, ValueError) as exc:
            raise ConfigurationError(
                f"retention policy {path.name} is invalid: {exc}"
            ) from None
        return cls(
            version=parsed.version,
            zone_days={zone: d.days for zone, d in parsed.zones.items()},
            overrides={
                rt: {zone: d.days for zone, d in zones.items()}
                for rt, zones in parsed.record_types.items()
            },
            after_processing=frozenset(
                zone for zone, d in parsed.zones.items() if d.starts == "processed"
            ),
        )

    def waits_for_processing(self, zone: str) -> bool:
        """True when ``zone``'s clock starts only once its document is processed."""
        return zone in self.after_processing

    def deadline(
        self, zone: str, written_at: datetime, record_type: str | None
    ) -> datetime:
        """When an artifact of ``zone`` written at ``written_at`` must be gone."""
        days = self.overrides.get(record_type or "", {}).get(zone)
        if days is None:
            try:
                days = self.zone_days[zone]
            except KeyError:
                raise ConfigurationError(
                    f"retention policy has no duration for zone {zone}"
                ) from None
        return written_at + timedelta(days=days)


# Documents in these states are finished: nothing in the pipeline reads them again.
FINISHED = frozenset(
    {
        DocumentStatus.HANDED_OFF,
        DocumentStatus.BLOCKED,
        DocumentStatus.REJECTED,
        DocumentStatus.DESTROYED,
    }
)
# Actors and reasons are references (an operator id, a case number), never prose.
_REFERENCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/#@-]{0,63}")


def _require_reference(label: str, value: str) -> None:
    if not _REFERENCE.fullmatch(value):
        raise StageError(
            f"the hold {label} must be a reference such as an operator id or case "
            "number (letters, digits and ._:/#@-, at most 64 characters, no spaces)",
            code=STG_HOLD_INVALID,
        )


def _active(session: Session, document_id: str) -> Hold | None:
    query = select(Hold).where(
        Hold.document_id == document_id, col(Hold.released_at).is_(None)
    )
    return session.exec(query).first()


def active_hold(engine: Engine, document_id: str) -> Hold | None:
    """The hold currently keeping ``document_id``, if any."""
    with Session(engine) as session:
        return _active(session, document_id)


def held_document_ids(engine: Engine) -> frozenset[str]:
    """Every document under an active legal hold."""
    query = select(Hold.document_id).where(col(Hold.released_at).is_(None))
    with Session(engine) as session:
        return frozenset(session.exec(query).all())


def place_hold(
    engine: Engine,
    audit: AuditChain,
    document_id: str,
    *,
    actor: str,
    reason: str,
    now: datetime | None = None,
) -> Hold:
    """Keep every copy of a document until released; a second call returns the first.

    The hold and its audit event are committed together, or neither is.

    Raises:
        StageError: unknown document, or an actor or reason that is not a reference.
    """
    _require_reference("actor", actor)
    _require_reference("reason", reason)
    hold = Hold(
        id=new_id("hold"),
        document_id=document_id,
        actor=actor,
        reason=reason,
        set_at=now or utcnow(),
    )
    detail = {"hold_id": hold.id, "reason": reason}
    with Session(engine) as session:
        audit.append(
            "hold.set",
            document_id=document_id,
            actor=actor,
            detail=detail,
            session=session,
        )
        if session.get(Document, document_id) is None:
            session.rollback()
            raise StageError(f"unknown document {document_id}", code=STG_HOLD_INVALID)
        existing = _active(session, document_id)
        if existing is not None:
            session.expunge(existing)
            session.rollback()
            return existing
        session.add(hold)
        session.commit()
        session.refresh(hold)
        session.expunge(hold)
    return hold


def release_hold(
    engine: Engine,
    audit: AuditChain,
    document_id: str,
    *,
    actor: str,
    now: datetime | None = None,
) -> Hold | None:
    """Release the active hold on a document, with its audit event; None if none."""
    _require_reference("actor", actor)
    existing = active_hold(engine, document_id)
    if existing is None:
        return None
    detail = {"hold_id": existing.id, "reason": existing.reason}
    with Session(engine) as session:
        audit.append(
            "hold.released",
            document_id=document_id,
            actor=actor,
            detail=detail,
            session=session,
        )
        hold = _active(session, document_id)
        if hold is None or hold.id != existing.id:
            session.rollback()
            return None
        hold.released_at = now or utcnow()
        hold.released_by = actor
        session.add(hold)
        session.commit()
        session.refresh(hold)
        session.expunge(hold)
    return hold
