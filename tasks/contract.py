"""Contract gate: a record reaches downstream only if it matches its data contract.

Checks the exact schema (no unknown, no missing field; types, enums, formats), the
prohibited-field policy at every depth, and scans free-text fields for identifiers
the pseudonymizer should have removed (checksum-valid national and insurance ids,
IBANs, e-mail addresses, phone numbers), reusing ``medocr.phi``'s detectors. The
report names rules and fields, never values.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from medocr.contract_values import check_value
from medocr.contracts import ContractField, DataContract, load_contract
from medocr.document_lexicon import PSEUDONYM_TOKEN
from medocr.phi.checksums import detect_checksum_ids, detect_ibans
from medocr.phi.contact import detect_emails, detect_phones
from medocr.phi.spans import PhiSpan

logger = logging.getLogger(__name__)

UNKNOWN_FIELD = "schema.unknown-field"
MISSING_REQUIRED = "schema.missing-required"
MISSING_FIELD = "schema.missing-field"
NOT_A_RECORD = "schema.not-an-object"
PROHIBITED_FIELD = "prohibited.field"
VERSION_MISMATCH = "contract.version-mismatch"
IDENTIFIER_IN_TEXT = "content.identifier-in-free-text"

# The hand-off contract's version; records carry it as ``contract_version``.
CONTRACT_VERSION = load_contract().version

IDENTIFIER_DETECTORS: tuple[Callable[[str], Iterable[PhiSpan]], ...] = (
    detect_checksum_ids,
    detect_ibans,
    detect_emails,
    detect_phones,
)
_PLAIN_FIELD_NAME = re.compile(r"[^\W\d][\w.\-\[\]]{0,79}")


class Violation(NamedTuple):
    """A broken rule and the field it concerns; never the field's value."""

    rule: str
    field: str


@dataclass(frozen=True)
class ContractReport:
    """Outcome of the gate for one record."""

    contract_id: str
    contract_version: str
    passed: bool
    violations: tuple[Violation, ...]
    identifier_kinds: tuple[str, ...] = ()

    @property
    def rules(self) -> tuple[str, ...]:
        """``rule:field`` strings, as the records database and audit chain store them."""
        return tuple(f"{rule}:{field}" for rule, field in self.violations)


def check_contract(
    record: Mapping[str, Any], contract: DataContract | None = None
) -> ContractReport:
    """Check one hand-off record against its contract (the hand-off one by default)."""
    contract = contract or load_contract()
    if not isinstance(record, Mapping):
        return _report(contract, [Violation(NOT_A_RECORD, "<record>")], ())
    violations = list(_schema_violations(record, contract))
    violations.extend(_prohibited_fields(record, contract, prefix=""))
    kinds = _identifier_kinds(record, contract)
    violations.extend(Violation(IDENTIFIER_IN_TEXT, name) for name in kinds)
    report = _report(contract, violations, tuple(sorted(set().union(*kinds.values()))))
    logger.debug("contract %s: %d violations", contract.id, len(report.violations))
    return report


def check_record(record: Mapping[str, Any]) -> ContractReport:
    """Check one record against the hand-off contract."""
    return check_contract(record, load_contract())


def _report(
    contract: DataContract, violations: list[Violation], kinds: tuple[str, ...]
) -> ContractReport:
    unique = tuple(dict.fromkeys(violations))
    return ContractReport(contract.id, contract.version, not unique, unique, kinds)


def _schema_violations(
    record: Mapping[str, Any], contract: DataContract
) -> Iterator[Violation]:
    for key in record:
        if contract.field(str(key)) is None:
            yield Violation(UNKNOWN_FIELD, field_label(key))
    for spec in contract.fields:
        if spec.name not in record:
            yield Violation(
                MISSING_REQUIRED if spec.required else MISSING_FIELD, spec.name
            )
        elif record[spec.name] is None:
            if spec.required:
                yield Violation(MISSING_REQUIRED, spec.name)
        else:
            yield from _value_violations(spec, record[spec.name], spec.name)
    version = record.get("contract_version")
    if isinstance(version, str) and version != contract.version:
        yield Violation(VERSION_MISMATCH, "contract_version")


def _value_violations(
    spec: ContractField, value: Any, label: str
) -> Iterator[Violation]:
    rule = check_value(spec, value)
    if rule is not None:
        yield Violation(rule, label)
        return
    if spec.items is not None and isinstance(value, list):
        for item in value:
            yield from _value_violations(spec.items, item, f"{label}[]")


def _prohibited_fields(
    value: Any, contract: DataContract, *, prefix: str
) -> Iterator[Violation]:
    """Prohibited names at any depth: keys of mappings, inside lists too."""
    if isinstance(value, Mapping):
        for key, inner in value.items():
            label = f"{prefix}{field_label(key)}"
            if contract.prohibited.category_of(str(key)):
                yield Violation(PROHIBITED_FIELD, label)
            yield from _prohibited_fields(inner, contract, prefix=f"{label}.")
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from _prohibited_fields(
                inner, contract, prefix=f"{prefix.rstrip('.')}[]."
            )


def _identifier_kinds(
    record: Mapping[str, Any], contract: DataContract
) -> dict[str, set[str]]:
    """Per scanned free-text field, the kinds of identifier found in it."""
    found: dict[str, set[str]] = {}
    for spec in contract.fields:
        text = record.get(spec.name)
        if spec.scan_for_identifiers and isinstance(text, str):
            kinds = find_identifier_kinds(text)
            if kinds:
                found[spec.name] = kinds
    return found


def find_identifier_kinds(text: str) -> set[str]:
    """Kinds of identifier in ``text`` outside pseudonym tokens (e.g. ``{"IBAN"}``)."""
    visible = PSEUDONYM_TOKEN.sub(" ", text)
    return {
        str(span.kind) for detect in IDENTIFIER_DETECTORS for span in detect(visible)
    }


def field_label(key: object) -> str:
    """A field name fit for a report; a name that may be content becomes a hash."""
    name = str(key)
    if _PLAIN_FIELD_NAME.fullmatch(name):
        return name
    return "field#" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]
