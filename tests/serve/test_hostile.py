"""POST /articles under hostile input: what cannot be encoded, bad items among good ones,
bodies sent without the token or beyond the limit."""

from __future__ import annotations

import socket

import pytest

from lagebild.errors import RequestError
from lagebild.serve.app import MAX_BODY, parse_body

from .test_ingest_and_cli import GOOD, TOKEN, writable  # noqa: F401 (fixture)

AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}


def test_surrogate_and_bad_items_do_not_lose_the_good_ones(writable):  # noqa: F811
    body = ('[{"id": "sur-1", "lang": "en", "text": "Police arrested \\ud800 two men."}, '
            '{"id": "bad-1", "text": 5}, ' + "[" * 5000 + "]" * 5000 + ", "
            '{"id": "wire-1", "lang": "en", "published": "2026-03-09", '
            '"text": "Police arrested 12 protesters in Paris on Monday."}]')
    response = writable.post("/articles", content=body.encode(), headers=AUTH)
    assert response.status_code == 400  # nesting over the bound: the whole body is refused
    body = body.replace(", " + "[" * 5000 + "]" * 5000, "")
    response = writable.post("/articles", content=body.encode(), headers=AUTH)
    assert response.status_code == 201, response.text
    results = response.json()["data"]
    assert [r["id"] for r in results] == ["sur-1", "bad-1", "wire-1"]
    assert [r["status"] for r in results] == ["added", "failed", "added"]
    assert results[1]["error"].startswith("[L103] body[1]:")
    stored = writable.get("/articles/sur-1").json()["data"]
    assert stored["text"] == "Police arrested \ufffd two men."
    assert any("U+FFFD" in w for w in stored["warnings"])
    assert writable.get("/articles/wire-1").status_code == 200


def test_unauthenticated_body_is_not_read(writable):  # noqa: F811
    """A 401 comes back while the client has sent its headers only."""
    host, port = writable.base_url.host, writable.base_url.port
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(b"POST /articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 31000000\r\n\r\n" + b"[" * 1000)
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 401"), answer[:100]


def test_declared_oversize_is_refused_before_reading(writable):  # noqa: F811
    host, port = writable.base_url.host, writable.base_url.port
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(b"POST /articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                     + TOKEN.encode() + b"\r\nContent-Length: "
                     + str(MAX_BODY + 1).encode() + b"\r\n\r\n")
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:100]


@pytest.mark.parametrize("body", [b"\xff\xfe{}", b"[" * 100_000, b'{"id": ' + b"9" * 5000 + b"}",
                                  b"[]", b'"text"', b'{"text": "x", "id": {"a": 1}}'])
def test_bodies_that_are_no_articles_are_request_errors(body):
    with pytest.raises(RequestError):
        parse_body(body)


def test_items_without_id_keep_none_for_the_pipeline_to_derive():
    articles = parse_body(b'[{"text": "a"}, {"text": "b", "id": 7}]')
    assert [a.id for a in articles] == [None, "7"]
