"""Read page images into pages of lines, in parallel worker processes when it pays.

Each worker process loads the OCR models once and runs ONNX Runtime on one thread,
so ``workers`` pages are read at once without oversubscribing the cores. At most
two pages per worker are in flight, so memory stays bounded on long documents.

A worker that dies mid-page (the kernel's OOM killer, a crash inside ONNX Runtime)
breaks the pool: the page is not lost silently but raises ``EngineError(ENG_OCR)``,
which the OCR task retries in a fresh pool. A page that outlasts its time limit is
the input's fault (``IN_TIMEOUT``); its workers are killed so the next page starts
clean.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from medocr.errors import ENG_OCR, IN_TIMEOUT, EngineError, InputRejected
from medocr.faults import fault_point
from medocr.ocr.engine import OcrEngine, load_engine
from medocr.ocr.layout import order_lines
from medocr.ocr.orientation import OrientationProbe, UprightReading, read_upright
from medocr.ocr.pages import PageImage
from medocr.ocr.types import OcrPage
from medocr.settings import Settings

logger = logging.getLogger(__name__)

_IN_FLIGHT_PER_WORKER = 2
# Peak resident memory measured on a dense A4 page at 300 dpi (linn): detection at
# 2000 px needs about 600 MB of live tensors.
WORKER_MB = 1100
CALLER_MB = 400
_pools: dict[str, ProcessPoolExecutor] = {}
_pools_lock = threading.Lock()
_worker_engine: OcrEngine | None = None


def read_page_image(page: PageImage, engine: OcrEngine) -> OcrPage:
    """One page image read upright, its lines in reading order."""
    if isinstance(engine, OrientationProbe):
        upright = read_upright(page.image, engine)
    else:
        height, width = page.image.shape[:2]
        lines = engine.read_page(page.image)
        upright = UprightReading(lines, 0, 0.0, int(width), int(height))
    return OcrPage(
        index=page.index,
        width=upright.width,
        height=upright.height,
        lines=tuple(order_lines(upright.lines)),
        source="ocr",
        rotation=upright.rotation,
        skew=upright.skew,
    )


def worker_count(settings: Settings) -> int:
    """Worker processes: the setting, else as many as there are cores and as fit
    in ``limits.max_memory_mb`` (about 1.1 GB per worker, 0.4 GB for the caller)."""
    if settings.ocr.workers:
        return settings.ocr.workers
    budget = settings.limits.max_memory_mb - CALLER_MB
    fitting = max(1, budget // WORKER_MB)
    return min(len(os.sched_getaffinity(0)), fitting)


def read_pages(
    pages: Iterable[PageImage], *, settings: Settings, engine: OcrEngine | None = None
) -> Iterator[OcrPage]:
    """Pages read in order; a given engine runs here, else the workers' engines."""
    workers = worker_count(settings)
    if engine is not None or workers == 1:
        local = engine or load_engine(settings)
        for page in pages:
            yield read_page_image(page, local)
        return
    yield from _read_in_pool(pages, settings, workers)


def shutdown_workers() -> None:
    """Stop the worker processes this process started."""
    with _pools_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        _stop(pool)


def _read_in_pool(
    pages: Iterable[PageImage], settings: Settings, workers: int
) -> Iterator[OcrPage]:
    key, pool = _pool(settings, workers)
    pending: deque[Future[OcrPage]] = deque()
    timeout = settings.limits.ocr_seconds_per_page
    try:
        for page in pages:
            pending.append(_submit(key, pool, page))
            if len(pending) >= workers * _IN_FLIGHT_PER_WORKER:
                yield _collect(key, pending.popleft(), timeout)
        while pending:
            yield _collect(key, pending.popleft(), timeout)
    finally:
        for future in pending:
            future.cancel()


def _submit(key: str, pool: ProcessPoolExecutor, page: PageImage) -> Future[OcrPage]:
    try:
        return pool.submit(_read_in_worker, page)
    except BrokenProcessPool as error:
        raise _worker_died(key) from error


def _collect(key: str, future: Future[OcrPage], timeout: float) -> OcrPage:
    try:
        return future.result(timeout=timeout)
    except FutureTimeout as error:
        logger.warning("a page exceeded %.0f s of OCR; restarting workers", timeout)
        _discard(key)
        raise InputRejected(
            f"a page took longer than {timeout:.0f} s to read", code=IN_TIMEOUT
        ) from error
    except BrokenProcessPool as error:
        raise _worker_died(key) from error


def _worker_died(key: str) -> EngineError:
    logger.warning("an OCR worker process ended mid-page; restarting workers")
    _discard(key)
    return EngineError("an OCR worker process ended unexpectedly", code=ENG_OCR)


def _discard(key: str) -> None:
    with _pools_lock:
        pool = _pools.pop(key, None)
    if pool is not None:
        _stop(pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Kill the pool's workers (one may be stuck on a page) and reap them."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        process.kill()
    pool.shutdown(wait=True, cancel_futures=True)


def _pool(settings: Settings, workers: int) -> tuple[str, ProcessPoolExecutor]:
    key = f"{workers}:{settings.model_dump_json()}"
    with _pools_lock:
        if key not in _pools:
            _pools[key] = ProcessPoolExecutor(
                workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(settings,),
            )
            logger.info("started %s OCR worker process(es)", workers)
        return key, _pools[key]


def _start_worker(settings: Settings) -> None:
    global _worker_engine
    _worker_engine = load_engine(settings, threads=1)


def _read_in_worker(page: PageImage) -> OcrPage:
    if _worker_engine is None:
        raise RuntimeError("OCR worker started without an engine")
    fault_point("ocr.page")
    try:
        return read_page_image(page, _worker_engine)
    finally:
        _release_free_memory()


def _release_free_memory() -> None:
    """Hand the page's freed heap back to the system: an idle worker drops from
    about 530 MB to 200 MB after a dense page."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _load_libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


_LIBC = _load_libc()
