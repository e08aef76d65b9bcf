"""POST /articles behind its token, read-only serving, and the ``lagebild serve`` command."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time

import httpx
import pytest

from lagebild.serve import create_app

from .conftest import documents, free_port, running, write_store

TOKEN = "test-token-7f3a"
GOOD = {"id": "wire-1", "lang": "en", "published": "2026-03-09", "source": "Example Wire",
        "text": "Police arrested 12 protesters in Paris on Monday."}


@pytest.fixture()
def writable(tmp_path, pipeline):
    """A server that stores what it is sent, analysed by the session's in-process Pipeline
    (its models loaded once; test_hostile_server.py serves with the worker processes)."""
    path = write_store(tmp_path / "store.db", documents())
    with running(create_app(path, token=TOKEN, pipeline=pipeline)) as url, httpx.Client(
            base_url=url, timeout=120) as http:
        yield http


def test_ingest_needs_the_token(writable):
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        response = writable.post("/articles", json=GOOD, headers=headers)
        assert response.status_code == 401, headers
        assert response.headers["www-authenticate"] == "Bearer"
    assert writable.get("/articles/wire-1").status_code == 404


def test_ingest_analyses_stores_and_keeps_going(writable):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    batch = [GOOD, {"id": "empty-1", "lang": "en", "text": ""},
             {"id": "klingon-1", "text": "Qapla' batlh Daq ghot vIlegh."}]
    response = writable.post("/articles", json=batch, headers=auth)
    assert response.status_code == 201, response.text
    results = {r["id"]: r for r in response.json()["data"]}
    assert results["wire-1"]["status"] == "added"
    assert results["empty-1"]["status"] == "failed" and results["empty-1"]["error"]
    assert results["klingon-1"]["status"] == "failed"
    stored = writable.get("/articles/wire-1").json()["data"]
    assert stored["lang"] == "en" and stored["published"] == "2026-03-09"
    assert any(t["text"] == "on Monday" or t["value"] == "2026-03-09" for t in stored["times"])
    again = writable.post("/articles", json=GOOD, headers=auth).json()["data"]
    assert again[0]["status"] == "unchanged"


def test_ingest_refuses_bad_bodies(writable):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    bad = [b"{not json", b'{"text": 5}', b"[]", ("[" + ",".join(['{"text": "x"}'] * 101) + "]")]
    for body in bad:
        response = writable.post("/articles", content=body, headers=auth | {
            "Content-Type": "application/json"})
        assert response.status_code == 400, (body[:20], response.text)
        assert response.json()["error"]["code"] == "L500"


def test_read_only_server_leaves_the_store_untouched(tmp_path):
    path = write_store(tmp_path / "store.db", documents())
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with running(create_app(path)) as url:
        for route in ("/events", "/stats", "/actors", "/places", "/events.csv"):
            assert httpx.get(url + route).status_code == 200
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_serve_command_binds_localhost_and_answers(tmp_path):
    path = write_store(tmp_path / "store.db", documents())
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "lagebild.cli", "serve", "--db", str(path),
                                "--port", str(port), "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).json()
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read().decode()
                assert time.monotonic() < deadline, "server did not answer"
                time.sleep(0.2)
        assert health["data"] == {"status": "ok", "articles": 3, "events": 5}
        assert health["meta"]["ingest"] is False
        page = httpx.get(f"http://127.0.0.1:{port}/").text
        assert "/static/app.js" in page and "https://" not in page
    finally:
        process.terminate()
        process.wait(20)


def test_serve_command_refuses_a_missing_store(tmp_path):
    result = subprocess.run([sys.executable, "-m", "lagebild.cli", "serve", "--db",
                             str(tmp_path / "missing.db")], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2
    assert "L400" in result.stderr and "missing.db" in result.stderr


def test_oversized_bodies_are_refused(writable, monkeypatch):
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    big = b'{"text": "' + b"x" * (33 * 1024 * 1024) + b'"}'
    response = writable.post("/articles", content=big, headers=auth)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "L500"

    def chunks():  # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(40):
            yield b"y" * (1024 * 1024)
        yield b'"}'

    response = writable.post("/articles", content=chunks(), headers=auth)
    assert response.status_code == 413


def test_export_geojson_writes_the_features_of_the_api(tmp_path):
    path = write_store(tmp_path / "store.db", documents())
    out = tmp_path / "events.geojson"
    result = subprocess.run([sys.executable, "-m", "lagebild.cli", "export", str(out), "--db",
                             str(path), "--format", "geojson"], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "5 events" in result.stderr
    written = json.loads(out.read_text(encoding="utf-8"))
    with running(create_app(path)) as url:
        served = httpx.get(url + "/events.geojson").json()
    assert written == served
    assert len(written["features"]) == 5
    lyon = next(f for f in written["features"] if f["id"] == "art-lyon/v1")
    assert lyon["geometry"] == {"type": "Point", "coordinates": [4.847, 45.748]}
    assert lyon["properties"]["source"] == "Example Wire"
