"""Shared fixtures: an isolated MEDOCR_HOME per test and the optional shared corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from medocr.settings import get_settings

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
