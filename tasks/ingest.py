"""Ingest: each inbox file into the vault once, whatever the retries or workers.

The document id is a keyed hash of the content, so every worker that sees the same
file derives the same id, and the unique content hash in the records database lets
exactly one of them create the row. The original file name is kept only inside an
encrypted ``meta`` artifact.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from medocr.errors import (
    IN_DESTROYED,
    IN_EMPTY,
    IN_TOO_LARGE,
    IN_UNSUPPORTED,
    InputRejected,
)
from medocr.records import Document, DocumentStatus, Zone, utcnow
from medocr.runtime import Runtime

log = logging.getLogger(__name__)

INBOX_SUFFIXES = frozenset({".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg"})
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
# A file this many times over the size limit is not even copied into quarantine.
QUARANTINE_CEILING = 4


@dataclass(frozen=True)
class IngestOutcome:
    document_id: str
    created: bool
    status: str
    error_code: str | None = None


def list_inbox(inbox: Path) -> list[Path]:
    """The inbox files medocr takes: PDF, TIFF, PNG and JPEG, in a stable order."""
    return sorted(
        p
        for p in inbox.iterdir()
        if p.is_file()
        and not p.name.startswith(".")
        and p.suffix.lower() in INBOX_SUFFIXES
    )


def sniff_media_type(head: bytes) -> str:
    """The media type from the file's first bytes; the file name is never trusted.

    PDF readers accept up to 1 KiB of junk before the header, so medocr does too.
    """
    if b"%PDF-" in head[:1024]:
        return "application/pdf"
    for magic, media_type in _MAGIC:
        if head.startswith(magic):
            return media_type
    raise InputRejected("not a PDF, TIFF, PNG or JPEG file", code=IN_UNSUPPORTED)


def document_id_for(content_sha256: str, runtime: Runtime) -> str:
    """A per-deployment keyed id, so ids cannot be recomputed from a known file."""
    mac = hmac.new(runtime.keys.token_secret(), content_sha256.encode(), hashlib.sha256)
    return f"doc_{mac.hexdigest()[:20]}"


def ingest_file(path: Path, runtime: Runtime) -> IngestOutcome:
    """Store one inbox file encrypted and record it; a known file is not stored twice."""
    size = path.stat().st_size
    limit = runtime.settings.limits.max_file_bytes
    if size > limit * QUARANTINE_CEILING:
        return _reject_unread(path, size, runtime)
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    document_id = document_id_for(digest, runtime)
    try:
        if not data:
            raise InputRejected("the file is empty", code=IN_EMPTY)
        if size > limit:
            raise InputRejected(
                f"the file has {size} bytes, over the limit of {limit}",
                code=IN_TOO_LARGE,
            )
        media_type = sniff_media_type(data[:2048])
    except InputRejected as rejection:
        return quarantine(document_id, data, path.name, rejection, runtime, digest)
    known = _known_outcome(document_id, runtime)
    if known is not None:
        return known
    if _was_destroyed(document_id, runtime):
        log.warning(
            "document %s was destroyed under retention; not stored again", document_id
        )
        return IngestOutcome(document_id, False, DocumentStatus.DESTROYED, IN_DESTROYED)
    created = _create_document(document_id, digest, media_type, len(data), runtime)
    _store_raw(document_id, data, path.name, media_type, runtime)
    return IngestOutcome(document_id, created, DocumentStatus.INGESTED)


def _known_outcome(document_id: str, runtime: Runtime) -> IngestOutcome | None:
    """A document already rejected keeps its outcome; its input stays in quarantine."""
    with Session(runtime.engine) as session:
        document = session.get(Document, document_id)
    if document is None or document.status != DocumentStatus.REJECTED:
        return None
    return IngestOutcome(document_id, False, document.status, document.error_code)


def _was_destroyed(document_id: str, runtime: Runtime) -> bool:
    """True when this content was processed and destroyed under retention before.

    Storing it again would quietly bring back data the sweep proved gone; an
    operator who must reprocess it removes the old records first.
    """
    with Session(runtime.engine) as session:
        document = session.get(Document, document_id)
    return document is not None and document.status == DocumentStatus.DESTROYED


def _create_document(
    document_id: str, digest: str, media_type: str, size: int, runtime: Runtime
) -> bool:
    """Insert the document row and its ``ingest`` event together; False if it exists."""
    with Session(runtime.engine) as session:
        if session.get(Document, document_id) is not None:
            return False
        runtime.audit.append(
            "ingest", document_id=document_id, detail={"bytes": size}, session=session
        )
        session.add(
            Document(
                id=document_id,
                content_sha256=digest,
                media_type=media_type,
                size_bytes=size,
            )
        )
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            return False
    return True


def _store_raw(
    document_id: str, data: bytes, name: str, media_type: str, runtime: Runtime
) -> None:
    now = utcnow()
    deadline = runtime.retention.deadline(Zone.RAW, now, None)
    runtime.vault.put(document_id, Zone.RAW, "original", data, retain_until=deadline)
    meta = json.dumps(
        {
            "original_name": name,
            "media_type": media_type,
            "received_at": now.isoformat(),
        }
    ).encode()
    runtime.vault.put(document_id, Zone.RAW, "meta", meta, retain_until=deadline)


def quarantine(
    document_id: str,
    data: bytes,
    name: str,
    rejection: InputRejected,
    runtime: Runtime,
    digest: str | None = None,
) -> IngestOutcome:
    """Keep a rejected input encrypted in quarantine and record why, by code."""
    deadline = runtime.retention.deadline(Zone.QUARANTINE, utcnow(), None)
    runtime.vault.put(
        document_id, Zone.QUARANTINE, "original", data, retain_until=deadline
    )
    meta = json.dumps({"original_name": name, "error_code": rejection.code}).encode()
    runtime.vault.put(document_id, Zone.QUARANTINE, "meta", meta, retain_until=deadline)
    created = mark_rejected(document_id, rejection.code, runtime, digest, len(data))
    return IngestOutcome(document_id, created, DocumentStatus.REJECTED, rejection.code)


def mark_rejected(
    document_id: str,
    code: str,
    runtime: Runtime,
    digest: str | None = None,
    size: int = 0,
) -> bool:
    """Set a document's status to rejected (creating its row if needed), audit once."""
    with Session(runtime.engine) as session:
        document = session.get(Document, document_id)
        if document is not None and document.status == DocumentStatus.REJECTED:
            return False
        runtime.audit.append(
            "input.rejected", document_id=document_id, outcome=code, session=session
        )
        if document is None:
            document = Document(
                id=document_id,
                content_sha256=digest or document_id,
                media_type="unknown",
                size_bytes=size,
            )
        document.status = DocumentStatus.REJECTED
        document.error_code = code
        document.updated_at = utcnow()
        session.add(document)
        session.commit()
    log.warning("document %s rejected with %s", document_id, code)
    return True


def _reject_unread(path: Path, size: int, runtime: Runtime) -> IngestOutcome:
    """A file too large to copy: rejected by size, identified by a hash of its head."""
    with path.open("rb") as handle:
        head = hashlib.sha256(handle.read(1 << 20)).hexdigest()
    document_id = document_id_for(f"oversize:{head}:{size}", runtime)
    created = mark_rejected(
        document_id, IN_TOO_LARGE, runtime, f"oversize:{head}", size
    )
    return IngestOutcome(document_id, created, DocumentStatus.REJECTED, IN_TOO_LARGE)
