"""Contracts in data-contracts/ pass the ODCS JSON schema, its model and our rules."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from medocr.contracts import (
    CONTRACTS_DIR,
    ProhibitedFieldPolicy,
    lint_contract,
    load_contract,
    normalize_field_name,
)
from medocr.errors import ConfigurationError

CONTRACT_FILES = sorted(CONTRACTS_DIR.glob("*.odcs.yaml"))
HANDOFF_FIELDS = {
    "document_id",
    "record_type",
    "language",
    "document_date",
    "icd10_codes",
    "page_count",
    "ocr_confidence_mean",
    "ocr_confidence_min",
    "pseudonymized_text",
    "signature_level",
    "contract_version",
    "medocr_version",
    "processed_at",
}


def test_there_is_a_handoff_contract() -> None:
    assert CONTRACTS_DIR / "handoff-record.odcs.yaml" in CONTRACT_FILES


@pytest.mark.parametrize("path", CONTRACT_FILES, ids=lambda path: path.name)
def test_every_contract_lints_clean(path: Path) -> None:
    assert lint_contract(path) == []


def test_the_handoff_contract_allows_exactly_the_agreed_fields() -> None:
    contract = load_contract()
    assert set(contract.field_names) == HANDOFF_FIELDS
    required = {spec.name for spec in contract.fields if spec.required}
    assert required == HANDOFF_FIELDS - {"document_date"}
    assert [spec.name for spec in contract.fields if spec.scan_for_identifiers] == [
        "pseudonymized_text"
    ]


def _write_variant(tmp_path: Path, change: dict[str, object]) -> Path:
    data = yaml.safe_load((CONTRACTS_DIR / "handoff-record.odcs.yaml").read_text())
    data.update(change)
    (tmp_path / "prohibited-fields.yaml").write_text(
        (CONTRACTS_DIR / "prohibited-fields.yaml").read_text()
    )
    path = tmp_path / "variant.odcs.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return path


def test_a_contract_that_breaks_the_odcs_schema_fails_lint(tmp_path: Path) -> None:
    path = _write_variant(tmp_path, {"apiVersion": "v9", "kind": "Contract"})
    problems = lint_contract(path)
    assert any("apiVersion" in problem for problem in problems)
    assert any("kind" in problem for problem in problems)


def test_an_unknown_top_level_key_fails_lint(tmp_path: Path) -> None:
    assert lint_contract(_write_variant(tmp_path, {"owner": "x"})) != []


def test_a_contract_allowing_a_prohibited_field_fails_lint(tmp_path: Path) -> None:
    data = yaml.safe_load((CONTRACTS_DIR / "handoff-record.odcs.yaml").read_text())
    properties = data["schema"][0]["properties"]
    properties.append(
        {"name": "Nachname", "logicalType": "string", "classification": "pseudonymized"}
    )
    path = _write_variant(tmp_path, {"schema": data["schema"]})
    assert lint_contract(path) == [
        "project: Nachname: allowed field is prohibited by the policy"
    ]


def test_an_unclassified_property_fails_lint(tmp_path: Path) -> None:
    data = yaml.safe_load((CONTRACTS_DIR / "handoff-record.odcs.yaml").read_text())
    del data["schema"][0]["properties"][1]["classification"]
    problems = lint_contract(_write_variant(tmp_path, {"schema": data["schema"]}))
    assert problems == [
        "project: record_type: classification not in ('pseudonymized', 'non-personal')"
    ]


def test_a_contract_with_lint_errors_is_refused_at_load(tmp_path: Path) -> None:
    _write_variant(tmp_path, {"apiVersion": "v9"}).rename(tmp_path / "broken.odcs.yaml")
    with pytest.raises(ConfigurationError):
        load_contract("broken", tmp_path)


@pytest.mark.parametrize(
    ("name", "normalized"),
    [
        ("Date de naissance", "datedenaissance"),
        ("DATE-DE-NAISSANCE", "datedenaissance"),
        ("Imię", "imie"),
        ("Dirección", "direccion"),
        ("Straße", "strasse"),
        ("Nazwisko_pacjenta", "nazwiskopacjenta"),
    ],
)
def test_field_names_are_normalized(name: str, normalized: str) -> None:
    assert normalize_field_name(name) == normalized


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("name", "person-name"),
        ("surname", "person-name"),
        ("first_name", "person-name"),
        ("Vorname", "person-name"),
        ("Nachname", "person-name"),
        ("nom", "person-name"),
        ("prénom", "person-name"),
        ("nome", "person-name"),
        ("cognome", "person-name"),
        ("nombre", "person-name"),
        ("apellido", "person-name"),
        ("naam", "person-name"),
        ("achternaam", "person-name"),
        ("imię", "person-name"),
        ("nazwisko", "person-name"),
        ("birth_date", "birth-date"),
        ("Geburtsdatum", "birth-date"),
        ("date de naissance", "birth-date"),
        ("data di nascita", "birth-date"),
        ("fecha de nacimiento", "birth-date"),
        ("geboortedatum", "birth-date"),
        ("data urodzenia", "birth-date"),
        ("DOB", "birth-date"),
        ("address", "address"),
        ("Anschrift", "address"),
        ("adresse", "address"),
        ("indirizzo", "address"),
        ("dirección", "address"),
        ("adres", "address"),
        ("national_id", "national-or-insurance-id"),
        ("KVNR", "national-or-insurance-id"),
        ("NIR", "national-or-insurance-id"),
        ("codice fiscale", "national-or-insurance-id"),
        ("DNI", "national-or-insurance-id"),
        ("BSN", "national-or-insurance-id"),
        ("PESEL", "national-or-insurance-id"),
        ("SVNR", "national-or-insurance-id"),
        ("INSZ", "national-or-insurance-id"),
        ("Versichertennummer", "national-or-insurance-id"),
        ("IBAN", "bank-account"),
        ("phone", "phone"),
        ("Telefonnummer", "phone"),
        ("e-mail", "email"),
        ("raw_ocr_text", "raw-text"),
        ("ocr_text", "raw-text"),
        ("original_filename", "original-file"),
        ("Dateiname", "original-file"),
    ],
)
def test_identity_fields_and_their_synonyms_are_prohibited(
    name: str, category: str
) -> None:
    assert load_contract().prohibited.category_of(name) == category


@pytest.mark.parametrize(
    "name", ["nombre_de_pages", "record_type", "language", "page_count", "notes"]
)
def test_harmless_field_names_are_not_prohibited(name: str) -> None:
    assert load_contract().prohibited.category_of(name) is None


def test_a_malformed_policy_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text("categories: [1, 2]\n")
    with pytest.raises(ConfigurationError):
        ProhibitedFieldPolicy.load(path)
