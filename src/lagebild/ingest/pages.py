"""Web pages to Articles: fetched in threads, extracted in worker processes, yielded in order.

Fetching waits on the network and extraction (trafilatura) on the CPU, while
the NLP pipeline wants a core of its own; so pages are fetched a few at a time
in threads, and when many come at once they are extracted in a separate
process. Results come back in input order, with a bounded look-ahead so a
feed of ten thousand entries never holds more than a few pages in memory.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TypeVar

from ..errors import InputError, LagebildError, coded
from ..model import Article
from ..urls import canonical_url, url_key
from .fetch import Fetcher, FetchPolicy, Response
from .html import looks_like_html, page_article

#: Fewer pages than this are extracted in the calling process: a worker costs ~2 s to start.
POOL_AFTER = 16
HTML_TYPES = {"text/html", "application/xhtml+xml"}

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """Extraction processes: one when there is a core to spare for it, else none."""
    return 1 if (os.cpu_count() or 1) > 1 else 0


class Extractor:
    """HTML bytes to Articles, inline or in ``workers`` processes started on first need."""

    def __init__(self, workers: int = 0):
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def extract(self, data: bytes, charset: str | None, url: str | None,
                parallel: bool = False) -> Article:
        pool = self._get_pool() if parallel else None
        if pool is not None:
            try:
                return pool.submit(page_article, data, charset, url).result()
            except BrokenProcessPool:
                self.workers = 0  # a worker died (killed, out of memory): go on inline
        return page_article(data, charset, url)

    def warm(self) -> None:
        """Start the worker now (it takes a while), e.g. while the NLP models load."""
        pool = self._get_pool()
        if pool is not None:
            pool.submit(int)

    def _get_pool(self) -> ProcessPoolExecutor | None:
        if self.workers <= 0:
            return None
        with self._lock:
            if self._pool is None:
                context = multiprocessing.get_context("spawn")  # safe with threads running
                self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
            return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


@dataclass
class IngestContext:
    """What reading web sources needs besides their names; one per run, shared by threads.

    ``known`` says whether an article (by its URL key) is already stored, so that it
    is not fetched again; ``threads`` caps the pages in flight at once.
    """

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    extractor: Extractor = field(default_factory=Extractor)
    known: Callable[[str], bool] = lambda key: False
    threads: int = 8
    _fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.policy)
        return self._fetcher

    def reset_fetcher(self) -> None:
        """Forget connections and robots.txt rules (a long watch re-reads them each poll)."""
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None

    def close(self) -> None:
        self.reset_fetcher()
        self.extractor.close()

    def __enter__(self) -> IngestContext:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def article_id(url: str) -> str:
    """Stable id of a web article: a hash of its URL key, the same for every variant link."""
    return hashlib.sha256(url_key(url).encode("utf-8")).hexdigest()[:16]


def error_article(url: str, message: str, error: type[LagebildError] = InputError) -> Article:
    return Article(id=article_id(url), url=canonical_url(url), error=coded(message, error))


def page_to_article(response: Response, context: IngestContext, parallel: bool) -> Article:
    """The article on a fetched HTML page; InputError when it is not a page with text."""
    if response.content_type not in HTML_TYPES and not looks_like_html(response.content):
        raise InputError(f"{response.url}: not an HTML page ({response.content_type})")
    url = canonical_url(response.url)
    article = context.extractor.extract(response.content, response.charset, url, parallel)
    article.id = article_id(url)
    article.url = url
    article.warnings = response.warnings + article.warnings
    return article


def fetch_page(url: str, context: IngestContext, parallel: bool = False) -> Article:
    """The article at a URL reached through a feed or archive; errors become error Articles."""
    try:
        response = context.fetcher.get(url)
        return page_to_article(response, context, parallel)
    except InputError as exc:
        return error_article(url, str(exc))


def ordered_map(function: Callable[[T], R], items: Iterable[T], threads: int,
                lookahead: int | None = None) -> Iterator[tuple[T, R]]:
    """(item, function(item)) in input order, computed ``threads`` at a time.

    Closing the iterator early cancels what has not started; ``function`` must
    not raise (turn failures into values). When ``items`` raises, the results of the
    items before are yielded first.
    """
    lookahead = lookahead or threads * 2
    pool = ThreadPoolExecutor(max_workers=max(1, threads), thread_name_prefix="lagebild-fetch")
    pending: deque[tuple[T, Future]] = deque()
    stream = iter(items)
    failure: Exception | None = None
    try:
        try:
            for item in stream:
                pending.append((item, pool.submit(function, item)))
                if len(pending) >= lookahead:
                    done_item, future = pending.popleft()
                    yield done_item, future.result()
        except Exception as exc:  # the input broke off: hand out what was read before
            failure = exc
        while pending:
            done_item, future = pending.popleft()
            yield done_item, future.result()
        if failure is not None:
            raise failure
    finally:
        pool.shutdown(wait=False, cancel_futures=True)

