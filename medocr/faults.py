"""Fault injection for operations tests: make a pipeline step fail on purpose.

Off unless ``MEDOCR_FAULT`` is set. Its value is ``point:count`` (several joined by
commas), where a point is a step name (``sign``: fail before the step runs) or a
step name with ``.done`` (``sign.done``: fail after the step's work is committed).
Each point fails its first ``count`` times; the count is kept in a file under
``MEDOCR_HOME/faults`` so that it holds across task retries, flow-run retries and
worker processes. Delete that folder to arm the faults again.

A point written ``kill@point`` does not raise: the process sends itself SIGKILL
there, as a power cut or the kernel's OOM killer would, so a test can check that a
fresh process finishes the document as if nothing happened.
"""

from __future__ import annotations

import fcntl
import logging
import os
import signal
from pathlib import Path

from medocr.errors import STG_INJECTED_FAULT, StageError
from medocr.settings import get_settings

log = logging.getLogger(__name__)

ENV = "MEDOCR_FAULT"
KILL = "kill@"


def planned_faults(value: str | None) -> dict[str, int]:
    """Parse ``point:count[,point:count]`` into failures per point."""
    faults: dict[str, int] = {}
    for item in filter(None, (part.strip() for part in (value or "").split(","))):
        point, _, count = item.partition(":")
        faults[point] = int(count or "1")
    return faults


def fault_point(point: str) -> None:
    """Raise a ``StageError`` (or die, for ``kill@``) while planned failures last."""
    faults = planned_faults(os.environ.get(ENV))
    for key, kill in ((point, False), (KILL + point, True)):
        planned = faults.get(key)
        if planned:
            _fire(key, planned, kill=kill)


def _fire(key: str, planned: int, *, kill: bool) -> None:
    fired = _count_firing(get_settings().home / "faults" / f"{key}.count")
    if fired > planned:
        return
    log.warning("injected fault at %s (%d of %d)", key, fired, planned)
    if kill:
        os.kill(os.getpid(), signal.SIGKILL)
    raise StageError(
        f"injected fault at {key} ({fired} of {planned})", code=STG_INJECTED_FAULT
    )


def _count_firing(counter: Path) -> int:
    """Add one to the counter file under an exclusive lock; return the new value."""
    counter.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with counter.open("a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        value = int(handle.read().strip() or "0") + 1
        handle.seek(0)
        handle.truncate()
        handle.write(str(value))
    return value
