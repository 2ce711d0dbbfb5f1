"""The ``retention_sweep`` flow on a real (temporary) Prefect API: artifacts, failure."""

from __future__ import annotations

from pathlib import Path

import pytest
from retention_support import processed_document, proofs_of

from medocr.errors import VLT_COPY_REMAINS, VaultError
from medocr.records import Zone
from medocr.runtime import get_runtime

pytestmark = pytest.mark.slow
FAR = "2036-06-01T00:00:00+00:00"


def _artifact(key: str) -> str:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    from prefect.client.schemas.sorting import ArtifactSort

    with get_client(sync_client=True) as client:
        newest = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])),
            sort=ArtifactSort.CREATED_DESC,
            limit=1,
        )
    return str(newest[0].data)


def test_flow_sweeps_publishes_content_free_artifacts_and_fails_on_a_copy(
    prefect_server: Path, medocr_home: Path
) -> None:
    from flows.retention_sweep import retention_sweep

    runtime = get_runtime()
    done = processed_document(runtime)
    planned = retention_sweep(dry_run=True, now=FAR)
    assert planned["would_destroy"] == 5
    summary = retention_sweep(now=FAR)
    assert summary["destroyed"] == 5 and summary["copies_found"] == 0
    markdown = _artifact("compliance-report")
    assert "## Deletions" in markdown and "Flow runs" in markdown
    assert done.artifacts[Zone.SIGNED].id in markdown
    assert "Mustermann" not in markdown + _artifact("retention-proofs")
    handoff = Path(done.artifacts[Zone.HANDOFF].location)
    handoff.write_bytes(b"re-created by a downstream sync")
    with pytest.raises(VaultError) as info:
        retention_sweep(now=FAR)
    assert info.value.code == VLT_COPY_REMAINS
    outcomes = [p.outcome for p in proofs_of(runtime, done.artifacts[Zone.HANDOFF].id)]
    assert outcomes == ["verified", VLT_COPY_REMAINS]
