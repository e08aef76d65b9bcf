"""``lagebild run`` on a real local Dask cluster gives what the in-process Pipeline gives."""

from __future__ import annotations

import json
import logging

import pyarrow.parquet as pq
import pytest

from lagebild import Pipeline
from lagebild.scale import load, process_batch, run
from lagebild.scale.worker import to_tables
from lagebild.store import Store

from ..conftest import write_jsonl
from .corpus import articles

distributed = pytest.importorskip("distributed")

ARTICLES = articles(30)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None, silence_logs=logging.ERROR,
    ) as local:
        yield local


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("corpus") / "news.jsonl", ARTICLES)


@pytest.fixture(scope="module")
def finished(cluster, corpus, tmp_path_factory):
    output = tmp_path_factory.mktemp("run")
    summary = run([str(corpus)], output, scheduler=cluster.scheduler_address, partition_size=7)
    return output, summary


def _rows(output, layer):
    rows = []
    for part in sorted((output / layer).glob("part-*.parquet")):
        rows.extend(pq.read_table(part).to_pylist())
    return rows


def _key(row):
    return json.dumps(row, sort_keys=True)


def test_run_matches_in_process_pipeline(finished, pipeline: Pipeline):
    output, summary = finished
    expected = to_tables(list(pipeline.pipe(ARTICLES)))
    assert summary.partitions == 5 and summary.articles == 30 and summary.errors == 0
    for layer in ("events", "entities", "actors", "places", "times"):
        assert _rows(output, layer) == expected[layer].to_pylist(), layer
    assert summary.events == len(expected["events"]) > 0


def test_rerun_skips_finished_partitions(finished, cluster, corpus):
    output, _ = finished
    before = {layer: _rows(output, layer) for layer in ("articles", "events")}
    summary = run([str(corpus)], output, scheduler=cluster.scheduler_address, partition_size=7)
    assert (summary.skipped, summary.partitions, summary.articles) == (5, 0, 0)
    for layer, rows in before.items():
        again = _rows(output, layer)
        assert again == rows
        assert len({_key(r) for r in again}) == len(again)


def test_malformed_line_becomes_error_row(cluster, tmp_path):
    corpus = write_jsonl(tmp_path / "mixed.jsonl", [ARTICLES[0], "{kaputt", ARTICLES[1]])
    output = tmp_path / "out"
    summary = run([str(corpus)], output, scheduler=cluster.scheduler_address, partition_size=2)
    assert (summary.articles, summary.errors, summary.failed) == (2, 1, [])
    errors = _rows(output, "errors")
    assert [e["article_id"] for e in errors] == [f"{corpus}:2"]
    assert "invalid JSON" in errors[0]["error"]


def test_load_writes_documents_and_failures(finished, tmp_path):
    output, _ = finished
    results = load(output, tmp_path / "lage.db")
    assert results == {"added": 30}
    with Store(tmp_path / "lage.db", readonly=True) as store:
        assert store.count("articles") == 30
        assert store.count("events") == len(_rows(output, "events"))


def test_process_batch_turns_a_bad_record_into_an_error_row():
    tables = process_batch([{"id": "kaputt", "text": 17}, ARTICLES[2]], "")
    assert tables["errors"].column("article_id").to_pylist() == ["kaputt"]
    assert tables["articles"].column("article_id").to_pylist() == [ARTICLES[2]["id"]]


def test_a_run_killed_half_way_is_finished_by_the_rerun_without_duplicates(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    corpus = write_jsonl(tmp_path / "news.jsonl", articles(60))
    output = tmp_path / "run"
    command = [sys.executable, "-m", "lagebild.cli", "run", str(corpus), "--output",
               str(output), "--workers", "1", "--partition-size", "5"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)  # its Dask workers die with it
    manifest, finished = output / "manifest.json", 0
    deadline = time.time() + 120
    while time.time() < deadline and finished < 2 and process.poll() is None:
        time.sleep(0.2)
        if manifest.exists():
            finished = len(json.loads(manifest.read_text(encoding="utf-8"))["partitions"])
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert 2 <= finished < 12, "the run was not caught half-way"

    rerun = subprocess.run(command, capture_output=True, timeout=240)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    done = json.loads(manifest.read_text(encoding="utf-8"))["partitions"]
    assert len(done) == 12
    ids = [row["article_id"] for row in _rows(output, "articles")]
    assert sorted(ids) == sorted(a["id"] for a in articles(60))  # each article once
    events = [(row["article_id"], row["id"]) for row in _rows(output, "events")]
    assert len(events) == len(set(events)) > 0
