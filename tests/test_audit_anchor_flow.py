"""The ``anchor_audit`` flow on a real (temporary) Prefect API: one token per head."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from medocr.anchor import latest_anchor, trust_for, verify_audit
from medocr.prefect_profile import apply_prefect_profile
from medocr.runtime import get_runtime
from medocr.settings import get_settings
from medocr.signing.pki import load_local_pki

pytestmark = pytest.mark.slow


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


def test_flow_anchors_the_head_once_and_verify_accepts_it(
    prefect_api: None, medocr_home: Path
) -> None:
    from flows.anchor_audit import anchor_audit

    runtime = get_runtime()
    load_local_pki(runtime.settings.pki_path)
    assert anchor_audit() == {"anchor_id": None, "seq": 0}
    for n in range(3):
        runtime.audit.append("stage.done", document_id=f"doc_{n}")

    first = anchor_audit()
    rerun = anchor_audit()

    assert first == rerun == {"anchor_id": 1, "seq": 3}
    assert latest_anchor(runtime.engine).head_hash == runtime.audit.head()[1]
    assert verify_audit(runtime.engine, lambda: trust_for(runtime.settings)).intact
