"""Validate stage: Great Expectations suites per record type over a batch of records.

A batch becomes one pandas DataFrame (a row per record). The common suite runs over
all of it, then each record type present runs its own small suite, whose rules carry
a row condition on ``record_type``; results are ``BOOLEAN_ONLY`` so that no value is
ever copied into a result. An expectation that fails on a group is then run on
halves of it until the failing rows are found, so a report names rule and column
per record without GX ever returning a row or a value. GX is imported on first use
and its ephemeral context and suites are built once per process.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from medocr.contracts import load_contract
from medocr.document_lexicon import RECORD_TYPES
from medocr.settings import Settings, get_settings
from medocr.validation_rules import (
    ALL_RECORD_TYPES,
    CODE_SEPARATOR,
    COMMON_SUITE,
    DATE_COLUMN,
    UNKNOWN_TYPE,
    Rule,
    Thresholds,
    rules_for,
)

logger = logging.getLogger(__name__)

RESULT_FORMAT = "BOOLEAN_ONLY"
# Locating failed rows: row positions only, every value-bearing part switched off.
LOCATE_FORMAT = {
    "result_format": "COMPLETE",
    "exclude_unexpected_values": True,
    "partial_unexpected_count": 0,
    "include_unexpected_rows": False,
    "return_unexpected_index_query": False,
}


@dataclass(frozen=True)
class FailedRule:
    """A rule a record broke: its id, the GX expectation and the column it read."""

    rule: str
    expectation: str
    column: str


@dataclass(frozen=True)
class ValidationReport:
    """Outcome of validation for one record: rule ids and columns, never values."""

    record_type: str
    passed: bool
    failed_rules: tuple[FailedRule, ...]

    @property
    def rules(self) -> tuple[str, ...]:
        """The broken rules' ids, as the records database stores them."""
        return tuple(failed.rule for failed in self.failed_rules)


def validate_record(
    record: Mapping[str, Any], *, settings: Settings | None = None
) -> ValidationReport:
    """Validate one hand-off record."""
    return validate_records([record], settings=settings)[0]


def validate_records(
    records: Sequence[Mapping[str, Any]], *, settings: Settings | None = None
) -> list[ValidationReport]:
    """Validate a batch; the reports come back in the order of ``records``."""
    thresholds = _thresholds(settings or get_settings())
    failures: dict[int, list[FailedRule]] = {index: [] for index in range(len(records))}
    for indices in _groups(records):
        frame = _frame([records[index] for index in indices], indices)
        for suite in (COMMON_SUITE, *_types_present(frame)):
            for failed, rows in _failing_rows(frame, suite, thresholds):
                for row in rows:
                    failures[row].append(failed)
    reports = [
        ValidationReport(_suite_type(record), not failures[i], tuple(failures[i]))
        for i, record in enumerate(records)
    ]
    logger.info(
        "validated %d records, %d failed",
        len(reports),
        sum(not report.passed for report in reports),
    )
    return reports


def _thresholds(settings: Settings) -> Thresholds:
    return Thresholds(
        today=dt.date.today(),
        min_confidence=settings.ocr.min_confidence,
        max_pages=settings.limits.max_pages,
    )


def _suite_type(record: Mapping[str, Any]) -> str:
    record_type = record.get("record_type")
    return record_type if record_type in ALL_RECORD_TYPES else UNKNOWN_TYPE


def _types_present(frame: Any) -> list[str]:
    """The known record types in the frame, each with a suite of its own."""
    if "record_type" not in frame.columns:
        return []
    return [kind for kind in RECORD_TYPES if (frame["record_type"] == kind).any()]


