"""The polite fetcher against a real local server: robots, pacing, retries, limits, refusals."""

from __future__ import annotations

import time

import pytest

from lagebild.errors import FetchError
from lagebild.ingest.fetch import Fetcher, FetchPolicy
from lagebild.urls import canonical_url, url_key
from tests.ingest.conftest import slow

FAST = FetchPolicy(host_delay=0.0, backoff=0.01)


def fetcher(**changes) -> Fetcher:
    values = {**FAST.__dict__, **changes}
    return Fetcher(FetchPolicy(**values))


def test_names_itself_and_obeys_robots_txt(web):
    web.page("/robots.txt", "User-agent: lagebild\nDisallow: /intern/\n", "text/plain")
    web.page("/intern/a.html", "<html><body>geheim</body></html>")
    web.page("/offen.html", "<html><body>offen</body></html>")
    with fetcher() as client:
        assert client.get(web.url("/offen.html"), named=True).content.endswith(b"</html>")
        with pytest.raises(FetchError, match="forbidden by robots.txt"):
            client.get(web.url("/intern/a.html"), named=True)
        client.get(web.url("/offen.html"), named=True)
    assert web.hits["/robots.txt"] == 1 and web.hits["/intern/a.html"] == 0
    assert all(agent.startswith("lagebild/") for agent in web.agents)


def test_unreachable_robots_txt_means_do_not_fetch(web):
    web.page("/robots.txt", "kaputt", status=503)
    web.page("/a.html", "<html></html>")
    with fetcher(retries=0) as client, pytest.raises(FetchError, match="robots.txt"):
        client.get(web.url("/a.html"), named=True)


def test_conditional_get_with_etag_and_last_modified(web):
    def handler(path, headers):
        if headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return 200, {"ETag": '"v1"', "Last-Modified": "Mon, 04 Mar 2024 08:00:00 GMT",
                     "Content-Type": "application/rss+xml"}, b"<rss></rss>"
    url = web.handle("/feed.xml", handler)
    with fetcher() as client:
        first = client.get(url, named=True)
        assert (first.etag, first.last_modified) == ('"v1"', "Mon, 04 Mar 2024 08:00:00 GMT")
        again = client.get(url, etag=first.etag, last_modified=first.last_modified, named=True)
    assert again.not_modified and again.content == b""


def test_429_is_retried_after_the_time_the_server_asks(web):
    calls = []

    def handler(path, headers):
        calls.append(time.monotonic())
        if len(calls) == 1:
            return 429, {"Retry-After": "1", "Content-Type": "text/plain"}, b"langsam"
        return 200, {"Content-Type": "text/plain"}, b"Jetzt geht es."
    url = web.handle("/voll", handler)
    with fetcher() as client:
        assert client.get(url, named=True).content == b"Jetzt geht es."
    assert len(calls) == 2 and calls[1] - calls[0] >= 0.95


def test_5xx_is_retried_with_backoff_then_given_up(web):
    web.page("/kaputt", "Fehler", status=500)
    with fetcher(retries=2) as client, pytest.raises(FetchError, match="HTTP 500"):
        client.get(web.url("/kaputt"), named=True)
    assert web.hits["/kaputt"] == 3


def test_a_retry_after_longer_than_allowed_is_not_waited_for(web):
    web.page("/spaeter", "", status=503, headers={"Retry-After": "3600"})
    with fetcher(max_wait=5) as client, pytest.raises(FetchError, match="retry after 3600 s"):
        client.get(web.url("/spaeter"), named=True)


def test_404_is_not_retried(web):
    with fetcher() as client, pytest.raises(FetchError, match=r"could not fetch .*: HTTP 404"):
        client.get(web.url("/fehlt"), named=True)
    assert web.hits["/fehlt"] == 1


def test_a_slow_server_times_out(web):
    url = web.handle("/langsam", slow(1.0))
    start = time.monotonic()
    with fetcher(timeout=0.2) as client, pytest.raises(FetchError, match="timed out"):
        client.get(url, named=True)
    assert time.monotonic() - start < 0.9


def test_a_huge_page_is_capped_with_a_warning(web):
    web.page("/riesig.html", b"<html><body>" + b"Wort " * 400_000 + b"</body></html>")
    with fetcher(max_bytes=100_000) as client:
        response = client.get(web.url("/riesig.html"), named=True)
    assert len(response.content) == 100_000
    assert "only that much read" in response.warnings[0]


