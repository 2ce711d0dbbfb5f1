"""The vault on a real S3-compatible server (SeaweedFS): zones, residency, crashes."""

from __future__ import annotations

import secrets
import time
from pathlib import Path

import boto3
import pytest
import services
from botocore.config import Config
from botocore.exceptions import ClientError
from services import ZONE_ACCESS_KEY, ZONE_SCOPED_PREFIX, ZONE_SECRET_KEY, SeaweedFs
from sqlmodel import Session, select

from medocr.errors import VLT_NOT_FOUND, ResidencyViolation, VaultError
from medocr.records import Artifact, Zone, utcnow
from medocr.runtime import Runtime, build_runtime
from medocr.settings import Settings
from medocr.storage_s3 import S3Backend
from tasks.ingest import ingest_file

seaweedfs = services.seaweedfs
records_url = services.records_url

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def bucket() -> str:
    return f"medocr-{secrets.token_hex(4)}"


def _runtime(home: Path, s3: SeaweedFs, bucket: str, **overrides: object) -> Runtime:
    return build_runtime(
        Settings(home=home, vault=s3.vault_settings(bucket), **overrides)
    )


def _client(s3: SeaweedFs):  # type: ignore[no-untyped-def]
    return boto3.client(
        "s3",
        endpoint_url=s3.endpoint,
        region_name="eu-central-1",
        aws_access_key_id=s3.access_key,
        aws_secret_access_key=s3.secret_key,
        config=Config(s3={"addressing_style": "path"}),
    )


def test_artifacts_are_ciphertext_in_one_bucket_per_zone(
    tmp_path: Path, seaweedfs: SeaweedFs, bucket: str, records_url: str
) -> None:
    rt = _runtime(tmp_path, seaweedfs, bucket, records_url=records_url)
    secret = b"Patientin Erika Mustermann, KVNR A123456780"
    raw = rt.vault.put("doc_1", "raw", "original", secret, retain_until=utcnow())
    ident = rt.vault.put("doc_1", "identity", "map", secret, retain_until=utcnow())
    client = _client(seaweedfs)
    stored = client.get_object(Bucket=f"{bucket}-raw", Key=raw.id)["Body"].read()
    assert b"Mustermann" not in stored and rt.vault.read(raw) == secret
    assert (raw.backend, raw.region) == ("s3", "eu-central-1")
    buckets = {b["Name"] for b in client.list_buckets()["Buckets"]}
    assert {f"{bucket}-{zone.value}" for zone in Zone} <= buckets
    assert sorted(rt.vault.backend.list()) == sorted([raw.location, ident.location])


def test_a_zone_accessor_reaches_only_its_own_zone(
    tmp_path: Path, seaweedfs: SeaweedFs, bucket: str
) -> None:
    rt = _runtime(tmp_path, seaweedfs, bucket)
    raw = rt.vault.put("doc_1", "raw", "original", b"x", retain_until=utcnow())
    backend = rt.vault.backend
    assert isinstance(backend, S3Backend)
    assert backend.zone("raw").exists(raw.id)
    assert not backend.zone("identity").exists(raw.id)
    with pytest.raises(VaultError) as info:
        backend.zone("identity").get(raw.id)
    assert info.value.code == VLT_NOT_FOUND


def test_a_zone_credential_opens_its_own_bucket_and_no_other(
    tmp_path: Path, seaweedfs: SeaweedFs
) -> None:
    vault = {
        **seaweedfs.vault_settings(ZONE_SCOPED_PREFIX),
        "s3_zone_credentials": (("identity", ZONE_ACCESS_KEY, ZONE_SECRET_KEY),),
    }
    rt = build_runtime(Settings(home=tmp_path, vault=vault))
    ident = rt.vault.put("doc_1", "identity", "map", b"{}", retain_until=utcnow())
    raw = rt.vault.put("doc_1", "raw", "original", b"x", retain_until=utcnow())
    assert rt.vault.read(ident) == b"{}" and rt.vault.read(raw) == b"x"
    identity_zone = rt.vault.backend.zone("identity")
    with pytest.raises(ClientError) as denied:
        identity_zone.client.get_object(Bucket=f"{ZONE_SCOPED_PREFIX}-raw", Key=raw.id)
    assert denied.value.response["Error"]["Code"] == "AccessDenied"


