"""Faults mid-flight: a full vault, a vanished records database, an unreachable
timestamp authority. Each ends in a coded error with nothing half-written, and after
retries and a rerun in the same state as a clean run.
"""

from __future__ import annotations

import dataclasses
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from faults_support import (
    clean_state,
    document_status,
    final_state,
    run_letter,
    settings_in,
    use_perfect_ocr,
    write_letter,
)

from medocr.audit import AuditChain
from medocr.errors import (
    ENG_TIMESTAMP,
    STG_DATABASE,
    VLT_FULL,
    EngineError,
    StageError,
    VaultError,
)
from medocr.hostile import pipeline_steps
from medocr.leftovers import find_leftovers
from medocr.prefect_profile import content_free_errors
from medocr.records import DocumentStatus, Zone, get_engine
from medocr.runtime import Runtime, build_runtime
from medocr.storage import StorageBackend
from medocr.vault import Vault
from tasks.ingest import ingest_file


class FullVault:
    """A storage backend whose disk is full for one zone until space is freed."""

    def __init__(self, real: StorageBackend, zone: str) -> None:
        self.real, self.zone, self.full = real, zone, True
        self.name, self.region = real.name, real.region

    def put(self, object_name: str, data: bytes) -> str:
        if self.full and object_name.startswith(f"{self.zone}/"):
            raise VaultError("no space left for an object", code=VLT_FULL)
        return self.real.put(object_name, data)

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)


@pytest.fixture(autouse=True)
def perfect_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    use_perfect_ocr(monkeypatch.setattr)


@pytest.fixture(scope="module")
def clean_b_b(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return clean_state(tmp_path_factory.mktemp("clean-bb"), "B-B")


@pytest.fixture(scope="module")
def clean_b_t(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return clean_state(tmp_path_factory.mktemp("clean-bt"), "B-T")


@pytest.mark.parametrize("zone", [Zone.RAW, Zone.TEXT, Zone.IDENTITY, Zone.SIGNED])
def test_a_full_vault_stops_with_vlt_full_and_a_rerun_after_freeing_space_completes(
    tmp_path: Path, clean_b_b: dict[str, object], zone: str
) -> None:
    runtime = build_runtime(settings_in(tmp_path / "home"))
    full = FullVault(runtime.vault.backend, zone)
    runtime.vault.backend = full  # type: ignore[assignment]
    letter = write_letter(tmp_path / "inbox")

    for _attempt in range(3):  # the task's first try and its two retries
        with pytest.raises(VaultError) as info:
            run_letter(letter, runtime)
        assert info.value.code == VLT_FULL
    assert_nothing_of(zone, runtime)

    full.full = False
    assert run_letter(letter, runtime) == DocumentStatus.HANDED_OFF
    assert final_state(runtime) == clean_b_b
    assert find_leftovers(runtime).clean


def assert_nothing_of(zone: str, runtime: Runtime) -> None:
    """No object was written for the full zone, and no later stage ran."""
    assert not list(runtime.vault.backend.list(f"{zone}/"))
    assert not list(runtime.vault.backend.list(f"{Zone.SIGNED}/"))
    assert not runtime.settings.handoff_path.exists()


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A local TCP port that nothing listens on while the test runs."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        yield probe.getsockname()[1]


def test_a_vanished_records_database_is_a_coded_error_and_leaves_nothing_behind(
    tmp_path: Path, clean_b_b: dict[str, object], closed_port: int
) -> None:
    runtime = build_runtime(settings_in(tmp_path / "home"))
    document_id = ingest_file(write_letter(tmp_path / "inbox"), runtime).document_id
    gone = get_engine(f"postgresql+psycopg://medocr@127.0.0.1:{closed_port}/test")
    unreachable = dataclasses.replace(
        runtime,
        engine=gone,
        vault=Vault(runtime.vault.backend, runtime.keys, gone),
        audit=AuditChain(gone, actor="medocr"),
    )

    for name, step in zip(("ocr", "pseudonymize"), pipeline_steps(), strict=False):
        with pytest.raises(StageError) as info:
            content_free_errors(name)(step)(document_id, unreachable)
        assert info.value.code == STG_DATABASE
        assert "records database is unavailable" in str(info.value)
    assert document_status(document_id, runtime) == DocumentStatus.INGESTED
    assert find_leftovers(runtime).clean
    assert not list(runtime.vault.backend.list(f"{Zone.TEXT}/"))

    assert run_letter(write_letter(tmp_path / "inbox"), runtime) == "handed_off"
    assert final_state(runtime) == clean_b_b


def test_an_unreachable_timestamp_authority_leaves_the_document_unsigned_until_fixed(
    tmp_path: Path, clean_b_t: dict[str, object], closed_port: int
) -> None:
    home = tmp_path / "home"
    broken = build_runtime(
        settings_in(home, level="B-T", tsa_url=f"http://127.0.0.1:{closed_port}/tsa")
    )
    letter = write_letter(tmp_path / "inbox")

    for _attempt in range(3):
        with pytest.raises(EngineError) as info:
            run_letter(letter, broken)
        assert info.value.code == ENG_TIMESTAMP
    document_id = ingest_file(letter, broken).document_id
    assert document_status(document_id, broken) == DocumentStatus.VALIDATED
    assert not list(broken.vault.backend.list(f"{Zone.SIGNED}/"))
    assert find_leftovers(broken).clean

    fixed = build_runtime(settings_in(home, level="B-T"))
    assert run_letter(letter, fixed) == DocumentStatus.HANDED_OFF
    assert final_state(fixed) == clean_b_t
    assert find_leftovers(fixed).clean
