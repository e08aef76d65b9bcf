"""One bad record never stops a batch: deep nesting, huge numbers, lone surrogates, NUL,
impossible dates, cut gzip, UTF-16 and Latin-1 lines each become one coded error record
or cleaned text with a note, and the records around them are analysed as usual."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

from lagebild.ingest import read_source, read_sources
from lagebild.ingest.jsonl import MAX_DEPTH, loads, read_jsonl
from lagebild.ingest.text import decode
from lagebild.model import Article, clean_text

GOOD = "Die Polizei nahm am Montag in Berlin zwei Männer fest."
HOSTILE = [
    "[" * 100_000 + "]" * 100_000,
    '{"id": ' + "1" * 5000 + ', "text": "x"}',
    '{"id":"s1","text":"Die Polizei nahm \\ud800 fest."}',
    '{"id":"n1","text":"Die Polizei nahm \\u0000 fest."}',
    '{"id":"d1","text":"' + GOOD + '","published":"9999-12-31"}',
    '{"id": {"x": 1}, "text": "x"}',
    '{"id": "f1", "text": "x", "published": 5}',
]


def _lines() -> list[str]:
    good = [json.dumps({"id": f"g{i}", "text": GOOD}, ensure_ascii=False) for i in range(2)]
    return [good[0], *HOSTILE, good[1]]


def test_every_hostile_line_is_one_record_in_order(tmp_path, pipeline):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(_lines()) + "\n", encoding="utf-8")
    docs = list(pipeline.pipe(read_sources([str(path)])))
    assert len(docs) == len(HOSTILE) + 2
    ids = [d.id for d in docs]
    assert ids == ["g0", f"{path}:2", f"{path}:3", "s1", "n1", "d1", f"{path}:7", "f1", "g1"]
    errors = [d.error[:6] if d.error else None for d in docs]
    assert errors == [None, "[L103]", "[L103]", None, None, "[L102]", "[L103]", "[L103]", None]
    assert "nested 100000 levels deep" in docs[1].error
    assert docs[3].text == "Die Polizei nahm \ufffd fest." and docs[3].events
    assert docs[4].text == "Die Polizei nahm \ufffd fest."
    assert all("U+FFFD" in d.warnings[-1] for d in docs[3:5])
    assert docs[0].events and docs[0].model_dump(exclude={"id"}) == docs[-1].model_dump(
        exclude={"id"})
    for doc in docs:
        doc.to_json()  # every record can be written


def test_python_api_cleans_surrogates_and_nul(pipeline):
    doc = pipeline({"id": "x", "text": "Die Polizei nahm \ud800 fest.\x00"})
    assert doc.error is None and doc.text == "Die Polizei nahm \ufffd fest.\ufffd"
    assert doc.warnings == ["text: 2 characters that cannot be encoded (lone surrogate or NUL) "
                            "replaced by U+FFFD"]
    assert json.loads(doc.to_json())["text"] == doc.text
    doc = pipeline({"id": "\udc80", "text": 5})
    assert doc.error.startswith("[L103]") and doc.id == "\ufffd"
    doc.to_json()


def test_clean_text_joins_pairs_and_keeps_length():
    assert clean_text("a\ud83d\ude00b") == ("a\U0001f600b", 0)
    assert clean_text("ok") == ("ok", 0)
    assert clean_text("\udc80\x00\ufffd") == ("\ufffd\ufffd\ufffd", 2)
    assert Article(text="x\ud800", title="t\x00").warnings == [
        "text: 1 character that cannot be encoded (lone surrogate or NUL) replaced by U+FFFD",
        "title: 1 character that cannot be encoded (lone surrogate or NUL) replaced by U+FFFD"]


def test_nesting_bound_counts_brackets_outside_strings():
    value, problem = loads(json.dumps({"text": "[" * 1000, "x": [[1]]}))
    assert problem is None and value["text"] == "[" * 1000
    _, problem = loads("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert problem == f"JSON nested {MAX_DEPTH + 1} levels deep, more than {MAX_DEPTH}"


def test_latin1_lines_are_decoded_with_a_warning(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes('{"id": "u", "text": "Grüße"}\n'.encode()
                     + '{"id": "l", "text": "Grüße"}\n'.encode("latin-1"))
    articles = list(read_source(str(path)))
    assert [a.text for a in articles] == ["Grüße", "Grüße"]
    assert articles[0].warnings == []
    assert articles[1].warnings == ["line not valid UTF-8 (byte 23); decoded as cp1252"]


def test_utf16_files_are_read(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_bytes('{"id": "w", "text": "Grüße aus Köln"}\n'.encode("utf-16"))
    assert [(a.id, a.text) for a in read_source(str(jsonl))] == [("w", "Grüße aus Köln")]
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        text, warnings = decode("Grüße aus Köln.\n".encode(encoding))
        assert text == "Grüße aus Köln.\n" and warnings and "UTF-16" in warnings[0]
    txt = tmp_path / "a.txt"
    txt.write_bytes("Die Polizei in Köln.".encode("utf-16"))
    assert [a.text for a in read_source(str(txt))] == ["Die Polizei in Köln."]


def test_cut_gzip_keeps_its_readable_records(tmp_path):
    lines = [json.dumps({"id": f"r{i}", "text": f"Satz Nummer {i} " * 20}) for i in range(400)]
    whole = gzip.compress(("\n".join(lines) + "\n").encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    articles = list(read_source(str(path)))
    readable = [a for a in articles if a.error is None]
    assert readable and [a.id for a in readable] == [f"r{i}" for i in range(len(readable))]
    assert len(articles) == len(readable) + 1
    assert articles[-1].error.startswith("[L100]") and "after its first" in articles[-1].error


def test_overlong_line_is_skipped_without_loading_it(monkeypatch):
    import io

    from lagebild.ingest import jsonl

    monkeypatch.setattr(jsonl, "MAX_LINE_CHARS", 100)
    data = b'{"id": "a", "text": "x"}\n{"id": "b", "text": "' + b"y" * 500 + b'"}\n{"text": "z"}\n'
    articles = list(read_jsonl(jsonl.bounded_lines(io.BytesIO(data), 100), "s"))
    assert [(a.id, a.error[:6] if a.error else None) for a in articles] == [
        ("a", None), ("s:2", "[L103]"), ("s:3", None)]


def test_extract_command_prints_no_traceback(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(_lines()) + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "lagebild.cli", "extract", str(path),
                             "--format", "jsonl"], capture_output=True, text=True, timeout=300)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 1  # failed articles are reported, the others written
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(HOSTILE) + 2
    assert records[0]["events"] and records[-1]["events"]


def test_broken_feed_is_an_error_record(tmp_path):
    path = tmp_path / "kaputt.rss"
    path.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><<<>>>')
    articles = list(read_source(str(path)))
    assert len(articles) == 1 and articles[0].error.startswith("[L100]")
    assert "not a readable feed" in articles[0].error


def test_warc_reader_failure_is_an_error_record(tmp_path, monkeypatch):
    from lagebild.ingest import warc

    def lying(records):
        yield from ()
        raise AttributeError("'NoneType' object has no attribute 'read'")

    monkeypatch.setattr(warc, "_html_responses", lying)
    path = tmp_path / "a.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 99\r\n\r\n")
    articles = list(read_source(str(path)))
    assert len(articles) == 1 and "is damaged: AttributeError" in articles[0].error


def test_run_reads_and_analyses_a_lone_surrogate(tmp_path, pipeline):
    """`run` once crashed on it in its partition fingerprint and in the worker."""
    from lagebild.scale.output import digest
    from lagebild.scale.runner import partitions
    from lagebild.scale.worker import analyse, to_tables

    path = tmp_path / "s.jsonl"
    path.write_text("\n".join(_lines()) + "\n", encoding="utf-8")
    (records,) = list(partitions([str(path)], 64))
    assert len(records) == len(HOSTILE) + 2 and len(digest(records)) == 64
    tables = to_tables(analyse(records, pipeline))
    assert tables["articles"].column("article_id").to_pylist() == ["g0", "s1", "n1", "g1"]
    texts = dict(zip(tables["articles"].column("article_id").to_pylist(),
                     tables["articles"].column("text").to_pylist(), strict=True))
    assert texts["s1"] == "Die Polizei nahm \ufffd fest."
    assert len(tables["errors"]) == len(HOSTILE) - 2


def test_ingest_command_stores_the_good_records_around_hostile_ones(tmp_path, pipeline,
                                                                   monkeypatch):
    from typer.testing import CliRunner

    from lagebild import cli
    from lagebild import pipeline as pipeline_module
    from lagebild.store import Store

    # the loaded models: the command imports its Pipeline when it runs
    monkeypatch.setattr(pipeline_module, "Pipeline", lambda config: pipeline)
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(_lines()) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["ingest", str(path), "--db", str(tmp_path / "l.db"),
                                          "--quiet"])
    assert result.exit_code == 1, result.output  # failed records are reported
    assert "Traceback" not in result.output
    with Store(tmp_path / "l.db", readonly=True) as store:
        ids = [row[0] for row in store.conn.execute("SELECT id FROM articles ORDER BY id")]
        assert store.count("events") >= 2
    assert ids == ["g0", "s1"]  # n1 and g1 have the same texts as s1 and g0: duplicates


def test_default_bounds_cover_the_reported_cases(pipeline):
    """20 KB of nested parentheses (74 s in the tokenizer) and an 8 MiB page (166 s,
    3.3 GB) are cut down before any analysis with the default settings."""
    doc = pipeline._prepare({"id": "p", "text": "(" * 10_000 + "x" + ")" * 10_000})
    assert max(len(word) for word in doc.text.split()) == 1_000
    assert doc.warnings == ["2 runs of more than 1,000 characters without whitespace broken "
                            "by spaces"] or doc.warnings[0].endswith("broken by spaces")
    doc = pipeline._prepare({"id": "big", "text": "Die Polizei nahm ihn fest. " * 310_000})
    assert len(doc.text) == 100_000 and doc.warnings == [
        "text of 8,370,000 characters cut to 100,000"]


def _warc(tmp_path, lie: int):
    """Two HTML responses in a WARC file, the first with its Content-Length off by ``lie``."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    html = f"<html><body><p>{GOOD * 20}</p></body></html>".encode()
    for number in range(2):
        writer.write_record(writer.create_warc_record(
            f"https://example.org/{number}", "response", payload=io.BytesIO(html),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                          protocol="HTTP/1.1")))
    data = buffer.getvalue()
    start = data.index(b"Content-Length: ") + len(b"Content-Length: ")
    end = data.index(b"\r\n", start)
    path = tmp_path / f"lie{lie}.warc"
    path.write_bytes(data[:start] + str(int(data[start:end]) + lie).encode() + data[end:])
    return path


def test_warc_with_false_content_length_is_read_without_a_crash(tmp_path):
    """warcio warns and reads on; what it cannot read becomes an L100 record."""
    short = list(read_source(str(_warc(tmp_path, -400))))  # the first record cut short
    assert [a.error for a in short] == [None, None] and short[1].text.count(GOOD) == 20
    assert 0 < short[0].text.count(GOOD) < 20
    long = list(read_source(str(_warc(tmp_path, 300))))  # the first reaches into the second
    assert long[0].error is None and long[0].text.count(GOOD) == 20
    assert len(long) == 2 and long[1].error.startswith("[L100] cannot read WARC file")
