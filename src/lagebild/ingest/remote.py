"""Files on object storage and other fsspec filesystems: ``s3://bucket/news/*.jsonl``,
``gs://…``, ``az://…``, ``file:///data/dump.warc.gz``, ``memory://…`` (tests).

A URL names a file, a folder (read recursively, as a local folder) or a glob
pattern. JSON Lines and WARC files are streamed, so dumps larger than memory
are fine; other files are read up to the usual cap. Articles and error rows
are named by the URL, so a rerun sees the same ids. The filesystem's package
must be installed (``pip install 'lagebild[s3]'`` for s3fs, ``[gcs]`` for
gcsfs); credentials come from its usual places (environment, config files).
http(s) URLs are not read here but by the polite fetcher (url.py).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from ..errors import InputError
from ..model import Article
from .content import from_bytes
from .jsonl import read_jsonl
from .pages import IngestContext
from .text import MAX_BYTES, capped_warning
from .warc import is_warc_path, read_warc_stream

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)(::|://)")
_MAGIC = re.compile(r"[*?\[]")
KINDS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".html": "html",
         ".htm": "html", ".xhtml": "html", ".txt": "text", ".text": "text", ".md": "text"}


def is_fsspec_url(source: str) -> bool:
    """A URL with a scheme fsspec reads (``s3://``, ``file://``, ``simplecache::s3://``);
    http(s) and plain paths are not."""
    found = _SCHEME.match(source)
    return bool(found) and found.group(1).lower() not in ("http", "https") and len(
        found.group(1)) > 1  # a Windows drive letter is no scheme


def _kind(path: str) -> str | None:
    pure = PurePosixPath(path)
    if is_warc_path(pure):  # type: ignore[arg-type]
        return "warc"
    suffixes = [s.lower() for s in pure.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return KINDS.get(suffixes[-1]) if suffixes else None


def remote_files(url: str) -> list[tuple[object, str, str]]:
    """(filesystem, path, URL) of each file the URL names, sorted; InputError if none."""
    try:
        import fsspec
    except ImportError:  # pragma: no cover - fsspec comes with dask
        raise InputError(f"{url}: reading URLs like this needs fsspec") from None
    try:
        fs, path = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:
        raise InputError(f"{url}: {exc}") from None
    try:
        if _MAGIC.search(path):
            paths = sorted(p for p in fs.glob(path) if fs.isfile(p))
        elif fs.isdir(path):
            root = path.rstrip("/")
            paths = sorted(
                p for p in fs.find(path)
                if _kind(p) is not None
                and not any(part.startswith(".") for part in p[len(root):].split("/"))
            )
        elif fs.exists(path):
            paths = [path]
        else:
            raise InputError(f"no such file or folder: {url}")
    except OSError as exc:
        raise InputError(f"cannot list {url}: {exc}") from None
    if not paths and _MAGIC.search(path):
        raise InputError(f"no file matches {url}")
    return [(fs, p, url if p == path else fs.unstrip_protocol(p)) for p in paths]


def _read_one(fs, path: str, name: str, context: IngestContext) -> Iterator[Article]:
    kind = _kind(path)
    compression = "gzip" if path.lower().endswith(".gz") else None
    try:
        if kind == "jsonl":
            with fs.open(path, "rb", compression=compression) as raw:
                yield from read_jsonl(io.TextIOWrapper(raw, encoding="utf-8", errors="replace"),
                                      name)
            return
        if kind == "warc":  # warcio decompresses gzip members itself
            with fs.open(path, "rb") as raw:
                yield from read_warc_stream(raw, name, context)
            return
        with fs.open(path, "rb", compression=compression) as raw:
            data = raw.read(MAX_BYTES + 1)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise InputError(f"cannot read {name}: {exc}") from None
    warnings = capped_warning(len(data), MAX_BYTES)
    for article in from_bytes(data[:MAX_BYTES], name, kind):
        article.warnings = warnings + article.warnings
        yield article


def read_remote(url: str, context: IngestContext) -> Iterator[Article]:
    """Articles from every file the URL names, in path order; a file that cannot be
    read is one error Article, and the others are still read."""
    for fs, path, name in remote_files(url):
        try:
            yield from _read_one(fs, path, name, context)
        except InputError as exc:
            ident = "err-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]
            yield Article(id=ident, error=str(exc))
