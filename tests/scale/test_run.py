"""``lagebild run`` on a real local Dask cluster gives what the in-process Pipeline gives."""

from __future__ import annotations

import json
import logging

import pyarrow.dataset as ds
import pytest

from lagebild import Pipeline
from lagebild.errors import ConfigError
from lagebild.scale import load, process_batch, run
from lagebild.scale.output import PARTITION_KEYS, UNKNOWN_MONTH, month
from lagebild.scale.worker import to_tables
from lagebild.store import Store

from ..conftest import write_jsonl
from .corpus import articles

distributed = pytest.importorskip("distributed")

ARTICLES = articles(30)
del ARTICLES[29]["published"]  # its rows go to the unknown month


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


def _dataset(output, layer):
    return ds.dataset(output / layer, format="parquet", partitioning="hive").to_table()


def _rows(output, layer, keep_month=False):
    """A layer's rows as one Hive dataset, in a fixed order, with or without its month."""
    table = _dataset(output, layer)
    key = PARTITION_KEYS.get(layer)
    if key in table.column_names and not keep_month:
        table = table.drop_columns([key])
    return sorted(table.to_pylist(), key=_key)


def _key(row):
    return json.dumps(row, sort_keys=True)


def _parts(output, number):
    return sorted(p.relative_to(output).as_posix()
                  for p in output.glob(f"*/**/part-{number:05d}.parquet"))


def test_run_matches_in_process_pipeline(finished, pipeline: Pipeline):
    output, summary = finished
    expected = to_tables(list(pipeline.pipe(ARTICLES)))
    assert summary.partitions == 5 and summary.articles == 30 and summary.errors == 0
    for layer in ("articles", "events", "entities", "actors", "places", "times", "quotes"):
        assert _rows(output, layer) == sorted(expected[layer].to_pylist(), key=_key), layer
    assert summary.events == len(expected["events"]) > 0


def test_output_is_partitioned_by_event_and_publication_month(finished):
    output, summary = finished
    events = _rows(output, "events", keep_month=True)
    assert len(events) == summary.events
    assert {e["event_month"] for e in events} >= {"2024-01", "2024-02", "2024-03"}
    for event in events:
        assert event["event_month"] == (month(event["date"]) or UNKNOWN_MONTH)
    articles = {a["article_id"]: a for a in _rows(output, "articles", keep_month=True)}
    assert articles["n0029"]["published_month"] == UNKNOWN_MONTH
    for article in articles.values():
        assert article["published_month"] == (month(article["published"]) or UNKNOWN_MONTH)
    for entity in _rows(output, "entities", keep_month=True):
        assert entity["published_month"] == articles[entity["article_id"]]["published_month"]
    assert (output / "events" / "event_month=2024-02" / "part-00000.parquet").is_file()
    assert (output / "errors" / "part-00000.parquet").is_file()  # errors: not by month


def test_rerun_skips_finished_partitions(finished, cluster, corpus):
    output, _ = finished
    before = {layer: _rows(output, layer) for layer in ("articles", "events")}
    summary = run([str(corpus)], output, scheduler=cluster.scheduler_address, partition_size=7)
    assert (summary.skipped, summary.partitions, summary.articles) == (5, 0, 0)
    for layer, rows in before.items():
        again = _rows(output, layer)
        assert again == rows
        assert len({_key(r) for r in again}) == len(again)


def test_a_changed_partition_replaces_its_parts_in_every_month(cluster, tmp_path):
    corpus = articles(14)
    path = write_jsonl(tmp_path / "news.jsonl", corpus)
    output = tmp_path / "out"
    run([str(path)], output, scheduler=cluster.scheduler_address, partition_size=7)
    assert "events/event_month=2024-02/part-00001.parquet" in _parts(output, 1)
    for article in corpus[7:]:  # partition 1 now published in December 2023
        article["published"] = "2023-12-" + article["published"][-2:]
    write_jsonl(path, corpus)
    summary = run([str(path)], output, scheduler=cluster.scheduler_address, partition_size=7)
    assert (summary.skipped, summary.partitions) == (1, 1)
    assert all("=2024-" not in part for part in _parts(output, 1) if "articles/" in part)
    assert not any("event_month=2024" in part for part in _parts(output, 1))
    ids = [row["article_id"] for row in _rows(output, "articles")]
    assert sorted(ids) == sorted(a["id"] for a in corpus)
    months = {row["article_id"]: row["published_month"]
              for row in _rows(output, "articles", keep_month=True)}
    assert {months[a["id"]] for a in corpus[7:]} == {"2023-12"}

    write_jsonl(path, corpus[:7])  # a shorter input: partition 1 goes
    summary = run([str(path)], output, scheduler=cluster.scheduler_address, partition_size=7)
    assert (summary.skipped, summary.partitions) == (1, 0)
    assert _parts(output, 1) == []
    assert json.loads((output / "manifest.json").read_text())["partitions"].keys() == {"0"}
    assert len(_rows(output, "articles")) == 7


