"""Blocks only configure: each round-trips to its settings section and back."""

from __future__ import annotations

from pathlib import Path
from uuid import uuid4

import pytest
from prefect.blocks.core import Block

from blocks.keys import KeyProviderBlock
from blocks.records_db import RecordsDatabaseBlock
from blocks.residency import ResidencyPolicyBlock, configured_settings
from blocks.vault import VaultBackendBlock
from medocr.errors import ResidencyViolation
from medocr.runtime import build_runtime
from medocr.settings import Settings

S3 = {
    "backend": "s3",
    "region": "eu-west-3",
    "s3_endpoint": "https://objects.eu-west-3.example.eu",
    "s3_bucket": "clinic-vault",
    "s3_access_key": "AKIA-TEST",
    "s3_secret_key": "s3cr3t",
    "s3_zone_credentials": (("identity", "AKIA-ID", "id-s3cr3t"),),
}
HSM = {
    "provider": "pkcs11",
    "pkcs11_module": Path("/usr/lib/softhsm/libsofthsm2.so"),
    "pkcs11_token_label": "vault",
    "pkcs11_pin": "1234",
    "pkcs11_key_label": "kek",
}
RESIDENCY = {
    "allowed_regions": ("eu-west-3",),
    "allowed_hosts": ("objects.eu-west-3.example.eu",),
    "egress_guard": True,
}


def _stored_and_loaded(block: Block) -> Block:
    """Through the data of a block document, as Prefect stores it (secrets included).

    Loading through Prefect's own ``load`` would emit an event and so need an API.
    """
    document = block._to_block_document(
        name="test",
        block_schema_id=uuid4(),
        block_type_id=uuid4(),
        include_secrets=True,
    )
    return type(block).model_validate(document.data)


def test_settings_round_trip_through_each_block(tmp_path: Path) -> None:
    settings = Settings(
        home=tmp_path,
        vault=S3,
        keys=HSM,
        residency=RESIDENCY,
        records_url="postgresql+psycopg://medocr@db/medocr",
    )
    vault = _stored_and_loaded(VaultBackendBlock.from_settings(settings.vault))
    keys = _stored_and_loaded(KeyProviderBlock.from_settings(settings.keys))
    records = _stored_and_loaded(RecordsDatabaseBlock.from_settings(settings))
    residency = _stored_and_loaded(
        ResidencyPolicyBlock.from_settings(settings.residency)
    )
    rebuilt = configured_settings(
        Settings(home=tmp_path), vault, keys, records, residency
    )
    assert rebuilt == settings


def test_secrets_stay_hidden_in_the_block_document() -> None:
    block = KeyProviderBlock(**HSM)
    document = block._to_block_document(
        name="test", block_schema_id=uuid4(), block_type_id=uuid4()
    )
    assert "1234" not in str(document.data)
    assert block.key_settings().pkcs11_pin == "1234"
    vault = VaultBackendBlock.from_settings(Settings(vault=S3).vault)
    stored = vault._to_block_document(
        name="test", block_schema_id=uuid4(), block_type_id=uuid4()
    )
    assert "s3cr3t" not in str(stored.data)


def test_a_vault_block_outside_the_residency_block_refuses_to_start(
    tmp_path: Path,
) -> None:
    vault = VaultBackendBlock(backend="local", region="us-east-1")
    settings = configured_settings(
        Settings(home=tmp_path), vault, ResidencyPolicyBlock()
    )
    with pytest.raises(ResidencyViolation):
        build_runtime(settings)


def test_only_medocr_blocks_configure_settings(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        configured_settings(Settings(home=tmp_path), object())
