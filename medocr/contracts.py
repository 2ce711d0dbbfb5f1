"""Data contracts (ODCS v3) and the prohibited-field policy, loaded and linted.

A contract in ``data-contracts/`` lists every field a hand-off record may hold; the
policy lists field names that no record may hold, in seven languages. Linting checks
a contract against the ODCS JSON schema and the pydantic model shipped with
``open-data-contract-standard``, and against this project's own rules.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from open_data_contract_standard.model import OpenDataContractStandard
from pydantic import ValidationError

from medocr.errors import ConfigurationError

CONTRACTS_DIR = Path(__file__).resolve().parents[1] / "data-contracts"
HANDOFF_CONTRACT = "handoff-record"
CLASSIFICATIONS = ("pseudonymized", "non-personal")
LOGICAL_TYPES = ("string", "integer", "number", "boolean", "date", "timestamp", "array")
_FOLDS = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe"})


def normalize_field_name(name: str) -> str:
    """Lower case, no accents, no separators: ``Date de naissance`` -> ``datedenaissance``."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_FOLDS))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]", "", plain.casefold())


@dataclass(frozen=True)
class ProhibitedFieldPolicy:
    """Field names no record may carry, grouped by what they would reveal."""

    version: str
    exact: Mapping[str, frozenset[str]]
    contains: Mapping[str, tuple[str, ...]]

    @classmethod
    def load(cls, path: Path) -> ProhibitedFieldPolicy:
        """Read the policy file; a malformed file stops the process."""
        data = _read_yaml(path)
        try:
            categories = data["categories"]
            return cls(
                version=str(data["version"]),
                exact={
                    name: frozenset(normalize_field_name(t) for t in c.get("exact", ()))
                    for name, c in categories.items()
                },
                contains={
                    name: tuple(normalize_field_name(t) for t in c.get("contains", ()))
                    for name, c in categories.items()
                },
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ConfigurationError(f"{path.name} is not a field policy") from exc

    def category_of(self, field_name: str) -> str | None:
        """The category a field name falls into (longest match wins), or None."""
        normalized = normalize_field_name(field_name)
        for category, terms in self.exact.items():
            if normalized in terms:
                return category
        matches = [
            (len(fragment), category)
            for category, fragments in self.contains.items()
            for fragment in fragments
            if fragment in normalized
        ]
        return max(matches)[1] if matches else None


@dataclass(frozen=True)
class ContractField:
    """One property of a contract's schema object."""

    name: str
    logical_type: str
    required: bool
    classification: str | None = None
    enum: tuple[Any, ...] | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    items: ContractField | None = None
    scan_for_identifiers: bool = False


@dataclass(frozen=True)
class DataContract:
    """The parts of an ODCS contract that the gate enforces."""

    id: str
    name: str
    version: str
    fields: tuple[ContractField, ...]
    prohibited: ProhibitedFieldPolicy

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(item.name for item in self.fields)

    def field(self, name: str) -> ContractField | None:
        """The property called ``name``, if the contract allows it."""
        return next((item for item in self.fields if item.name == name), None)


@lru_cache(maxsize=8)
def load_contract(
    name: str = HANDOFF_CONTRACT, directory: Path = CONTRACTS_DIR
) -> DataContract:
    """Load and lint ``<name>.odcs.yaml``; a contract with lint errors stops the process."""
    path = directory / f"{name}.odcs.yaml"
    problems = lint_contract(path)
    if problems:
        raise ConfigurationError(
            f"contract {path.name} fails lint: {'; '.join(problems)}"
        )
    data = _read_yaml(path)
    (schema_object,) = data["schema"]
    policy_name = _policy_file(data)
    assert policy_name is not None  # lint refuses a contract without a policy
    return DataContract(
        id=data["id"],
        name=data["name"],
        version=data["version"],
        fields=tuple(_field(item) for item in schema_object["properties"]),
        prohibited=ProhibitedFieldPolicy.load(directory / policy_name),
    )


def lint_contract(path: Path) -> list[str]:
    """Every way the file breaks ODCS or this project's rules; empty when clean."""
    data = _read_yaml(path)
    problems = [
        f"odcs-schema: {'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"
        for error in _odcs_validator().iter_errors(data)
    ]
    if problems:
        return problems
    try:
        OpenDataContractStandard.model_validate(data)
    except ValidationError as exc:
        problems.extend(
            f"odcs-model: {error['loc']}: {error['msg']}" for error in exc.errors()
        )
    return problems + _project_rules(path.parent, data)


def _project_rules(directory: Path, data: Mapping[str, Any]) -> list[str]:
    """One schema object; every property typed and classified; none prohibited."""
    schema = data.get("schema") or []
    if len(schema) != 1:
        return ["project: a hand-off contract describes exactly one schema object"]
    problems: list[str] = []
    policy_name = _policy_file(data)
    if policy_name is None or not (directory / policy_name).is_file():
        return problems + [
            "project: customProperties.prohibitedFieldPolicy names no file"
        ]
    policy = ProhibitedFieldPolicy.load(directory / policy_name)
    for item in schema[0].get("properties") or []:
        name = item.get("name", "?")
        if item.get("logicalType") not in LOGICAL_TYPES:
            problems.append(f"project: {name}: logicalType not in {LOGICAL_TYPES}")
        if item.get("classification") not in CLASSIFICATIONS:
            problems.append(f"project: {name}: classification not in {CLASSIFICATIONS}")
        if policy.category_of(name):
            problems.append(
                f"project: {name}: allowed field is prohibited by the policy"
            )
    return problems


def _field(item: Mapping[str, Any]) -> ContractField:
    custom = {
        entry["property"]: entry["value"] for entry in item.get("customProperties", [])
    }
    return ContractField(
        name=item["name"],
        logical_type=item["logicalType"],
        required=bool(item.get("required", False)),
        classification=item.get("classification"),
        enum=tuple(entry["value"] for entry in item["enum"])
        if "enum" in item
        else None,
        options=dict(item.get("logicalTypeOptions", {})),
        items=_field(item["items"]) if "items" in item else None,
        scan_for_identifiers=bool(custom.get("scanForIdentifiers", False)),
    )


def _policy_file(data: Mapping[str, Any]) -> str | None:
    for entry in data.get("customProperties") or []:
        if entry.get("property") == "prohibitedFieldPolicy":
            return str(entry.get("value"))
    return None


@lru_cache(maxsize=1)
def _odcs_validator() -> jsonschema.protocols.Validator:
    text = (
        resources.files("open_data_contract_standard")
        .joinpath("schema.json")
        .read_text()
    )
    schema = json.loads(text)
    validator_class = jsonschema.validators.validator_for(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigurationError(f"{path.name} cannot be read as YAML") from exc
    if not isinstance(data, dict):
        raise ConfigurationError(f"{path.name} does not hold a mapping")
    return data
