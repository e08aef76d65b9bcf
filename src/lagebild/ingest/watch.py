"""Sources into the store: one-off (``lagebild ingest``) and polled (``lagebild watch``).

Articles are triaged before analysis (stored already, or a duplicate of a stored
one by URL or exact text: no NLP spent), analysed, then written one
transaction each, together with the feed entries they came from. A poll saves
a feed's ETag and Last-Modified only after all its entries were handled, so a
poll cut short (crash, SIGKILL) is simply done again, and entries already
written are skipped: nothing lost, nothing twice.
"""

from __future__ import annotations

import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Article, Document
from ..pipeline import Pipeline, document_id
from ..store.sqlite import EntryRef, Store
from .feeds import Feed, feed_articles, looks_like_feed, parse_feed
from .opml import feed_urls, looks_like_opml
from .pages import IngestContext
from .sources import is_url
from .text import read_capped

#: Articles analysed together while watching: small, so that each is stored soon after
#: its page arrives and a stop loses little work.
WATCH_BATCH = 8
Wrap = Callable[[Iterator[Document]], Iterator[Document]]
Item = tuple[list[EntryRef], Article | None]


@dataclass
class Tally:
    """What a run did: article outcomes and feed outcomes, for the summary line."""

    articles: Counter = field(default_factory=Counter)
    feeds: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        a = self.articles
        text = (f"{a['added']} added, {a['updated']} updated, {a['unchanged']} unchanged, "
                f"{a['failed']} failed, {a['duplicate']} duplicates")
        if self.feeds:
            f = self.feeds
            text += (f"; feeds: {f['ok']} read, {f['not modified']} not modified, "
                     f"{f['failed']} failed")
        return text


def ingest_articles(store: Store, pipeline: Pipeline, items: Iterable[Item], tally: Tally,
                    stop: threading.Event | None = None, wrap: Wrap | None = None,
                    batch_size: int | None = None) -> None:
    """Triage, analyse and write ``(entries, article)`` items; stop after the current one.

    An article of None stands for an entry whose link is already stored.
    """
    stop = stop or threading.Event()
    pending: deque[tuple[str, list[EntryRef]]] = deque()

    def admitted() -> Iterator[Article]:
        for entries, article in items:
            if stop.is_set():
                return
            if article is None:
                for feed_url, key, link in entries:
                    store.mark_entry(feed_url, key, link, None, "duplicate")
                tally.articles["unchanged"] += 1
                continue
            ident = document_id(article)
            if article.error is None:
                text = article.text[: pipeline.config.max_chars]
                verdict, original = store.triage(ident, text, article.url, article.source)
                if verdict != "new":
                    tally.articles[verdict] += 1
                    for feed_url, key, link in entries:
                        store.mark_entry(feed_url, key, link, original, "duplicate")
                    continue
            pending.append((ident, entries))
            yield article

    documents = pipeline.pipe(admitted(), batch_size=batch_size)
    if wrap is not None:
        documents = wrap(documents)
    for document in documents:
        ident, entries = pending.popleft()
        if document.id != ident:  # the pipeline keeps order; anything else is a bug
            raise RuntimeError(f"document {document.id} out of order (expected {ident})")
        tally.articles[store.write(document, entries, dedupe=True)] += 1
        if stop.is_set():
            break


# -- watch ----------------------------------------------------------------------


def _feed_document(source: str, context: IngestContext, store: Store, named: bool
                   ) -> tuple[bytes | None, dict, str]:
    """The feed's bytes (None: not modified), its headers, and its final URL."""
    if not is_url(source):
        data, _ = read_capped(Path(source))
        return data, {}, source
    etag, last_modified = store.feed_validators(source)
    response = context.fetcher.get(source, etag=etag, last_modified=last_modified, named=named)
    if response.not_modified:
        return None, {}, response.url
    return response.content, dict(response.headers), response.url


def poll_feed(source: str, store: Store, pipeline: Pipeline, context: IngestContext,
              tally: Tally, stop: threading.Event, wrap: Wrap | None = None,
              named: bool = True, depth: int = 0) -> None:
    """One poll of one feed (or of each feed of an OPML list); errors are recorded, not raised."""
    try:
        data, headers, final_url = _feed_document(source, context, store, named)
        if data is None:
            store.save_feed(source, "not modified")
            tally.feeds["not modified"] += 1
            return
        if looks_like_opml(data) and depth == 0:
            for feed_url in feed_urls(data, source):
                if stop.is_set():
                    return
                poll_feed(feed_url, store, pipeline, context, tally, stop, wrap, False, 1)
            return
        if not looks_like_feed(data):
            raise InputError(f"{source}: not an RSS/Atom feed or OPML list")
        feed = parse_feed(data, final_url, headers)
    except InputError as exc:
        store.save_feed(source, "failed", error=exc.message)
        tally.feeds["failed"] += 1
        tally.failures.append(exc.message)
        return
    feed = Feed(url=source, title=feed.title, entries=feed.entries)
    todo = [entry for entry in feed.entries if not store.entry_done(source, entry.key)]
    items = (([(source, entry.key, entry.link)], article)
             for entry, article in feed_articles(feed, context, todo))
    ingest_articles(store, pipeline, items, tally, stop, wrap, batch_size=WATCH_BATCH)
    if not stop.is_set():
        store.save_feed(source, "ok", headers.get("etag"), headers.get("last-modified"))
        tally.feeds["ok"] += 1


def poll(sources: list[str], store: Store, pipeline: Pipeline, context: IngestContext,
         stop: threading.Event, wrap: Wrap | None = None) -> Tally:
    """One poll of every feed, in turn; robots.txt is read afresh each poll."""
    tally = Tally()
    context.reset_fetcher()
    for source in sources:
        if stop.is_set():
            break
        poll_feed(source, store, pipeline, context, tally, stop, wrap)
    return tally


__all__ = ["Tally", "ingest_articles", "poll", "poll_feed"]
