"""The contract gate passes valid records and names rule and field of every breach."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from medocr.contracts import CONTRACTS_DIR
from tasks.contract import (
    CONTRACT_VERSION,
    ContractReport,
    check_contract,
    check_record,
    field_label,
    find_identifier_kinds,
)

EXAMPLES = CONTRACTS_DIR / "examples" / "handoff-record"
VALID = sorted((EXAMPLES / "valid").glob("*.json"))
INVALID = sorted((EXAMPLES / "invalid").glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _leaf_values(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [text for inner in value.values() for text in _leaf_values(inner)]
    if isinstance(value, list):
        return [text for inner in value for text in _leaf_values(inner)]
    return [str(value)]


@pytest.mark.parametrize("path", VALID, ids=lambda path: path.stem)
def test_a_valid_example_passes(path: Path) -> None:
    report = check_record(_load(path))
    assert report == ContractReport("medocr-handoff-record", CONTRACT_VERSION, True, ())


@pytest.mark.parametrize("path", INVALID, ids=lambda path: path.stem)
def test_an_invalid_example_is_blocked_by_its_rule(path: Path) -> None:
    rule = path.stem.split("--")[0]
    report = check_record(_load(path))
    assert not report.passed
    assert rule in {violation.rule for violation in report.violations}


@pytest.mark.parametrize("path", INVALID, ids=lambda path: path.stem)
def test_a_report_never_holds_a_value(path: Path) -> None:
    record = _load(path)
    report_text = repr(check_record(record))
    values = {text for text in _leaf_values(record) if len(text) > 3}
    leaked = [text for text in values - {CONTRACT_VERSION} if text in report_text]
    assert leaked == []


def test_every_rule_has_a_failing_example() -> None:
    rules = {path.stem.split("--")[0] for path in INVALID}
    assert rules >= {
        "schema.unknown-field",
        "schema.missing-required",
        "schema.missing-field",
        "schema.type",
        "schema.enum",
        "schema.format",
        "prohibited.field",
        "content.identifier-in-free-text",
        "contract.version-mismatch",
    }


def test_the_identifier_kinds_are_reported_without_values() -> None:
    record = _load(EXAMPLES / "invalid" / "content.identifier-in-free-text--iban.json")
    assert "IBAN" in check_record(record).identifier_kinds


def test_pseudonym_tokens_are_not_taken_for_identifiers() -> None:
    text = "[NAME_3f9a2c1d] [INSURANCE_ID_12345678] [PHONE_00000000] Hb 13,2 g/dl"
    assert find_identifier_kinds(text) == set()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("KVNR A123456780", "INSURANCE_ID"),
        ("NIR 1 84 05 73 111 222 91", "NATIONAL_ID"),
        ("SVNR 1237 010180", "INSURANCE_ID"),
        ("INSZ 85.07.30-033.28", "NATIONAL_ID"),
        ("BSN 111222333", "NATIONAL_ID"),
        ("DNI 12345678Z", "NATIONAL_ID"),
        ("IBAN NL91 ABNA 0417 1643 00", "IBAN"),
        ("mail: a.b@example.eu", "EMAIL"),
        ("Tel.: +49 30 1234567", "PHONE"),
    ],
)
def test_checksum_valid_identifiers_are_found(text: str, kind: str) -> None:
    assert kind in find_identifier_kinds(text)


def test_a_checksum_invalid_number_is_not_an_identifier() -> None:
    assert find_identifier_kinds("KVNR A123456781, Probe 4711") == set()


def test_a_record_that_is_not_a_mapping_is_blocked() -> None:
    report = check_contract(["not", "a", "record"])  # type: ignore[arg-type]
    assert report.violations == (("schema.not-an-object", "<record>"),)


def test_a_field_name_that_may_be_content_is_reported_as_a_hash() -> None:
    assert field_label("Vorname") == "Vorname"
    assert field_label("Erika Mustermann").startswith("field#")
    record = _load(VALID[0]) | {"Erika Mustermann": 1}
    assert "Mustermann" not in repr(check_record(record))


def test_a_null_optional_field_passes_and_a_null_required_field_does_not() -> None:
    record = copy.deepcopy(_load(VALID[0]))
    record["document_date"] = None
    assert check_record(record).passed
    record["page_count"] = None
    assert check_record(record).rules == ("schema.missing-required:page_count",)