def test_crash_between_object_write_and_record_leaves_no_orphan(
    tmp_path: Path, seaweedfs: SeaweedFs, bucket: str
) -> None:
    rt = _runtime(tmp_path, seaweedfs, bucket)
    original = rt.vault.backend.put
    rt.vault.backend.put = lambda name, data: (original(name, data), 1 / 0)[0]
    with pytest.raises(ZeroDivisionError):
        rt.vault.put("doc_1", "raw", "original", b"x", retain_until=utcnow())
    rt.vault.backend.put = original
    art = rt.vault.put("doc_1", "raw", "original", b"x", retain_until=utcnow())
    with Session(rt.engine) as session:
        rows = session.exec(select(Artifact)).all()
    assert list(rt.vault.backend.list()) == [art.location]
    assert [r.id for r in rows] == [art.id] and rows[0].stored
    assert rt.vault.read(art) == b"x"


def test_ingest_on_s3_stores_a_file_once(
    tmp_path: Path, seaweedfs: SeaweedFs, bucket: str
) -> None:
    rt = _runtime(tmp_path / "home", seaweedfs, bucket)
    (tmp_path / "a.png").write_bytes(PNG)
    (tmp_path / "b.png").write_bytes(PNG)
    first = ingest_file(tmp_path / "a.png", rt)
    second = ingest_file(tmp_path / "b.png", rt)
    assert (first.created, second.created) == (True, False)
    assert rt.vault.read_slot(first.document_id, "raw", "original") == PNG
    assert len(list(rt.vault.backend.list("raw/"))) == 2


def test_destroy_deletes_the_object(
    tmp_path: Path, seaweedfs: SeaweedFs, bucket: str
) -> None:
    rt = _runtime(tmp_path, seaweedfs, bucket)
    art = rt.vault.put("doc_1", "signed", "pdf", b"%PDF", retain_until=utcnow())
    rt.vault.destroy(art)
    assert not rt.vault.backend.exists(art.location)
    with pytest.raises(VaultError) as info:
        rt.vault.backend.get(art.location)
    assert info.value.code == VLT_NOT_FOUND


def test_s3_declared_outside_the_allowed_regions_refuses_to_start(
    tmp_path: Path, seaweedfs: SeaweedFs, bucket: str
) -> None:
    vault = {**seaweedfs.vault_settings(bucket), "region": "us-east-1"}
    with pytest.raises(ResidencyViolation):
        build_runtime(Settings(home=tmp_path, vault=vault))
    with pytest.raises(ResidencyViolation):
        S3Backend.from_settings(Settings(home=tmp_path, vault=vault))
    names = {b["Name"] for b in _client(seaweedfs).list_buckets()["Buckets"]}
    assert not any(name.startswith(bucket) for name in names)


def test_s3_endpoint_outside_the_allowed_hosts_refuses_before_connecting(
    tmp_path: Path, bucket: str
) -> None:
    vault = {
        "backend": "s3",
        "region": "eu-central-1",
        "s3_endpoint": "https://objects.example.com",
        "s3_bucket": bucket,
        "s3_access_key": "a",
        "s3_secret_key": "b",
    }
    started = time.monotonic()
    with pytest.raises(ResidencyViolation) as info:
        build_runtime(Settings(home=tmp_path, vault=vault))
    assert "objects.example.com" in str(info.value)
    assert time.monotonic() - started < 2
    with pytest.raises(ResidencyViolation):
        build_runtime(Settings(home=tmp_path, vault={**vault, "s3_endpoint": None}))
