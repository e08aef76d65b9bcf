"""The bytes of one file or response to Articles, by kind: JSON Lines, JSON, HTML or text."""

from __future__ import annotations

import io
from collections.abc import Iterator

from ..model import Article
from .html import from_html, looks_like_html
from .jsonl import loads, parse_record, read_jsonl
from .text import decode


def sniff_kind(data: bytes) -> str:
    head = data.lstrip()[:1]
    return "html" if looks_like_html(data) else "jsonl" if head in (b"{", b"[") else "text"


def from_bytes(data: bytes, name: str, kind: str | None, declared: str | None = None,
               url: str | None = None) -> Iterator[Article]:
    """Articles from the bytes of one file or response; ``kind`` is jsonl, json, html or text."""
    kind = kind or sniff_kind(data)
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
    value, problem = loads(text)
    if problem is not None:  # JSON Lines saved as .json, or one bad record among them
        yield from read_jsonl(io.StringIO(text), name)
        return
    for number, record in enumerate(value if isinstance(value, list) else [value], start=1):
        yield parse_record(record, f"{name}[{number}]")
