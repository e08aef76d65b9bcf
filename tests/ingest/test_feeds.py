"""RSS/Atom feeds, OPML lists and WARC files as sources of read_source / read_sources."""

from __future__ import annotations

import gzip
import io
from datetime import UTC, datetime

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from lagebild.ingest import read_source, read_sources
from lagebild.ingest.feeds import parse_feed
from lagebild.ingest.fetch import FetchPolicy
from lagebild.ingest.pages import IngestContext
from tests.ingest.news import make_story, page, rss

FAST = FetchPolicy(host_delay=0.0, backoff=0.01)
LOCAL = FetchPolicy(host_delay=0.0, backoff=0.01, allow_private=True)


def stories(n: int, seed: int = 1):
    import random

    rng = random.Random(seed)
    return [make_story(rng, i) for i in range(n)]


def serve_feed(web, items_stories, path="/feed.xml", repeat_first=False):
    items = []
    for story in items_stories:
        url = web.page(f"/p/{story.slug}", page(story))
        items.append((url, url, story.title, story.published, story.author))
    if repeat_first:
        items.append(items[0])
    return web.page(path, rss("Erfundene Nachrichten", items), "application/rss+xml")


def test_rss_feed_entries_are_fetched_and_extracted_with_their_metadata(web):
    news = stories(2)
    feed = serve_feed(web, news, repeat_first=True)
    with IngestContext(policy=LOCAL) as context:
        articles = list(read_source(feed, context=context))
    assert [a.title for a in articles] == [s.title for s in news]  # the repeat is dropped
    first = articles[0]
    assert first.error is None and news[0].sentences[3] in first.text
    assert first.published == news[0].published.isoformat()
    assert first.author == news[0].author and first.source == news[0].site
    assert first.url == web.url(f"/p/{news[0].slug}")
    assert web.hits[f"/p/{news[0].slug}"] == 1


def test_feed_links_to_the_local_network_are_refused_without_allow_private(web):
    feed = serve_feed(web, stories(1))
    articles = list(read_source(feed, context=IngestContext(policy=FAST)))
    assert len(articles) == 1
    assert "private, loopback or link-local" in articles[0].error
    assert "--allow-private" in articles[0].error


def test_a_file_link_in_a_feed_is_never_read(web, tmp_path):
    secret = tmp_path / "geheim.txt"
    secret.write_text("Kennwort", encoding="utf-8")
    feed = web.page("/feed.xml", rss("Falle", [("a", secret.as_uri(), "Falle",
                                                 datetime(2024, 1, 1, tzinfo=UTC), None)]))
    [article] = read_source(feed, context=IngestContext(policy=LOCAL))
    assert "only http and https" in article.error and "Kennwort" not in article.text


def test_one_dead_entry_never_stops_the_feed(web):
    news = stories(3)
    feed = serve_feed(web, news)
    del web.routes[f"/p/{news[1].slug}"]
    web.page(f"/p/{news[2].slug}", "Fehler", status=500)
    with IngestContext(policy=LOCAL) as context:
        articles = list(read_source(feed, context=context))
    assert articles[0].error is None
    assert articles[1].error.endswith("HTTP 404") and articles[2].error.endswith("HTTP 500")


def test_atom_feed_from_a_local_file(web, tmp_path):
    story = stories(1)[0]
    url = web.page("/atom/1", page(story))
    path = tmp_path / "nachrichten.atom"
    path.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom-Beispiel</title><id>urn:x</id>
