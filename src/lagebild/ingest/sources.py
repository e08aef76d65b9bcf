"""Turn what the user names (files, folders, URLs, feeds, OPML lists, WARC files, ``-``)
into a stream of Articles: ``read_source`` and ``read_sources`` are the one entry point.

A source is recognised by its suffix or, where that says nothing, by its content.
A source that cannot be read yields one Article with ``error`` set, so the
batch goes on and the failure is reported with the others.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import sys
import zlib
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, coded
from ..model import Article
from .content import from_bytes
from .feeds import FEED_SUFFIXES, looks_like_feed, read_feed
from .jsonl import bounded_lines, read_jsonl
from .opml import OPML_SUFFIXES, feed_urls, looks_like_opml
from .pages import IngestContext
from .remote import is_fsspec_url, read_remote
from .text import MAX_BYTES, capped_warning, read_capped
from .url import read_feed_url, read_url
from .warc import is_warc_path, looks_like_warc, read_warc

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
FOLDER_SUFFIXES = JSONL_SUFFIXES | HTML_SUFFIXES | TEXT_SUFFIXES | {".json"}


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def _error(source: str, message: str, error: type[InputError] = InputError) -> Article:
    ident = "err-" + hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
    if source not in message:  # the user sees which of their inputs it was
        message = f"{source}: {message}"
    return Article(id=ident, url=source if is_url(source) else None, error=coded(message, error))


def _kind_of(path: Path) -> str | None:
    if is_warc_path(path):
        return "warc"
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    kinds = [(JSONL_SUFFIXES, "jsonl"), ({".json"}, "json"), (HTML_SUFFIXES, "html"),
             (TEXT_SUFFIXES, "text"), (FEED_SUFFIXES, "feed"), (OPML_SUFFIXES, "opml")]
    return next((kind for suffixes_, kind in kinds if last in suffixes_), None)


def _head(path: Path) -> bytes:
    """The first bytes of a file, decompressed when it is gzip."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
        if head.startswith(b"\x1f\x8b"):
            with gzip.open(path, "rb") as handle:
                head = handle.read(4096)
    except (OSError, EOFError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None
    return head


def _read_file(path: Path, context: IngestContext) -> Iterator[Article]:
    kind = _kind_of(path)
    if kind == "jsonl":  # streamed line by line: JSONL files may be far larger than memory
        yield from _stream_jsonl(path)
        return
    if kind == "warc" or (kind is None and looks_like_warc(_head(path))):
        yield from read_warc(path, context)
        return
    if path.suffix.lower() == ".gz":
        try:
            with gzip.open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except (OSError, EOFError) as exc:
            raise InputError(f"cannot read {path}: {exc}") from None
        warnings = capped_warning(len(data), MAX_BYTES)
        data = data[:MAX_BYTES]
    else:
        data, warnings = read_capped(path)
    if kind in ("opml", None, "feed") and looks_like_opml(data):
        for feed_url in feed_urls(data, str(path)):
            yield from read_feed_url(feed_url, context)
        return
    if kind in ("feed", None) and looks_like_feed(data):
        yield from read_feed(data, str(path), context)
        return
    if kind in ("feed", "opml"):
        raise InputError(f"{path}: not an RSS/Atom feed or OPML list")
    for article in from_bytes(data, str(path), kind):
        article.warnings = warnings + article.warnings
        yield article


def _stream_jsonl(path: Path) -> Iterator[Article]:
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    count = 0
    try:
        with opener(path, "rb") as handle:
            for count, article in enumerate(_jsonl_stream(handle, str(path)), start=1):  # noqa: B007
                yield article
    except (OSError, EOFError, zlib.error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        after = f" after its first {count} records" if count else ""
        yield _error(str(path), f"cannot read {path}{after}: {reason}")


def _jsonl_stream(handle: BinaryIO, name: str) -> Iterator[Article]:
    """JSON Lines from a binary stream, UTF-16 too when it starts with a byte order mark."""
    reader = handle if hasattr(handle, "peek") else io.BufferedReader(handle)  # type: ignore[arg-type]
    if reader.peek(2)[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = io.TextIOWrapper(reader, encoding="utf-16", errors="replace")
        yield from read_jsonl(bounded_lines(text), name)
    else:
        yield from read_jsonl(bounded_lines(reader), name)


def _read_folder(folder: Path, context: IngestContext) -> Iterator[Article]:
    files = sorted(
        p for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and _kind_of(p) is not None
    )
    for path in files:
        yield from read_source(str(path), context=context)


def _read_stream(stream: BinaryIO, name: str = "<stdin>") -> Iterator[Article]:
    reader = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type]
    if reader.peek(4096)[:4096].lstrip()[:1] == b"{":  # JSON Lines: stream, never cap
        yield from _jsonl_stream(reader, name)
        return
    data = reader.read(MAX_BYTES + 1)
    warnings = capped_warning(len(data), MAX_BYTES)
    for article in from_bytes(data[:MAX_BYTES], name, None):
        article.warnings = warnings + article.warnings
        yield article


def read_source(source: str, stdin: BinaryIO | None = None,
                context: IngestContext | None = None) -> Iterator[Article]:
    """Articles from one source: a path, a folder, an http(s) URL, an fsspec URL
    (``s3://``, ``gs://``, ``file://``, see remote.py) or ``-`` for stdin.

    ``context`` carries the fetcher and extractor shared by a run; without one, a
    default (polite, no private addresses through feeds) is made for this source.
    """
    scope = nullcontext(context) if context is not None else IngestContext()
    with scope as context:
        try:
            if source == "-":
                yield from _read_stream(stdin or sys.stdin.buffer)
            elif is_url(source):
                yield from read_url(source, context)
            elif is_fsspec_url(source):
                yield from read_remote(source, context)
            else:
                path = Path(source)
                if path.is_dir():
                    yield from _read_folder(path, context)
                elif not path.exists():
                    raise InputError(f"no such file or folder: {source}")
                else:
                    yield from _read_file(path, context)
        except InputError as exc:
            yield _error(source, exc.message, type(exc))


def read_sources(sources: Iterable[str], stdin: BinaryIO | None = None,
                 context: IngestContext | None = None) -> Iterator[Article]:
    """Articles from every source in turn, sharing one fetcher (connections, robots.txt)."""
    scope = nullcontext(context) if context is not None else IngestContext()
    with scope as context:
        for source in sources:
            yield from read_source(source, stdin, context)
