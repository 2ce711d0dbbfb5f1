"""Trust anchors and preloaded revocation data: validation without the network."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asn1crypto import crl as asn1_crl
from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from pyhanko_certvalidator import ValidationContext

from medocr.errors import ConfigurationError


@dataclass(frozen=True)
class TrustStore:
    """Roots to trust, intermediates to build paths with, and CRLs to check against."""

    roots: tuple[asn1_x509.Certificate, ...]
    intermediates: tuple[asn1_x509.Certificate, ...] = ()
    crls: tuple[asn1_crl.CertificateList, ...] = ()

    def validation_context(
        self,
        *,
        extra_certs: Iterable[asn1_x509.Certificate] = (),
        extra_crls: Iterable[asn1_crl.CertificateList] = (),
    ) -> ValidationContext:
        """A fresh offline context: no fetching, revocation status required."""
        kwargs = self.context_kwargs()
        kwargs["other_certs"] = [*kwargs["other_certs"], *extra_certs]
        kwargs["crls"] = [*kwargs["crls"], *extra_crls]
        return ValidationContext(**kwargs)

    def context_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``ValidationContext`` (pyHanko's DSS helper takes them)."""
        return {
            "trust_roots": list(self.roots),
            "other_certs": list(self.intermediates),
            "crls": list(self.crls),
            "allow_fetching": False,
            "revocation_mode": "hard-fail",
        }

    def with_crls(self, crls: Iterable[asn1_crl.CertificateList]) -> TrustStore:
        """The same anchors with more revocation lists."""
        return TrustStore(self.roots, self.intermediates, (*self.crls, *crls))


def load_trust_store(
    root_files: Iterable[Path], crl_files: Iterable[Path] = ()
) -> TrustStore:
    """Read PEM or DER root certificates and CRLs from files."""
    roots = tuple(
        asn1_x509.Certificate.load(der) for path in root_files for der in _ders(path)
    )
    if not roots:
        raise ConfigurationError("no trust root certificates were given")
    crls = tuple(
        asn1_crl.CertificateList.load(der) for path in crl_files for der in _ders(path)
    )
    return TrustStore(roots=roots, crls=crls)


def _ders(path: Path) -> list[bytes]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigurationError("a trust or CRL file cannot be read") from exc
    if pem.detect(data):
        return [der for _, _, der in pem.unarmor(data, multiple=True)]
    return [data]
