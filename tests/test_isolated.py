"""IsolatedPipeline: the analysis in a worker process, so that the per-article time limit
holds in any thread. A worker that does not answer is killed at the limit, one that dies
costs its article only, and good articles come out as the in-process Pipeline makes them."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from lagebild import Pipeline
from lagebild.errors import ConfigError
from lagebild.isolated import KILL_GRACE, IsolatedPipeline

GOOD = ["Police arrested 12 protesters in Paris on Monday.",
        "The foreign minister met his counterpart in Vienna on Tuesday."]
#: English alone (and language id between German and English): a template that starts fast
CONFIG = {"languages": ["en"], "identify_among": ["de", "en"], "max_seconds": 2}


@pytest.fixture(scope="module")
def isolated():
    with IsolatedPipeline(CONFIG) as pipeline:
        yield pipeline.start()


def in_thread(call, *args):
    """``call(*args)`` in another thread (where no timer signal arrives): result, seconds."""
    out: list = []
    started = time.monotonic()
    thread = threading.Thread(target=lambda: out.append(call(*args)))
    thread.start()
    thread.join(120)
    return out[0], time.monotonic() - started


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_documents_equal_the_in_process_pipeline(isolated, pipeline):
    records = [{"id": "a", "lang": "en", "text": GOOD[0]},
               {"id": "s", "lang": "en", "text": "Police arrested \ud800 two men.\x00"},
               {"id": "b", "text": GOOD[1], "published": "2024-03-05"},
               {"id": "e", "text": "  "}, {"id": "d", "text": GOOD[0], "published": "9999-12-31"},
               {"id": {"x": 1}, "text": 5}, {"id": "de", "text": "Die Polizei nahm ihn fest."}]
    local = Pipeline(CONFIG)
    local._nlp = pipeline._nlp  # the session's loaded models, with this config
    docs = list(isolated.pipe(records))
    assert docs == list(local.pipe(records))
    assert [d.error[:6] if d.error else None for d in docs] == [
        None, None, None, "[L104]", "[L102]", "[L103]", "[L200]"]
    assert docs[0].events and docs[1].text == "Police arrested \ufffd two men.\ufffd"


def test_a_worker_that_does_not_answer_is_killed_at_the_limit(isolated):
    """A worker stuck where no timer reaches it (here: stopped) holds the caller for
    ``max_seconds`` + KILL_GRACE at most; the next article goes to a fresh worker."""
    pid = isolated.start()._worker[0]
    os.kill(pid, signal.SIGSTOP)
    doc, seconds = in_thread(isolated, {"id": "stuck", "lang": "en", "text": GOOD[0]})
    assert doc.error == "[L601] analysis took longer than 2 s" and not doc.events
    assert doc.id == "stuck" and doc.text == GOOD[0]
    assert 2 + KILL_GRACE - 0.1 < seconds < 2 + KILL_GRACE + 2, seconds
    assert not alive(pid)  # killed and reaped
    doc, seconds = in_thread(isolated, {"id": "next", "lang": "en", "text": GOOD[0]})
    assert doc.error is None and doc.events and seconds < 5, seconds
    assert isolated._worker[0] != pid


def test_a_slow_article_in_a_thread_ends_at_the_limit(isolated):
    """The case the timer signal missed: an article that takes long, analysed from a
    request thread. Its worker's own timer ends it at the limit; the worker stays."""
    quick = isolated.sharing(max_seconds=1)
    try:
        pid = quick.start()._worker[0]
        text = "Police arrested 12 protesters in Paris on Monday after the rally. " * 1500
        doc, seconds = in_thread(quick, {"id": "slow", "lang": "en", "text": text})
        assert doc.error == "[L601] analysis took longer than 1 s", doc.error
        assert not doc.events and not doc.sentences and seconds < 1 + KILL_GRACE + 2, seconds
        doc = quick({"id": "after", "lang": "en", "text": GOOD[1]})
        assert doc.error is None and quick._worker[0] == pid
    finally:
        quick.close()


def test_a_worker_that_dies_costs_its_article_only(isolated):
    patient = isolated.sharing(max_seconds=60)
    try:
        pid = patient.start()._worker[0]
        text = "Police arrested 12 protesters in Paris on Monday after the rally. " * 1000
        threading.Timer(0.5, os.kill, (pid, signal.SIGKILL)).start()
        doc, _ = in_thread(patient, {"id": "dies", "lang": "en", "text": text})
        assert doc.error.startswith("[L600] the analysis process ended while analysing")
        doc = patient({"id": "after", "lang": "en", "text": GOOD[0]})
        assert doc.error is None and doc.events
        os.kill(patient._worker[0], signal.SIGKILL)  # dead while idle: the next article
        time.sleep(0.1)                              # goes to a fresh worker, not lost
        doc = patient({"id": "again", "lang": "en", "text": GOOD[0]})
        assert doc.error is None and doc.events
    finally:
        patient.close()


def test_a_shared_template_keeps_its_models():
    with pytest.raises(ConfigError, match="same languages, stages, model"):
        IsolatedPipeline({"languages": ["de"]}, template=_FakeTemplate())


class _FakeTemplate:
    config = IsolatedPipeline(CONFIG).config
