"""Poppler's ``pdfsig`` as an independent second opinion on signature integrity.

``pdfsig`` exits 0 even on a digest mismatch, so the verdict is read from its text.
It runs with certificate checks and OCSP off (trust is our validator's job, and no
network is allowed) and with ``HOME`` pointed at a private temporary folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from medocr.errors import ENG_SIGN, EngineError
from medocr.settings import get_settings

VALID = "Signature is Valid."
NOT_VERIFIED = "Signature has not yet been verified."
TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class PdfsigVerdict:
    """One ``Signature Validation`` line per signature, in document order."""

    verdicts: tuple[str, ...]

    @property
    def all_valid(self) -> bool:
        """True when every signature pdfsig can check is valid and one at least is."""
        checked = [v for v in self.verdicts if v != NOT_VERIFIED]
        return bool(checked) and all(v == VALID for v in checked)


def pdfsig_available() -> bool:
    """Whether poppler's ``pdfsig`` is on the PATH."""
    return shutil.which("pdfsig") is not None


def run_pdfsig(pdf: bytes) -> PdfsigVerdict:
    """Run ``pdfsig`` on ``pdf`` in a private temporary folder and parse its verdicts.

    The folder lives under ``MEDOCR_HOME/tmp``, where the retention sweep looks.
    """
    tmp_root = get_settings().tmp_path
    tmp_root.mkdir(parents=True, exist_ok=True, mode=0o700)
    with tempfile.TemporaryDirectory(prefix="medocr-pdfsig-", dir=tmp_root) as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(pdf)
        env = {**os.environ, "HOME": folder}
        try:
            completed = subprocess.run(
                ["pdfsig", "-nocert", "-no-ocsp", str(path)],
                capture_output=True,
                text=True,
                env=env,
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise EngineError("pdfsig could not run", code=ENG_SIGN) from exc
    return parse_pdfsig(completed.stdout)


def parse_pdfsig(text: str) -> PdfsigVerdict:
    """Pick each signature's ``Signature Validation:`` verdict out of pdfsig's text."""
    marker = "Signature Validation:"
    verdicts = tuple(
        line.split(marker, 1)[1].strip() for line in text.splitlines() if marker in line
    )
    return PdfsigVerdict(verdicts=verdicts)
