"""Prefect's flow runs in a period, read through its API when one is configured.

Only ids, names, states, times and attempt counts are read back; parameters are
not. Without a configured API (and outside a flow run) nothing is contacted, so
no temporary server starts; an unreachable API is reported, not raised.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from medocr.prefect_profile import apply_prefect_profile
from medocr.settings import get_settings

if TYPE_CHECKING:
    from prefect.client.schemas.objects import FlowRun

log = logging.getLogger(__name__)

MAX_RUNS = 1000


@dataclass(frozen=True)
class FlowRuns:
    """Flow-run rows, or None with the reason they are not available."""

    rows: list[dict[str, str]] | None
    reason: str = ""


def _api_url() -> str | None:
    """The configured API URL; ``ephemeral`` inside a flow run of this process."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    if "prefect" not in sys.modules:
        return None
    from prefect.context import FlowRunContext
    from prefect.settings import PREFECT_API_URL

    if PREFECT_API_URL.value():
        return str(PREFECT_API_URL.value())
    return "ephemeral" if FlowRunContext.get() is not None else None


def read_flow_runs(start: datetime, end: datetime, timeout: float = 5.0) -> FlowRuns:
    """Flow runs that started in ``[start, end)``; see ``FlowRuns.reason`` when None."""
    url = _api_url()
    if url is None:
        return FlowRuns(None, "no Prefect API is configured (PREFECT_API_URL)")
    apply_prefect_profile(get_settings())
    from prefect.settings import PREFECT_API_URL, temporary_settings

    # Pin the URL read above, so Prefect never starts a temporary server instead.
    pinned = {} if url == "ephemeral" else {PREFECT_API_URL: url}
    try:
        with temporary_settings(updates=pinned):  # type: ignore[arg-type]
            return FlowRuns(_query(start, end, timeout))
    except Exception as exc:  # any transport or API failure means "not available"
        log.warning("Prefect API not available: %s", type(exc).__name__)
        return FlowRuns(None, f"the Prefect API did not answer ({type(exc).__name__})")


def _query(start: datetime, end: datetime, timeout: float) -> list[dict[str, str]]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        FlowFilter,
        FlowFilterId,
        FlowRunFilter,
        FlowRunFilterStartTime,
    )

    window = FlowRunFilterStartTime(after_=start, before_=end)  # type: ignore[arg-type]
    with get_client(sync_client=True, httpx_settings={"timeout": timeout}) as api:
        runs = api.read_flow_runs(
            flow_run_filter=FlowRunFilter(start_time=window), limit=MAX_RUNS
        )
        ids = list({run.flow_id for run in runs})
        flows = api.read_flows(flow_filter=FlowFilter(id=FlowFilterId(any_=ids)))
    names = {flow.id: flow.name for flow in flows}
    return [_row(run, names) for run in runs]


def _row(run: FlowRun, names: dict[UUID, str]) -> dict[str, str]:
    def moment(value: datetime | None) -> str:
        return value.isoformat(timespec="seconds") if value else "-"

    return {
        "flow": names.get(run.flow_id, "?"),
        "run": run.name,
        "run_id": str(run.id),
        "state": run.state_name or "-",
        "start": moment(run.start_time),
        "end": moment(run.end_time),
        "run_count": str(run.run_count),
    }
