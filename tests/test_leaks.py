"""Leak test: canary identities through the real flow, a forced failure and a rerun,
then every byte medocr and Prefect left outside the encrypted vault is searched.

The failure is injected as a third-party exception whose message carries a canary
value, the worst case for Prefect's state messages, logs and result pickles.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from letters import letter_lines, render_letter

import tasks.extract
from medocr.errors import StageError
from medocr.ocr.models import install_models
from medocr.runtime import get_runtime
from medocr.settings import get_settings

CANARY_VALUES = (
    "Xaverius",
    "Quirinbach",
    "Oberhollenzer",
    "Fenstermacher",
    "Lindenallee",
    "Q471859262",
    "DE89370400440532013000",
    "4839217",
    "x.quirinbach@posteo.de",
    "1961-07-02",
    "02.07.1961",
    "02/07/1961",
)


def spellings(value: str) -> set[str]:
    """The common ways a value can be written down again."""
    compact = value.replace(" ", "")
    variants = {value, compact, value.upper(), value.lower(), compact.lower()}
    if compact.startswith("DE89"):
        variants.add(" ".join(compact[i : i + 4] for i in range(0, len(compact), 4)))
    return {v.encode() for v in variants} | {v.encode("utf-16-le") for v in variants}


NEEDLES = set().union(*(spellings(v) for v in CANARY_VALUES))


class _Everything(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def every_log_line() -> Iterator[list[str]]:
    handler = _Everything()
    handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    yield handler.lines
    root.removeHandler(handler)


def files_under(*roots: Path) -> Iterator[Path]:
    for root in roots:
        if root.is_file():
            yield root
        for folder, _dirs, names in os.walk(root):
            for name in names:
                yield Path(folder) / name


def leaks_in(path: Path) -> list[str]:
    data = path.read_bytes()
    hits = [n.decode("utf-8", "replace") for n in NEEDLES if n in data]
    hits += [f"name:{v}" for v in CANARY_VALUES if v.lower() in path.name.lower()]
    return hits


def test_no_canary_survives_outside_the_vault(
    prefect_server: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    every_log_line: list[str],
) -> None:
    from flows.process_documents import process_documents

    home = tmp_path / "home"
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("MEDOCR_HOME", str(home))
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr("tempfile.tempdir", str(private_tmp))
    get_settings.cache_clear()
    install_models(get_settings().models_path)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    png, _ = render_letter(letter_lines())
    (inbox / "Quirinbach_Xaverius_1961-07-02.png").write_bytes(png)

    def third_party_failure(*args: object, **kwargs: object) -> None:
        raise ValueError("cannot parse 'Herr Xaverius Quirinbach, geb. 02.07.1961'")

    with monkeypatch.context() as fault:
        fault.setattr(tasks.extract, "extract_fields", third_party_failure)
        with pytest.raises(StageError):
            process_documents(str(inbox))
    rows = process_documents(str(inbox))
    assert [row["status"] for row in rows] == ["handed_off"]

    runtime = get_runtime()
    db = prefect_server
    places = [db, db.with_name(db.name + "-wal"), home, private_tmp]
    found = {
        str(path): hits
        for path in files_under(*places)
        if path.is_file() and (hits := leaks_in(path))
    }
    output = capfd.readouterr()
    for stream, text in (("stdout", output.out), ("stderr", output.err)):
        for value in CANARY_VALUES:
            if value.lower() in text.lower():
                found.setdefault(stream, []).append(value)
    for line in every_log_line:
        for value in CANARY_VALUES:
            if value.lower() in line.lower():
                found.setdefault("log", []).append(value)
    assert found == {}, f"canary values found outside the vault: {found}"
    assert runtime.audit.verify().intact
