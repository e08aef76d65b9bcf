"""A URL the user names: a page, a text, JSON Lines, an RSS/Atom feed or an OPML list.

The kind is told by the content (and content type), not by the URL. The user's
own URL may point anywhere, the local network included; the links inside a
feed or a list may not (see fetch.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError
from ..model import Article
from ..urls import canonical_url
from .content import from_bytes
from .feeds import FEED_TYPES, looks_like_feed, read_feed
from .html import looks_like_html
from .opml import feed_urls, looks_like_opml
from .pages import HTML_TYPES, IngestContext, article_id, error_article, page_to_article

KINDS = {
    "application/x-ndjson": "jsonl", "application/jsonl": "jsonl", "application/json": "json",
    "text/plain": "text",
}


def read_url(url: str, context: IngestContext, named: bool = True) -> Iterator[Article]:
    """Articles from one URL; ``named``: the user gave it (not a feed or list)."""
    response = context.fetcher.get(url, named=named)
    data = response.content
    if response.content_type in FEED_TYPES or looks_like_feed(data):
        yield from read_feed(data, response.url, context, dict(response.headers))
        return
    if looks_like_opml(data):
        for feed_url in feed_urls(data, response.url):
            yield from read_feed_url(feed_url, context)
        return
    kind = KINDS.get(response.content_type or "")
    if kind is None and (response.content_type in HTML_TYPES or looks_like_html(data)):
        yield page_to_article(response, context, parallel=False)
        return
    for article in from_bytes(data, url, kind, response.charset, url=canonical_url(url)):
        article.warnings = response.warnings + article.warnings
        if kind == "text" and not article.id:
            article.id = article_id(url)
        yield article


def read_feed_url(url: str, context: IngestContext, named: bool = False) -> Iterator[Article]:
    """The articles of the feed at ``url``; a feed that fails is one error Article."""
    try:
        response = context.fetcher.get(url, named=named)
        yield from read_feed(response.content, response.url, context, dict(response.headers))
    except InputError as exc:
        yield error_article(url, str(exc))
