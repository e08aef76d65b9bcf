"""Fetch one URL with httpx: size cap, timeout, redirects, clear errors."""

from __future__ import annotations

import httpx

from .. import __version__
from ..errors import FetchError
from .text import MAX_BYTES

USER_AGENT = f"lagebild/{__version__} (news event extraction)"
TIMEOUT = httpx.Timeout(20.0, connect=10.0)


def fetch(url: str, max_bytes: int = MAX_BYTES) -> tuple[bytes, str | None, str | None, list[str]]:
    """Body (capped), declared charset, content type and warnings of a URL."""
    try:
        with httpx.Client(
            headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT, follow_redirects=True,
            max_redirects=10,
        ) as client, client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(f"could not fetch {url}: HTTP {response.status_code}")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size <= max_bytes:
                    chunks.append(chunk)
                else:
                    break
            declared = response.charset_encoding
            content_type = response.headers.get("content-type", "").split(";")[0].strip() or None
    except httpx.InvalidURL as exc:
        raise FetchError(f"invalid URL {url}: {exc}") from None
    except httpx.TooManyRedirects:
        raise FetchError(f"could not fetch {url}: too many redirects") from None
    except httpx.TimeoutException:
        raise FetchError(f"could not fetch {url}: timed out") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"could not fetch {url}: {exc or type(exc).__name__}") from None
    data = b"".join(chunks)[:max_bytes]
    warnings = []
    if size > max_bytes:
        warnings.append(f"response larger than {max_bytes / 2**20:.0f} MiB: only that much read")
    return data, declared, content_type, warnings
