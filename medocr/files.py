"""Writing files so that a crash leaves the old file or the new one, never half."""

from __future__ import annotations

import glob
import os
import secrets
from pathlib import Path

from medocr.faults import fault_point


def write_atomically(
    path: Path,
    data: bytes,
    *,
    mode: int = 0o600,
    exclusive: bool = False,
    checkpoint: str | None = None,
) -> Path:
    """Write ``data`` to ``path`` through a hidden temporary name, fsync, then rename.

    The file is created with ``mode`` (owner-only by default). With ``exclusive``,
    an existing ``path`` raises ``FileExistsError`` instead of being replaced.
    Temporary files that an earlier writer of ``path`` left when it was killed are
    removed first. ``checkpoint`` names a fault point between the temporary file's
    fsync and its rename, where the fault tests kill the process.
    """
    if exclusive and path.exists():
        raise FileExistsError(path.name)
    remove_torn_writes(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if checkpoint:
            fault_point(checkpoint)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def is_torn_write(path: Path) -> bool:
    """Whether ``path`` is the temporary file of a write whose process has ended."""
    parts = path.name.split(".")
    if not path.name.startswith(".") or len(parts) < 4 or parts[-1] != "part":
        return False
    pid = parts[-3]
    if not pid.isdigit():
        return True  # written before temporary names carried their writer's pid
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def remove_torn_writes(path: Path) -> int:
    """Delete temporary files that writers of ``path`` killed mid-write left beside it;
    a write still in progress in a live process is left alone. Returns how many."""
    removed = 0
    for candidate in path.parent.glob(f".{glob.escape(path.name)}.*.part"):
        if is_torn_write(candidate):
            candidate.unlink(missing_ok=True)
            removed += 1
    return removed