def test_inputs_may_be_fsspec_urls(cluster, finished, tmp_path):
    fsspec = pytest.importorskip("fsspec")
    memory = fsspec.filesystem("memory")
    lines = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES)
    memory.pipe("/lagebild-test/news/a.jsonl", lines.encode("utf-8"))
    try:
        output = tmp_path / "remote"
        summary = run(["memory://lagebild-test/news/*.jsonl"], output,
                      scheduler=cluster.scheduler_address, partition_size=7)
    finally:
        memory.rm("/lagebild-test", recursive=True)
    assert (summary.articles, summary.errors) == (30, 0)
    local, _ = finished
    for layer in ("articles", "events"):
        assert _rows(output, layer) == _rows(local, layer), layer


def test_dashboard_is_linked_on_127_0_0_1(tmp_path):
    from contextlib import ExitStack

    from lagebild.scale.runner import _check_dashboard, _client

    try:
        import bokeh  # noqa: F401
    except ImportError:
        with pytest.raises(ConfigError, match="bokeh"):
            _check_dashboard()
        return
    with ExitStack() as stack:
        client = _client(None, 1, stack, dashboard=True)
        assert client.dashboard_link.startswith("http://127.0.0.1:")


def test_malformed_line_becomes_error_row(cluster, tmp_path):
    corpus = write_jsonl(tmp_path / "mixed.jsonl", [ARTICLES[0], "{kaputt", ARTICLES[1]])
    output = tmp_path / "out"
    summary = run([str(corpus)], output, scheduler=cluster.scheduler_address, partition_size=2)
    assert (summary.articles, summary.errors, summary.failed) == (2, 1, [])
    errors = _rows(output, "errors")
    assert [e["article_id"] for e in errors] == [f"{corpus}:2"]
    assert "invalid JSON" in errors[0]["error"]
    assert [e["article_id"] for e in _rows(output, "articles")] == [a["id"] for a in ARTICLES[:2]]


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

    # enough partitions that a fast machine does not finish them all between two looks
    corpus = write_jsonl(tmp_path / "news.jsonl", articles(120))
    output = tmp_path / "run"
    command = [sys.executable, "-m", "lagebild.cli", "run", str(corpus), "--output",
               str(output), "--workers", "1", "--partition-size", "5"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)  # its Dask workers die with it
    manifest, finished = output / "manifest.json", 0
    deadline = time.time() + 120
    while time.time() < deadline and finished < 2 and process.poll() is None:
        time.sleep(0.05)
        if manifest.exists():
            finished = len(json.loads(manifest.read_text(encoding="utf-8"))["partitions"])
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert 2 <= finished < 24, "the run was not caught half-way"

    rerun = subprocess.run(command, capture_output=True, timeout=240)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    done = json.loads(manifest.read_text(encoding="utf-8"))["partitions"]
    assert len(done) == 24
    ids = [row["article_id"] for row in _rows(output, "articles")]
    assert sorted(ids) == sorted(a["id"] for a in articles(120))  # each article once
    assert not list(output.rglob("*.tmp"))
    events = [(row["article_id"], row["id"]) for row in _rows(output, "events")]
    assert len(events) == len(set(events)) > 0


def test_month_of_dates_datetimes_and_timex_values():
    values = ["2016-03-10", "2016-03", "2016-03-10T08:00+01:00", "2016", "2016-W10",
              "PAST_REF", None, "2016-13"]
    assert [month(v) for v in values] == ["2016-03"] * 3 + [None] * 5


def test_writing_a_partition_deletes_what_a_killed_run_left_of_it(tmp_path):
    from lagebild.scale.output import write_partition

    stale = tmp_path / "events" / "event_month=2024-01"
    stale.mkdir(parents=True)
    for name in (".part-00000.parquet.0a98.tmp", "part-00000.parquet", "part-00001.parquet"):
        (stale / name).write_bytes(b"x")
    write_partition(tmp_path, 0, to_tables([]))
    assert sorted(p.name for p in stale.iterdir()) == ["part-00001.parquet"]
    assert (tmp_path / "errors" / "part-00000.parquet").is_file()
