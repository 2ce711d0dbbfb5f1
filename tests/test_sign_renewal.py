"""Archive timestamp renewal keeps B-LTA documents valid and chains the timestamps."""

from __future__ import annotations

from pathlib import Path

import pytest
from sign_support import make_pdf

from medocr.errors import InputRejected
from medocr.settings import Settings
from medocr.signing import configured_signer, sign_pades, validate_signature
from medocr.signing.pdfsig import pdfsig_available, run_pdfsig
from medocr.signing.pki import LEAF_DAYS
from medocr.signing.renewal import needs_timestamp_renewal, renew_archive_timestamp


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(home=tmp_path_factory.mktemp("home"))


@pytest.fixture(scope="module")
def lta_pdf(settings: Settings) -> bytes:
    return sign_pades(make_pdf(), configured_signer(settings), level="B-LTA")


def test_renewal_is_due_only_within_the_horizon(lta_pdf: bytes) -> None:
    assert not needs_timestamp_renewal(lta_pdf, horizon_days=30)
    assert needs_timestamp_renewal(lta_pdf, horizon_days=LEAF_DAYS + 1)


def test_documents_without_archive_timestamp_never_need_renewal(
    settings: Settings,
) -> None:
    b_t = sign_pades(make_pdf(), configured_signer(settings), level="B-T")

    assert not needs_timestamp_renewal(b_t, horizon_days=100_000)


def test_renewal_adds_a_second_archive_timestamp_and_stays_valid(
    lta_pdf: bytes, settings: Settings
) -> None:
    renewed = renew_archive_timestamp(lta_pdf, settings)

    report = validate_signature(renewed, configured_signer(settings).trust)
    assert renewed.startswith(lta_pdf)
    assert report.ok, report.problems
    assert report.level == "B-LTA"
    assert report.archive_timestamps == 2
    if pdfsig_available():
        assert run_pdfsig(renewed).all_valid


def test_renewal_refuses_documents_below_b_lta(settings: Settings) -> None:
    b_b = sign_pades(make_pdf(), configured_signer(settings), level="B-B")

    with pytest.raises(InputRejected):
        renew_archive_timestamp(b_b, settings)


def test_unreadable_input_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(InputRejected):
        needs_timestamp_renewal(b"%PDF-1.7 broken", horizon_days=1)
