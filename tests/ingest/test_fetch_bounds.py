"""The fetcher's bounds against real local servers: compressed bombs, endless bodies and
slow trickles cost at most the size cap and the time limit."""

from __future__ import annotations

import gzip
import socket
import threading
import time
import tracemalloc
import zlib
from contextlib import contextmanager

import pytest

from lagebild.errors import FetchError
from lagebild.ingest.fetch import Fetcher, FetchPolicy, decoded, public_address

MIB = 2**20


def fetcher(**changes) -> Fetcher:
    return Fetcher(FetchPolicy(host_delay=0.0, backoff=0.01, retries=0, obey_robots=False,
                               **changes))


def zeros_gzip(size: int) -> bytes:
    """gzip of ``size`` zero bytes, made without holding them."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(MIB)
    return b"".join([*(packer.compress(block) for _ in range(size // MIB)), packer.flush()])


def test_double_gzip_bomb_is_capped_after_decompression(web):
    # 1 GiB of zeros gzipped twice: 1,024 members of 1 MiB each inside (one member of
    # 1 GiB, 1.8 KB in all, takes 7 s to make and is fetched the same way)
    bomb = gzip.compress(gzip.compress(bytes(MIB), 9) * 1024, 9)
    assert len(bomb) < 4096
    url = web.page("/bomb", bomb, headers={"Content-Encoding": "gzip, gzip"})
    tracemalloc.start()
    try:
        with fetcher(max_bytes=8 * MIB) as client:
            response = client.get(url, named=True)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(response.content) == 8 * MIB and set(response.content) == {0}
    assert "only that much read" in response.warnings[0]
    assert peak < 100 * MIB, peak


def test_gzip_and_deflate_bodies_decode(web):
    text = "Grüße aus Köln. " * 1000
    for coding, body in [("gzip", gzip.compress(text.encode())),
                         ("deflate", zlib.compress(text.encode())),
                         ("deflate", zlib.compress(text.encode())[2:-4]),  # raw deflate
                         ("x-gzip", gzip.compress(text.encode()[:8000]) + gzip.compress(
                             text.encode()[8000:]))]:
        url = web.page(f"/{coding}-{len(body)}", body, "text/plain; charset=utf-8",
                       headers={"Content-Encoding": coding})
        with fetcher() as client:
            assert client.get(url, named=True).content.decode() == text, coding


def test_broken_or_unknown_coding_is_a_fetch_error(web):
    url = web.page("/kaputt", b"not gzip at all", headers={"Content-Encoding": "gzip"})
    other = web.page("/br", b"xxxx", headers={"Content-Encoding": "br"})
    with fetcher() as client:
        with pytest.raises(FetchError, match="does not decode"):
            client.get(url, named=True)
        with pytest.raises(FetchError, match="'br' not supported"):
            client.get(other, named=True)


def test_decoding_is_lazy():
    pieces = decoded([gzip.compress(zeros_gzip(64 * MIB))], "gzip, gzip")
    assert len(next(pieces)) <= 64 * 1024  # one step inflated, not 64 MiB


@contextmanager
def raw_server(respond):
    """A socket server that answers each connection with ``respond(connection)``."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=_answer, args=(connection, respond), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/x"
    finally:
        stop.set()
        thread.join()
        listener.close()


def _answer(connection, respond):
    with connection:
        connection.recv(65536)
        try:
            respond(connection)
        except OSError:
            pass  # the client gave up, as it should


HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n"


def endless(connection):
    connection.sendall(HEAD + b"\r\n")
    block = b"Wort " * 20_000
    while True:
        connection.sendall(block)


def trickle(connection):
    connection.sendall(HEAD + b"Content-Length: 1000000\r\n\r\n")
    for _ in range(1000):
        connection.sendall(b"x")
        time.sleep(0.05)


def test_an_endless_body_stops_at_the_cap():
    with raw_server(endless) as url, fetcher(max_bytes=2 * MIB) as client:
        response = client.get(url, named=True)
    assert len(response.content) == 2 * MIB and response.warnings


def test_a_slow_trickle_stops_at_the_time_limit():
    start = time.monotonic()
    with raw_server(trickle) as url, fetcher(total_timeout=1.0, timeout=0.5) as client:
        with pytest.raises(FetchError, match="took longer than 1 s"):
            client.get(url, named=True)
    assert time.monotonic() - start < 3


@pytest.mark.parametrize("host", [
    "127.0.0.1.", "localhost.", "%31%32%37.0.0.1", "::127.0.0.1", "::10.0.0.1",
    "::ffff:127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::", "fe80::1%25eth0",
    "fe80::1%eth0", "0x7f.1", "2130706433", "foo.localhost", "::1", "::", "169.254.169.254",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2", "ff02::1", "[::1]"])
def test_address_guard_normalises_then_refuses(host):
    assert not public_address(host)


@pytest.mark.parametrize("host", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946",
                                  "64:ff9b::5db8:d822", "::ffff:93.184.216.34",
                                  "2002:5db8:d822::", "nonexistent.invalid"])
def test_address_guard_lets_public_addresses_pass(host):
    assert public_address(host)


def test_feed_links_to_spelled_out_loopback_are_refused(web):
    web.page("/seite", "<html></html>")
    port = web.url("/").split(":")[-1].split("/")[0]
    with fetcher() as client:
        for host in ("127.0.0.1.", "%31%32%37.0.0.1", "[::127.0.0.1]", "[::ffff:7f00:1]"):
            with pytest.raises(FetchError, match="private, loopback or link-local"):
                client.get(f"http://{host}:{port}/seite")
