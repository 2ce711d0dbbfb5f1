"""Flow ``anchor_audit``: fix the audit chain's head with an RFC 3161 timestamp token."""

from __future__ import annotations

from medocr.prefect_profile import apply_prefect_profile
from medocr.settings import get_settings

apply_prefect_profile(get_settings())

from prefect import flow, task  # noqa: E402 - the profile must be applied first
from prefect.cache_policies import NO_CACHE  # noqa: E402

from medocr.anchor import anchor_head, timestamper_for  # noqa: E402
from medocr.prefect_profile import content_free_errors  # noqa: E402
from medocr.runtime import get_runtime  # noqa: E402


@task(
    name="timestamp-audit-head", persist_result=False, cache_policy=NO_CACHE, retries=2
)
@content_free_errors("anchor-audit")
def timestamp_audit_head() -> dict[str, int | None]:
    """Anchor the current head (an already anchored head is reused, not re-stamped)."""
    runtime = get_runtime()
    anchor = anchor_head(runtime.engine, timestamper_for(runtime.settings))
    if anchor is None:
        return {"anchor_id": None, "seq": 0}
    return {"anchor_id": anchor.id, "seq": anchor.seq}


@flow(name="anchor_audit", persist_result=False, log_prints=False)
def anchor_audit() -> dict[str, int | None]:
    """Timestamp the audit chain's head so even the newest events cannot be rewritten."""
    # One token over (seq, head hash), stored beside the chain.
    return timestamp_audit_head()
