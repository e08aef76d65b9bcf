"""``lagebild watch``: polls survive SIGTERM and SIGKILL, and resume without loss or duplicates."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from typer.testing import CliRunner

from lagebild.cli import _stop_on_signals, app
from lagebild.ingest.fetch import FetchPolicy
from lagebild.ingest.pages import IngestContext
from lagebild.ingest.watch import poll
from lagebild.store import Store
from tests.conftest import ROOT
from tests.ingest.news import serve_corpus

LOCAL = FetchPolicy(allow_private=True, host_delay=0.0)


def start(*args) -> subprocess.Popen:
    command = [sys.executable, "-m", "lagebild.cli", "watch", *map(str, args)]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def count(db, sql="SELECT count(*) FROM articles") -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def wait_for(db, at_least: int, process: subprocess.Popen, seconds: float = 180) -> int:
    """The number stored once ``at_least`` are; a loaded machine may take a minute to
    start the watcher and its models."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        stored = count(db)
        if stored >= at_least:
            return stored
        time.sleep(0.05)
    raise AssertionError(f"watch stored fewer than {at_least} articles: {process.poll()}")


def consistent(db) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == count(db)
        for column in ("canonical_url", "content_hash"):
            assert conn.execute(f"SELECT count(*) - count(DISTINCT {column}) FROM articles"
                                ).fetchone()[0] == 0


@pytest.mark.slow
def test_watch_killed_with_sigkill_resumes_without_loss_or_duplicates(web, tmp_path, pipeline):
    corpus = serve_corpus(web, originals=20, near=4, exact=2, variants=4, seed=3)
    db = tmp_path / "watch.db"
    watching = start(corpus.feed_url, "--db", db, "--every", "1h", "--allow-private",
                     "--delay", "0.1", "--quiet")
    wait_for(db, 4, watching)
    watching.send_signal(signal.SIGKILL)
    watching.wait(timeout=10)
    after_kill = count(db)
    assert 4 <= after_kill < corpus.articles
    consistent(db)

    with Store(db) as store, IngestContext(policy=LOCAL, known=store.known) as context:
        tally = poll([corpus.feed_url], store, pipeline, context, threading.Event())
    assert tally.feeds["ok"] == 1 and tally.articles["failed"] == 0
    consistent(db)
    assert count(db) == corpus.articles
    assert count(db, "SELECT count(DISTINCT cluster_id) FROM articles") == corpus.clusters
    assert count(db, "SELECT count(*) FROM feed_entries WHERE state IN ('stored', 'duplicate')"
                 ) == corpus.entries


def test_sigterm_stops_after_the_current_article_and_the_next_poll_goes_on(web, tmp_path,
                                                                          pipeline):
    corpus = serve_corpus(web, originals=12, near=0, exact=0, variants=0, seed=4)
    stop = threading.Event()
    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    written = []

    def send_sigterm_after_three(documents):
        for document in documents:
            written.append(document.id)
            if len(written) == 3:
                os.kill(os.getpid(), signal.SIGTERM)
            yield document

    try:
        _stop_on_signals(stop)
        with Store(tmp_path / "t.db") as store, IngestContext(policy=LOCAL,
                                                              known=store.known) as context:
            tally = poll([corpus.feed_url], store, pipeline, context, stop,
                         wrap=send_sigterm_after_three)
            assert stop.is_set() and tally.articles["added"] == 3
            assert store.feed_validators(corpus.feed_url) == (None, None)
            assert store.conn.execute("SELECT status FROM feeds").fetchall() == []
            tally = poll([corpus.feed_url], store, pipeline, context, threading.Event())
            assert tally.articles["added"] == 9 and store.count("articles") == 12
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def test_watch_once_without_allow_private_refuses_local_entries(web, tmp_path):
    corpus = serve_corpus(web, originals=2, near=0, exact=0, variants=0)
    db = tmp_path / "w.db"
    result = CliRunner().invoke(app, ["watch", corpus.feed_url, "--db", str(db), "--once",
                                      "--delay", "0"])
    assert result.exit_code == 1
    assert "private, loopback or link-local" in result.output
    assert count(db, "SELECT count(*) FROM feed_entries WHERE state = 'retry'") == 2
    assert count(db, "SELECT count(*) FROM feeds WHERE status = 'ok'") == 1


@pytest.mark.parametrize("every", ["0s", "15x", "1 Woche"])
def test_bad_interval_is_refused(tmp_path, every):
    result = CliRunner().invoke(app, ["watch", "feed.xml", "--db", str(tmp_path / "x.db"),
                                      "--every", every])
    assert result.exit_code == 2 and not (tmp_path / "x.db").exists()
