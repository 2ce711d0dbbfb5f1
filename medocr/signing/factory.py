"""Choose the signer, timestamper and trust that the settings describe, once per process."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from pyhanko.sign.signers.pdf_cms import Signer
from pyhanko.sign.timestamps.api import TimeStamper

from medocr.errors import ConfigurationError
from medocr.settings import ResidencySettings, Settings, SigningSettings
from medocr.signing.appearance import prepare_stamp_font
from medocr.signing.configured import ConfiguredSigner
from medocr.signing.local import local_signer, local_trust
from medocr.signing.pki import load_local_pki
from medocr.signing.production import http_timestamper, pkcs11_signer, pkcs12_signer
from medocr.signing.trust import TrustStore, load_trust_store


def configured_signer(settings: Settings) -> ConfiguredSigner:
    """The process's signer for these settings; keys and sessions stay loaded.

    It is rebuilt once a day so a long-running worker picks up re-issued CRLs.
    """
    today = date.today()
    return _cached(settings.signing, settings.residency, settings.pki_path, today)


def trust_for(settings: Settings) -> TrustStore:
    """The trust anchors a verifier uses under these settings."""
    signing = settings.signing
    if signing.trust_roots:
        return load_trust_store(signing.trust_roots, signing.crl_files)
    return local_trust(load_local_pki(settings.pki_path, create=False))


@lru_cache(maxsize=4)
def _cached(
    signing: SigningSettings, residency: ResidencySettings, pki_path: Path, day: date
) -> ConfiguredSigner:
    return build_configured_signer(signing, residency, pki_path)


def build_configured_signer(
    signing: SigningSettings, residency: ResidencySettings, pki_path: Path
) -> ConfiguredSigner:
    """Build a fresh signer: local PKI unless a PKCS#11 token or PKCS#12 file is set."""
    if signing.pkcs11_module is None and signing.pkcs12_file is None:
        base = local_signer(load_local_pki(pki_path))
        if signing.tsa_url is not None:
            base = replace(base, timestamper=_timestamper(signing, residency))
    else:
        base = _production(signing, residency)
    if not signing.visible:
        return base
    return replace(base, stamp_font=prepare_stamp_font(signing.visible_font))


def _production(
    signing: SigningSettings, residency: ResidencySettings
) -> ConfiguredSigner:
    if not signing.trust_roots:
        raise ConfigurationError(
            "signing.trust_roots must name the root certificate of the signer's CA"
        )
    timestamper = _timestamper(signing, residency)
    if timestamper is None and signing.level != "B-B":
        raise ConfigurationError(
            "signing.tsa_url is required above B-B when a PKCS#11 or PKCS#12 key signs"
        )
    trust = load_trust_store(signing.trust_roots, signing.crl_files)
    return ConfiguredSigner(_production_signer(signing, trust), timestamper, trust)


def _production_signer(signing: SigningSettings, trust: TrustStore) -> Signer:
    if signing.pkcs11_module is None:
        assert signing.pkcs12_file is not None
        return pkcs12_signer(signing.pkcs12_file, signing.pkcs12_passphrase)
    if not (
        signing.pkcs11_token_label and signing.pkcs11_pin and signing.pkcs11_key_label
    ):
        raise ConfigurationError(
            "a PKCS#11 signer needs signing.pkcs11_token_label, pkcs11_pin and "
            "pkcs11_key_label"
        )
    return pkcs11_signer(
        signing.pkcs11_module,
        token_label=signing.pkcs11_token_label,
        pin=signing.pkcs11_pin,
        key_label=signing.pkcs11_key_label,
        cert_label=signing.pkcs11_cert_label,
        chain=(*trust.intermediates, *trust.roots),
    )


def _timestamper(
    signing: SigningSettings, residency: ResidencySettings
) -> TimeStamper | None:
    if signing.tsa_url is None:
        return None
    return http_timestamper(
        signing.tsa_url,
        timeout=signing.tsa_timeout_seconds,
        allowed_hosts=residency.allowed_hosts,
    )
