"""A polite HTTP fetcher: what a news site may expect from a program that reads it daily.

It names itself, obeys robots.txt (RFC 9309) and its Crawl-delay, keeps a
per-host delay and concurrency cap, asks conditionally (ETag, Last-Modified),
retries 429 and 5xx with back-off (honouring Retry-After), caps time, redirects
and size, and refuses schemes other than http(s). Links it did not get from the
user directly (feed entries, OPML lists, redirects to another host) may not
point at loopback, private or link-local addresses unless ``allow_private`` is
set: a feed must not turn lagebild into a probe of the user's own network.
"""

from __future__ import annotations

import ipaddress
import random
import socket
import threading
import time
import urllib.robotparser
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import unquote, urljoin, urlsplit

import httpx

from .. import __version__
from ..errors import FetchError
from .text import MAX_BYTES, sniff_charset

USER_AGENT = f"lagebild/{__version__} (news event extraction; +https://pypi.org/project/lagebild/)"
ROBOTS_AGENT = "lagebild"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
#: Network errors worth a second try; refused connections and timeouts are not.
RETRY_ERRORS = (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)
ROBOTS_MAX_BYTES = 512 * 1024
#: Content codings asked for and decoded here, as the body streams: what a response
#: inflates to is counted against ``max_bytes`` before more of it is inflated.
ACCEPT_ENCODING = "gzip, deflate"
#: Most bytes one decoding step may produce.
_INFLATE_STEP = 64 * 1024
#: Longest Crawl-delay honoured; a site asking for more is read at this pace.
MAX_CRAWL_DELAY = 30.0


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and how patiently to fetch; the defaults suit public news sites."""

    user_agent: str = USER_AGENT
    timeout: float = 20.0
    connect_timeout: float = 10.0
    total_timeout: float = 60.0
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 0.5
    max_wait: float = 60.0
    host_delay: float = 1.0
    host_concurrency: int = 2
    allow_private: bool = False
    obey_robots: bool = True


@dataclass
class Response:
    """A fetched resource: its final URL, body (capped) and what the server said about it."""

    url: str
    status: int
    content: bytes
    headers: httpx.Headers
    charset: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type", "").split(";")[0].strip().lower() or None

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def normal_host(host: str) -> str:
    """A URL's host as the resolver sees it: percent-escapes undone, brackets, zone
    (``%eth0``) and trailing dots dropped, lower case: ``127.0.0.1.``, ``%31%32%37.0.0.1``
    and ``[fe80::1%25eth0]`` are the addresses they spell."""
    host = unquote(host).strip().strip("[]").lower()
    host = host.split("%", 1)[0] if ":" in host else host
    return host.rstrip(".")


def _embedded(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> list:
    """What an address stands for: an IPv4-mapped, IPv4-compatible or NAT64 address its
    IPv4 address alone; a 6to4 or Teredo one itself and the IPv4 addresses it carries."""
    if not isinstance(address, ipaddress.IPv6Address):
        return [address]
    if address.ipv4_mapped:
        return [address.ipv4_mapped]
    if (address in _IPV4_COMPATIBLE and int(address) > 1) or any(
            address in net for net in _NAT64):
        return [ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)]
    return [address, *([address.sixtofour] if address.sixtofour else []),
            *(address.teredo or ())]


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return all(a.is_global and not (a.is_multicast or a.is_reserved or a.is_link_local)
               for a in _embedded(address))


def public_address(host: str, port: int | None = None) -> bool:
    """Whether every address the host names or resolves to is public (see normal_host
    and _embedded); names that do not resolve pass: the request fails on its own."""
    host = normal_host(host)
    if host == "localhost" or host.endswith(".localhost"):
        return False
    try:
        return _is_public(ipaddress.ip_address(host))
    except ValueError:
        pass  # a name, or an IPv4 address in a form only the resolver reads (0x7f.1)
    try:
        infos = socket.getaddrinfo(host, port or 80, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return True  # the request itself will fail with a clear message
    return all(_is_public(ipaddress.ip_address(info[4][0].split("%")[0])) for info in infos)


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), parts.port or default


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


class _HostGate:
    """Per-host pacing: at most ``concurrency`` requests at once, ``delay`` s between starts."""

    def __init__(self, concurrency: int):
        self.slots = threading.BoundedSemaphore(max(1, concurrency))
        self.lock = threading.Lock()
        self.next_start = 0.0

    def enter(self, delay: float) -> None:
        self.slots.acquire()
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_start)
            self.next_start = start + delay
        if start > now:
            time.sleep(start - now)

    def leave(self) -> None:
        self.slots.release()


class Fetcher:
    """One per run: shares connections, robots.txt rules and host pacing between threads."""

    def __init__(self, policy: FetchPolicy | None = None):
        self.policy = policy or FetchPolicy()
        self.client = httpx.Client(
            headers={"User-Agent": self.policy.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
            timeout=httpx.Timeout(self.policy.timeout, connect=self.policy.connect_timeout),
            follow_redirects=False,
        )
        self._lock = threading.Lock()
        self._gates: dict[tuple, _HostGate] = {}
        self._robots: dict[tuple, urllib.robotparser.RobotFileParser | bool] = {}
        self._robots_locks: dict[tuple, threading.Lock] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # -- the one public call ---------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            named: bool = False) -> Response:
        """GET ``url`` politely; ``named``: the user gave this URL, so its host is trusted.

        Raises FetchError (``could not fetch URL: why``) for every failure.
        """
        return self._get(url, etag=etag, last_modified=last_modified, named=named, robots=True)

    def _get(self, url: str, *, etag: str | None, last_modified: str | None, named: bool,
             robots: bool, max_bytes: int | None = None) -> Response:
        trusted = _origin(url) if named else None
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            self._check(current, trusted)
            if robots and self.policy.obey_robots and not self._allowed(current, trusted):
                raise FetchError(f"could not fetch {current}: forbidden by robots.txt")
            response = self._request(current, etag, last_modified, max_bytes)
            location = response.headers.get("location")
            if response.status in (301, 302, 303, 307, 308) and location:
                current = urljoin(current, location)
                continue
            if response.status >= 400:
                raise FetchError(f"could not fetch {current}: HTTP {response.status}")
            return response
        raise FetchError(f"could not fetch {url}: more than {self.policy.max_redirects} redirects")

    def _check(self, url: str, trusted: tuple | None) -> None:
        """Refuse schemes other than http(s), and private addresses the user did not name."""
        scheme, host, port = _origin(url)
        if scheme not in ("http", "https"):
            raise FetchError(f"could not fetch {url}: only http and https URLs are fetched")
        if not host:
            raise FetchError(f"could not fetch {url}: no host in the URL")
        if self.policy.allow_private or (scheme, host, port) == trusted:
            return
        if not public_address(host, port):
            raise FetchError(
                f"could not fetch {url}: {host} is a private, loopback or link-local address "
                "(allow it with --allow-private)"
            )

    # -- one request, with retries ---------------------------------------------

    def _gate(self, url: str) -> _HostGate:
        key = _origin(url)
        with self._lock:
            if key not in self._gates:
                self._gates[key] = _HostGate(self.policy.host_concurrency)
            return self._gates[key]

    def _delay(self, url: str) -> float:
        rules = self._robots.get(_origin(url))
        crawl_delay = None
        if isinstance(rules, urllib.robotparser.RobotFileParser):
            crawl_delay = rules.crawl_delay(ROBOTS_AGENT)
        return max(self.policy.host_delay, min(float(crawl_delay or 0), MAX_CRAWL_DELAY))

    def _request(self, url: str, etag: str | None, last_modified: str | None,
                 max_bytes: int | None) -> Response:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        gate = self._gate(url)
        for attempt in range(self.policy.retries + 1):
            last = attempt == self.policy.retries
            gate.enter(self._delay(url))
            try:
                response = self._read(url, headers, max_bytes or self.policy.max_bytes)
            except RETRY_ERRORS as exc:
                if last:
                    reason = str(exc) or type(exc).__name__
                    raise FetchError(f"could not fetch {url}: {reason}") from None
                wait = self._backoff(attempt)
            else:
                if response.status not in RETRY_STATUSES or last:
                    return response
                wait = _retry_after(response.headers.get("retry-after"))
                if wait is None:
                    wait = self._backoff(attempt)
                elif wait > self.policy.max_wait:
                    raise FetchError(
                        f"could not fetch {url}: HTTP {response.status}, "
                        f"retry after {wait:.0f} s is longer than {self.policy.max_wait:.0f} s"
                    )
            finally:
                gate.leave()
            time.sleep(wait)
        raise AssertionError("unreachable")

    def _backoff(self, attempt: int) -> float:
        wait = self.policy.backoff * 2**attempt
        return min(self.policy.max_wait, wait * random.uniform(0.8, 1.2))

    def _read(self, url: str, headers: dict, max_bytes: int) -> Response:
        """One GET, body capped at ``max_bytes`` and at ``total_timeout`` seconds."""
        deadline = time.monotonic() + self.policy.total_timeout
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                chunks, size, truncated = [], 0, False
                if response.status_code < 300:
                    coding = response.headers.get("content-encoding", "")
                    for chunk in decoded(response.iter_raw(), coding, url):
                        if time.monotonic() > deadline:
                            raise FetchError(
                                f"could not fetch {url}: took longer than "
                                f"{self.policy.total_timeout:.0f} s"
                            )
                        chunks.append(chunk)
                        size += len(chunk)
                        if size > max_bytes:
                            truncated = True
                            break
                content = b"".join(chunks)[:max_bytes]
                result = Response(url=str(response.url), status=response.status_code,
                                  content=content, headers=response.headers)
        except httpx.InvalidURL as exc:
            raise FetchError(f"could not fetch {url}: invalid URL ({exc})") from None
        except httpx.TimeoutException:
            raise FetchError(f"could not fetch {url}: timed out") from None
        except RETRY_ERRORS:
            raise
        except httpx.HTTPError as exc:
            raise FetchError(f"could not fetch {url}: {exc or type(exc).__name__}") from None
        if truncated:
            result.warnings.append(
                f"response larger than {max_bytes / 2**20:.1f} MiB: only that much read"
            )
        declared = _declared_charset(result.headers)
        result.charset = declared or sniff_charset(content)
        return result

    # -- robots.txt --------------------------------------------------------------

    def _allowed(self, url: str, trusted: tuple | None) -> bool:
        key = _origin(url)
        with self._lock:
            lock = self._robots_locks.setdefault(key, threading.Lock())
        with lock:  # one robots.txt request per host, however many threads ask
            if key not in self._robots:
                self._robots[key] = self._load_robots(url, named=key == trusted)
        rules = self._robots[key]
        if isinstance(rules, bool):
            return rules
        return rules.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, url: str, named: bool) -> urllib.robotparser.RobotFileParser | bool:
        """The site's rules; True (all allowed) when it has none, False when unreachable."""
        scheme = urlsplit(url).scheme
        netloc = urlsplit(url).netloc.rsplit("@", 1)[-1]
        robots_url = f"{scheme}://{netloc}/robots.txt"
        try:
            response = self._get(robots_url, etag=None, last_modified=None, named=named,
                                 robots=False, max_bytes=ROBOTS_MAX_BYTES)
        except FetchError as exc:
            message = exc.message
            if " HTTP 4" in message:
                return True  # RFC 9309: no rules available, all allowed
            if "private, loopback" in message:
                return True  # the page itself gets the same refusal, with that reason
            if " HTTP " in message:
                return False  # RFC 9309: a server error means complete disallow
            reason = message.split(": ", 1)[-1]  # the host is down: say so, not "forbidden"
            raise FetchError(f"could not fetch {url}: {reason}") from None
        rules = urllib.robotparser.RobotFileParser(robots_url)
        text = response.content.decode("utf-8", errors="replace")
        rules.parse(text.splitlines())
        return rules


