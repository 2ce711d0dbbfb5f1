"""``VaultBackendBlock``: where the vault keeps its objects, and in which region."""

from __future__ import annotations

from typing import Literal

from prefect.blocks.core import Block
from pydantic import Field, SecretStr

from medocr.settings import VaultSettings


class VaultBackendBlock(Block):
    """The vault's storage: a local folder, or an S3-compatible store in a region."""

    _block_type_name = "medocr vault backend"
    _description = "Vault storage backend (local folder or S3) and its declared region."

    backend: Literal["local", "s3"] = "local"
    region: str = Field(default="eu-local", description="Region the store is in.")
    s3_endpoint: str | None = None
    s3_bucket: str = "medocr-vault"
    s3_access_key: SecretStr | None = None
    s3_secret_key: SecretStr | None = None
    s3_zone_access_keys: dict[str, str] = Field(
        default_factory=dict, description="Zone -> access key limited to its bucket."
    )
    s3_zone_secret_keys: dict[str, SecretStr] = Field(
        default_factory=dict, description="Zone -> secret key of that access key."
    )

    def vault_settings(self) -> VaultSettings:
        """The ``vault`` settings section this block describes."""
        return VaultSettings(
            backend=self.backend,
            region=self.region,
            s3_endpoint=self.s3_endpoint,
            s3_bucket=self.s3_bucket,
            s3_access_key=_reveal(self.s3_access_key),
            s3_secret_key=_reveal(self.s3_secret_key),
            s3_zone_credentials=tuple(
                (zone, key, self.s3_zone_secret_keys[zone].get_secret_value())
                for zone, key in sorted(self.s3_zone_access_keys.items())
            ),
        )

    @classmethod
    def from_settings(cls, section: VaultSettings) -> VaultBackendBlock:
        values = section.model_dump(exclude={"s3_zone_credentials"})
        zones = section.s3_zone_credentials
        return cls(
            **values,
            s3_zone_access_keys={zone: key for zone, key, _ in zones},
            s3_zone_secret_keys={zone: SecretStr(secret) for zone, _, secret in zones},
        )


def _reveal(secret: SecretStr | None) -> str | None:
    return None if secret is None else secret.get_secret_value()
