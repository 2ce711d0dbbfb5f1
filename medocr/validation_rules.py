"""The validation rules of a hand-off record, per record type, as plain data.

Each rule is a stable id, a Great Expectations expectation class name and its
arguments; :mod:`tasks.validate` turns them into GX suites. Keeping them as data
means this module imports without GX (whose import takes seconds).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from medocr.document_lexicon import LANGUAGES, RECORD_TYPES
from medocr.icd10 import code_regex

UNKNOWN_TYPE = "unknown"
# The suite every record meets; each known record type adds a suite of its own.
COMMON_SUITE = "common"
ALL_RECORD_TYPES = (*RECORD_TYPES, UNKNOWN_TYPE)
SIGNATURE_LEVELS = ("B-B", "B-T", "B-LT", "B-LTA")
EARLIEST_DOCUMENT_DATE = "1990-01-01"
CODE_SEPARATOR = ";"
TEXT_FIELDS = (
    "document_id",
    "record_type",
    "language",
    "document_date",
    "icd10_codes",
    "pseudonymized_text",
    "signature_level",
    "contract_version",
    "medocr_version",
    "processed_at",
)
SCORE_FIELDS = ("ocr_confidence_mean", "ocr_confidence_min")
# The validation frame's copy of document_date as a date, for the range rule.
DATE_COLUMN = "document_date__as_date"

DOCUMENT_ID_PATTERN = r"^doc_[0-9a-f]{8,64}$"
ISO_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
ISO_TIMESTAMP_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?"
    r"(?:Z|[+-][0-9]{2}:[0-9]{2})$"
)
SEMVER_PATTERN = r"^[0-9]+\.[0-9]+\.[0-9]+$"
PACKAGE_VERSION_PATTERN = r"^[0-9]+(?:\.[0-9]+)*[a-z0-9.+-]*$"


@dataclass(frozen=True)
class Rule:
    """One check: its id, the GX expectation class and the expectation's arguments."""

    id: str
    expectation: str
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    only_record_type: str | None = None

    @property
    def column(self) -> str:
        """The column the rule reads (``*`` for a table-level rule)."""
        column = str(self.kwargs.get("column", self.kwargs.get("column_A", "*")))
        return column.removesuffix("__as_date")


@dataclass(frozen=True)
class Thresholds:
    """The settings and the day a suite depends on."""

    today: dt.date
    min_confidence: float
    max_pages: int


def icd10_list_regex() -> str:
    """Codes joined by ``;`` (possibly none), every one of them valid."""
    code = code_regex()
    return f"^(?:{code}(?:{CODE_SEPARATOR}{code})*)?$"


def rules_for(
    suite: str, fields: tuple[str, ...], thresholds: Thresholds
) -> tuple[Rule, ...]:
    """The rules of one suite: ``common`` for every record, else a record type's."""
    if suite != COMMON_SUITE:
        return tuple(_type_rules(suite))
    required = [name for name in fields if name != "document_date"]
    rules = [
        Rule(
            "schema.columns",
            "ExpectTableColumnsToMatchSet",
            {"column_set": [*fields, DATE_COLUMN], "exact_match": True},
        )
    ]
    rules += [
        Rule(f"{name}.required", "ExpectColumnValuesToNotBeNull", {"column": name})
        for name in required
    ]
    rules.append(
        Rule(
            "record_type.known",
            "ExpectColumnValuesToNotBeInSet",
            {"column": "record_type", "value_set": [UNKNOWN_TYPE]},
        )
    )
    return tuple(
        rules + _value_type_rules() + _format_rules() + _range_rules(thresholds)
    )


def _value_type_rules() -> list[Rule]:
    """Python types per column: text as ``str``, counts as ``int``, scores as numbers."""
    types = {name: ["str"] for name in TEXT_FIELDS}
    types |= {"page_count": ["int"]}
    types |= {name: ["int", "float"] for name in SCORE_FIELDS}
    return [
        Rule(
            f"{name}.type",
            "ExpectColumnValuesToBeInTypeList",
            {"column": name, "type_list": type_list},
        )
        for name, type_list in types.items()
    ]


def _format_rules() -> list[Rule]:
    def regex(rule_id: str, column: str, pattern: str) -> Rule:
        return Rule(
            rule_id,
            "ExpectColumnValuesToMatchRegex",
            {"column": column, "regex": pattern},
        )

    def in_set(rule_id: str, column: str, values: tuple[str, ...]) -> Rule:
        return Rule(
            rule_id,
            "ExpectColumnValuesToBeInSet",
            {"column": column, "value_set": list(values)},
        )

    return [
        regex("document_id.format", "document_id", DOCUMENT_ID_PATTERN),
        in_set("record_type.allowed", "record_type", ALL_RECORD_TYPES),
        in_set("language.allowed", "language", LANGUAGES),
        regex("document_date.format", "document_date", ISO_DATE_PATTERN),
        Rule(
            "document_date.calendar",
            "ExpectColumnValuesToMatchStrftimeFormat",
            {"column": "document_date", "strftime_format": "%Y-%m-%d"},
        ),
        regex("icd10_codes.format", "icd10_codes", icd10_list_regex()),
        Rule(
            "pseudonymized_text.nonempty",
            "ExpectColumnValueLengthsToBeBetween",
            {"column": "pseudonymized_text", "min_value": 1},
        ),
        in_set("signature_level.allowed", "signature_level", SIGNATURE_LEVELS),
        regex("contract_version.format", "contract_version", SEMVER_PATTERN),
        regex("medocr_version.format", "medocr_version", PACKAGE_VERSION_PATTERN),
        regex("processed_at.format", "processed_at", ISO_TIMESTAMP_PATTERN),
    ]


def _range_rules(thresholds: Thresholds) -> list[Rule]:
    def between(rule_id: str, column: str, low: Any, high: Any) -> Rule:
        return Rule(
            rule_id,
            "ExpectColumnValuesToBeBetween",
            {"column": column, "min_value": low, "max_value": high},
        )

    return [
        between(
            "document_date.range",
            DATE_COLUMN,
            dt.datetime.fromisoformat(EARLIEST_DOCUMENT_DATE),
            dt.datetime.combine(thresholds.today, dt.time.max),
        ),
        between("page_count.range", "page_count", 1, thresholds.max_pages),
        between(
            "ocr_confidence_mean.threshold",
            "ocr_confidence_mean",
            thresholds.min_confidence,
            1.0,
        ),
        between("ocr_confidence_min.range", "ocr_confidence_min", 0.0, 1.0),
        Rule(
            "ocr_confidence.order",
            "ExpectColumnPairValuesAToBeGreaterThanB",
            {
                "column_A": "ocr_confidence_mean",
                "column_B": "ocr_confidence_min",
                "or_equal": True,
            },
        ),
    ]


def _type_rules(record_type: str) -> list[Rule]:
    """Rules for one record type, limited to its rows."""
    if record_type not in RECORD_TYPES:
        return []
    rules = [
        Rule(
            "document_date.required",
            "ExpectColumnValuesToNotBeNull",
            {"column": "document_date"},
            only_record_type=record_type,
        )
    ]
    if record_type == "discharge_summary":
        rules.append(
            Rule(
                "icd10_codes.present",
                "ExpectColumnValueLengthsToBeBetween",
                {"column": "icd10_codes", "min_value": 3},
                only_record_type=record_type,
            )
        )
    return rules
