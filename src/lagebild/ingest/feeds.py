"""RSS and Atom feeds (feedparser): each entry's page is fetched and extracted.

The entry gives what the page may hide or get wrong (publication date,
author, title); the page gives the full text (trafilatura) and the site name.
"""

from __future__ import annotations

import re
import xml.sax
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import feedparser

from ..errors import InputError
from ..model import Article
from ..urls import url_key
from .pages import IngestContext, error_article, fetch_page, ordered_map

_FEED_START = re.compile(
    rb"^(\xef\xbb\xbf)?\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*"
    rb"<(rss|feed|rdf:RDF)\b", re.I | re.S,
)
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
#: Pages fetched ahead of the consumer: more than the pipeline's batch, so that
#: fetching goes on while a batch is analysed.
LOOKAHEAD = 128
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}


def looks_like_feed(data: bytes) -> bool:
    return bool(_FEED_START.match(data[:4096]))


@dataclass(frozen=True)
class FeedEntry:
    """One entry as the feed announces it; ``key`` is what marks it as seen."""

    key: str
    link: str | None
    title: str | None = None
    published: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Feed:
    url: str
    title: str | None
    entries: list[FeedEntry]


def _date(entry: dict) -> str | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(name)
        if value:
            return datetime(*value[:6], tzinfo=UTC).isoformat()
    return None


def parse_feed(data: bytes, url: str, headers: dict | None = None) -> Feed:
    """The entries of a feed document, each once, in feed order; InputError when unreadable."""
    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    response_headers.setdefault("content-location", url)  # resolves relative links
    parsed = feedparser.parse(data, response_headers=response_headers, sanitize_html=False)
    broken = isinstance(parsed.get("bozo_exception"), xml.sax.SAXException)
    if not parsed.entries and (broken or not parsed.version):  # nothing read: say why
        problem = parsed.get("bozo_exception") or "no RSS or Atom content"
        raise InputError(f"{url}: not a readable feed ({problem})")
    entries, seen = [], set()
    for raw in parsed.entries:
        link = raw.get("link")
        key = raw.get("id") or (url_key(link) if link else None) or raw.get("title")
        if not key or key in seen:  # feeds repeat entries; an entry with nothing is no entry
            continue
        seen.add(key)
        entries.append(FeedEntry(key=key, link=link, title=raw.get("title"),
                                 published=_date(raw), author=raw.get("author")))
    return Feed(url=url, title=parsed.feed.get("title"), entries=entries)


def entry_article(entry: FeedEntry, feed: Feed, context: IngestContext,
                  parallel: bool = False) -> Article:
    """The article an entry links to, with the entry's date, author and title where given."""
    if not entry.link:
        return Article(id=f"{feed.url}#{entry.key}", error=f"{feed.url}: entry {entry.key!r} "
                       "has no link")
    article = fetch_page(entry.link, context, parallel)
    if article.error is None:
        article.published = entry.published or article.published
        article.author = entry.author or article.author
        article.title = article.title or entry.title
        article.source = article.source or feed.title
    return article


def feed_articles(feed: Feed, context: IngestContext,
                  entries: list[FeedEntry] | None = None
                  ) -> Iterator[tuple[FeedEntry, Article | None]]:
    """(entry, article) for each entry (default: all), fetched concurrently, in feed order.

    Entries whose link is already stored (``context.known``) are not fetched: their
    article is None.
    """
    todo = feed.entries if entries is None else entries
    parallel = len(todo) >= 16

    def one(item: tuple[FeedEntry, bool]) -> Article | None:
        entry, known = item
        if known:
            return None
        try:
            return entry_article(entry, feed, context, parallel)
        except Exception as exc:  # a thread must hand back a value, never die
            return error_article(entry.link or feed.url, f"{type(exc).__name__}: {exc}")

    # ``known`` may read the store, whose connection belongs to this thread: ask it here
    checked = ((e, bool(e.link) and context.known(url_key(e.link))) for e in todo)
    for (entry, _), article in ordered_map(one, checked, context.threads, LOOKAHEAD):
        yield entry, article


def read_feed(data: bytes, url: str, context: IngestContext,
              headers: dict | None = None) -> Iterator[Article]:
    """The articles of a feed document, skipping those already stored."""
    feed = parse_feed(data, url, headers)
    for _, article in feed_articles(feed, context):
        if article is not None:
            yield article
