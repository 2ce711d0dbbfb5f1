"""Shared fixtures: an isolated MEDOCR_HOME per test and the optional shared corpus."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports medocr or Prefect: the whole session runs in a private home,
# never in the checkout's .medocr or the user's ~/.prefect.
SESSION_ROOT = Path(tempfile.mkdtemp(prefix="medocr-tests-"))
os.environ["MEDOCR_HOME"] = str(SESSION_ROOT / "home")
for _name in [n for n in os.environ if n.startswith("PREFECT_")]:
    del os.environ[_name]

from medocr.settings import get_settings  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = REPO_ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared corpus; tests that need it are skipped on a clone without it."""
    if not CORPUS_DIR.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS_DIR


@pytest.fixture
def medocr_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh MEDOCR_HOME for one test, with settings re-read from the environment."""
    home = tmp_path / "home"
    monkeypatch.setenv("MEDOCR_HOME", str(home))
    get_settings.cache_clear()
    yield home
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[Path]:
    """One temporary Prefect API for the session (15-35 s to start); its DB file."""
    import prefect.settings
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        url = prefect.settings.PREFECT_SERVER_DATABASE_CONNECTION_URL.value()
        yield Path(str(url).split(":///", 1)[1])


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(SESSION_ROOT, ignore_errors=True)
