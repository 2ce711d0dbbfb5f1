"""Residue: where a destroyed artifact could still have a copy, and whether it does.

The tiers are every place medocr writes: the records database, the data keys, the
vault (all zones, and the identity zone on its own listing), the hand-off folder and
the temporary folder. A copy is found by the artifact's id in a name, by its exact
location, or by a file with the same size and SHA-256 as the destroyed bytes.
Findings name tiers only, never paths or content.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, col, select

from medocr.records import Artifact, DataKey, Zone
from medocr.runtime import Runtime

TIERS = ("records", "keys", "vault", "identity", "handoff", "tmp")


@dataclass(frozen=True)
class FolderFile:
    path: Path
    size: int


@dataclass(frozen=True)
class CopyIndex:
    """One listing of every tier, taken after destruction and shared by all checks."""

    vault_objects: tuple[str, ...]
    identity_objects: tuple[str, ...]
    folders: dict[str, tuple[FolderFile, ...]]
    hashes: dict[Path, str | None] = field(default_factory=dict)

    @classmethod
    def scan(cls, runtime: Runtime) -> CopyIndex:
        """List the vault, the identity zone and the folders medocr owns."""
        backend = runtime.vault.backend
        settings = runtime.settings
        live = _live_folder_copies(runtime)
        return cls(
            vault_objects=tuple(backend.list()),
            identity_objects=tuple(backend.list(f"{Zone.IDENTITY}/")),
            folders={
                "handoff": _files(settings.handoff_path, live),
                "tmp": _files(settings.tmp_path, live),
            },
        )

    def hash_of(self, item: FolderFile) -> str | None:
        """The file's SHA-256, computed at most once per scan."""
        if item.path not in self.hashes:
            self.hashes[item.path] = _sha256(item.path)
        return self.hashes[item.path]

    def folder_holds(self, tier: str, artifact: Artifact, document_gone: bool) -> bool:
        """A file named after the artifact (or a gone document), or with its bytes."""
        for item in self.folders[tier]:
            name = item.path.name
            if artifact.id in name or (document_gone and artifact.document_id in name):
                return True
            same_size = item.size == artifact.size_bytes and bool(artifact.sha256)
            if same_size and self.hash_of(item) == artifact.sha256:
                return True
        return False

    def vault_holds(self, artifact: Artifact) -> bool:
        return any(artifact.id in name for name in self.vault_objects)

    def identity_holds(self, artifact: Artifact) -> bool:
        return any(artifact.id in name for name in self.identity_objects)


def _live_folder_copies(runtime: Runtime) -> frozenset[Path]:
    """Files that are themselves live artifacts: never a copy of something else."""
    query = select(Artifact.location).where(
        Artifact.backend == "folder",
        col(Artifact.destroyed_at).is_(None),
    )
    with Session(runtime.engine) as session:
        return frozenset(Path(location).resolve() for location in session.exec(query))


def _files(root: Path, live: frozenset[Path]) -> tuple[FolderFile, ...]:
    """Every file under ``root`` except live artifacts."""
    if not root.is_dir():
        return ()
    found = []
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if path.resolve() in live:
                continue
            try:
                found.append(FolderFile(path, path.stat().st_size))
            except FileNotFoundError:
                continue
    return tuple(found)


def _sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _records_hold(runtime: Runtime, artifact: Artifact) -> tuple[bool, bool]:
    """Whether the artifact row is still live, and whether its data key survives."""
    with Session(runtime.engine) as session:
        row = session.get(Artifact, artifact.id)
        key = session.get(DataKey, artifact.key_id) if artifact.key_id else None
    row_live = row is not None and row.destroyed_at is None
    key_live = key is not None and (key.wrapped is not None or key.destroyed_at is None)
    return row_live, key_live


def live_identity_rows(runtime: Runtime, document_id: str) -> int:
    """How many identity-zone artifacts of a document are not destroyed."""
    query = select(Artifact.id).where(
        Artifact.document_id == document_id,
        Artifact.zone == Zone.IDENTITY,
        col(Artifact.destroyed_at).is_(None),
    )
    with Session(runtime.engine) as session:
        return len(session.exec(query).all())


def find_copies(
    runtime: Runtime, index: CopyIndex, artifact: Artifact, *, document_gone: bool
) -> tuple[str, ...]:
    """The tiers that still hold a copy of a destroyed artifact; empty when none.

    ``document_gone`` says every artifact of the document is destroyed, so files
    named after the document and identity rows of it count as copies too.
    """
    row_live, key_live = _records_hold(runtime, artifact)
    at_location = artifact.backend == "folder" and Path(artifact.location).exists()
    identity_rows = document_gone and live_identity_rows(runtime, artifact.document_id)
    found = {
        "records": row_live,
        "keys": key_live,
        "vault": index.vault_holds(artifact),
        "identity": bool(identity_rows) or index.identity_holds(artifact),
        "handoff": at_location
        or index.folder_holds("handoff", artifact, document_gone),
        "tmp": index.folder_holds("tmp", artifact, document_gone),
    }
    return tuple(tier for tier in TIERS if found[tier])
