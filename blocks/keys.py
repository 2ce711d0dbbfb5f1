"""``KeyProviderBlock``: which key provider wraps the vault's data keys."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from prefect.blocks.core import Block
from pydantic import SecretStr

from blocks.vault import _reveal
from medocr.settings import KeySettings


class KeyProviderBlock(Block):
    """Key encryption keys in a local key file or a PKCS#11 token (HSM)."""

    _block_type_name = "medocr key provider"
    _description = "Key provider for envelope encryption: key file or PKCS#11 token."

    provider: Literal["file", "pkcs11"] = "file"
    passphrase: SecretStr | None = None
    pkcs11_module: Path | None = None
    pkcs11_token_label: str | None = None
    pkcs11_pin: SecretStr | None = None
    pkcs11_key_label: str = "medocr-kek"

    def key_settings(self) -> KeySettings:
        """The ``keys`` settings section this block describes."""
        return KeySettings(
            provider=self.provider,
            passphrase=_reveal(self.passphrase),
            pkcs11_module=self.pkcs11_module,
            pkcs11_token_label=self.pkcs11_token_label,
            pkcs11_pin=_reveal(self.pkcs11_pin),
            pkcs11_key_label=self.pkcs11_key_label,
        )

    @classmethod
    def from_settings(cls, section: KeySettings) -> KeyProviderBlock:
        return cls(**section.model_dump())
