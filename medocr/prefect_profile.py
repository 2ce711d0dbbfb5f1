"""The hardened Prefect set-up medocr applies to itself before Prefect is imported.

Prefect keeps its state under ``MEDOCR_HOME/prefect``; analytics, client events and
promotional content are off; results are not persisted by default; every log record
bound for the API passes through ``ContentFreeFilter``. In a flow-run process started
by a worker the egress guard (``medocr.egress``) is installed too.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import OperationalError

from medocr.errors import STG_DATABASE, MedocrError, StageError
from medocr.settings import Settings

LOGGING_CONFIG = Path(__file__).with_name("prefect_logging.yml")

_EXCEPTION_TEXT = re.compile(
    r"\b([A-Z]\w*(?:Error|Exception|Rejected|Unavailable|Broken|Violation|Blocked))"
    r"\((.*)\)",
    re.S,
)
_CODE = re.compile(r"MEDOCR-[A-Z]+-\d{3}")

P = ParamSpec("P")
R = TypeVar("R")


def prefect_environment(settings: Settings) -> dict[str, str]:
    """The environment variables that pin Prefect to medocr's home and hardening."""
    prefect_home = settings.prefect_home
    return {
        "PREFECT_HOME": str(prefect_home),
        "PREFECT_SERVER_DATABASE_CONNECTION_URL": (
            f"sqlite+aiosqlite:///{prefect_home / 'prefect.db'}"
        ),
        "PREFECT_RESULTS_LOCAL_STORAGE_PATH": str(prefect_home / "storage"),
        "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
        "PREFECT_LOGGING_CONFIG_PATH": str(LOGGING_CONFIG),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_UI_SHOW_PROMOTIONAL_CONTENT": "false",
        "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
        "PREFECT_TELEMETRY_ENABLE_RESOURCE_METRICS": "false",
        "PREFECT_CLIENT_METRICS_ENABLED": "false",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
        "DO_NOT_TRACK": "1",
        "PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK": "True",
        "HF_HUB_OFFLINE": "1",
        "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "",
    }


def apply_prefect_profile(settings: Settings) -> None:
    """Set Prefect's environment unless the operator already chose a value."""
    settings.prefect_home.mkdir(parents=True, exist_ok=True, mode=0o700)
    for key, value in prefect_environment(settings).items():
        os.environ.setdefault(key, value)
    # A flow-run process started by a worker reaches only configured hosts.
    if os.environ.get("PREFECT__FLOW_RUN_ID"):
        from medocr.egress import guard_flow_process

        guard_flow_process(settings)


class ContentFreeFilter(logging.Filter):
    """Strip tracebacks and exception arguments; keep exception types and codes."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            code = getattr(exc, "code", None)
            suffix = f" {code}" if code else ""
            record.msg = f"{record.getMessage()} [{type(exc).__name__}{suffix}]"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        message = record.getMessage()
        scrubbed = _EXCEPTION_TEXT.sub(_redact_exception, message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, None
        return True


def _frames(exc: BaseException) -> str:
    """Where an exception came from (file:line function), without its message."""
    frames = traceback.extract_tb(exc.__traceback__)[-3:]
    return " <- ".join(
        f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames)
    )


def _redact_exception(match: re.Match[str]) -> str:
    codes = " ".join(dict.fromkeys(_CODE.findall(match.group(2))))
    return f"{match.group(1)}({codes or 'details withheld'})"


def content_free_errors(stage: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Let only medocr errors out of a task; anything else becomes a StageError."""

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return func(*args, **kwargs)
            except MedocrError as exc:
                exc.__cause__, exc.__suppress_context__ = None, True
                raise
            except OperationalError as exc:
                # The driver's message may quote the statement and its parameters.
                logging.getLogger("medocr.stage").error(
                    "stage %s lost the records database (%s)",
                    stage,
                    type(exc.orig).__name__,
                )
                raise StageError(
                    f"stage {stage}: the records database is unavailable "
                    f"({type(exc.orig).__name__}); the task retries",
                    code=STG_DATABASE,
                ) from None
            except Exception as exc:
                logging.getLogger("medocr.stage").error(
                    "stage %s failed with %s at %s",
                    stage,
                    type(exc).__name__,
                    _frames(exc),
                )
                raise StageError(
                    f"stage {stage} failed ({type(exc).__name__}); the worker log "
                    "names the code location"
                ) from None

        return wrapper

    return decorate
