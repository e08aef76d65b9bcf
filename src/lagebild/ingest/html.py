"""HTML pages to articles with trafilatura: main text, title, date, site name."""

from __future__ import annotations

import re

import trafilatura

from ..errors import InputError
from ..model import Article
from .text import decode

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)


def looks_like_html(data: bytes) -> bool:
    return bool(_HTML_START.match(data[:4096]))


def from_html(html: str, url: str | None = None) -> Article:
    """The article in an HTML page; InputError when the page has no main text."""
    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if result is None:
        raise InputError("no article text found in the HTML page")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError("no article text found in the HTML page")
    title = data.get("title")
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Article(
        text=text,
        title=title,
        published=data.get("date"),
        url=url or data.get("url"),
        source=data.get("sitename") or data.get("hostname"),
        author=data.get("author"),
    )


def page_article(data: bytes, charset: str | None, url: str | None) -> Article:
    """Bytes of an HTML page to an Article: run in extraction workers, so it must pickle."""
    text, warnings = decode(data, charset)
    article = from_html(text, url=url)
    article.warnings = warnings + article.warnings
    return article
