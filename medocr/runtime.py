"""The runtime: settings turned into the live objects every stage uses, once a process.

Residency is checked here, before anything is opened: a store outside the allowed
regions, or an endpoint host outside the allowed hosts, stops the process with a
``ResidencyViolation``.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from medocr.audit import AuditChain
from medocr.crypto import KeyProvider, LocalKeyFileProvider
from medocr.egress import check_endpoints
from medocr.errors import ConfigurationError, KeyUnavailable, ResidencyViolation
from medocr.migrations import upgrade_schema
from medocr.records import DataKey, get_engine
from medocr.retention import RetentionPolicy
from medocr.settings import Settings, get_settings
from medocr.storage import LocalFolderBackend, StorageBackend
from medocr.vault import Vault

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Runtime:
    settings: Settings
    engine: Engine
    keys: KeyProvider
    vault: Vault
    audit: AuditChain
    retention: RetentionPolicy


def check_region(kind: str, region: str, settings: Settings) -> None:
    """Refuse a store or service whose declared region is not allowed."""
    if region not in settings.residency.allowed_regions:
        raise ResidencyViolation(
            f"{kind} is declared in region {region!r}, outside the allowed regions "
            f"{', '.join(settings.residency.allowed_regions)}"
        )


def build_storage(settings: Settings) -> StorageBackend:
    check_region("vault storage", settings.vault.region, settings)
    if settings.vault.backend == "local":
        return LocalFolderBackend(settings.vault_path, settings.vault.region)
    from medocr.storage_s3 import S3Backend

    return S3Backend.from_settings(settings)


def build_key_provider(settings: Settings, engine: Engine) -> KeyProvider:
    """The configured key provider; the local key file is created on first run only."""
    if settings.keys.provider == "pkcs11":
        from medocr.keys_pkcs11 import Pkcs11KeyProvider

        return Pkcs11KeyProvider.from_settings(
            settings, create_missing=not _has_data_keys(engine)
        )
    path = settings.keys_path / "kek.json"
    if not path.exists():
        if _has_data_keys(engine):
            raise KeyUnavailable(
                "the key file is missing but encrypted data exists; restore the key "
                f"file to {path.parent.name}/{path.name} under MEDOCR_HOME"
            )
        log.info("creating a new local key file (first run)")
        return LocalKeyFileProvider.create(path, settings.keys.passphrase)
    return LocalKeyFileProvider(path, settings.keys.passphrase)


def _has_data_keys(engine: Engine) -> bool:
    with Session(engine) as session:
        return session.exec(select(DataKey.id).limit(1)).first() is not None


def build_runtime(settings: Settings) -> Runtime:
    """Open the records database, key provider and vault described by ``settings``."""
    home = settings.home
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(home, 0o700)
    check_endpoints(settings)
    storage = build_storage(settings)
    engine = get_engine(settings.records_database_url)
    if engine.dialect.name not in ("sqlite", "postgresql"):
        raise ConfigurationError("records database must be SQLite or PostgreSQL")
    upgrade_schema(engine)
    keys = build_key_provider(settings, engine)
    return Runtime(
        settings=settings,
        engine=engine,
        keys=keys,
        vault=Vault(storage, keys, engine),
        audit=AuditChain(engine, actor=settings.actor),
        retention=RetentionPolicy.load(),
    )


@lru_cache(maxsize=4)
def _cached_runtime(settings: Settings) -> Runtime:
    return build_runtime(settings)


def get_runtime() -> Runtime:
    """The process's runtime for the current settings (rebuilt when they change)."""
    return _cached_runtime(get_settings())
