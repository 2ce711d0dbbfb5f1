"""Object storage backends for the vault: names in, ciphertext bytes out.

Backends never see plaintext or meaningful names: the vault hands them opaque
object names (``<zone>/<artifact id>``) and sealed bytes.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from medocr.errors import VLT_BACKEND, VLT_FULL, VLT_NOT_FOUND, VaultError
from medocr.files import write_atomically


class StorageBackend(Protocol):
    name: str
    region: str

    def put(self, object_name: str, data: bytes) -> str: ...

    def get(self, object_name: str) -> bytes: ...

    def delete(self, object_name: str) -> None: ...

    def exists(self, object_name: str) -> bool: ...

    def list(self, prefix: str = "") -> Iterator[str]: ...


class LocalFolderBackend:
    """A folder on local disk; each zone is a subfolder with owner-only access."""

    name = "local"

    def __init__(self, root: Path, region: str) -> None:
        self.root = root
        self.region = region
        root.mkdir(parents=True, exist_ok=True, mode=0o700)

    def put(self, object_name: str, data: bytes) -> str:
        """Write atomically (temp file, fsync, rename): no torn object on a crash."""
        path = self._path(object_name)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            write_atomically(path, data, checkpoint="object.write")
        except OSError as exc:
            code = (
                VLT_FULL if exc.errno in (errno.ENOSPC, errno.EDQUOT) else VLT_BACKEND
            )
            raise VaultError(
                f"could not write object {object_name}: {exc.strerror}", code=code
            ) from None
        return object_name

    def get(self, object_name: str) -> bytes:
        try:
            return self._path(object_name).read_bytes()
        except FileNotFoundError:
            raise VaultError(
                f"object {object_name} is missing", code=VLT_NOT_FOUND
            ) from None

    def delete(self, object_name: str) -> None:
        self._path(object_name).unlink(missing_ok=True)

    def exists(self, object_name: str) -> bool:
        return self._path(object_name).is_file()

    def list(self, prefix: str = "") -> Iterator[str]:
        for path in sorted(self.root.rglob("*")):
            if path.is_file() and not path.name.endswith(".part"):
                name = path.relative_to(self.root).as_posix()
                if name.startswith(prefix):
                    yield name

    def _path(self, object_name: str) -> Path:
        path = (self.root / object_name).resolve()
        if self.root.resolve() not in path.parents:
            raise VaultError("object name escapes the vault", code=VLT_BACKEND)
        return path
