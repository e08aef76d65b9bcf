"""Inputs named by fsspec URLs (object storage, file://), tested on fsspec's memory filesystem."""

from __future__ import annotations

import gzip
import json

import pytest

from lagebild.ingest import read_sources
from lagebild.ingest.remote import is_fsspec_url

fsspec = pytest.importorskip("fsspec")


@pytest.fixture
def bucket():
    memory = fsspec.filesystem("memory")
    memory.pipe("/bucket/news/a.jsonl",
                (json.dumps({"id": "a1", "text": "Erster Text."}) + "\n{kaputt\n").encode())
    memory.pipe("/bucket/news/sub/b.jsonl.gz",
                gzip.compress((json.dumps({"id": "b1", "text": "Zweiter Text."}) + "\n").encode()))
    memory.pipe("/bucket/news/sub/c.txt", b"Ein Text aus einer Datei.")
    memory.pipe("/bucket/news/.hidden/d.txt", b"versteckt")
    memory.pipe("/bucket/news/notes.csv", b"nicht gelesen")
    yield "memory://bucket/news"
    memory.rm("/bucket", recursive=True)


def _read(source):
    return [(a.id, a.text, a.error) for a in read_sources([source])]


def test_a_folder_url_is_read_recursively_like_a_local_folder(bucket):
    read = _read(bucket)
    assert [(i, t) for i, t, e in read if e is None] == [
        ("a1", "Erster Text."), ("b1", "Zweiter Text."), (None, "Ein Text aus einer Datei.")]
    errors = [(i, e) for i, _, e in read if e is not None]
    assert errors == [("memory:///bucket/news/a.jsonl:2",
                       "[L103] memory:///bucket/news/a.jsonl:2: invalid JSON "
                       "(Expecting property name enclosed in double quotes at column 2)")]


def test_a_glob_url_and_a_gzip_file(bucket):
    assert [i for i, _, e in _read(bucket + "/**/*.jsonl*") if e is None] == ["a1", "b1"]
    assert _read(bucket + "/sub/b.jsonl.gz") == [("b1", "Zweiter Text.", None)]


def test_a_missing_url_is_one_error_row(bucket):
    (ident, _, error), = _read(bucket + "/nope.jsonl")
    assert ident.startswith("err-")
    assert error == f"[L100] no such file or folder: {bucket}/nope.jsonl"
    (_, _, error), = _read(bucket + "/*.xml")
    assert error == f"[L100] no file matches {bucket}/*.xml"


def test_file_urls_read_local_files(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "f1", "text": "Lokal."}) + "\n", encoding="utf-8")
    assert _read(path.as_uri()) == [("f1", "Lokal.", None)]


def test_which_names_are_fsspec_urls():
    assert is_fsspec_url("s3://bucket/x.jsonl") and is_fsspec_url("gs://b/x")
    assert is_fsspec_url("simplecache::s3://bucket/x.warc.gz")
    assert not is_fsspec_url("https://example.org/feed.xml")
    assert not is_fsspec_url("C:\\news\\x.jsonl") and not is_fsspec_url("news/x.jsonl")


def test_a_warc_url_is_streamed(tmp_path):
    from tests.ingest.news import page
    from tests.ingest.test_feeds import stories, write_warc

    news = stories(2, seed=9)
    path = tmp_path / "news.warc.gz"
    write_warc(path, [(f"https://example.org/p/{i}", "text/html; charset=utf-8",
                       page(story).encode()) for i, story in enumerate(news)], compress=True)
    memory = fsspec.filesystem("memory")
    memory.pipe("/warcs/news.warc.gz", path.read_bytes())
    try:
        articles = list(read_sources(["memory://warcs/*.warc.gz"]))
    finally:
        memory.rm("/warcs", recursive=True)
    assert [a.title for a in articles] == [s.title for s in news]
    assert [a.url for a in articles] == ["https://example.org/p/0", "https://example.org/p/1"]
