"""A local web server for ingest tests: static pages plus handlers that misbehave on purpose."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

#: A handler gets the request (path, headers) and returns (status, headers, body).
Handler = Callable[[str, dict], tuple[int, dict, bytes]]


class Web:
    """What the server serves, and what it was asked."""

    def __init__(self):
        self.routes: dict[str, Handler] = {}
        self.hits: Counter[str] = Counter()
        self.agents: list[str] = []
        self.base = ""
        self.lock = threading.Lock()

    def page(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8",
             status: int = 200, headers: dict | None = None) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        all_headers = {"Content-Type": content_type, **(headers or {})}
        self.routes[path] = lambda _path, _headers: (status, all_headers, data)
        return self.base + path

    def handle(self, path: str, handler: Handler) -> str:
        self.routes[path] = handler
        return self.base + path

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture()
def web():
    """A threaded HTTP server on 127.0.0.1; query strings are ignored when routing."""
    site = Web()

    class Server(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):  # noqa: N802 (http.server's name)
            path = urlsplit(self.path).path
            with site.lock:
                site.hits[path] += 1
                site.agents.append(self.headers.get("User-Agent", ""))
            handler = site.routes.get(path)
            if handler is None:
                status, headers, body = 404, {"Content-Type": "text/plain"}, b"not found"
            else:
                status, headers, body = handler(path, dict(self.headers))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    class Quiet(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request, client_address):
            pass  # clients that give up early (timeouts, size caps) are what tests do

    server = Quiet(("127.0.0.1", 0), Server)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def slow(seconds: float, body: bytes = b"<html><body>spaet</body></html>") -> Handler:
    def handler(path, headers):
        time.sleep(seconds)
        return 200, {"Content-Type": "text/html"}, body
    return handler
