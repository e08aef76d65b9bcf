"""Canonical URLs: one address per article, whatever link a feed or a reader used; the
URL key the store deduplicates on. Ingest and the store both use it, so it imports neither.

courlan (trafilatura's URL library) lowercases scheme and host, drops default
ports, sorts the query and removes tracking parameters (utm_*, fbclid, gclid,
...). On top of that: fragments go, AMP pages and hosts (including the Google
AMP cache) become the page they copy, and mobile hosts (m., mobile.) the main host.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from courlan import normalize_url

_TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|"
                       r"mc_eid|_ga|_gl|wt_mc|wt_zmc|at_medium|at_campaign|ocid|cmpid|"
                       r"outputtype|amp)$", re.I)
_MOBILE_HOST = re.compile(r"^(m|mobile|amp)\.(?=[^.]+\.[^.]+)", re.I)
_AMP_CACHE = re.compile(r"^[^.]+\.cdn\.ampproject\.org$", re.I)
_AMP_PATH = re.compile(r"(/amp/?$|/amp(?=/)|\.amp(?=\.html?$)|\.amp$)", re.I)


def canonical_url(url: str) -> str:
    """The canonical form of an http(s) URL; other strings come back unchanged."""
    if not url.lower().startswith(("http://", "https://")):
        return url
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    path = parts.path
    if _AMP_CACHE.match(host):  # https://x.cdn.ampproject.org/c/s/example.org/a -> example.org/a
        match = re.match(r"^/[a-z](?:/s)?/([^/]+)(/.*)?$", path)
        if match:
            host, path = match.group(1).lower(), match.group(2) or "/"
    host = _MOBILE_HOST.sub("", host)
    path = _AMP_PATH.sub("", path) or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _TRACKING.match(k)]
    netloc = host if parts.port in (None, 80, 443) else f"{host}:{parts.port}"
    rebuilt = urlunsplit((parts.scheme.lower(), netloc, path, urlencode(query), ""))
    try:
        normalized = normalize_url(rebuilt)
    except (ValueError, AttributeError):
        return rebuilt
    return normalized.split("#", 1)[0]


def url_key(url: str) -> str:
    """What two URLs of one article share: the canonical URL without scheme and ``www.``.

    ``www.example.org`` and ``m.example.org`` serve the same article as ``example.org``
    on nearly every news site, and http and https the same page.
    """
    canonical = canonical_url(url)
    return re.sub(r"^https?://(www\.)?", "", canonical, flags=re.I)