def test_redirects_are_followed_up_to_the_limit(web):
    web.page("/ziel", "Angekommen.", "text/plain")
    web.page("/umweg", "", status=302, headers={"Location": "/ziel"})
    for i in range(5):
        web.page(f"/kreis{i}", "", status=301, headers={"Location": f"/kreis{(i + 1) % 5}"})
    with fetcher(max_redirects=3) as client:
        response = client.get(web.url("/umweg"), named=True)
        assert response.url.endswith("/ziel") and response.content == b"Angekommen."
        with pytest.raises(FetchError, match="more than 3 redirects"):
            client.get(web.url("/kreis0"), named=True)


def test_charset_declared_sniffed_and_detected(web):
    text = "Grüße aus Köln, sagte die Bürgermeisterin über die Straßenbahn."
    meta = f'<html><head><meta charset="iso-8859-1"></head><body>{text}</body></html>'
    web.page("/header", text.encode("latin-1"), "text/plain; charset=ISO-8859-1")
    web.page("/meta", meta.encode("latin-1"), "text/html")
    with fetcher() as client:
        assert client.get(web.url("/header"), named=True).charset == "ISO-8859-1"
        assert client.get(web.url("/meta"), named=True).charset == "iso8859-1"


def test_private_addresses_are_refused_unless_named_or_allowed(web):
    web.page("/seite", "<html></html>")
    web.page("/weiter", "", status=302, headers={"Location": web.url("/seite").replace(
        "127.0.0.1", "localhost")})
    with fetcher() as client:
        client.get(web.url("/seite"), named=True)  # the user's own URL may be local
        with pytest.raises(FetchError, match="private, loopback or link-local.*--allow-private"):
            client.get(web.url("/seite"))  # a link from a feed may not
        with pytest.raises(FetchError, match="localhost is a private"):
            client.get(web.url("/weiter"), named=True)  # nor a redirect to another host
    with fetcher(allow_private=True) as client:
        assert client.get(web.url("/weiter")).url.endswith("/seite")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/"])
def test_only_http_and_https_are_fetched(url):
    with fetcher(allow_private=True) as client, pytest.raises(FetchError, match="only http"):
        client.get(url)


def test_per_host_delay_spaces_requests(web):
    web.page("/a", "A", "text/plain")
    start = time.monotonic()
    with fetcher(host_delay=0.15) as client:
        for _ in range(3):
            client.get(web.url("/a"), named=True)
    assert time.monotonic() - start >= 0.3  # robots.txt, then three pages: 3 gaps at least


@pytest.mark.parametrize(("variant", "canonical"), [
    ("https://www.example.org/a/b?utm_source=rss&utm_medium=x&id=3#kommentare",
     "https://www.example.org/a/b?id=3"),
    ("https://example.org/a?fbclid=IwAR0&gclid=xyz", "https://example.org/a"),
    ("https://m.example.org/politik/artikel-1.html", "https://example.org/politik/artikel-1.html"),
    ("https://mobile.example.org/x", "https://example.org/x"),
    ("https://amp.example.org/politik/a", "https://example.org/politik/a"),
    ("https://example.org/politik/a/amp", "https://example.org/politik/a"),
    ("https://example.org/politik/a.amp.html", "https://example.org/politik/a.html"),
    ("https://www-example-org.cdn.ampproject.org/c/s/www.example.org/politik/a",
     "https://www.example.org/politik/a"),
    ("HTTPS://Example.ORG:443/a", "https://example.org/a"),
])
def test_canonical_urls(variant, canonical):
    assert canonical_url(variant) == canonical


def test_url_key_joins_www_mobile_and_scheme():
    keys = {url_key(u) for u in ["http://www.example.org/a", "https://example.org/a?utm_id=1",
                                 "https://m.example.org/a"]}
    assert keys == {"example.org/a"}


def test_an_unreachable_host_is_reported_as_such_not_as_forbidden():
    from tests.conftest import closed_port

    url = f"http://127.0.0.1:{closed_port()}/artikel"
    with fetcher() as client, pytest.raises(FetchError) as caught:
        client.get(url, named=True)
    assert caught.value.message.startswith(f"could not fetch {url}: ")
    assert "robots" not in caught.value.message
