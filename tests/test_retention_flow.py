"""The ``retention_sweep`` flow on a real (temporary) Prefect API: artifacts, failure."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from retention_support import processed_document, proofs_of

from medocr.errors import VLT_COPY_REMAINS, VaultError
from medocr.prefect_profile import apply_prefect_profile
from medocr.records import Zone
from medocr.runtime import get_runtime
from medocr.settings import get_settings

pytestmark = pytest.mark.slow
FAR = "2036-06-01T00:00:00+00:00"


@pytest.fixture(scope="module")
def prefect_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A temporary Prefect API, with Prefect's home in a temporary medocr home."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MEDOCR_HOME", str(tmp_path_factory.mktemp("prefect-home")))
        get_settings.cache_clear()
        apply_prefect_profile(get_settings())
        from prefect.testing.utilities import prefect_test_harness

        with prefect_test_harness(server_startup_timeout=120):
            yield
    get_settings.cache_clear()


def _artifact(key: str) -> str:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key]))
        )
    return str(found[-1].data)


def test_flow_sweeps_publishes_content_free_artifacts_and_fails_on_a_copy(
    prefect_api: None, medocr_home: Path
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
