"""Writing files so that a crash leaves the old file or the new one, never half of one."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def write_atomically(
    path: Path, data: bytes, *, mode: int = 0o600, exclusive: bool = False
) -> Path:
    """Write ``data`` to ``path`` through a hidden temporary name, fsync, then rename.

    The file is created with ``mode`` (owner-only by default). With ``exclusive``,
    an existing ``path`` raises ``FileExistsError`` instead of being replaced.
    """
    if exclusive and path.exists():
        raise FileExistsError(path.name)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
