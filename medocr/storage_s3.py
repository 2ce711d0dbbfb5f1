"""S3-compatible object storage for the vault, one bucket per zone, in a declared region.

Each zone (raw, text, identity, signed, handoff, quarantine) is its own bucket,
``<vault.s3_bucket>-<zone>``, reached through its own ``ZoneBucket`` accessor, which
can name objects of its zone only; with ``vault.s3_zone_credentials`` a zone's
accessor also signs with a credential the store limits to that zone's bucket. The
main credential creates missing buckets and serves zones without their own.

Before any connection is opened the declared region must be allowed and the
endpoint's host must be in ``residency.allowed_hosts``; credentials come from the
settings only (the instance metadata service is never asked).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from medocr.errors import (
    VLT_BACKEND,
    VLT_NOT_FOUND,
    ConfigurationError,
    ResidencyViolation,
    VaultError,
)
from medocr.records import Zone
from medocr.settings import Settings

log = logging.getLogger(__name__)

_MISSING = {"NoSuchKey", "404", "NotFound"}


class ZoneBucket:
    """The access path to one zone: its bucket and nothing else."""

    def __init__(self, client: Any, bucket: str, zone: str) -> None:
        self.client = client
        self.bucket = bucket
        self.zone = zone

    def put(self, key: str, data: bytes) -> None:
        """Upload in one request: S3 never shows a partly written object."""
        with _translated(f"write {self.zone}/{key}"):
            self.client.put_object(Bucket=self.bucket, Key=key, Body=data)

    def get(self, key: str) -> bytes:
        with _translated(f"read {self.zone}/{key}"):
            return bytes(
                self.client.get_object(Bucket=self.bucket, Key=key)["Body"].read()
            )

    def delete(self, key: str) -> None:
        with _translated(f"delete {self.zone}/{key}"):
            self.client.delete_object(Bucket=self.bucket, Key=key)

    def exists(self, key: str) -> bool:
        try:
            with _translated(f"look up {self.zone}/{key}"):
                self.client.head_object(Bucket=self.bucket, Key=key)
        except VaultError as exc:
            if exc.code == VLT_NOT_FOUND:
                return False
            raise
        return True

    def keys(self) -> Iterator[str]:
        with _translated(f"list zone {self.zone}"):
            pages = self.client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket
            )
            for page in pages:
                for entry in page.get("Contents", []):
                    yield str(entry["Key"])

    def ensure(self, region: str, creator: Any) -> None:
        """Create the bucket in ``region`` if missing (with ``creator``'s credential);
        refuse one reported elsewhere."""
        with _translated(f"open zone {self.zone}"):
            try:
                self.client.head_bucket(Bucket=self.bucket)
            except ClientError as exc:
                if _code(exc) not in _MISSING:
                    raise
                creator.create_bucket(
                    Bucket=self.bucket,
                    CreateBucketConfiguration={"LocationConstraint": region},
                )
                log.info("created the bucket of zone %s", self.zone)
            reported = creator.get_bucket_location(Bucket=self.bucket)
        located = reported.get("LocationConstraint")
        if located and located != region:
            raise ResidencyViolation(
                f"the bucket of zone {self.zone} is in region {located!r}, "
                f"not the declared {region!r}"
            )


class S3Backend:
    """Vault storage on an S3-compatible service; object names are ``<zone>/<id>``."""

    name = "s3"

    def __init__(self, zones: dict[str, ZoneBucket], region: str) -> None:
        self.zones = zones
        self.region = region

    @classmethod
    def from_settings(cls, settings: Settings) -> S3Backend:
        """Check residency, then connect and make sure every zone's bucket exists."""
        from medocr.runtime import check_region

        vault = settings.vault
        check_region("vault storage (S3)", vault.region, settings)
        endpoint = vault.s3_endpoint or f"https://s3.{vault.region}.amazonaws.com"
        check_host(endpoint, settings)
        if not (vault.s3_access_key and vault.s3_secret_key):
            raise ConfigurationError(
                "the s3 vault needs vault.s3_access_key and vault.s3_secret_key"
            )
        default = _client(
            endpoint, vault.region, vault.s3_access_key, vault.s3_secret_key
        )
        scoped = _zone_clients(settings, endpoint)
        zones = {
            z.value: ZoneBucket(
                scoped.get(z.value, default), f"{vault.s3_bucket}-{z.value}", z.value
            )
            for z in Zone
        }
        for zone in zones.values():
            zone.ensure(vault.region, creator=default)
        return cls(zones, vault.region)

    def zone(self, zone: str) -> ZoneBucket:
        try:
            return self.zones[zone]
        except KeyError:
            raise VaultError(f"no such vault zone {zone!r}", code=VLT_BACKEND) from None

    def put(self, object_name: str, data: bytes) -> str:
        zone, key = self._split(object_name)
        self.zone(zone).put(key, data)
        return object_name

    def get(self, object_name: str) -> bytes:
        zone, key = self._split(object_name)
        return self.zone(zone).get(key)

    def delete(self, object_name: str) -> None:
        zone, key = self._split(object_name)
        self.zone(zone).delete(key)

    def exists(self, object_name: str) -> bool:
        zone, key = self._split(object_name)
        return self.zone(zone).exists(key)

    def list(self, prefix: str = "") -> Iterator[str]:
        for name, zone in sorted(self.zones.items()):
            for key in zone.keys():
                if f"{name}/{key}".startswith(prefix):
                    yield f"{name}/{key}"

    @staticmethod
    def _split(object_name: str) -> tuple[str, str]:
        zone, _, key = object_name.partition("/")
        if not key or "/" in key:
            raise VaultError("object names are <zone>/<id>", code=VLT_BACKEND)
        return zone, key


def _client(endpoint: str, region: str, access_key: str, secret_key: str) -> Any:
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
        config=Config(
            region_name=region,
            s3={"addressing_style": "path"},
            retries={"max_attempts": 3, "mode": "standard"},
            connect_timeout=5,
            read_timeout=30,
        ),
    )


def _zone_clients(settings: Settings, endpoint: str) -> dict[str, Any]:
    """Clients for zones that have a credential of their own."""
    zones = {z.value for z in Zone}
    clients = {}
    for zone, access_key, secret_key in settings.vault.s3_zone_credentials:
        if zone not in zones:
            raise ConfigurationError(
                f"vault.s3_zone_credentials names no zone {zone!r}"
            )
        clients[zone] = _client(endpoint, settings.vault.region, access_key, secret_key)
    return clients


def check_host(endpoint: str, settings: Settings) -> None:
    """Refuse an endpoint whose host is not in ``residency.allowed_hosts``."""
    host = urlsplit(endpoint).hostname or ""
    if host not in settings.residency.allowed_hosts:
        raise ResidencyViolation(
            f"object store host {host!r} is not in residency.allowed_hosts"
        )


@contextmanager
def _translated(action: str) -> Iterator[None]:
    """Turn S3 and network failures into ``VaultError`` with a stable code."""
    try:
        yield
    except ClientError as exc:
        code = VLT_NOT_FOUND if _code(exc) in _MISSING else VLT_BACKEND
        raise VaultError(
            f"could not {action}: S3 error {_code(exc)}", code=code
        ) from None
    except BotoCoreError as exc:
        raise VaultError(
            f"could not {action}: {type(exc).__name__}", code=VLT_BACKEND
        ) from None


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", "unknown"))
