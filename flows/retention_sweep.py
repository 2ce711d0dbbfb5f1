"""Flow ``retention_sweep``: scheduled destruction of expired copies, with proofs.

Run it daily (for example a cron schedule ``0 2 * * *`` on its deployment). Each
run destroys what is due and not on hold, proves every destruction in the audit
chain, and leaves two artifacts beside the run: a table of this sweep's proofs and
the compliance report of the last days, both ids and codes only. A surviving copy
fails the run with ``MEDOCR-VLT-005``.
"""

from __future__ import annotations

from medocr.prefect_profile import apply_prefect_profile
from medocr.settings import get_settings

apply_prefect_profile(get_settings())

from datetime import UTC, datetime, timedelta  # noqa: E402

from prefect import flow, task  # noqa: E402
from prefect.artifacts import (  # noqa: E402
    create_markdown_artifact,
    create_table_artifact,
)
from prefect.cache_policies import NO_CACHE  # noqa: E402

from medocr.prefect_profile import content_free_errors  # noqa: E402
from medocr.prefect_runs import read_flow_runs  # noqa: E402
from medocr.report import build_report, render_markdown  # noqa: E402
from medocr.runtime import get_runtime  # noqa: E402
from tasks.retention import (  # noqa: E402
    SweepPlan,
    SweepReport,
    as_of,
    plan_sweep,
    sweep_retention,
)


@task(name="retention-plan", persist_result=False, cache_policy=NO_CACHE)
@content_free_errors("retention-plan")
def plan(now: datetime) -> SweepPlan:
    return plan_sweep(get_runtime(), now)


@task(
    name="retention-sweep",
    persist_result=False,
    cache_policy=NO_CACHE,
    retries=1,
    retry_delay_seconds=5,
)
@content_free_errors("retention-sweep")
def sweep(now: datetime) -> SweepReport:
    return sweep_retention(get_runtime(), now)


@task(name="compliance-report", persist_result=False, cache_policy=NO_CACHE)
@content_free_errors("compliance-report")
def compliance_markdown(days: int) -> str:
    end = datetime.now(UTC) + timedelta(seconds=1)
    start = end - timedelta(days=days)
    report = build_report(get_runtime(), start, end, read_flow_runs(start, end))
    return render_markdown(report)


@flow(name="retention_sweep", persist_result=False, log_prints=False)
def retention_sweep(
    dry_run: bool = False, now: str | None = None, report_days: int = 1
) -> dict[str, int | str]:
    """Destroy and prove (or, on a dry run, list) every copy past its deadline."""
    moment = as_of(now)

    # A dry run only lists what would go: ids, zones, deadlines.
    if dry_run:
        planned = plan(moment)
        create_table_artifact(planned.rows(), key="retention-dry-run")
        return {
            "would_destroy": len(planned.of("destroy")),
            "held": len(planned.of("held")),
        }

    # Destroy what is due and prove each destruction in the audit chain.
    report = sweep(moment)

    # Beside the run: this sweep's proofs and the compliance report of the last days.
    create_table_artifact(report.rows(), key="retention-proofs")
    create_markdown_artifact(compliance_markdown(report_days), key="compliance-report")

    # A copy that survived fails the run loudly, by code.
    report.raise_for_residue()
    return report.summary()
