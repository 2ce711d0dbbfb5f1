"""Key rotation: every data key re-wrapped, content untouched, safe to interrupt."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import pytest
import services
from services import SoftHsm
from sqlmodel import Session, select
from typer.testing import CliRunner

from medocr.cli.main import app
from medocr.errors import KEY_IN_USE, KeyUnavailable
from medocr.keys_rotation import (
    PURPOSES,
    kek_usage,
    retire_kek,
    rotate_keys,
    unused_keks,
)
from medocr.records import Artifact, DataKey, utcnow
from medocr.runtime import Runtime, build_runtime
from medocr.settings import Settings

softhsm = services.softhsm
records_url = services.records_url


class Interrupted(Exception):
    """Stands in for a crash or Ctrl-C part-way through a rotation."""


@pytest.fixture(params=["file", "pkcs11"])
def key_settings(request: pytest.FixtureRequest) -> dict[str, object]:
    if request.param == "file":
        return {"provider": "file"}
    hsm: SoftHsm = request.getfixturevalue("softhsm")
    return hsm.key_settings(f"rot-{secrets.token_hex(4)}")


def _runtime(home: Path, keys: dict[str, object], records_url: str) -> Runtime:
    return build_runtime(Settings(home=home, keys=keys, records_url=records_url))


def _fill(rt: Runtime) -> dict[str, bytes]:
    payloads: dict[str, bytes] = {}
    for n in range(6):
        zone = "identity" if n % 3 == 0 else "text"
        art = rt.vault.put(
            f"doc_{n}", zone, "k", secrets.token_bytes(40), retain_until=utcnow()
        )
        payloads[art.id] = rt.vault.read(art)
    return payloads


def _read_all(rt: Runtime) -> dict[str, bytes]:
    with Session(rt.engine) as session:
        artifacts = session.exec(select(Artifact)).all()
    return {a.id: rt.vault.read(a) for a in artifacts}


def _objects(rt: Runtime) -> dict[str, bytes]:
    return {name: rt.vault.backend.get(name) for name in rt.vault.backend.list()}


def test_interrupted_rotation_resumes_and_old_keks_retire_only_when_unused(
    tmp_path: Path, key_settings: dict[str, object], records_url: str
) -> None:
    rt = _runtime(tmp_path, key_settings, records_url)
    payloads = _fill(rt)
    objects = _objects(rt)
    old = {rt.keys.active_kek_id(p) for p in PURPOSES}

    def crash_after_three(count: int) -> None:
        if count == 3:
            raise Interrupted

    with pytest.raises(Interrupted):
        rotate_keys(rt.engine, rt.keys, rt.audit, after_each=crash_after_three)
    assert _read_all(rt) == payloads
    with pytest.raises(KeyUnavailable) as busy:
        retire_kek(
            rt.engine, rt.keys, next(k for k in old if kek_usage(rt.engine, rt.keys)[k])
        )
    assert busy.value.code == KEY_IN_USE

    report = rotate_keys(rt.engine, rt.keys, rt.audit)
    assert (report.resumed, report.new_keks, report.rewrapped) == (True, {}, 3)
    assert set(report.retirable) == old
    for kek_id in old:
        retire_kek(rt.engine, rt.keys, kek_id, rt.audit)
    reopened = _runtime(tmp_path, key_settings, records_url)
    assert _read_all(reopened) == payloads
    assert _objects(reopened) == objects
    with Session(rt.engine) as session:
        assert all(k.rewrapped_at for k in session.exec(select(DataKey)))


def test_a_running_worker_follows_a_rotation_made_elsewhere(
    tmp_path: Path, key_settings: dict[str, object]
) -> None:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    worker = _runtime(tmp_path, key_settings, url)
    _fill(worker)
    admin = _runtime(tmp_path, key_settings, url)
    rotate_keys(admin.engine, admin.keys)
    for kek_id in unused_keks(admin.engine, admin.keys):
        retire_kek(admin.engine, admin.keys, kek_id)
    art = worker.vault.put("doc_new", "text", "k", b"after", retain_until=utcnow())
    assert _runtime(tmp_path, key_settings, url).vault.read(art) == b"after"


def test_a_rerun_after_a_completed_rotation_starts_a_new_one(tmp_path: Path) -> None:
    rt = _runtime(tmp_path, {"provider": "file"}, f"sqlite:///{tmp_path / 'r.db'}")
    payloads = _fill(rt)
    first = rotate_keys(rt.engine, rt.keys)
    second = rotate_keys(rt.engine, rt.keys)
    assert not first.resumed and not second.resumed
    assert set(first.new_keks.values()).isdisjoint(second.new_keks.values())
    assert set(first.new_keks.values()) <= set(second.retirable)
    assert _read_all(rt) == payloads


def test_rotation_does_not_revive_a_shredded_key(tmp_path: Path) -> None:
    rt = _runtime(tmp_path, {"provider": "file"}, f"sqlite:///{tmp_path / 'r.db'}")
    _fill(rt)
    with Session(rt.engine) as session:
        victim = session.exec(select(Artifact).where(Artifact.zone == "text")).first()

    def shred_meanwhile(count: int) -> None:
        if count == 1:
            rt.vault.destroy(victim)

    rotate_keys(rt.engine, rt.keys, after_each=shred_meanwhile)
    with Session(rt.engine) as session:
        assert session.get(DataKey, victim.key_id).wrapped is None
    assert sum(kek_usage(rt.engine, rt.keys).values()) == 5


def test_cli_rotates_and_reports_as_json(medocr_home: Path) -> None:
    runner = CliRunner()
    rt = build_runtime(Settings())
    _fill(rt)
    rotated = runner.invoke(app, ["keys", "rotate", "--json"])
    assert rotated.exit_code == 0, rotated.output
    assert json.loads(rotated.output)["rewrapped"] == 6
    status = json.loads(runner.invoke(app, ["keys", "status", "--json"]).output)
    live = {row["kek_id"]: row["live_data_keys"] for row in status["rows"]}
    assert sorted(live.values()) == [0, 0, 2, 4]
    in_use = next(k for k, n in live.items() if n)
    refused = runner.invoke(app, ["keys", "retire", in_use])
    assert refused.exit_code == 1 and KEY_IN_USE in refused.output