def _groups(records: Sequence[Mapping[str, Any]]) -> list[list[int]]:
    """Records with the same fields share one DataFrame (normally: the whole batch)."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for index, record in enumerate(records):
        groups.setdefault(tuple(sorted(map(str, record))), []).append(index)
    return list(groups.values())


def _frame(records: Sequence[Mapping[str, Any]], index: Sequence[int]) -> Any:
    """One row per record; codes joined by ``;``; the document date also as a date."""
    import pandas as pd

    rows = [
        {str(key): _cell(key, value) for key, value in record.items()}
        for record in records
    ]
    frame = pd.DataFrame(rows, index=list(index), dtype=object)
    if "document_date" in frame.columns:
        frame[DATE_COLUMN] = pd.to_datetime(
            frame["document_date"].where(frame["document_date"].map(_is_str)),
            format="%Y-%m-%d",
            errors="coerce",
        )
    return frame


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _cell(key: object, value: Any) -> Any:
    """Codes joined by ``;``; other collections as lists, which pandas keeps per cell."""
    if key == "icd10_codes" and isinstance(value, list | tuple):
        if all(isinstance(code, str) for code in value):
            return CODE_SEPARATOR.join(value)
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    return value


def _failing_rows(
    frame: Any, suite_name: str, thresholds: Thresholds
) -> list[tuple[FailedRule, list[int]]]:
    """Each broken rule of one suite with the rows (record indices) that break it."""
    suite, expectations = _suite(suite_name, thresholds)
    result = _validate(frame, suite, RESULT_FORMAT)
    broken = []
    for outcome in result.results:
        if outcome.success:
            continue
        rule, expectation = expectations[outcome.expectation_config.meta["rule"]]
        failed = FailedRule(rule.id, outcome.expectation_config.type, rule.column)
        broken.append((failed, _locate(frame, expectation, rule)))
    return broken


def _locate(frame: Any, expectation: Any, rule: Rule) -> list[int]:
    """The rows that break a rule the group failed; positions only, never values."""
    if rule.column == "*" or len(frame) == 1:
        return list(frame.index)
    result = _validate(frame, expectation, LOCATE_FORMAT)
    indices = (result.result or {}).get("unexpected_index_list")
    if _raised(result) or indices is None:
        return _bisect(frame, expectation)
    return sorted(int(index) for index in indices)


def _bisect(frame: Any, expectation: Any) -> list[int]:
    """Rows that make ``expectation`` fail or raise, found by halving the frame."""
    failing, pending = [], [frame]
    while pending:
        part = pending.pop()
        if _validate(part, expectation, RESULT_FORMAT).success:
            continue
        if len(part) == 1:
            failing.append(int(part.index[0]))
        else:
            pending += [part.iloc[: len(part) // 2], part.iloc[len(part) // 2 :]]
    return sorted(failing)


def _validate(frame: Any, what: Any, result_format: Any) -> Any:
    batch = _engine().get_batch(batch_parameters={"dataframe": frame})
    return batch.validate(what, result_format=result_format)


def _raised(result: Any) -> bool:
    info = result.exception_info or {}
    nested = info.values() if "raised_exception" not in info else [info]
    return any(
        isinstance(item, dict) and item.get("raised_exception") for item in nested
    )


@lru_cache(maxsize=1)
def _engine() -> Any:
    """The ephemeral GX context's whole-DataFrame batch definition, built once."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    asset = context.data_sources.add_pandas("medocr").add_dataframe_asset("records")
    return asset.add_batch_definition_whole_dataframe("batch")


@lru_cache(maxsize=32)
def _suite(
    name: str, thresholds: Thresholds
) -> tuple[Any, dict[str, tuple[Rule, Any]]]:
    """One GX suite (common or a record type's) for one day's thresholds, built once."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    fields = load_contract().field_names
    expectations = {
        rule.id: (rule, getattr(gxe, rule.expectation)(**_arguments(rule)))
        for rule in rules_for(name, fields, thresholds)
    }
    suite = gx.ExpectationSuite(
        name=f"handoff-{name}",
        expectations=[expectation for _, expectation in expectations.values()],
    )
    return suite, expectations


def _arguments(rule: Rule) -> dict[str, Any]:
    """The expectation's arguments, its rule id, and a row condition for a type rule."""
    from great_expectations.expectations.row_conditions import Column

    arguments = {**rule.kwargs, "meta": {"rule": rule.id}}
    if rule.only_record_type is not None:
        arguments["row_condition"] = Column("record_type") == rule.only_record_type
    return arguments
