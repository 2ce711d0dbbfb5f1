"""The record of processing (GDPR Art. 30 style), generated from the live configuration.

It says which categories of data medocr keeps, in which zone and where each zone
lives (backend, region), which keys protect them and who holds those keys (provider
kind and key ids, never key material), how long each zone keeps a copy, who
receives data (hand-off targets) and every service the configuration lets medocr
contact, flagging any host outside the allowed set. Secrets are never shown.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import func
from sqlalchemy.engine import make_url
from sqlmodel import Session, col, select

from medocr.records import Artifact, DataKey, Zone
from medocr.retention import held_document_ids
from medocr.runtime import Runtime
from medocr.settings import Settings

PURPOSE = (
    "Turn scanned medical documents into pseudonymized, contract-checked, signed "
    "records for downstream care and administration (GDPR Art. 9(2)(h))."
)
# What each zone holds; the identity zone has its own key encryption key.
CATEGORIES = {
    Zone.RAW: "original scans and their original file names (health data, direct identifiers)",
    Zone.TEXT: "OCR text with layout, and the extracted structured record",
    Zone.IDENTITY: "pseudonym map: direct identifiers and their tokens",
    Zone.SIGNED: "signed, redacted normalized PDF",
    Zone.HANDOFF: "contract-checked record and signed PDF for the recipient",
    Zone.QUARANTINE: "rejected inputs and their original file names",
}
METADATA = {
    "records database": "opaque ids, hashes, statuses, rule ids and error codes",
    "audit chain": "time, actor, action, opaque ids, outcome codes, counts",
    "prefect state": "flow and task runs with opaque ids and codes only",
}


def build_datamap(runtime: Runtime) -> dict[str, Any]:
    """The whole record of processing as one JSON-ready mapping."""
    settings = runtime.settings
    return {
        "purpose": PURPOSE,
        "controller_actor": settings.actor,
        "data_categories": _categories(runtime),
        "metadata_stores": [
            {"store": store, "holds": holds} for store, holds in METADATA.items()
        ],
        "keys": _keys(runtime),
        "retention": _retention(runtime),
        "recipients": [
            {
                "target": "folder",
                "location": str(settings.handoff_path),
                "region": settings.vault.region,
                "encrypted": False,
                "gate": "data contract (data-contracts/handoff-record.odcs.yaml)",
            }
        ],
        "services": services(settings),
        "allowed_regions": list(settings.residency.allowed_regions),
        "egress_guard": settings.residency.egress_guard,
    }


def _zone_location(settings: Settings, zone: str) -> str:
    if zone == Zone.HANDOFF:
        return str(settings.handoff_path)
    if settings.vault.backend == "s3":
        return f"s3://{settings.vault.s3_bucket}-{zone}/"
    return str(settings.vault_path / zone)


def _zone_access(settings: Settings, zone: str) -> str:
    """Who can reach the zone's store: its own credential or the vault's shared one."""
    if zone == Zone.HANDOFF:
        return "the hand-off folder's file permissions (owner-only)"
    if settings.vault.backend != "s3":
        return "the vault folder's file permissions (owner-only)"
    scoped = {entry[0] for entry in settings.vault.s3_zone_credentials}
    return (
        "a credential of its own" if zone in scoped else "the vault's shared credential"
    )


def _categories(runtime: Runtime) -> list[dict[str, Any]]:
    settings = runtime.settings
    query = (
        select(Artifact.zone, func.count(), func.sum(Artifact.size_bytes))
        .where(col(Artifact.destroyed_at).is_(None))
        .group_by(Artifact.zone)
    )
    with Session(runtime.engine) as session:
        live = {zone: (count, size) for zone, count, size in session.exec(query)}
    return [
        {
            "zone": str(zone),
            "holds": holds,
            "special_category": True,
            "backend": "folder" if zone == Zone.HANDOFF else settings.vault.backend,
            "region": settings.vault.region,
            "location": _zone_location(settings, zone),
            "encryption": "none (plaintext for the recipient)"
            if zone == Zone.HANDOFF
            else "AES-256-GCM, one data key per artifact",
            "key_purpose": "identity" if zone == Zone.IDENTITY else "content",
            "access": _zone_access(settings, zone),
            "live_artifacts": live.get(zone, (0, 0))[0],
            "live_bytes": int(live.get(zone, (0, 0))[1] or 0),
        }
        for zone, holds in CATEGORIES.items()
    ]


def _keys(runtime: Runtime) -> dict[str, Any]:
    settings = runtime.settings
    query = select(DataKey.kek_id, func.count()).where(
        col(DataKey.wrapped).is_not(None)
    )
    with Session(runtime.engine) as session:
        in_use = dict(session.exec(query.group_by(DataKey.kek_id)).all())
    if settings.keys.provider == "pkcs11":
        holder = f"PKCS#11 token {settings.keys.pkcs11_token_label or '?'}"
        where = str(settings.keys.pkcs11_module or "-")
    else:
        holder = "owner-only key file under MEDOCR_HOME (the service account)"
        where = str(settings.keys_path / "kek.json")
    return {
        "provider": settings.keys.provider,
        "holder": holder,
        "location": where,
        "passphrase_protected": settings.keys.passphrase is not None,
        "active_kek": {
            purpose: runtime.keys.active_kek_id(purpose)  # type: ignore[arg-type]
            for purpose in ("content", "identity")
        },
        "data_keys_per_kek": in_use,
        "data_keys": "one per artifact, wrapped by a KEK; shredded on deletion",
    }


def _retention(runtime: Runtime) -> dict[str, Any]:
    policy = runtime.retention
    return {
        "policy_version": policy.version,
        "zones": [
            {
                "zone": zone,
                "days": days,
                "clock_starts": "after processing"
                if policy.waits_for_processing(zone)
                else "when written",
            }
            for zone, days in policy.zone_days.items()
        ],
        "record_type_overrides": policy.overrides,
        "documents_on_legal_hold": len(held_document_ids(runtime.engine)),
    }


def services(settings: Settings) -> list[dict[str, Any]]:
    """Every endpoint the configuration names, and whether its host is allowed."""
    found: list[tuple[str, str | None]] = [
        ("records database", _database_host(settings.records_database_url)),
        ("timestamp authority", _host(settings.signing.tsa_url)),
        ("prefect api", _host(os.environ.get("PREFECT_API_URL"))),
    ]
    if settings.vault.backend == "s3":
        default = f"s3.{settings.vault.region}.amazonaws.com"
        found.append(
            ("vault object store", _host(settings.vault.s3_endpoint) or default)
        )
    allowed = set(settings.residency.allowed_hosts)
    return [
        {
            "service": service,
            "host": host or "none (local, in-process)",
            "allowed": host is None or host in allowed,
        }
        for service, host in found
    ]


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None


def _database_host(url: str) -> str | None:
    parsed = make_url(url)
    return None if parsed.get_backend_name() == "sqlite" else parsed.host
