"""Prefect block that chooses the signer and timestamp authority; it only configures."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from prefect.blocks.core import Block
from pydantic import Field, SecretStr

from medocr.settings import Settings, SigningLevel, SigningSettings
from medocr.signing import ConfiguredSigner, build_configured_signer


class SignerBlock(Block):
    """Which key signs (local PKI, PKCS#12 file, PKCS#11 token) and which TSA stamps."""

    _block_type_name = "medocr signer"

    kind: Literal["local", "pkcs12", "pkcs11"] = "local"
    level: SigningLevel = "B-LTA"
    pkcs12_file: Path | None = None
    pkcs12_passphrase: SecretStr | None = None
    pkcs11_module: Path | None = None
    pkcs11_token_label: str | None = None
    pkcs11_pin: SecretStr | None = None
    pkcs11_key_label: str | None = None
    pkcs11_cert_label: str | None = None
    tsa_url: str | None = None
    trust_roots: list[Path] = Field(default_factory=list)
    crl_files: list[Path] = Field(default_factory=list)
    visible: bool = False
    visible_font: Path | None = None

    def signing_settings(self) -> SigningSettings:
        """The block's choices as the core's signing settings section."""
        production = self.kind != "local"
        return SigningSettings(
            level=self.level,
            pkcs12_file=self.pkcs12_file if self.kind == "pkcs12" else None,
            pkcs12_passphrase=_reveal(self.pkcs12_passphrase),
            pkcs11_module=self.pkcs11_module if self.kind == "pkcs11" else None,
            pkcs11_token_label=self.pkcs11_token_label,
            pkcs11_pin=_reveal(self.pkcs11_pin),
            pkcs11_key_label=self.pkcs11_key_label,
            pkcs11_cert_label=self.pkcs11_cert_label,
            tsa_url=self.tsa_url,
            trust_roots=tuple(self.trust_roots) if production else (),
            crl_files=tuple(self.crl_files) if production else (),
            visible=self.visible,
            visible_font=self.visible_font,
        )

    def build(self, settings: Settings) -> ConfiguredSigner:
        """Build the core signer; residency rules and the PKI folder come from settings."""
        return build_configured_signer(
            self.signing_settings(), settings.residency, settings.pki_path
        )


def _reveal(secret: SecretStr | None) -> str | None:
    return None if secret is None else secret.get_secret_value()
