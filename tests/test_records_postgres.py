"""The vault, ingest and audit tests again, with the records database on PostgreSQL.

The lead's tests build their runtime from ``Settings(home=...)``, which still reads
``MEDOCR_RECORDS_URL``; pointing it at a fresh schema re-runs every one of them on
PostgreSQL (skipped when no server is reachable at 127.0.0.1:5432).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import services
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from services import postgres_schema
from sqlmodel import Session, SQLModel, select
from test_core_vault import *  # noqa: F403 - collected again under PostgreSQL
from test_ingest import *  # noqa: F403 - collected again under PostgreSQL

from medocr.migrations import current_revision, head_revision, upgrade_schema
from medocr.records import Artifact, Document, create_schema, get_engine
from medocr.runtime import build_runtime
from medocr.settings import Settings, get_settings

records_url = services.records_url


@pytest.fixture(autouse=True)
def records_on_postgres(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Every test in this module keeps its records in its own PostgreSQL schema."""
    with postgres_schema() as url:
        monkeypatch.setenv("MEDOCR_RECORDS_URL", url)
        get_settings.cache_clear()
        yield url
    get_settings.cache_clear()


def test_migrated_schema_matches_the_models(records_url: str) -> None:
    engine = get_engine(records_url)
    assert upgrade_schema(engine) == head_revision()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []


def test_database_made_before_migrations_is_stamped_and_kept(records_url: str) -> None:
    engine = get_engine(records_url)
    create_schema(engine)
    with Session(engine) as session:
        session.add(
            Document(id="doc_1", content_sha256="h", media_type="x", size_bytes=1)
        )
        session.commit()
    upgrade_schema(engine)
    assert current_revision(engine) == head_revision()
    with Session(engine) as session:
        assert session.get(Document, "doc_1") is not None


WORKER = """
import sys
from pathlib import Path
from medocr.runtime import build_runtime
from medocr.settings import Settings
from tasks.ingest import ingest_file
print(ingest_file(Path(sys.argv[1]), build_runtime(Settings())).created)
"""


def test_ingest_workers_in_separate_processes_make_one_document(
    tmp_path: Path, records_on_postgres: str
) -> None:
    home = tmp_path / "home"
    env = {
        **os.environ,
        "MEDOCR_HOME": str(home),
        "MEDOCR_RECORDS_URL": records_on_postgres,
    }
    build_runtime(Settings(home=home))
    (tmp_path / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x01" * 64)
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(tmp_path / "scan.png")],
            env=env,
            cwd=Path(__file__).resolve().parents[1],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    created = [w.communicate(timeout=120)[0].strip() for w in workers]
    assert sorted(created) == ["False", "True"]
    with Session(get_engine(records_on_postgres)) as session:
        assert len(session.exec(select(Document)).all()) == 1
        assert len(session.exec(select(Artifact)).all()) == 2