def decoded(raw: Iterable[bytes], coding: str, url: str = "") -> Iterator[bytes]:
    """A body undone from its ``Content-Encoding`` (gzip, deflate, several in turn) as it
    streams, each piece at most 64 KiB: however far a few KB of nested gzip would inflate,
    only what the reader takes is ever inflated."""
    stream: Iterable[bytes] = raw
    codings = [c.strip().lower() for c in coding.split(",")]
    for name in reversed([c for c in codings if c and c != "identity"]):
        if name not in ("gzip", "x-gzip", "deflate"):
            raise FetchError(f"could not fetch {url}: content coding {name!r} not supported")
        stream = _inflate(stream, gzip=name != "deflate", url=url)
    return iter(stream)


def _inflate(chunks: Iterable[bytes], gzip: bool, url: str) -> Iterator[bytes]:
    """One content coding undone, in steps of at most ``_INFLATE_STEP`` bytes; gzip may
    hold several members, deflate is zlib-wrapped or (as some servers send it) raw."""
    decoder = zlib.decompressobj(zlib.MAX_WBITS | 16) if gzip else None
    try:
        for chunk in chunks:
            if decoder is None:  # deflate: a zlib header, else raw deflate
                wrapped = len(chunk) > 1 and chunk[0] & 0x0F == 8 and (
                    (chunk[0] << 8) | chunk[1]) % 31 == 0
                decoder = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
            data = chunk
            while True:
                out = decoder.decompress(data, _INFLATE_STEP)
                if out:
                    yield out
                if decoder.eof:
                    data = decoder.unused_data
                    if not (gzip and data):
                        break  # what follows the end of the stream is ignored
                    decoder = zlib.decompressobj(zlib.MAX_WBITS | 16)  # the next member
                    continue
                data = decoder.unconsumed_tail
                if not data and len(out) < _INFLATE_STEP:
                    break
        if decoder is not None and not decoder.eof:
            yield decoder.flush(_INFLATE_STEP)
    except zlib.error as exc:
        raise FetchError(f"could not fetch {url}: body does not decode ({exc})") from None


def _declared_charset(headers: httpx.Headers) -> str | None:
    for part in headers.get("content-type", "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
