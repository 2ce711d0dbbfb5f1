"""The vault: encrypted artifacts by zone, each one a row in the records database.

Artifact ids are derived from (document, zone, kind), so a retry after a crash
between writing an object and recording it overwrites the same object instead of
leaving an orphan. Each artifact has its own data key; destroying that key is what
makes every copy unreadable.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from medocr.crypto import KeyProvider, Purpose, new_data_key, seal_deterministic, unseal
from medocr.errors import KEY_DESTROYED, VLT_NOT_FOUND, KeyUnavailable, VaultError
from medocr.records import Artifact, DataKey, Zone, utcnow
from medocr.storage import StorageBackend

log = logging.getLogger(__name__)


def artifact_id_for(document_id: str, zone: str, kind: str) -> str:
    digest = hashlib.sha256(f"{document_id}|{zone}|{kind}".encode()).hexdigest()
    return f"art_{digest[:20]}"


def _purpose(zone: str) -> Purpose:
    return "identity" if zone == Zone.IDENTITY else "content"


def _aad(artifact_id: str, zone: str) -> bytes:
    return f"{zone}/{artifact_id}".encode()


class Vault:
    """Encrypts, stores, records, reads and destroys artifacts."""

    def __init__(self, backend: StorageBackend, keys: KeyProvider, engine: Engine):
        self.backend = backend
        self.keys = keys
        self.engine = engine

    def put(
        self,
        document_id: str,
        zone: str,
        kind: str,
        plaintext: bytes,
        *,
        retain_until: datetime,
    ) -> Artifact:
        """Store ``plaintext`` once; a later call for the same slot returns the first.

        The row and its wrapped data key are claimed first (the database decides
        between racing writers), the object is written second, then the row is
        marked stored. A crash in between is finished by the next call.
        """
        artifact = self._find(document_id, zone, kind, stored_only=False)
        if artifact is not None and artifact.stored:
            return artifact
        if artifact is None:
            artifact = self._claim(document_id, zone, kind, retain_until)
        data_key = self._data_key(artifact)
        sealed = seal_deterministic(data_key, plaintext, _aad(artifact.id, zone))
        self.backend.put(artifact.location, sealed)
        with Session(self.engine) as session:
            row = session.get(Artifact, artifact.id)
            assert row is not None
            row.stored = True
            row.size_bytes = len(sealed)
            row.sha256 = hashlib.sha256(sealed).hexdigest()
            session.add(row)
            session.commit()
            session.refresh(row)
            session.expunge(row)
        log.info("stored artifact %s zone=%s bytes=%d", row.id, zone, len(sealed))
        return row

    def _claim(
        self, document_id: str, zone: str, kind: str, retain_until: datetime
    ) -> Artifact:
        """Insert the artifact row and its wrapped key, or take the winner's."""
        artifact_id = artifact_id_for(document_id, zone, kind)
        kek_id = self.keys.active_kek_id(_purpose(zone))
        wrapped = self.keys.wrap(
            new_data_key(), kek_id=kek_id, aad=_aad(artifact_id, zone)
        )
        artifact = Artifact(
            id=artifact_id,
            document_id=document_id,
            zone=zone,
            kind=kind,
            backend=self.backend.name,
            region=self.backend.region,
            location=f"{zone}/{artifact_id}",
            key_id=f"dk_{artifact_id[4:]}",
            size_bytes=0,
            sha256="",
            retain_until=retain_until,
        )
        with Session(self.engine) as session:
            session.add(DataKey(id=artifact.key_id, kek_id=kek_id, wrapped=wrapped))
            session.add(artifact)
            try:
                session.commit()
            except IntegrityError:
                session.rollback()
                winner = self._find(document_id, zone, kind, stored_only=False)
                assert winner is not None
                return winner
            session.refresh(artifact)
            session.expunge(artifact)
        return artifact

    def _data_key(self, artifact: Artifact) -> bytes:
        with Session(self.engine) as session:
            data_key = session.get(DataKey, artifact.key_id)
        if data_key is None or data_key.wrapped is None:
            raise KeyUnavailable(
                f"data key of {artifact.id} was destroyed", code=KEY_DESTROYED
            )
        return self.keys.unwrap(
            data_key.wrapped,
            kek_id=data_key.kek_id,
            aad=_aad(artifact.id, artifact.zone),
        )

    def record_external(
        self,
        document_id: str,
        zone: str,
        kind: str,
        *,
        path: Path,
        retain_until: datetime,
    ) -> Artifact:
        """Record a copy that lives outside the vault (hand-off output), unencrypted."""
        data = path.read_bytes()
        artifact = Artifact(
            id=artifact_id_for(document_id, zone, kind),
            document_id=document_id,
            zone=zone,
            kind=kind,
            backend="folder",
            region=self.backend.region,
            location=str(path),
            key_id=None,
            size_bytes=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            retain_until=retain_until,
            stored=True,
        )
        with Session(self.engine) as session:
            merged = session.merge(artifact)
            session.commit()
            session.refresh(merged)
            session.expunge(merged)
            return merged

    def find(self, document_id: str, zone: str, kind: str) -> Artifact | None:
        """The stored, not destroyed artifact in this slot, if any."""
        return self._find(document_id, zone, kind, stored_only=True)

    def _find(
        self, document_id: str, zone: str, kind: str, *, stored_only: bool
    ) -> Artifact | None:
        query = select(Artifact).where(
            Artifact.document_id == document_id,
            Artifact.zone == zone,
            Artifact.kind == kind,
            Artifact.destroyed_at.is_(None),  # type: ignore[union-attr]
        )
        if stored_only:
            query = query.where(Artifact.stored.is_(True))  # type: ignore[attr-defined]
        with Session(self.engine) as session:
            return session.exec(query).first()

    def read(self, artifact: Artifact) -> bytes:
        """Decrypt an artifact; a destroyed key or altered object raises."""
        key = self._data_key(artifact)
        aad = _aad(artifact.id, artifact.zone)
        return unseal(key, self.backend.get(artifact.location), aad)

    def read_slot(self, document_id: str, zone: str, kind: str) -> bytes:
        artifact = self.find(document_id, zone, kind)
        if artifact is None:
            raise VaultError(
                f"no {zone}/{kind} artifact for {document_id}", code=VLT_NOT_FOUND
            )
        return self.read(artifact)

    def destroy(self, artifact: Artifact) -> None:
        """Crypto-shred the data key, delete the object, mark the records."""
        with Session(self.engine) as session:
            if artifact.key_id is not None:
                data_key = session.get(DataKey, artifact.key_id)
                if data_key is not None:
                    data_key.wrapped = None
                    data_key.destroyed_at = utcnow()
                    session.add(data_key)
            session.commit()
        if artifact.backend == "folder":
            Path(artifact.location).unlink(missing_ok=True)
        else:
            self.backend.delete(artifact.location)
        with Session(self.engine) as session:
            row = session.get(Artifact, artifact.id)
            if row is not None:
                row.destroyed_at = utcnow()
                session.add(row)
                session.commit()
        log.info("destroyed artifact %s zone=%s", artifact.id, artifact.zone)
