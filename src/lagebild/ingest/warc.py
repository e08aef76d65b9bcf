"""WARC files (warcio), e.g. CommonCrawl News: each HTML response record is one article.

Records are read as a stream, so archives of any size are fine; the archived
target URI and date are the article's URL and a fallback publication date.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError
from ..model import Article
from ..urls import canonical_url
from .html import looks_like_html
from .pages import IngestContext, article_id, error_article, ordered_map
from .text import MAX_BYTES, sniff_charset

WARC_SUFFIXES = {".warc", ".arc"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}


def looks_like_warc(data: bytes) -> bool:
    """WARC/ARC header, or a gzip member that the file name says is a WARC."""
    return data.startswith((b"WARC/", b"filedesc://"))


def is_warc_path(path: Path) -> bool:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return bool(suffixes) and suffixes[-1] in WARC_SUFFIXES


def _html_records(path: Path) -> Iterator[tuple[str, str | None, bytes, str | None, list[str]]]:
    """(url, date, body, charset, warnings) of each HTML response record."""
    with path.open("rb") as handle:
        records = ArchiveIterator(handle)
        yield from _html_responses(records)
        size = path.stat().st_size
        if records.offset < size:  # warcio stops quietly at a cut-off gzip member
            raise InputError(f"WARC file {path} is damaged or cut off after byte "
                             f"{records.offset} of {size}")


def _html_responses(records: ArchiveIterator
                ) -> Iterator[tuple[str, str | None, bytes, str | None, list[str]]]:
    for record in records:
        if record.rec_type != "response" or record.http_headers is None:
            continue
        if record.http_headers.get_statuscode() != "200":
            continue
        content_type = (record.http_headers.get_header("Content-Type") or "")
        mime = content_type.split(";")[0].strip().lower()
        stream = record.content_stream()
        body = stream.read(MAX_BYTES + 1)
        if mime not in HTML_TYPES and not looks_like_html(body):
            continue
        warnings = []
        if len(body) > MAX_BYTES:
            body = body[:MAX_BYTES]
            warnings.append(f"record larger than {MAX_BYTES / 2**20:.0f} MiB: only that "
                            "much read")
        charset = None
        if "charset=" in content_type.lower():
            charset = content_type.lower().split("charset=")[1].split(";")[0].strip(" \"'")
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        date = record.rec_headers.get_header("WARC-Date")
        yield url, date, body, charset or sniff_charset(body), warnings


def read_warc(path: Path, context: IngestContext) -> Iterator[Article]:
    """The articles in the HTML records of a WARC (or WARC.gz) file, in archive order."""
    yield from _articles(_html_records(path), str(path), context)


def read_warc_stream(stream: BinaryIO, name: str, context: IngestContext) -> Iterator[Article]:
    """The same from an open binary stream (a file on object storage); ``name`` for messages."""
    yield from _articles(_html_responses(ArchiveIterator(stream)), name, context)


def _articles(records: Iterator[tuple], name: str, context: IngestContext) -> Iterator[Article]:
    def extract(item: tuple) -> Article:
        url, date, body, charset, warnings = item
        try:
            article = context.extractor.extract(body, charset, canonical_url(url) or None,
                                                parallel=True)
        except InputError as exc:
            return error_article(url or name, f"{url}: {exc.message}", type(exc))
        except Exception as exc:  # one bad record never stops the archive
            return error_article(url or name, f"{url}: {type(exc).__name__}: {exc}")
        if url:
            article.url = canonical_url(url)
            article.id = article_id(url)
        article.published = article.published or (date[:10] if date else None)
        article.warnings = warnings + article.warnings
        return article

    try:
        for _, article in ordered_map(extract, records, threads=2):
            yield article
    except (ArchiveLoadFailed, OSError, EOFError) as exc:
        raise InputError(f"cannot read WARC file {name}: {exc}") from None
    except InputError:
        raise
    except Exception as exc:  # warcio on a record whose lengths lie (AttributeError, ...)
        raise InputError(f"WARC file {name} is damaged: {type(exc).__name__}: {exc}") from None
