"""Shared builders for the signing tests: small PDFs and a local PKI."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pymupdf
from asn1crypto import tsp

from medocr.signing.timestamper import LocalTimeStamper


def make_pdf(pages: int = 1) -> bytes:
    """A small uncompressed PDF with one line of text per page."""
    document = pymupdf.open()
    for number in range(pages):
        page = document.new_page()
        page.insert_text((72, 72), f"Befund Seite {number + 1}: łąß çñ")
    return document.tobytes(garbage=0, deflate=False)


def flip_byte_in_content(pdf: bytes) -> bytes:
    """Flip one bit inside the first stream's data, which the signature covers."""
    position = pdf.index(b"stream") + len(b"stream") + 4
    tampered = bytearray(pdf)
    tampered[position] ^= 0x01
    return bytes(tampered)


def append_page(pdf: bytes, folder: Path) -> bytes:
    """Add a page as an incremental update, as an editor would after signing."""
    path = folder / "appended.pdf"
    path.write_bytes(pdf)
    document = pymupdf.open(path)
    document.new_page().insert_text((72, 72), "added later")
    document.saveIncr()
    document.close()
    return path.read_bytes()


class _TimestampHandler(BaseHTTPRequestHandler):
    """Answers RFC 3161 requests over HTTP with the server's in-process authority."""

    server: TimestampServer

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        response = self.server.authority.respond(tsp.TimeStampReq.load(body)).dump()
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(response)))
        self.end_headers()
        self.wfile.write(response)

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


class TimestampServer(ThreadingHTTPServer):
    """A tiny RFC 3161 HTTP endpoint on 127.0.0.1 backed by ``LocalTimeStamper``."""

    def __init__(self, authority: LocalTimeStamper) -> None:
        super().__init__(("127.0.0.1", 0), _TimestampHandler)
        self.authority = authority
        self.requests_served = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/tsa"

    def finish_request(self, request: Any, client_address: Any) -> None:
        self.requests_served += 1
        super().finish_request(request, client_address)


@contextmanager
def running_timestamp_server(authority: LocalTimeStamper) -> Iterator[TimestampServer]:
    """Serve timestamps on a free local port for the duration of the block."""
    server = TimestampServer(authority)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
