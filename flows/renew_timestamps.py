"""Flow ``renew_timestamps``: keep every B-LTA signed copy verifiable beyond its TSA."""

from __future__ import annotations

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from sqlmodel import Session, select

from medocr.prefect_profile import content_free_errors
from medocr.records import Signature
from medocr.runtime import get_runtime
from tasks.sign import renew_signed_copy


@task(
    name="renew-timestamp",
    task_run_name="renew-timestamp-{document_id}",
    persist_result=False,
    cache_policy=NO_CACHE,
    retries=2,
    retry_delay_seconds=2,
)
@content_free_errors("renew-timestamp")
def renew_timestamp(document_id: str, horizon_days: int) -> bool:
    """Renew one document's archive timestamp if it is due."""
    return renew_signed_copy(document_id, get_runtime(), horizon_days=horizon_days)


@flow(name="renew_timestamps", persist_result=False, log_prints=False)
def renew_timestamps(horizon_days: int | None = None) -> dict[str, int]:
    """Check every signed document; renew those whose timestamp chain expires soon."""
    runtime = get_runtime()
    horizon = horizon_days or runtime.settings.signing.renewal_horizon_days

    # Every signed document, by opaque id.
    with Session(runtime.engine) as session:
        document_ids = list(session.exec(select(Signature.document_id)))

    # One renewal task per document; each skips what is not due.
    renewed = [renew_timestamp(document_id, horizon) for document_id in document_ids]

    return {"checked": len(document_ids), "renewed": sum(renewed)}
