"""Archive timestamp renewal keeps B-LTA documents valid and chains the timestamps."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sign_support import make_pdf
from sqlmodel import Session, select

from medocr.errors import InputRejected
from medocr.records import Artifact, AuditEvent, Document, Signature, Zone, utcnow
from medocr.retention import place_hold
from medocr.runtime import Runtime, build_runtime
from medocr.settings import Settings
from medocr.signing import configured_signer, sign_pades, validate_signature
from medocr.signing.pdfsig import pdfsig_available, run_pdfsig
from medocr.signing.pki import LEAF_DAYS
from medocr.signing.renewal import needs_timestamp_renewal, renew_archive_timestamp
from tasks.sign import renew_signed_copy, sign_document


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


def _signed_document(runtime: Runtime, document_id: str) -> Artifact:
    """A document whose B-LTA copy sits in the vault with its signature row."""
    pdf = sign_document(make_pdf(), settings=runtime.settings).pdf
    deadline = utcnow() + timedelta(days=3650)
    artifact = runtime.vault.put(
        document_id, Zone.SIGNED, "pdf", pdf, retain_until=deadline
    )
    with Session(runtime.engine) as session:
        session.add(
            Document(
                id=document_id,
                content_sha256=document_id,
                media_type="application/pdf",
                size_bytes=len(pdf),
            )
        )
        session.add(
            Signature(
                document_id=document_id,
                artifact_id=artifact.id,
                level="B-LTA",
                intact=True,
                trusted=True,
            )
        )
        session.commit()
    return artifact


def test_renewal_stage_replaces_the_signed_copy_once(tmp_path: Path) -> None:
    runtime = build_runtime(Settings(home=tmp_path / "home"))
    original = _signed_document(runtime, "doc_renew")
    due = LEAF_DAYS + 1

    assert renew_signed_copy("doc_renew", runtime, horizon_days=due)
    assert renew_signed_copy("doc_renew", runtime, horizon_days=due)
    assert not renew_signed_copy("doc_renew", runtime, horizon_days=30)

    with Session(runtime.engine) as session:
        signature = session.get(Signature, "doc_renew")
        copies = session.exec(
            select(Artifact).where(Artifact.document_id == "doc_renew")
        ).all()
        events = session.exec(
            select(AuditEvent).where(AuditEvent.action == "renew-timestamp")
        ).all()
    assert signature is not None and signature.level == "B-LTA"
    assert signature.report["archive_timestamps"] == 3
    live = [a for a in copies if a.destroyed_at is None]
    assert [a.kind for a in live] == ["pdf-r2"] and live[0].id == signature.artifact_id
    assert {a.id for a in copies if a.destroyed_at} >= {original.id}
    assert len(events) == 2 and all(e.outcome == "valid" for e in events)
    renewed = runtime.vault.read(live[0])
    assert validate_signature(renewed, configured_signer(runtime.settings).trust).ok


def test_renewal_keeps_superseded_copies_under_a_legal_hold(tmp_path: Path) -> None:
    runtime = build_runtime(Settings(home=tmp_path / "home"))
    original = _signed_document(runtime, "doc_held")
    place_hold(
        runtime.engine, runtime.audit, "doc_held", actor="operator-1", reason="CASE-1"
    )

    assert renew_signed_copy("doc_held", runtime, horizon_days=LEAF_DAYS + 1)

    with Session(runtime.engine) as session:
        kept = session.get(Artifact, original.id)
    assert kept is not None and kept.destroyed_at is None


def test_renewal_after_a_crash_reuses_the_stored_copy(tmp_path: Path) -> None:
    runtime = build_runtime(Settings(home=tmp_path / "home"))
    original = _signed_document(runtime, "doc_crash")
    renewed = renew_archive_timestamp(runtime.vault.read(original), runtime.settings)
    orphan = runtime.vault.put(
        "doc_crash", Zone.SIGNED, "pdf-r1", renewed, retain_until=original.retain_until
    )

    assert renew_signed_copy("doc_crash", runtime, horizon_days=LEAF_DAYS + 1)

    with Session(runtime.engine) as session:
        signature = session.get(Signature, "doc_crash")
    assert signature is not None and signature.artifact_id == orphan.id
    assert runtime.vault.read(orphan) == renewed
