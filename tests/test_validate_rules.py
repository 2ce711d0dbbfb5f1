"""Every validation rule passes a good record and fails a record that breaks it."""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import socket
from collections.abc import Callable
from typing import Any

import pytest

from medocr.contracts import CONTRACTS_DIR
from medocr.settings import Settings
from tasks import validate
from tasks.validate import ValidationReport, validate_record, validate_records

EXAMPLES = CONTRACTS_DIR / "examples" / "handoff-record" / "valid"
BASE: dict[str, Any] = json.loads((EXAMPLES / "discharge-summary-de.json").read_text())
MAX_PAGES = Settings().limits.max_pages
REQUIRED = [name for name in BASE if name != "document_date"]


def _set(**changes: Any) -> Callable[[dict[str, Any]], None]:
    return lambda record: record.update(changes)


def _drop(name: str) -> Callable[[dict[str, Any]], None]:
    return lambda record: record.pop(name)


FAILING: list[tuple[str, str, Callable[[dict[str, Any]], None]]] = [
    ("schema.columns", "unknown column", _set(ward="3B")),
    ("schema.columns", "missing column", _drop("medocr_version")),
    ("document_id.format", "file name as id", _set(document_id="scan_0042.pdf")),
    ("record_type.allowed", "unlisted type", _set(record_type="prescription")),
    ("record_type.known", "unknown type", _set(record_type="unknown")),
    ("language.allowed", "unlisted language", _set(language="pt")),
    ("document_date.format", "single-digit month", _set(document_date="2024-3-05")),
    ("document_date.calendar", "30 February", _set(document_date="2024-02-30")),
    ("document_date.range", "in the future", _set(document_date="2099-01-01")),
    ("document_date.range", "before 1990", _set(document_date="1989-12-31")),
    ("document_date.required", "undated discharge", _set(document_date=None)),
    ("icd10_codes.format", "outside the chapters", _set(icd10_codes=["E91"])),
    ("icd10_codes.format", "without a dot", _set(icd10_codes=["E119"])),
    ("icd10_codes.present", "discharge without codes", _set(icd10_codes=[])),
    ("page_count.range", "no pages", _set(page_count=0)),
    ("page_count.range", "too many pages", _set(page_count=MAX_PAGES + 1)),
    ("ocr_confidence_mean.threshold", "poor OCR", _set(ocr_confidence_mean=0.5)),
    (
        "ocr_confidence_mean.required",
        "NaN confidence",
        _set(ocr_confidence_mean=math.nan),
    ),
    ("ocr_confidence_min.range", "negative minimum", _set(ocr_confidence_min=-0.1)),
    ("ocr_confidence.order", "minimum above mean", _set(ocr_confidence_min=0.99)),
    ("pseudonymized_text.nonempty", "empty text", _set(pseudonymized_text="")),
    ("signature_level.allowed", "unknown level", _set(signature_level="B-X")),
    ("contract_version.format", "two-part version", _set(contract_version="1.0")),
    ("medocr_version.format", "word as version", _set(medocr_version="latest")),
    ("processed_at.format", "no zone", _set(processed_at="2026-12-03T16:40:00")),
    ("pseudonymized_text.type", "text as a list", _set(pseudonymized_text=["x"])),
    ("page_count.type", "fractional pages", _set(page_count=2.5)),
    ("ocr_confidence_min.type", "score as text", _set(ocr_confidence_min="0.5")),
    ("icd10_codes.type", "codes as numbers", _set(icd10_codes=[10, 11])),
    (
        "medocr_version.type",
        "version as a date",
        _set(medocr_version=dt.date(2026, 1, 1)),
    ),
] + [(f"{name}.required", f"{name} is null", _set(**{name: None})) for name in REQUIRED]


def _broken(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    record = copy.deepcopy(BASE)
    change(record)
    return record


@pytest.fixture(scope="module")
def reports() -> list[ValidationReport]:
    """All failing cases, then the good record, validated as one batch."""
    return validate_records([_broken(change) for _, _, change in FAILING] + [BASE])


def test_the_good_record_passes(reports: list[ValidationReport]) -> None:
    assert reports[-1] == ValidationReport("discharge_summary", True, ())


@pytest.mark.parametrize(
    ("position", "rule"),
    [(position, rule) for position, (rule, _, _) in enumerate(FAILING)],
    ids=[f"{rule}: {why}" for rule, why, _ in FAILING],
)
def test_a_record_breaking_a_rule_fails_with_that_rule(
    reports: list[ValidationReport], position: int, rule: str
) -> None:
    report = reports[position]
    assert not report.passed
    assert rule in report.rules


def test_failed_rules_name_the_column_and_the_expectation(
    reports: list[ValidationReport],
) -> None:
    position = [why for _, why, _ in FAILING].index("in the future")
    (failed,) = reports[position].failed_rules
    assert (failed.rule, failed.column) == ("document_date.range", "document_date")
    assert failed.expectation == "expect_column_values_to_be_between"


def test_an_undated_consent_form_passes_the_contract_but_goes_to_review() -> None:
    record = json.loads((EXAMPLES / "consent-form-pl-undated.json").read_text())
    assert validate_record(record).rules == ("document_date.required",)


def test_an_unknown_type_fails_only_because_it_is_unknown() -> None:
    report = validate_record(_broken(_set(record_type="unknown", document_date=None)))
    assert report.rules == ("record_type.known",)


def test_the_confidence_threshold_comes_from_settings() -> None:
    strict = Settings(ocr={"min_confidence": 0.95})
    assert validate_record(BASE).passed
    assert validate_record(BASE, settings=strict).rules == (
        "ocr_confidence_mean.threshold",
    )


def test_a_large_batch_reports_each_record_on_its_own() -> None:
    records = [copy.deepcopy(BASE) for _ in range(1000)]
    records[17]["document_date"] = "2099-01-01"
    records[512]["page_count"] = "2"
    records[999]["icd10_codes"] = ["U07.1", "XX"]
    reports = validate_records(records)
    failed = {i: report.rules for i, report in enumerate(reports) if not report.passed}
    assert failed == {
        17: ("document_date.range",),
        512: ("page_count.range", "page_count.type"),
        999: ("icd10_codes.format",),
    }


def test_results_never_hold_a_value() -> None:
    leaky = _broken(
        _set(
            document_id="doc_SECRET1",
            language="SECRET2",
            document_date="2099-12-31",
            icd10_codes=["SECRET3"],
            page_count=987654,
            ocr_confidence_mean=0.123456,
            signature_level="SECRET4",
            contract_version="SECRET5",
            medocr_version="SECRET6",
            processed_at="SECRET7",
        )
    )
    frame = validate._frame([BASE, leaky], [0, 1])
    thresholds = validate._thresholds(Settings())
    suite, expectations = validate._suite("discharge_summary", thresholds)
    runs = [(suite, validate.RESULT_FORMAT)] + [
        (expectation, validate.LOCATE_FORMAT)
        for _, expectation in expectations.values()
    ]
    for what, result_format in runs:
        result = json.dumps(
            validate._validate(frame, what, result_format).to_json_dict(), default=str
        )
        assert not [s for s in ("SECRET", "987654", "123456", "2099") if s in result]
    assert "SECRET" not in repr(validate_records([BASE, leaky]))


def test_validation_opens_no_network_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("validation tried to open a connection")

    validate._engine.cache_clear()
    validate._suite.cache_clear()
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert validate_record(BASE).passed
