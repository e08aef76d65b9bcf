"""POST /articles against a real server process (uvicorn, as `lagebild serve` runs it),
fuzzed with good and hostile articles mixed: one result per article, in order, no 5xx,
good articles stored exactly as the Pipeline analyses them alone, no traceback on the
server's stderr; and an analysis that stops answering is given up at the time limit
while the server answers other requests."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lagebild.isolated import KILL_GRACE
from lagebild.model import clean_text
from lagebild.serve.app import CONFIG_ENV

from ..test_hostile import GOOD_TEXTS, hostile_record, valid_record
from .conftest import documents, free_port, write_store

TOKEN = "hostile-token-51c2"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
LIMIT = 3
#: language id between German and English only: the worker template loads faster
CONFIG = {"max_seconds": LIMIT, "identify_among": ["de", "en"]}


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    stderr: Path

    def template(self) -> int:
        return next(pid for pid in children(self.process.pid)
                    if b"lagebild.isolated" in Path(f"/proc/{pid}/cmdline").read_bytes())

    def post(self, body: list) -> httpx.Response:
        return httpx.post(self.url + "/articles", headers=AUTH, timeout=120,
                          content=json.dumps(body, ensure_ascii=True).encode())

    def assert_no_traceback(self) -> None:
        log = self.stderr.read_text(encoding="utf-8", errors="replace")
        assert "Traceback" not in log, log[-3000:]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-server")
    env = {**os.environ, "LAGEBILD_DB": str(write_store(folder / "store.db", documents())),
           "LAGEBILD_API_TOKEN": TOKEN, CONFIG_ENV: json.dumps(CONFIG)}
    port, stderr = free_port(), folder / "stderr.txt"
    with stderr.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "lagebild.serve.app:from_environment",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            stdout=subprocess.DEVNULL, stderr=sink, env=env)
    running = Server(f"http://127.0.0.1:{port}", process, stderr)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(running.url + "/health", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None, stderr.read_text()
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.2)
        # the first POST starts the worker template (models loaded once)
        warm = running.post([{"id": "warm", "text": GOOD_TEXTS[0]}])
        assert warm.status_code == 201, warm.text
        template = running.template()
        yield running
    finally:
        process.terminate()
        process.wait(30)
    deadline = time.monotonic() + 10  # the server's shutdown ends its analysis processes
    while Path(f"/proc/{template}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not Path(f"/proc/{template}").exists()
    running.assert_no_traceback()


_serial = itertools.count()
#: a good article (an index of GOOD_TEXTS) is sent with a number that makes its text
#: unique, so that it is analysed among the hostile ones, not found stored already
item = st.one_of(st.sampled_from([("good", n) for n in range(len(GOOD_TEXTS))]), valid_record,
                 valid_record, hostile_record)


def _good(which: int) -> dict:
    number = next(_serial)
    return {"id": f"good-{number}", "text": f"{GOOD_TEXTS[which]} Meldung {number}."}


@settings(max_examples=20, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(st.lists(item, min_size=4, max_size=16))
def test_every_posted_article_has_its_result_in_order(server, pipeline, items):
    body = [_good(i[1]) if isinstance(i, tuple) else i for i in items]
    response = server.post(body)
    assert response.status_code == 201, response.text[:500]
    results = response.json()["data"]
    assert len(results) == len(body)
    for result, sent, original in zip(results, body, items, strict=True):
        if isinstance(original, tuple):
            reference = pipeline(sent)
            assert (result["id"], result["status"], result["error"]) == (sent["id"], "added",
                                                                          None)
            assert result["events"] == len(reference.events)
            stored = httpx.get(f"{server.url}/articles/{sent['id']}", timeout=30).json()
            assert {**stored["data"], "cluster": None} == reference.to_dict()  # the store's
            # story cluster is no part of the analysis
            continue
        ident = sent.get("id") if isinstance(sent, dict) else None
        if isinstance(ident, str) and ident:
            assert result["id"] == clean_text(ident)[0]
        assert (result["status"] == "failed") == (result["error"] is not None)
        if result["error"]:  # an input or language error, never a crashed or slow layer
            assert result["error"][:3] in ("[L1", "[L2"), result["error"]
    server.assert_no_traceback()


def test_a_stalled_analysis_is_given_up_at_the_limit(server):
    """A worker stuck where no timer reaches it (stopped here) costs its article the time
    limit; the server answers meanwhile, and the next article goes to a fresh worker."""
    template = server.template()
    (worker,) = children(template)
    os.kill(worker, signal.SIGSTOP)
    outcome: list = []
    started = time.monotonic()
    thread = threading.Thread(target=lambda: outcome.append((server.post([
        {"id": "stuck", "text": GOOD_TEXTS[1] + " Erste Meldung."},
        {"id": "fresh", "text": GOOD_TEXTS[1] + " Zweite Meldung."}]), time.monotonic())))
    thread.start()
    time.sleep(0.5)
    health = httpx.get(server.url + "/health", timeout=2)  # not held by the analysis
    assert health.status_code == 200 and thread.is_alive()
    thread.join(60)
    response, finished = outcome[0]
    assert response.status_code == 201, response.text
    stuck, fresh = response.json()["data"]
    assert stuck["status"] == "failed"
    assert stuck["error"] == f"[L601] analysis took longer than {LIMIT} s"
    assert fresh["status"] == "added" and fresh["error"] is None and fresh["events"]
    assert LIMIT + KILL_GRACE - 0.1 < finished - started < LIMIT + KILL_GRACE + 5
    assert not Path(f"/proc/{worker}").exists() and children(template) != [worker]
    server.assert_no_traceback()
