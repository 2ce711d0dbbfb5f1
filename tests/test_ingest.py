"""Ingest: once per content, whatever the retries; bad input quarantined by code."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlmodel import Session, select

from medocr.errors import IN_DESTROYED, IN_EMPTY, IN_TOO_LARGE, IN_UNSUPPORTED
from medocr.records import Artifact, Document, DocumentStatus
from medocr.runtime import build_runtime
from medocr.settings import Settings
from tasks.ingest import ingest_file, list_inbox, sniff_media_type

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _rt(home: Path, **overrides: object):
    return build_runtime(Settings(home=home, **overrides))


def test_same_content_under_two_names_is_one_document(tmp_path: Path) -> None:
    rt = _rt(tmp_path / "home")
    (tmp_path / "a.png").write_bytes(PNG)
    (tmp_path / "Mustermann_Erika.png").write_bytes(PNG)
    first = ingest_file(tmp_path / "a.png", rt)
    second = ingest_file(tmp_path / "Mustermann_Erika.png", rt)
    assert first.document_id == second.document_id
    assert (first.created, second.created) == (True, False)
    assert rt.audit.count("ingest") == 1


def test_original_file_name_is_only_kept_encrypted(tmp_path: Path) -> None:
    home = tmp_path / "home"
    rt = _rt(home)
    (tmp_path / "Mustermann_Erika.png").write_bytes(PNG)
    outcome = ingest_file(tmp_path / "Mustermann_Erika.png", rt)
    for root, dirs, files in os.walk(home):
        for name in dirs + files:
            assert "Mustermann" not in name
        for name in files:
            assert b"Mustermann" not in (Path(root) / name).read_bytes()
    assert b"Mustermann" in rt.vault.read_slot(outcome.document_id, "raw", "meta")


def test_two_workers_ingesting_the_same_file_make_one_document(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _rt(home)
    (tmp_path / "a.png").write_bytes(PNG)
    runtimes = [_rt(home) for _ in range(4)]
    with ThreadPoolExecutor(4) as pool:
        outcomes = list(
            pool.map(lambda r: ingest_file(tmp_path / "a.png", r), runtimes)
        )
    assert sum(o.created for o in outcomes) == 1
    with Session(runtimes[0].engine) as session:
        assert len(session.exec(select(Document)).all()) == 1
        assert len(session.exec(select(Artifact)).all()) == 2


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", IN_EMPTY), (b"GIF89a" + b"\x00" * 20, IN_UNSUPPORTED)],
)
def test_bad_input_is_quarantined_with_a_code(
    tmp_path: Path, content: bytes, code: str
) -> None:
    rt = _rt(tmp_path / "home")
    (tmp_path / "x.png").write_bytes(content)
    outcome = ingest_file(tmp_path / "x.png", rt)
    assert (outcome.status, outcome.error_code) == (DocumentStatus.REJECTED, code)
    assert rt.vault.find(outcome.document_id, "quarantine", "original") is not None
    assert rt.vault.find(outcome.document_id, "raw", "original") is None
    assert rt.audit.count("input.rejected") == 1


def test_oversized_file_is_rejected_without_being_read_whole(tmp_path: Path) -> None:
    rt = _rt(tmp_path / "home", limits={"max_file_bytes": 10})
    (tmp_path / "big.pdf").write_bytes(b"%PDF-1.7\n" + b"0" * 100)
    outcome = ingest_file(tmp_path / "big.pdf", rt)
    assert outcome.error_code == IN_TOO_LARGE


def test_media_type_comes_from_content_not_name(tmp_path: Path) -> None:
    assert sniff_media_type(b"\xef\xbb\xbf %PDF-1.4") == "application/pdf"
    assert sniff_media_type(b"II*\x00rest") == "image/tiff"
    (tmp_path / "scan.TIF").write_bytes(b"x")
    (tmp_path / ".hidden.pdf").write_bytes(b"x")
    (tmp_path / "notes.txt").write_bytes(b"x")
    assert [p.name for p in list_inbox(tmp_path)] == ["scan.TIF"]


def test_content_destroyed_under_retention_is_not_stored_again(tmp_path: Path) -> None:
    rt = _rt(tmp_path / "home")
    (tmp_path / "a.png").write_bytes(PNG)
    document_id = ingest_file(tmp_path / "a.png", rt).document_id
    with Session(rt.engine) as session:
        for artifact in session.exec(select(Artifact)).all():
            rt.vault.destroy(artifact)
        document = session.get(Document, document_id)
        document.status = DocumentStatus.DESTROYED
        session.add(document)
        session.commit()
    again = ingest_file(tmp_path / "a.png", rt)
    assert (again.status, again.error_code) == (DocumentStatus.DESTROYED, IN_DESTROYED)
    assert rt.vault.find(document_id, "raw", "original") is None
    assert list(rt.vault.backend.list()) == []


def test_a_rejected_document_arriving_again_keeps_its_outcome(tmp_path: Path) -> None:
    rt = _rt(tmp_path / "home")
    (tmp_path / "x.png").write_bytes(b"GIF89a" + b"\x00" * 20)
    first = ingest_file(tmp_path / "x.png", rt)
    again = ingest_file(tmp_path / "x.png", rt)
    assert (again.status, again.error_code) == (DocumentStatus.REJECTED, IN_UNSUPPORTED)
    assert again.document_id == first.document_id and not again.created
    assert rt.audit.count("input.rejected") == 1
