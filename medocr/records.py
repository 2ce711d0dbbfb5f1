"""The records database: every document, every copy of it, every check and decision.

Rows hold opaque ids, hashes, codes and counts only. Content lives in the vault.
SQLite by default, PostgreSQL in production; Alembic migrations live in
``medocr/migrations``.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from enum import StrEnum
from functools import lru_cache

from sqlalchemy import JSON, Column, LargeBinary, UniqueConstraint, event
from sqlalchemy.engine import Engine
from sqlmodel import Field, SQLModel, create_engine


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id(prefix: str) -> str:
    """An opaque id that says what it names and nothing about the content."""
    return f"{prefix}_{secrets.token_hex(8)}"


class Zone(StrEnum):
    RAW = "raw"
    TEXT = "text"
    IDENTITY = "identity"
    SIGNED = "signed"
    HANDOFF = "handoff"
    QUARANTINE = "quarantine"


class DocumentStatus(StrEnum):
    INGESTED = "ingested"
    OCR_DONE = "ocr_done"
    PSEUDONYMIZED = "pseudonymized"
    EXTRACTED = "extracted"
    VALIDATED = "validated"
    IN_REVIEW = "in_review"
    BLOCKED = "blocked"
    APPROVED = "approved"
    SIGNED = "signed"
    HANDED_OFF = "handed_off"
    REJECTED = "rejected"
    DESTROYED = "destroyed"


class Document(SQLModel, table=True):
    id: str = Field(primary_key=True)
    content_sha256: str = Field(unique=True, index=True)
    status: str = Field(default=DocumentStatus.INGESTED, index=True)
    media_type: str
    size_bytes: int
    page_count: int | None = None
    record_type: str | None = None
    language: str | None = None
    error_code: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class DataKey(SQLModel, table=True):
    """One wrapped data key per artifact; destroying it shreds every copy."""

    id: str = Field(primary_key=True)
    kek_id: str = Field(index=True)
    wrapped: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    created_at: datetime = Field(default_factory=utcnow)
    rewrapped_at: datetime | None = None
    destroyed_at: datetime | None = None


class Artifact(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("document_id", "zone", "kind"),)

    id: str = Field(primary_key=True)
    document_id: str = Field(index=True)
    zone: str = Field(index=True)
    kind: str
    backend: str
    region: str
    location: str
    key_id: str | None = Field(default=None, index=True)
    size_bytes: int
    sha256: str
    retain_until: datetime = Field(index=True)
    stored: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    destroyed_at: datetime | None = None


class Check(SQLModel, table=True):
    """A validation, contract or signature outcome: rule ids and fields, never values."""

    __table_args__ = (UniqueConstraint("document_id", "check_type"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: str = Field(index=True)
    check_type: str
    passed: bool
    rules: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow)


class Signature(SQLModel, table=True):
    document_id: str = Field(primary_key=True)
    artifact_id: str
    level: str
    intact: bool
    trusted: bool
    report: dict = Field(default_factory=dict, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow)


class ReviewItem(SQLModel, table=True):
    id: str = Field(primary_key=True)
    document_id: str = Field(index=True, unique=True)
    rules: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    status: str = Field(default="open", index=True)
    reviewer: str | None = None
    reason: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    decided_at: datetime | None = None


class Handoff(SQLModel, table=True):
    document_id: str = Field(primary_key=True)
    target: str
    record_artifact_id: str
    pdf_artifact_id: str
    created_at: datetime = Field(default_factory=utcnow)


class Hold(SQLModel, table=True):
    id: str = Field(primary_key=True)
    document_id: str = Field(index=True)
    actor: str
    reason: str
    set_at: datetime = Field(default_factory=utcnow)
    released_at: datetime | None = None
    released_by: str | None = None


class AuditEvent(SQLModel, table=True):
    seq: int = Field(primary_key=True)
    at: datetime
    actor: str
    action: str = Field(index=True)
    document_id: str | None = Field(default=None, index=True)
    outcome: str
    detail: dict = Field(default_factory=dict, sa_column=Column(JSON))
    prev_hash: str
    hash: str


class AuditAnchor(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    seq: int
    head_hash: str
    token: bytes = Field(sa_column=Column(LargeBinary))
    created_at: datetime = Field(default_factory=utcnow)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@lru_cache(maxsize=8)
def get_engine(url: str) -> Engine:
    """One engine per database URL; SQLite gets WAL and a busy timeout."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def create_schema(engine: Engine) -> None:
    """Create missing tables (the embedded default); production runs Alembic."""
    SQLModel.metadata.create_all(engine)
