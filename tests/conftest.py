"""Shared fixtures: one Pipeline per test session, the shared example where present."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import pytest

from lagebild import Pipeline

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE = SHARED / "examples" / "de-kasachstan-blauhelme.txt"
EXAMPLE_GOLD = SHARED / "gold" / "de-kasachstan-blauhelme.json"
#: set (CI sets it) to make tests that need ../shared fail rather than skip without it
REQUIRE_SHARED = "LAGEBILD_REQUIRE_SHARED"


def missing_data(path: Path) -> None:
    """Skip the test for a missing file of ``../shared``, or fail where REQUIRE_SHARED is
    set (CI), so that CI never passes by not running a test."""
    if path.exists():
        return
    message = f"{path} is missing: this test needs ../shared (data and gold)"
    if os.environ.get(REQUIRE_SHARED) not in (None, "", "0"):
        pytest.fail(f"{message}; {REQUIRE_SHARED} is set", pytrace=False)
    pytest.skip(message)


@lru_cache(maxsize=1)
def shared_pipeline() -> Pipeline:
    """The session's one Pipeline, for helpers that are no fixtures: building one per
    sentence costs a second or two each."""
    return Pipeline()


def named_events(text: str, lang: str = "de") -> list[tuple]:
    """Type, trigger, and the actor's and recipient's name and country of each event."""
    document = shared_pipeline()({"id": "t", "text": text, "lang": lang})
    names = {a.id: (a.name, a.country) for a in document.actors}
    return [(e.type, e.trigger.text, names.get(e.actor), names.get(e.recipient))
            for e in document.events]


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return shared_pipeline()


@pytest.fixture(scope="session")
def example() -> tuple[str, dict]:
    """The worked example and its gold; skipped where ../shared is not laid out."""
    missing_data(EXAMPLE)
    missing_data(EXAMPLE_GOLD)
    return EXAMPLE.read_text(encoding="utf-8"), json.loads(EXAMPLE_GOLD.read_text("utf-8"))


def write_jsonl(path: Path, records: list) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                for r in records),
        encoding="utf-8",
    )
    return path


class _Site:
    """Pages served by the test HTTP server: path -> (status, content type, body, headers)."""

    def __init__(self):
        self.pages: dict[str, tuple[int, str, bytes, dict]] = {}

    def add(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8",
            status: int = 200, headers: dict | None = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.pages[path] = (status, content_type, data, headers or {})


@pytest.fixture()
def http_site():
    """A real HTTP server on 127.0.0.1 serving what the test adds; yields (site, base URL)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    site = _Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            status, content_type, body, headers = site.pages.get(
                self.path, (404, "text/plain", b"not found", {})
            )
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    """A local port nothing listens on."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
