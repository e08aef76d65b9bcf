"""Turn what the user names (files, folders, URLs, ``-``) into a stream of Articles.

A source that cannot be read yields one Article with ``error`` set, so the
batch goes on and the failure is reported with the others.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import Article
from .html import from_html, looks_like_html
from .jsonl import read_jsonl
from .text import MAX_BYTES, capped_warning, decode, read_capped
from .url import fetch

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
FOLDER_SUFFIXES = JSONL_SUFFIXES | HTML_SUFFIXES | TEXT_SUFFIXES | {".json"}


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def _error(source: str, message: str) -> Article:
    ident = "err-" + hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
    return Article(id=ident, url=source if is_url(source) else None, error=message)


def _from_bytes(data: bytes, name: str, kind: str | None, declared: str | None = None,
                url: str | None = None) -> Iterator[Article]:
    """Articles from the bytes of one file or response; ``kind`` is jsonl, json, html or text."""
    if kind is None:
        head = data.lstrip()[:1]
        kind = "html" if looks_like_html(data) else "jsonl" if head in (b"{", b"[") else "text"
    text, warnings = decode(data, declared)
    if kind == "json" or (kind == "jsonl" and text.lstrip().startswith("[")):
        yield from _from_json_array(text, name)
        return
    if kind == "jsonl":
        yield from read_jsonl(io.StringIO(text), name)
        return
    if kind == "html":
        article = from_html(text, url=url)
    else:
        article = Article(text=text, url=url)
    article.warnings = warnings + article.warnings
    yield article


def _from_json_array(text: str, name: str) -> Iterator[Article]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        yield from read_jsonl(io.StringIO(text), name)  # JSON Lines saved as .json
        return
    from .jsonl import parse_record

    for number, record in enumerate(value if isinstance(value, list) else [value], start=1):
        yield parse_record(record, f"{name}[{number}]")


def _kind_of(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last in JSONL_SUFFIXES:
        return "jsonl"
    if last == ".json":
        return "json"
    if last in HTML_SUFFIXES:
        return "html"
    if last in TEXT_SUFFIXES:
        return "text"
    return None


def _read_file(path: Path) -> Iterator[Article]:
    kind = _kind_of(path)
    if kind == "jsonl":  # streamed line by line: JSONL files may be far larger than memory
        yield from _stream_jsonl(path)
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
    for article in _from_bytes(data, str(path), kind):
        article.warnings = warnings + article.warnings
        yield article


def _stream_jsonl(path: Path) -> Iterator[Article]:
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
            yield from read_jsonl(handle, str(path))
    except OSError as exc:
        yield _error(str(path), f"cannot read {path}: {exc.strerror or exc}")


def _read_folder(folder: Path) -> Iterator[Article]:
    files = sorted(
        p for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and _kind_of(p) is not None
    )
    for path in files:
        yield from read_source(str(path))


def _read_url(url: str) -> Iterator[Article]:
    data, declared, content_type, warnings = fetch(url)
    kind = None
    if content_type in ("text/html", "application/xhtml+xml"):
        kind = "html"
    elif content_type in ("application/x-ndjson", "application/jsonl"):
        kind = "jsonl"
    elif content_type == "text/plain":
        kind = "text"
    for article in _from_bytes(data, url, kind, declared, url=url):
        article.warnings = warnings + article.warnings
        yield article


def _read_stream(stream: BinaryIO, name: str = "<stdin>") -> Iterator[Article]:
    reader = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type]
    if reader.peek(4096)[:4096].lstrip()[:1] == b"{":  # JSON Lines: stream, never cap
        yield from read_jsonl(io.TextIOWrapper(reader, encoding="utf-8", errors="replace"), name)
        return
    data = reader.read(MAX_BYTES + 1)
    warnings = capped_warning(len(data), MAX_BYTES)
    for article in _from_bytes(data[:MAX_BYTES], name, None):
        article.warnings = warnings + article.warnings
        yield article


def read_source(source: str, stdin: BinaryIO | None = None) -> Iterator[Article]:
    """Articles from one source: a path, a folder, an http(s) URL or ``-`` for stdin."""
    try:
        if source == "-":
            yield from _read_stream(stdin or sys.stdin.buffer)
        elif is_url(source):
            yield from _read_url(source)
        else:
            path = Path(source)
            if path.is_dir():
                yield from _read_folder(path)
            elif not path.exists():
                raise InputError(f"no such file or folder: {source}")
            else:
                yield from _read_file(path)
    except InputError as exc:
        yield _error(source, exc.message)


def read_sources(sources: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Article]:
    """Articles from every source in turn."""
    for source in sources:
        yield from read_source(source, stdin)