<updated>2024-03-01T10:00:00Z</updated>
<entry><id>urn:e1</id><title>{story.title}</title><link href="{url}"/>
<updated>2024-03-02T09:30:00Z</updated><author><name>Erika Muster</name></author></entry>
</feed>""", encoding="utf-8")
    [article] = read_source(str(path), context=IngestContext(policy=LOCAL))
    assert article.error is None and article.published == "2024-03-02T09:30:00+00:00"
    assert article.author == "Erika Muster"


def test_feed_is_recognised_by_content_without_suffix(tmp_path):
    path = tmp_path / "feed"
    path.write_text(rss("Leer", []), encoding="utf-8")
    assert list(read_source(str(path))) == []


def test_a_broken_feed_file_is_an_error_record(tmp_path):
    path = tmp_path / "kaputt.rss"
    path.write_text("<html><body>kein Feed</body></html>", encoding="utf-8")
    [article] = read_source(str(path))
    assert "not an RSS/Atom feed" in article.error


def test_parse_feed_keeps_each_entry_once_and_resolves_relative_links():
    data = rss("F", [("g1", "/a", "A", datetime(2024, 1, 1, tzinfo=UTC), None),
                     ("g1", "/a", "A", datetime(2024, 1, 1, tzinfo=UTC), None),
                     ("g2", "/b", "B", datetime(2024, 1, 2, tzinfo=UTC), "x@example.org (X)")])
    feed = parse_feed(data.encode(), "https://example.org/feed.xml")
    assert [(e.key, e.link) for e in feed.entries] == [
        ("https://example.org/g1", "https://example.org/a"),  # a guid is a permalink by default
        ("https://example.org/g2", "https://example.org/b")]


def test_opml_list_reads_every_feed(web, tmp_path):
    news = stories(3, seed=5)
    first = serve_feed(web, news[:2], "/eins.xml")
    second = serve_feed(web, news[2:], "/zwei.xml")
    path = tmp_path / "abos.opml"
    path.write_text(f"""<?xml version="1.0"?><opml version="2.0"><head><title>Abos</title></head>
<body><outline text="Politik"><outline type="rss" text="Eins" xmlUrl="{first}"/>
<outline type="rss" text="Zwei" xmlUrl="{second}"/></outline></body></opml>""", encoding="utf-8")
    with IngestContext(policy=LOCAL) as context:
        titles = [a.title for a in read_sources([str(path)], context=context)]
    assert titles == [s.title for s in news]


def write_warc(path, records, compress):
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        for url, content_type, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers))
            writer.write_record(writer.create_warc_record(url, "request",
                                                          payload=io.BytesIO(b"GET / HTTP/1.1")))


@pytest.mark.parametrize("name", ["news.warc", "news.warc.gz", "news-ohne-endung"])
def test_warc_html_records_become_articles(tmp_path, name):
    news = stories(2, seed=9)
    records = [
        ("https://www.example.org/p/1?utm_source=cc", "text/html; charset=utf-8",
         page(news[0]).encode()),
        ("https://example.org/bild.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        ("https://example.org/p/2", "text/html; charset=iso-8859-1",
         page(news[1]).replace('<meta charset="utf-8">', "").encode("latin-1")),
    ]
    path = tmp_path / name
    write_warc(path, records, compress=name != "news.warc")
    articles = list(read_source(str(path)))
    assert [a.title for a in articles] == [s.title for s in news]
    assert articles[0].url == "https://www.example.org/p/1"
    assert news[1].sentences[0] in articles[1].text  # Latin-1 record decoded right


def test_a_truncated_warc_keeps_the_records_before_the_damage(tmp_path):
    news = stories(3, seed=11)
    records = [(f"https://example.org/{i}", "text/html", page(s).encode())
               for i, s in enumerate(news)]
    path = tmp_path / "kaputt.warc.gz"
    write_warc(path, records[:2], compress=True)
    intact = path.stat().st_size
    write_warc(path, records, compress=True)
    path.write_bytes(path.read_bytes()[: intact + 200])  # cut inside the third record
    articles = list(read_source(str(path)))
    assert [a.title for a in articles if a.error is None] == [s.title for s in news[:2]]
    assert any(a.error for a in articles)


def test_gzip_text_is_still_read(tmp_path):
    path = tmp_path / "meldung.txt.gz"
    path.write_bytes(gzip.compress(b"Kurze Meldung aus Riga."))
    [article] = read_source(str(path))
    assert article.text == "Kurze Meldung aus Riga."
