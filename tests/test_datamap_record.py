"""The record of processing follows the live configuration and shows no secrets."""

from __future__ import annotations

import json
from pathlib import Path

from retention_support import processed_document

from medocr.datamap import build_datamap, services
from medocr.records import Zone
from medocr.runtime import build_runtime
from medocr.settings import Settings


def test_datamap_names_every_zone_key_and_retention_from_live_config(
    tmp_path: Path,
) -> None:
    rt = build_runtime(Settings(home=tmp_path / "home", vault={"region": "eu-west-3"}))
    processed_document(rt)
    record = build_datamap(rt)
    zones = {c["zone"]: c for c in record["data_categories"]}
    assert set(zones) == {str(z) for z in Zone}
    assert {c["region"] for c in zones.values()} == {"eu-west-3"}
    assert (
        zones["raw"]["live_artifacts"] == 1
        and zones["quarantine"]["live_artifacts"] == 0
    )
    assert zones["identity"]["key_purpose"] == "identity"
    assert zones["handoff"]["backend"] == "folder"
    keys = record["keys"]
    assert keys["provider"] == "file"
    assert keys["active_kek"]["identity"] == rt.keys.active_kek_id("identity")
    assert sum(keys["data_keys_per_kek"].values()) == 4
    retention = {z["zone"]: z for z in record["retention"]["zones"]}
    assert retention["raw"] == {
        "zone": "raw",
        "days": 30,
        "clock_starts": "after processing",
    }
    assert record["retention"]["policy_version"] == rt.retention.version
    assert record["recipients"][0]["location"] == str(rt.settings.handoff_path)


def test_datamap_shows_no_key_material_or_passwords(tmp_path: Path) -> None:
    home = tmp_path / "home"
    rt = build_runtime(Settings(home=home))
    text = json.dumps(build_datamap(rt), default=str)
    key_file = json.loads((home / "keys" / "kek.json").read_bytes())
    secrets = [*key_file["keys"].values(), key_file["token_secret"]]
    assert len(secrets) == 3 and not any(secret in text for secret in secrets)
    assert all(kek_id in text for kek_id in key_file["keys"])
    protected = Settings(home=tmp_path / "other", keys={"passphrase": "correct horse"})
    assert "correct horse" not in json.dumps(
        build_datamap(build_runtime(protected)), default=str
    )
    settings = Settings(
        home=home,
        records_url="postgresql+psycopg://medocr:s3cret@127.0.0.1/test",
        vault={
            "backend": "s3",
            "s3_endpoint": "http://127.0.0.1:8333",
            "s3_secret_key": "topsecret",
        },
    )
    listed = json.dumps(services(settings))
    assert "s3cret" not in listed and "topsecret" not in listed


def test_services_outside_the_allowed_hosts_are_flagged(tmp_path: Path) -> None:
    settings = Settings(
        home=tmp_path,
        signing={"tsa_url": "https://tsa.example.net/tsr"},
        vault={"backend": "s3", "s3_endpoint": "http://127.0.0.1:8333"},
    )
    found = {s["service"]: s for s in services(settings)}
    assert found["timestamp authority"] == {
        "service": "timestamp authority",
        "host": "tsa.example.net",
        "allowed": False,
    }
    assert found["vault object store"]["allowed"] is True
    assert found["records database"]["host"].startswith("none")


def test_s3_zones_show_their_bucket_access_and_default_endpoint(tmp_path: Path) -> None:
    from medocr.datamap import _zone_access, _zone_location

    settings = Settings(
        home=tmp_path,
        vault={
            "backend": "s3",
            "region": "eu-central-1",
            "s3_zone_credentials": (("identity", "AK", "SK"),),
        },
    )
    assert _zone_location(settings, "identity") == "s3://medocr-vault-identity/"
    assert _zone_access(settings, "identity") == "a credential of its own"
    assert _zone_access(settings, "raw") == "the vault's shared credential"
    (store,) = [s for s in services(settings) if s["service"] == "vault object store"]
    assert store["host"] == "s3.eu-central-1.amazonaws.com" and not store["allowed"]
