"""Key rotation: re-wrap every live data key under new KEKs, never touching content.

Objects in the vault stay as they are; only the wrapped data keys in the records
database change. Each data key is re-wrapped in its own transaction by a conditional
update (still wrapped, still under the old KEK), so a rotation can stop anywhere and
a concurrent crypto-shred is never undone. A rotation that finds keys still under
an old KEK finishes that rotation instead of starting another, which makes
``medocr keys rotate`` safe to rerun after an interruption.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from medocr.audit import AuditChain
from medocr.crypto import KeyProvider, Purpose
from medocr.errors import KEY_IN_USE, KeyUnavailable
from medocr.records import Artifact, DataKey, utcnow
from medocr.vault import _aad as artifact_aad
from medocr.vault import _purpose as zone_purpose

log = logging.getLogger(__name__)

PURPOSES: tuple[Purpose, ...] = ("content", "identity")


@dataclass(frozen=True)
class RotationReport:
    """What one run did: KEKs made active, keys re-wrapped, KEKs now unused."""

    new_keks: dict[str, str]
    resumed: bool
    rewrapped: int
    retirable: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class _StaleKey:
    id: str
    kek_id: str
    wrapped: bytes
    artifact_id: str
    zone: str


def rotate_keys(
    engine: Engine,
    keys: KeyProvider,
    audit: AuditChain | None = None,
    *,
    after_each: Callable[[int], None] | None = None,
) -> RotationReport:
    """Finish an interrupted rotation, or make new KEKs active and re-wrap everything.

    ``after_each`` is called with the running count after every re-wrapped key; the
    tests use it to interrupt a rotation part-way.
    """
    resumed = bool(_stale_keys(engine, keys))
    new_keks: dict[str, str] = {}
    if not resumed:
        new_keks = {p: keys.rotate(p) for p in PURPOSES}
    count = 0
    for stale in _stale_keys(engine, keys):
        count += _rewrap(engine, keys, stale)
        if after_each is not None:
            after_each(count)
    report = RotationReport(new_keks, resumed, count, unused_keks(engine, keys))
    if audit is not None:
        audit.append("keys.rotated", detail={"rewrapped": count, "resumed": resumed})
    log.info("key rotation re-wrapped %d data keys (resumed=%s)", count, resumed)
    return report


def unused_keks(engine: Engine, keys: KeyProvider) -> tuple[str, ...]:
    """KEKs the provider holds that wrap no live data key and are not active."""
    active = {keys.active_kek_id(p) for p in PURPOSES}
    usage = kek_usage(engine, keys)
    return tuple(sorted(k for k, n in usage.items() if n == 0 and k not in active))


def kek_usage(engine: Engine, keys: KeyProvider) -> dict[str, int]:
    """Live (not destroyed) data keys per KEK, for every KEK the provider holds."""
    live = func.count(col(DataKey.wrapped))
    query = select(DataKey.kek_id, live).group_by(DataKey.kek_id)
    usage = dict.fromkeys(keys.kek_ids(), 0)
    with Session(engine) as session:
        usage.update({kek_id: int(n) for kek_id, n in session.exec(query)})
    return usage


def retire_kek(
    engine: Engine, keys: KeyProvider, kek_id: str, audit: AuditChain | None = None
) -> None:
    """Destroy a KEK in its provider, only when no live data key still needs it."""
    in_use = kek_usage(engine, keys).get(kek_id, 0)
    if in_use:
        raise KeyUnavailable(
            f"key encryption key {kek_id} still wraps {in_use} data keys; run "
            "`medocr keys rotate` to completion first",
            code=KEY_IN_USE,
        )
    keys.retire(kek_id)
    if audit is not None:
        audit.append("keys.retired", detail={"kek_id": kek_id})


def _stale_keys(engine: Engine, keys: KeyProvider) -> list[_StaleKey]:
    """Live data keys not wrapped under the active KEK of their artifact's purpose."""
    active = {p: keys.active_kek_id(p) for p in PURPOSES}
    query = (
        select(DataKey, Artifact.id, Artifact.zone)
        .join(Artifact, col(Artifact.key_id) == col(DataKey.id))
        .where(col(DataKey.wrapped).is_not(None))
        .order_by(col(DataKey.id))
    )
    with Session(engine) as session:
        return [
            _StaleKey(data_key.id, data_key.kek_id, data_key.wrapped, artifact_id, zone)
            for data_key, artifact_id, zone in session.exec(query)
            if data_key.wrapped and data_key.kek_id != active[zone_purpose(zone)]
        ]


def _rewrap(engine: Engine, keys: KeyProvider, stale: _StaleKey) -> int:
    """Re-wrap one data key; 0 when it was destroyed or re-wrapped meanwhile."""
    aad = artifact_aad(stale.artifact_id, stale.zone)
    new_kek = keys.active_kek_id(zone_purpose(stale.zone))
    plain = keys.unwrap(stale.wrapped, kek_id=stale.kek_id, aad=aad)
    statement = (
        update(DataKey)
        .where(
            col(DataKey.id) == stale.id,
            col(DataKey.kek_id) == stale.kek_id,
            col(DataKey.wrapped).is_not(None),
        )
        .values(
            kek_id=new_kek,
            wrapped=keys.wrap(plain, kek_id=new_kek, aad=aad),
            rewrapped_at=utcnow(),
        )
    )
    with Session(engine) as session:
        changed = session.exec(statement).rowcount  # type: ignore[call-overload]
        session.commit()
    return int(changed)
