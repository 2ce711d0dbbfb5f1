"""Untrusted decoding in a child process whose time and memory bounds really hold.

A thread cannot be stopped and an allocation cannot be refused in-process, so a
hostile page could hang a worker or eat its memory. Before the OCR stage decodes
an input, a freshly spawned child decodes it the same way (limits, text layers,
every page rendered) under ``RLIMIT_AS`` = ``limits.max_memory_mb``, reporting
after each page; a child that misses a page's deadline is killed. Only an input
the child decoded within bounds reaches the worker's own decoder.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext

from medocr.errors import IN_MALFORMED, IN_MEMORY, IN_TIMEOUT, InputRejected
from medocr.settings import Limits, Settings

log = logging.getLogger(__name__)

# Seconds a fresh child may take to start before its first page deadline begins.
STARTUP_SECONDS = 30.0
_context: SpawnContext | None = None
_peak_rss_mb = 0.0


@dataclass(frozen=True)
class DecodeProbe:
    """How a child fared decoding one input: pages, peak memory, seconds."""

    pages: int
    peak_rss_mb: float
    seconds: float


def require_decodable(data: bytes, settings: Settings) -> DecodeProbe:
    """Decode ``data`` in a bounded child; raise ``InputRejected`` if it fails.

    Raises:
        InputRejected: IN_TIMEOUT past a page deadline, IN_MEMORY past the memory
            limit, IN_MALFORMED when the decoder crashed, or the decoder's own code.
    """
    started = time.monotonic()
    context = _spawn_context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_decode_in_child, args=(sender, data, settings))
    child.start()
    sender.close()
    try:
        pages, peak = _follow(receiver, child, settings.limits)
    finally:
        child.kill()
        child.join()
        receiver.close()
    probe = DecodeProbe(pages, peak, time.monotonic() - started)
    log.debug("decoded %d page(s) in a child in %.2f s", pages, probe.seconds)
    return probe


def peak_child_rss_mb() -> float:
    """The largest resident memory any decoding child of this process reached."""
    return _peak_rss_mb


def _spawn_context() -> SpawnContext:
    """Fresh interpreters: none of our threads or locks, and no socket in the temp dir.

    A fork server would start faster but listens on a socket in the temporary
    folder, which is medocr's private one; spawning costs about a second a document.
    """
    global _context
    if _context is None:
        _context = multiprocessing.get_context("spawn")
    return _context


def _follow(
    receiver: Connection, child: multiprocessing.process.BaseProcess, limits: Limits
) -> tuple[int, float]:
    """Read the child's progress until its verdict; enforce each step's deadline."""
    global _peak_rss_mb
    deadline, pages = STARTUP_SECONDS + limits.render_seconds_per_page, 0
    while True:
        if not receiver.poll(deadline):
            log.warning("decoding missed its %.0f s deadline; child killed", deadline)
            raise InputRejected(
                f"decoding took longer than {deadline:.0f} s", code=IN_TIMEOUT
            )
        try:
            event, value, peak = receiver.recv()
        except EOFError:
            child.join(1.0)
            raise _child_died(child.exitcode) from None
        _peak_rss_mb = max(_peak_rss_mb, peak)
        if event == "rejected":
            raise InputRejected("the input failed to decode", code=value)
        if event == "done":
            return pages, peak
        if event == "opened":
            pages = value
        per_step = pages if event == "opened" else 1
        deadline = limits.render_seconds_per_page * max(per_step, 1)


def _child_died(exitcode: int | None) -> InputRejected:
    """A child that died without a verdict: killed for memory, or a decoder crash."""
    log.warning("decoding child died with exit code %s", exitcode)
    if exitcode == -9:
        return InputRejected("decoding ran out of memory", code=IN_MEMORY)
    return InputRejected("the decoder crashed on this input", code=IN_MALFORMED)


def _decode_in_child(sender: Connection, data: bytes, settings: Settings) -> None:
    limit = settings.limits.max_memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    # Decoder libraries write their complaints to stderr; they say nothing we need.
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    warnings.simplefilter("ignore")
    verdict: tuple[str, int | str]
    try:
        for event, value in _decode_events(data, settings):
            sender.send((event, value, _own_peak_mb()))
        verdict = ("done", 0)
    except InputRejected as rejection:
        memory = _out_of_memory(rejection.__cause__)
        verdict = ("rejected", IN_MEMORY if memory else rejection.code)
    except Exception as error:
        verdict = ("rejected", IN_MEMORY if _out_of_memory(error) else IN_MALFORMED)
    sender.send((*verdict, _own_peak_mb()))
    sender.close()
    # A render thread past its deadline may still run; do not wait for it.
    os._exit(0)


def _decode_events(data: bytes, settings: Settings) -> Iterator[tuple[str, int]]:
    """Decode as the OCR stage does, naming each step as it completes."""
    from medocr.ocr.pages import check_input, iter_page_images
    from medocr.ocr.textlayer import read_text_layers

    info = check_input(data, settings.limits)
    yield "opened", info.page_count
    layers: frozenset[int] = frozenset()
    if info.format == "pdf" and settings.ocr.use_text_layer:
        layers = frozenset(read_text_layers(data, dpi=settings.ocr.dpi))
        yield "layers", len(layers)
    pages = iter_page_images(
        data, dpi=settings.ocr.dpi, limits=settings.limits, skip=layers
    )
    for page in pages:
        yield "page", page.index


def _out_of_memory(error: BaseException | None) -> bool:
    """A decoder failure caused by the memory limit, as Python or MuPDF reports it."""
    if isinstance(error, MemoryError):
        return True
    return error is not None and "memory" in str(error).lower()


def _own_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
