"""Settings: one validated model from environment (``MEDOCR_*``) and an optional TOML file.

Unknown keys are rejected. Nested values use ``__`` in the environment, for example
``MEDOCR_LIMITS__MAX_PAGES=50``. The file is named by ``MEDOCR_CONFIG``; environment
values override it.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from medocr.errors import ConfigurationError

EU_REGIONS = (
    "eu-local",
    "eu-central-1",
    "eu-central-2",
    "eu-west-1",
    "eu-west-3",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
)

SigningLevel = Literal["B-B", "B-T", "B-LT", "B-LTA"]


def _default_home() -> Path:
    """The checkout's ``.medocr`` folder when run from a checkout, else the cwd's."""
    checkout = Path(__file__).resolve().parents[1]
    if (checkout / "pyproject.toml").is_file():
        return checkout / ".medocr"
    return Path.cwd() / ".medocr"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Limits(_Section):
    """Bounds on what one input may cost; beyond them the input is rejected."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_pages: int = 200
    max_pixels_per_page: int = 60_000_000
    render_seconds_per_page: float = 60.0
    ocr_seconds_per_page: float = 120.0
    max_memory_mb: int = 4096


class OcrSettings(_Section):
    dpi: int = 300
    use_text_layer: bool = True
    engine: Literal["onnxruntime", "paddle"] = "onnxruntime"
    models_dir: Path | None = None
    det_model_dir: Path | None = None
    rec_model_dir: Path | None = None
    cls_model_dir: Path | None = None
    workers: int = 0
    min_confidence: float = 0.80


class VaultSettings(_Section):
    backend: Literal["local", "s3"] = "local"
    region: str = "eu-local"
    s3_endpoint: str | None = None
    s3_bucket: str = "medocr-vault"
    s3_access_key: str | None = None
    s3_secret_key: str | None = None
    # (zone, access key, secret key): a credential scoped to that zone's bucket only.
    s3_zone_credentials: tuple[tuple[str, str, str], ...] = ()


class KeySettings(_Section):
    provider: Literal["file", "pkcs11"] = "file"
    passphrase: str | None = None
    pkcs11_module: Path | None = None
    pkcs11_token_label: str | None = None
    pkcs11_pin: str | None = None
    pkcs11_key_label: str = "medocr-kek"


class SigningSettings(_Section):
    level: SigningLevel = "B-LTA"
    pkcs12_file: Path | None = None
    pkcs12_passphrase: str | None = None
    pkcs11_module: Path | None = None
    pkcs11_token_label: str | None = None
    pkcs11_pin: str | None = None
    pkcs11_key_label: str | None = None
    tsa_url: str | None = None
    visible: bool = False
    pkcs11_cert_label: str | None = None
    trust_roots: tuple[Path, ...] = ()
    crl_files: tuple[Path, ...] = ()
    tsa_timeout_seconds: float = 10.0
    visible_font: Path | None = None
    renewal_horizon_days: int = 90


class ResidencySettings(_Section):
    allowed_regions: tuple[str, ...] = EU_REGIONS
    allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
    egress_guard: bool = True


class Settings(BaseSettings):
    """All of medocr's configuration, validated once at the edge."""

    model_config = SettingsConfigDict(
        env_prefix="MEDOCR_",
        env_nested_delimiter="__",
        extra="forbid",
        frozen=True,
    )

    home: Path = Field(default_factory=_default_home)
    records_url: str | None = None
    handoff_dir: Path | None = None
    actor: str = "medocr"
    limits: Limits = Limits()
    ocr: OcrSettings = OcrSettings()
    vault: VaultSettings = VaultSettings()
    keys: KeySettings = KeySettings()
    signing: SigningSettings = SigningSettings()
    residency: ResidencySettings = ResidencySettings()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        config_file = os.environ.get("MEDOCR_CONFIG")
        if config_file:
            if not Path(config_file).is_file():
                raise ConfigurationError(
                    "MEDOCR_CONFIG names a file that does not exist"
                )
            sources.append(TomlConfigSettingsSource(settings_cls, Path(config_file)))
        return tuple(sources)

    @property
    def records_database_url(self) -> str:
        return self.records_url or f"sqlite:///{self.home / 'records.db'}"

    @property
    def handoff_path(self) -> Path:
        return self.handoff_dir or self.home / "handoff"

    @property
    def vault_path(self) -> Path:
        return self.home / "vault"

    @property
    def keys_path(self) -> Path:
        return self.home / "keys"

    @property
    def pki_path(self) -> Path:
        return self.home / "pki"

    @property
    def models_path(self) -> Path:
        return self.ocr.models_dir or self.home / "models"

    @property
    def prefect_home(self) -> Path:
        return self.home / "prefect"

    @property
    def tmp_path(self) -> Path:
        return self.home / "tmp"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings; call ``get_settings.cache_clear()`` after changing env."""
    return Settings()
