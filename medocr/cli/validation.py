"""``medocr bench validate``: how long Great Expectations takes for a batch of records."""

from __future__ import annotations

import random
import time
import uuid
from typing import Any

import typer

from medocr import __version__
from medocr.cli.main import bench_app
from medocr.cli.output import JsonOption, emit_mapping

# Changes that break one validation rule each, applied to a share of the records.
_BREAKAGES: tuple[tuple[str, Any], ...] = (
    ("document_date", "2099-01-01"),
    ("icd10_codes", ["E91"]),
    ("ocr_confidence_mean", 0.31),
    ("page_count", 0),
    ("language", None),
)
_TYPES = ("referral_letter", "lab_report", "discharge_summary", "consent_form")


def synthetic_records(
    count: int, failing_share: float, seed: int = 7
) -> list[dict[str, Any]]:
    """``count`` hand-off records without content; ``failing_share`` break one rule."""
    from tasks.contract import CONTRACT_VERSION

    rng = random.Random(seed)
    records = []
    for index in range(count):
        record = {
            "document_id": f"doc_{uuid.UUID(int=rng.getrandbits(128)).hex[:16]}",
            "record_type": _TYPES[index % len(_TYPES)],
            "language": rng.choice(("de", "fr", "it", "es", "nl", "pl", "en")),
            "document_date": f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            "icd10_codes": ["E11.9", "I10"][: rng.randint(1, 2)],
            "page_count": rng.randint(1, 12),
            "ocr_confidence_mean": round(rng.uniform(0.85, 0.99), 3),
            "ocr_confidence_min": round(rng.uniform(0.3, 0.8), 3),
            "pseudonymized_text": "Befund von [NAME_3f9a2c1d]: unauffällig.",
            "signature_level": "B-LTA",
            "contract_version": CONTRACT_VERSION,
            "medocr_version": __version__,
            "processed_at": "2026-12-03T12:00:00+00:00",
        }
        if rng.random() < failing_share:
            field, value = rng.choice(_BREAKAGES)
            record[field] = value
        records.append(record)
    return records


@bench_app.command("validate")
def bench_validate(
    records: int = typer.Option(1000, "--records", min=1, help="Records per batch."),
    failing_share: float = typer.Option(
        0.05,
        "--failing-share",
        min=0.0,
        max=1.0,
        help="Share of records that break a rule.",
    ),
    as_json: bool = JsonOption,
) -> None:
    """Time GX start-up and the validation of one batch of synthetic records."""
    from tasks.validate import validate_records

    batch = synthetic_records(records, failing_share)
    started = time.perf_counter()
    validate_records(batch[:1])
    startup = time.perf_counter() - started
    started = time.perf_counter()
    reports = validate_records(batch)
    elapsed = time.perf_counter() - started
    emit_mapping(
        "validation benchmark",
        {
            "records": records,
            "failing_share": failing_share,
            "failed": sum(not report.passed for report in reports),
            "startup_seconds": round(startup, 3),
            "batch_seconds": round(elapsed, 3),
            "records_per_second": round(records / elapsed, 1),
        },
        as_json=as_json,
    )
