"""Prefect tasks around the pipeline steps: a few lines each, ids in and out.

Parameters and return values are opaque ids and status codes, because Prefect
stores both. Results are not persisted and no cache policy is set (either would
write results to storage). Only medocr errors, which carry codes and no content,
leave a task.
"""

from __future__ import annotations

from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from medocr.faults import fault_point
from medocr.prefect_profile import content_free_errors
from medocr.runtime import get_runtime
from tasks.gate import gate_step
from tasks.handoff import handoff_step
from tasks.ingest import ingest_file, list_inbox
from tasks.pipeline import StepResult, extract_step, ocr_step, pseudonymize_step
from tasks.rendition import sign_step

_OPTIONS = {
    "persist_result": False,
    "cache_policy": NO_CACHE,
    "retries": 2,
    "retry_delay_seconds": 2,
}


@task(name="ingest-inbox", **_OPTIONS)
@content_free_errors("ingest")
def ingest_inbox(inbox: str) -> list[str]:
    """Ingest every PDF, TIFF, PNG and JPEG in ``inbox``; return document ids."""
    runtime = get_runtime()
    return [ingest_file(path, runtime).document_id for path in list_inbox(Path(inbox))]


def _step_task(name: str, step):  # type: ignore[no-untyped-def]
    # The stage name is also a tag, so a tag concurrency limit ("ocr") can bound it.
    @task(name=name, task_run_name=f"{name}-{{document_id}}", tags=[name], **_OPTIONS)
    @content_free_errors(name)
    def run(document_id: str) -> str:
        fault_point(name)
        result: StepResult = step(document_id, get_runtime())
        fault_point(f"{name}.done")
        return result.status

    return run


ocr = _step_task("ocr", ocr_step)
pseudonymize = _step_task("pseudonymize", pseudonymize_step)
extract = _step_task("extract", extract_step)
gate = _step_task("gate", gate_step)
sign = _step_task("sign", sign_step)
handoff = _step_task("handoff", handoff_step)

PIPELINE = (ocr, pseudonymize, extract, gate, sign, handoff)
