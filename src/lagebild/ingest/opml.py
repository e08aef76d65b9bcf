"""OPML subscription lists (listparser): the feeds a reader follows, read in turn."""

from __future__ import annotations

import re

import listparser

from ..errors import InputError

_OPML_START = re.compile(
    rb"^(\xef\xbb\xbf)?\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<opml\b", re.I | re.S
)
OPML_SUFFIXES = {".opml"}


def looks_like_opml(data: bytes) -> bool:
    return bool(_OPML_START.match(data[:4096]))


def feed_urls(data: bytes, name: str) -> list[str]:
    """The feed URLs of an OPML document, each once, in document order."""
    parsed = listparser.parse(data)  # bytes: listparser never fetches anything itself
    urls = list(dict.fromkeys(feed.url for feed in parsed.feeds if feed.get("url")))
    if not urls and parsed.get("bozo"):
        raise InputError(f"{name}: not a readable OPML list ({parsed.get('bozo_exception')})")
    return urls
