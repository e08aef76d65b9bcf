"""The command line as a user runs it: real processes, real files, exit codes and messages.

Tests of what a process does (signals, start-up, exit codes of argument parsing, stdin)
run it as one; those of what a command computes run it in this process (``cli``), with
the models the session has loaded, so that no test pays a model load for them."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from types import SimpleNamespace

import pytest

from lagebild.model import Document
from tests.conftest import closed_port, write_jsonl

GERMAN = "Die OVKS hat am Donnerstag Soldaten nach Kasachstan geschickt."


def run(*args, stdin: bytes | None = None, cwd=None, timeout=300, columns: int | None = None):
    env = {**os.environ, "COLUMNS": str(columns)} if columns else None
    return subprocess.run(
        [sys.executable, "-m", "lagebild.cli", *map(str, args)],
        input=stdin, capture_output=True, timeout=timeout, cwd=cwd, env=env,
    )


@pytest.fixture
def cli(monkeypatch, pipeline):
    """The command in this process: exit code, stdout and stderr as ``run`` gives them."""
    from typer.testing import CliRunner

    from lagebild import cli as command
    from lagebild import pipeline as pipeline_module

    monkeypatch.setattr(pipeline_module, "Pipeline", lambda config=None: pipeline)
    monkeypatch.setattr(command, "_settings", {})

    def invoke(*args):
        result = CliRunner().invoke(command.app, [str(a) for a in args])
        return SimpleNamespace(returncode=result.exit_code, stdout=result.stdout_bytes,
                               stderr=result.stderr_bytes)

    return invoke


def test_extract_text_file_prints_one_document(tmp_path, cli):
    path = tmp_path / "meldung.txt"
    path.write_text(GERMAN, encoding="utf-8")
    result = cli("extract", path, "--published", "2022-01-10")
    assert result.returncode == 0, result.stderr
    doc = Document.from_json(result.stdout)
    assert doc.published == "2022-01-10" and doc.lang == "de"
    assert [(e.text, e.label) for e in doc.entities] == [("OVKS", "ORG"), ("Kasachstan", "LOC")]


def test_extract_jsonl_keeps_order_and_ids_and_reports_the_bad_line(tmp_path, cli):
    path = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "z-1", "text": GERMAN, "published": "2022-01-06"},
        "{nicht json",
        {"id": "a-3", "text": "The United Nations met in Geneva.", "published": "2022-01-07"},
    ])
    result = cli("extract", path, "--format", "jsonl")
    assert result.returncode == 1
    docs = [Document.from_json(line) for line in result.stdout.decode().splitlines()]
    assert [d.id for d in docs] == ["z-1", f"{path}:2", "a-3"]
    assert docs[1].error.startswith(f"[L103] {path}:2: invalid JSON")
    assert docs[0].error is None and docs[2].lang == "en"
    stderr = result.stderr.decode()
    assert f"error [L103] {path}:2: invalid JSON (" in stderr  # the place named once
    assert stderr.count(f"{path}:2") == 1 and "Traceback" not in stderr


def test_extract_1000_one_sentence_articles_in_order(tmp_path):
    records = [{"id": f"id-{i:05d}", "text": f"{GERMAN} Meldung {i}.", "published": "2022-01-06"}
               for i in range(1000)]
    path = write_jsonl(tmp_path / "many.jsonl", records)
    started = time.perf_counter()
    result = run("extract", path, "--format", "jsonl", "--quiet")
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 1000
    ids = [json.loads(line)["id"] for line in lines]
    assert ids == [r["id"] for r in records]
    assert elapsed < 120


def test_extract_from_stdin_and_table_format():
    result = run("extract", "-", "--lang", "de", "--format", "table", stdin=GERMAN.encode())
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "OVKS (ORG)" in out and "Kasachstan (LOC)" in out
    assert "MOBILIZE CSTO → KAZ" in out  # the event, with its actor and recipient


@pytest.mark.parametrize("args,message", [
    (["--published", "gestern"], "not an ISO 8601 date: 'gestern'"),
    (["--lang", "fr"], "unsupported language: fr"),
    (["--format", "xml"], "xml"),
    (["--model", "huge"], "'huge': fast or accurate"),
])
def test_bad_options_exit_2_with_a_message(tmp_path, args, message):
    path = tmp_path / "a.txt"
    path.write_text(GERMAN, encoding="utf-8")
    model = args[:2] if args[0] == "--model" else []  # a global option, before the command
    result = run(*model, "extract", path, *args[len(model):])
    assert result.returncode == 2
    assert message in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


@pytest.mark.parametrize("make,message", [
    (lambda p: p.write_bytes(b""), "empty input"),
    (lambda p: p.write_bytes(bytes(range(256)) * 8), "binary data, not text"),
    (lambda p: p.write_text("Le gouvernement a annoncé lundi de nouvelles aides pour les "
                            "agriculteurs.", encoding="utf-8"), "unsupported language: fr"),
    (lambda p: p.write_text("   \n  ", encoding="utf-8"), "[L10"),
])
def test_bad_inputs_exit_1_with_a_coded_message(tmp_path, make, message):
    path = tmp_path / "input.txt"
    make(path)
    result = run("extract", path)
    assert result.returncode == 1
    stderr = result.stderr.decode()
    assert message in stderr and re.search(r"error \[L\d{3}\] ", stderr), stderr
    assert "Traceback" not in stderr
    document = Document.from_json(result.stdout)
    assert re.match(r"\[L\d{3}\] ", document.error)


@pytest.mark.parametrize("command", [["extract"], ["ingest", "--db", "lage.db"],
                                     ["run", "--output", "out"]])
def test_a_missing_input_is_a_usage_error(tmp_path, command):
    result = run(*command, tmp_path / "nope.jsonl", cwd=tmp_path)
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr.decode()
    assert not (tmp_path / "lage.db").exists() and not (tmp_path / "out").exists()


def test_query_refuses_an_unknown_event_type(tmp_path):
    from lagebild.store import Store

    db = tmp_path / "lage.db"
    Store(db).close()
    result = run("query", "--db", db, "--type", "FOO")
    assert result.returncode == 2
    assert "unknown event type FOO; known: AGREE" in result.stderr.decode()
    assert run("query", "--db", db, "--type", "mobilize,protest").returncode == 0


def test_unreachable_url_gives_a_message_not_a_traceback():
    result = run("extract", f"http://127.0.0.1:{closed_port()}/artikel")
    assert result.returncode == 1
    stderr = result.stderr.decode()
    assert "could not fetch" in stderr and "Traceback" not in stderr


def test_ingest_query_export_round_trip(tmp_path, cli):
    db = tmp_path / "lage.db"
    path = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "a", "text": GERMAN, "published": "2022-01-06"},
        {"id": "b", "text": "Tokajew sprach mit Russland.", "published": "2022-01-07"},
    ])
    first = cli("ingest", path, "--db", db)
    assert first.returncode == 0, first.stderr
    assert "2 added, 0 updated, 0 unchanged, 0 failed" in first.stderr.decode()
    again = cli("ingest", path, "--db", db)
    assert "0 added, 0 updated, 2 unchanged, 0 failed" in again.stderr.decode()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert conn.execute("PRAGMA user_version").fetchone()[0] >= 1
    query = cli("query", "--db", db, "--format", "json", "--type", "MOBILIZE", "--actor", "CSTO",
                "--country", "KZ", "--since", "2022-01-01")
    assert query.returncode == 0, query.stderr
    [event] = json.loads(query.stdout)
    assert (event["article_id"], event["actor_org"], event["recipient_country"], event["date"],
            event["trigger_text"]) == ("a", "CSTO", "KAZ", "2022-01-06", "geschickt")
    none = cli("query", "--db", db, "--format", "json", "--type", "PROTEST")
    assert json.loads(none.stdout) == []
    # the event's confidence is the screen's probability: a filter just above it drops it
    confidence = event["confidence"]
    assert 0.0 < confidence < 1.0
    for at_least, expected in ((confidence, 1), (round(confidence + 0.01, 2), 0)):
        kept = cli("query", "--db", db, "--format", "json", "--min-confidence", str(at_least))
        assert len(json.loads(kept.stdout)) == expected
    out = tmp_path / "docs.jsonl"
    exported = cli("export", out, "--db", db, "--format", "jsonl")
    assert exported.returncode == 0, exported.stderr
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["a", "b"]
    entities = tmp_path / "entities.csv"
    result = cli("export", entities, "--db", db, "--format", "csv", "--table", "entities")
    assert result.returncode == 0
    assert "Kasachstan" in entities.read_text(encoding="utf-8")


def test_query_on_a_missing_store_is_a_clear_error(tmp_path):
    result = run("query", "--db", tmp_path / "nope.db")
    assert result.returncode == 2
    assert "no store at" in result.stderr.decode()


def test_killed_ingest_leaves_no_half_article_and_the_next_run_completes(tmp_path):
    db = tmp_path / "kill.db"
    total = 600
    path = write_jsonl(tmp_path / "in.jsonl", [
        {"id": f"k{i}", "text": f"{GERMAN} Russland und China schwiegen ({i}).", "lang": "de"}
        for i in range(total)
    ])
    process = subprocess.Popen([sys.executable, "-m", "lagebild.cli", "ingest", str(path),
                                "--db", str(db), "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and stored < 100:
        time.sleep(0.2)
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            pass
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < stored < total

    def check_consistent() -> int:
        with sqlite3.connect(db) as conn:
            articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            documents = conn.execute("SELECT json FROM documents").fetchall()
            assert len(documents) == articles
            entity_rows = conn.execute("SELECT count(*) FROM entities").fetchone()[0]
            assert entity_rows == sum(len(json.loads(d)["entities"]) for (d,) in documents)
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return articles

    partial = check_consistent()
    assert partial < total
    result = run("ingest", path, "--db", db)
    assert result.returncode == 0, result.stderr
    assert f"{total - partial} added, 0 updated, {partial} unchanged" in result.stderr.decode()
    assert check_consistent() == total


def test_demo_runs_on_the_bundled_articles():
    result = run("demo", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    docs = [Document.from_json(line) for line in result.stdout.decode().splitlines()]
    assert [d.lang for d in docs] == ["de", "de", "en", "en"]
    assert all(d.error is None and d.entities for d in docs)


def test_schema_command_prints_the_committed_schema():
    from lagebild.model import json_schema

    result = run("schema")
    assert result.returncode == 0 and result.stdout.decode() == json_schema()


def test_export_events_as_plover_and_gdelt(tmp_path, cli):
    db = tmp_path / "lage.db"
    path = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "a", "text": GERMAN, "published": "2022-01-06", "url": "https://example.org/a"}])
    assert cli("ingest", path, "--db", db, "--quiet").returncode == 0
    plover, gdelt = tmp_path / "events.jsonl", tmp_path / "events.tsv"
    assert cli("export", plover, "--db", db, "--format", "plover").returncode == 0
    [record] = [json.loads(line) for line in plover.read_text(encoding="utf-8").splitlines()]
    assert (record["event_type"], record["actor"]["org"], record["recipient"]["country"],
            record["date"]) == ("MOBILIZE", "CSTO", "KAZ", "2022-01-06")
    assert record["source"]["url"] == "https://example.org/a"
    assert cli("export", gdelt, "--db", db, "--format", "gdelt").returncode == 0
    header, row = [line.split("\t") for line in gdelt.read_text(encoding="utf-8").splitlines()]
    fields = dict(zip(header, row, strict=True))
    assert (fields["SQLDATE"], fields["EventRootCode"], fields["Actor2CountryCode"]) == (
        "20220106", "15", "KAZ")


def test_query_and_exports_show_amounts_and_readable_dates(tmp_path):
    """The amount as value and unit (not its id "n1"); "2022-01-06TEV" read as words in
    the table, the value itself kept in JSON and CSV."""
    from lagebild.store import Store

    text = "Die Polizei nahm am Abend zwölf Demonstranten fest."
    document = Document.model_validate({
        "id": "abend", "text": text, "lang": "de", "published": "2022-01-06",
        "sentences": [(0, len(text))],
        "amounts": [{"id": "n1", "text": "zwölf Demonstranten", "start": 31, "end": 50,
                     "value": 12, "unit": "Demonstrant"}],
        "events": [{"id": "e1", "type": "COERCE", "trigger": {"text": "nahm", "start": 12,
                    "end": 16}, "sentence": (0, len(text)), "date": "2022-01-06TEV",
                    "quantity": "n1"}],
    })
    db = tmp_path / "lage.db"
    with Store(db) as store:
        assert store.write(document) == "added"
    table = run("query", "--db", db, columns=200)
    assert table.returncode == 0, table.stderr
    out = table.stdout.decode()
    assert "2022-01-06 evening" in out and "12 Demonstrant" in out and "n1" not in out
    [row] = json.loads(run("query", "--db", db, "--format", "json").stdout)
    assert (row["date"], row["quantity_value"], row["quantity_unit"]) == (
        "2022-01-06TEV", 12, "Demonstrant")
    csv_path = tmp_path / "events.csv"
    assert run("export", csv_path, "--db", db, "--format", "csv").returncode == 0
    header, values = csv_path.read_text(encoding="utf-8").splitlines()[:2]
    cells = dict(zip(header.split(","), values.split(","), strict=True))
    assert (cells["quantity_value"], cells["quantity_unit"], cells["quantity_text"]) == (
        "12.0", "Demonstrant", "zwölf Demonstranten")


def test_run_and_load_exit_1_when_an_article_failed(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "a", "text": GERMAN, "published": "2022-01-06"}, "{kaputt"])
    ran = run("run", path, "--output", tmp_path / "out", "--workers", "1", "--quiet")
    assert ran.returncode == 1, ran.stderr
    assert "1 articles" in ran.stderr.decode() and "1 errors" in ran.stderr.decode()
    loaded = run("load", tmp_path / "out", "--db", tmp_path / "lage.db")
    assert loaded.returncode == 1
    assert "1 added" in loaded.stderr.decode() and "1 failed" in loaded.stderr.decode()


def test_the_model_option_reaches_the_library_as_configuration(monkeypatch, tmp_path):
    """--model sets the PipelineConfig of the command's pipelines, not the environment."""
    from typer.testing import CliRunner

    from lagebild import cli

    monkeypatch.delenv("LAGEBILD_MODEL", raising=False)
    monkeypatch.setattr(cli, "_settings", {})
    result = CliRunner().invoke(cli.app, ["--model", "accurate", "schema", "-o",
                                          str(tmp_path / "schema.json")])
    assert result.exit_code == 0, result.output
    assert cli._config().model == "accurate"
    assert "LAGEBILD_MODEL" not in os.environ


def test_the_all_events_option_turns_the_event_screen_off(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from lagebild import cli

    monkeypatch.setattr(cli, "_settings", {})
    assert cli._config().all_events is False
    result = CliRunner().invoke(cli.app, ["--all-events", "schema", "-o",
                                          str(tmp_path / "schema.json")])
    assert result.exit_code == 0, result.output
    assert cli._config().all_events is True
