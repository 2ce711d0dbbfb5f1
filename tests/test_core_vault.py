"""Vault, key file and audit chain: round trips, tamper detection, idempotence."""

from __future__ import annotations

import os
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import Session, select

from medocr.crypto import LocalKeyFileProvider
from medocr.errors import (
    KEY_DESTROYED,
    KEY_MISSING,
    KEY_TAMPERED,
    KEY_WRONG_SECRET,
    KeyUnavailable,
    ResidencyViolation,
)
from medocr.records import Artifact, AuditEvent, DataKey, utcnow
from medocr.runtime import build_runtime
from medocr.settings import Settings


def _runtime(home: Path, **overrides: object):
    return build_runtime(Settings(home=home, **overrides))


def test_artifact_round_trips_and_is_ciphertext_on_disk(tmp_path: Path) -> None:
    rt = _runtime(tmp_path)
    secret = b"Patientin Erika Mustermann, KVNR A123456780"
    art = rt.vault.put("doc_1", "raw", "original", secret, retain_until=utcnow())
    stored = (tmp_path / "vault" / art.location).read_bytes()
    assert secret not in stored and b"Mustermann" not in stored
    assert rt.vault.read(art) == secret
    assert art.location == f"raw/{art.id}"


def test_second_put_of_the_same_slot_returns_the_first(tmp_path: Path) -> None:
    rt = _runtime(tmp_path)
    first = rt.vault.put("doc_1", "text", "ocr", b"a", retain_until=utcnow())
    second = rt.vault.put("doc_1", "text", "ocr", b"b", retain_until=utcnow())
    assert first.id == second.id
    assert rt.vault.read(second) == b"a"


def test_crash_between_object_write_and_record_leaves_no_orphan(tmp_path: Path) -> None:
    rt = _runtime(tmp_path)
    original = rt.vault.backend.put
    rt.vault.backend.put = lambda name, data: (original(name, data), 1 / 0)[0]
    with pytest.raises(ZeroDivisionError):
        rt.vault.put("doc_1", "raw", "original", b"x", retain_until=utcnow())
    rt.vault.backend.put = original
    art = rt.vault.put("doc_1", "raw", "original", b"x", retain_until=utcnow())
    objects = list(rt.vault.backend.list())
    with Session(rt.engine) as session:
        rows = session.exec(select(Artifact)).all()
    assert objects == [art.location] and [r.id for r in rows] == [art.id]


def test_destroyed_key_makes_every_copy_unreadable(tmp_path: Path) -> None:
    rt = _runtime(tmp_path)
    art = rt.vault.put("doc_1", "raw", "original", b"x", retain_until=utcnow())
    backup = (tmp_path / "vault" / art.location).read_bytes()
    rt.vault.destroy(art)
    assert not rt.vault.backend.exists(art.location)
    (tmp_path / "vault" / art.location).write_bytes(backup)
    with pytest.raises(KeyUnavailable) as info:
        rt.vault.read(art)
    assert info.value.code == KEY_DESTROYED


def test_identity_zone_uses_its_own_key(tmp_path: Path) -> None:
    rt = _runtime(tmp_path)
    art = rt.vault.put("doc_1", "identity", "map", b"{}", retain_until=utcnow())
    raw = rt.vault.put("doc_1", "raw", "original", b"x", retain_until=utcnow())
    with Session(rt.engine) as session:
        kek_ids = {session.get(DataKey, a.key_id).kek_id for a in (art, raw)}
    assert len(kek_ids) == 2


def test_altered_ciphertext_is_detected(tmp_path: Path) -> None:
    rt = _runtime(tmp_path)
    art = rt.vault.put("doc_1", "raw", "original", b"x" * 64, retain_until=utcnow())
    path = tmp_path / "vault" / art.location
    data = bytearray(path.read_bytes())
    data[20] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(KeyUnavailable) as info:
        rt.vault.read(art)
    assert info.value.code == KEY_TAMPERED


def test_key_file_is_owner_only_and_passphrase_protected(tmp_path: Path) -> None:
    path = tmp_path / "kek.json"
    LocalKeyFileProvider.create(path, "correct horse")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with pytest.raises(KeyUnavailable) as wrong:
        LocalKeyFileProvider(path, "wrong")
    with pytest.raises(KeyUnavailable) as missing:
        LocalKeyFileProvider(path, None)
    assert wrong.value.code == missing.value.code == KEY_WRONG_SECRET


def test_missing_key_file_with_existing_data_refuses_to_start(tmp_path: Path) -> None:
    rt = _runtime(tmp_path)
    rt.vault.put("doc_1", "raw", "original", b"x", retain_until=utcnow())
    (tmp_path / "keys" / "kek.json").unlink()
    with pytest.raises(KeyUnavailable) as info:
        _runtime(tmp_path)
    assert info.value.code == KEY_MISSING


def test_store_outside_allowed_regions_refuses_to_start(tmp_path: Path) -> None:
    with pytest.raises(ResidencyViolation):
        _runtime(tmp_path, vault={"region": "us-east-1"})
    assert not (tmp_path / "vault").exists()


def test_audit_chain_names_first_edited_deleted_or_reordered_event(
    tmp_path: Path,
) -> None:
    rt = _runtime(tmp_path)
    for n in range(5):
        rt.audit.append("stage.done", document_id=f"doc_{n}", detail={"n": n})
    assert rt.audit.verify().intact and rt.audit.verify().events == 5
    with Session(rt.engine) as session:
        event = session.get(AuditEvent, 3)
        event.outcome = "edited"
        session.add(event)
        session.commit()
    assert rt.audit.verify().first_broken == 3
    with Session(rt.engine) as session:
        session.delete(session.get(AuditEvent, 3))
        session.commit()
    report = rt.audit.verify()
    assert report.first_broken == 4 and "gap" in report.reason


def test_audit_detail_refuses_anything_but_scalars(tmp_path: Path) -> None:
    rt = _runtime(tmp_path)
    with pytest.raises(TypeError):
        rt.audit.append("x", detail={"lines": ["text"]})


def test_retention_deadline_follows_zone_and_record_type(tmp_path: Path) -> None:
    rt = _runtime(tmp_path)
    now = utcnow()
    assert rt.retention.deadline("raw", now, None) == now + timedelta(days=30)
    assert rt.retention.deadline("signed", now, "consent_form") > rt.retention.deadline(
        "signed", now, "lab_report"
    )


def test_an_error_keeps_its_code_across_a_process_boundary() -> None:
    import pickle

    from medocr.errors import ENG_OCR, EngineError

    error = pickle.loads(pickle.dumps(EngineError("engine failed", code=ENG_OCR)))
    assert (type(error), error.code, str(error)) == (
        EngineError,
        ENG_OCR,
        f"[{ENG_OCR}] engine failed",
    )


def test_a_write_removes_what_a_killed_writer_left_and_spares_a_live_one(
    tmp_path: Path,
) -> None:
    from medocr.files import write_atomically

    target = tmp_path / "object.bin"
    dead = tmp_path / ".object.bin.4194305.0a1b2c3d.part"  # above Linux's pid_max
    legacy = tmp_path / ".object.bin.0a1b2c3d.part"
    live = tmp_path / f".object.bin.{os.getpid()}.0a1b2c3d.part"
    other = tmp_path / ".other.bin.4194305.0a1b2c3d.part"
    for path in (dead, legacy, live, other):
        path.write_bytes(b"half")
    write_atomically(target, b"whole")
    assert target.read_bytes() == b"whole"
    assert not dead.exists() and not legacy.exists()
    assert live.exists() and other.exists()
