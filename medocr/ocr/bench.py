"""OCR throughput and peak memory, each engine in its own process tree, same PDF.

Two workloads, both scans at 300 dpi. ``mixed`` cycles A4 pages built from the shared
corpus's linn, phototest and eurotext images (specimen pages medocr renders when the
corpus is absent). ``linn-variants`` cycles the eight pages of the corpus's linn PDFs
as they are (CCITT, JBIG2, skewed, turned): dense pages, the workload the OCR issue's
reference figures were measured on.
Every engine runs as a child process; its wall time and the peak resident memory of
its whole process tree (sampled) are measured from outside.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import cycle, islice
from pathlib import Path

import psutil
import pymupdf
from PIL import Image

from medocr.ocr import specimens

CORPUS_PAGES = ("linn.png", "phototest.tif", "eurotext.tif")
LINN_VARIANTS = (
    "ccitt.pdf",
    "jbig2.pdf",
    "skew.pdf",
    "rotated_skew.pdf",
    "cardinal.pdf",
)
# tesseract-1t: Tesseract with OpenMP held to one thread (OMP_THREAD_LIMIT=1), as
# OCRmyPDF runs it; Debian's build otherwise spins threads that cost more than they
# gain.
ENGINES = ("medocr", "tesseract", "tesseract-1t", "ocrmypdf")
WORKLOADS = ("mixed", "linn-variants")
_SAMPLE_SECONDS = 0.1


@dataclass(frozen=True)
class BenchResult:
    """One engine's run over the benchmark PDF."""

    engine: str
    pages: int
    seconds: float
    pages_per_minute: float
    cpu_seconds: float
    peak_rss_mb: float
    ok: bool


def default_corpus() -> Path:
    """``../shared/corpus`` beside the checkout."""
    return Path(__file__).resolve().parents[3] / "shared" / "corpus"


def build_bench_pdf(pages: int, corpus: Path | None, workload: str = "mixed") -> bytes:
    """A scanned PDF of ``pages`` pages at 300 dpi.

    Raises:
        FileNotFoundError: ``linn-variants`` without the corpus's linn PDFs.
    """
    if workload == "linn-variants":
        return _linn_variants_pdf(pages, corpus)
    sources = _corpus_images(corpus) or _specimen_images()
    return specimens.pdf_of_images(list(islice(cycle(sources), pages)))


def _linn_variants_pdf(pages: int, corpus: Path | None) -> bytes:
    folder = corpus / "ocr-ground-truth" if corpus else None
    missing = [n for n in LINN_VARIANTS if folder is None or not (folder / n).is_file()]
    if folder is None or missing:
        raise FileNotFoundError("the linn-variants workload needs the shared corpus")
    parts = [pymupdf.open(folder / name) for name in LINN_VARIANTS]
    sources = [(part, index) for part in parts for index in range(part.page_count)]
    bench = pymupdf.open()
    for part, index in islice(cycle(sources), pages):
        bench.insert_pdf(part, from_page=index, to_page=index)
    return bench.tobytes()


def _corpus_images(corpus: Path | None) -> list[Image.Image]:
    folder = corpus / "ocr-ground-truth" if corpus else None
    if folder is None or not all((folder / name).is_file() for name in CORPUS_PAGES):
        return []
    return [specimens.on_a4(Image.open(folder / name)) for name in CORPUS_PAGES]


def _specimen_images() -> list[Image.Image]:
    text = " ".join(specimens.SENTENCES.values())
    column = specimens.wrap(" ".join([text] * 4), 40, 1000)
    page = specimens.text_page(
        [column, column], size=specimens.A4_300_DPI, font_size=40
    )
    return [Image.fromarray(page)]


def available_engines() -> list[str]:
    """Engines this machine can run: medocr always, the others when installed."""
    found = ["medocr"]
    if shutil.which("tesseract"):
        found.extend(["tesseract", "tesseract-1t"])
    if _ocrmypdf_command():
        found.append("ocrmypdf")
    return found


def run_bench(pdf: bytes, pages: int, engines: Sequence[str]) -> list[BenchResult]:
    """Each engine over the same PDF, one after another, in a private temp folder."""
    with tempfile.TemporaryDirectory(prefix="medocr-bench-") as folder:
        source = Path(folder) / "bench.pdf"
        source.write_bytes(pdf)
        return [_measure(name, _command(name, source), pages) for name in engines]


def _command(engine: str, source: Path) -> list[str]:
    if engine == "ocrmypdf":
        output = source.with_name("ocrmypdf-out.pdf")
        jobs = str(len(os.sched_getaffinity(0)))
        options = ["--jobs", jobs, "--output-type", "pdf", "--optimize", "0"]
        return [*_ocrmypdf_command(), *options, "-q", str(source), str(output)]
    return [sys.executable, "-m", "medocr.ocr.bench", engine, str(source)]


def _ocrmypdf_command() -> list[str]:
    beside = Path(sys.executable).with_name("ocrmypdf")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("ocrmypdf")
    return [found] if found else []


def _measure(engine: str, command: list[str], pages: int) -> BenchResult:
    """Wall time, CPU time of the reaped process tree and its sampled peak RSS."""
    cpu_before = _children_cpu()
    started = time.monotonic()
    child = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while child.poll() is None:
        peak = max(peak, _tree_rss(child))
        time.sleep(_SAMPLE_SECONDS)
    seconds = time.monotonic() - started
    return BenchResult(
        engine=engine,
        pages=pages,
        seconds=round(seconds, 1),
        pages_per_minute=round(pages / seconds * 60, 2),
        cpu_seconds=round(_children_cpu() - cpu_before, 1),
        peak_rss_mb=round(peak / 2**20, 1),
        ok=child.returncode == 0,
    )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def _read_with(engine: str, source: Path) -> None:
    """The child's work: read every page of ``source`` with one engine."""
    from medocr.ocr.document import read_document
    from medocr.ocr.pages import iter_page_images
    from medocr.ocr.reader import shutdown_workers
    from medocr.ocr.tesseract import TesseractEngine
    from medocr.settings import get_settings

    settings = get_settings()
    data = source.read_bytes()
    if engine == "medocr":
        read_document(data, settings=settings)
        shutdown_workers()
        return
    if engine == "tesseract-1t":
        os.environ["OMP_THREAD_LIMIT"] = "1"
    tesseract = TesseractEngine()
    for page in iter_page_images(data, dpi=settings.ocr.dpi, limits=settings.limits):
        tesseract.read_page(page.image)


if __name__ == "__main__":
    _read_with(sys.argv[1], Path(sys.argv[2]))
