"""Bytes to text: size cap, binary refusal, encoding detection."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import InputError

#: Largest input read from one file or response; the rest is dropped with a warning.
MAX_BYTES = 8 * 1024 * 1024
_CONTROL = {c for c in range(32)} - {9, 10, 12, 13}


def read_capped(path: Path, max_bytes: int = MAX_BYTES) -> tuple[bytes, list[str]]:
    """The first ``max_bytes`` of a file, and a warning if there was more."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            data = handle.read(max_bytes)
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise InputError(f"is a directory: {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    return data, capped_warning(size, max_bytes)


def capped_warning(size: int, max_bytes: int) -> list[str]:
    if size <= max_bytes:
        return []
    mib = 2**20
    return [f"input of {size / mib:.1f} MiB capped: only the first {max_bytes / mib:.0f} MiB read"]


def decode(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """Text from bytes: UTF-8, else the declared or detected charset (with a warning).

    Raises InputError for empty or binary data, which no charset turns into text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if (utf16 := _utf16(data)) is not None:
        return utf16
    if not data.strip():
        raise InputError("empty input")
    sample = data[:65536]
    if b"\x00" in sample or sum(b in _CONTROL for b in sample) > len(sample) * 0.01:
        raise InputError("binary data, not text")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return data[: exc.start].decode("utf-8"), []  # cut inside the last character
        position = exc.start
    encoding = declared
    if encoding is None:
        best = from_bytes(sample).best()
        encoding = best.encoding if best is not None else "cp1252"
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        encoding = "cp1252"
        text = data.decode(encoding, errors="replace")
    return text, [f"not valid UTF-8 (byte {position}); decoded as {encoding}"]


def _utf16(data: bytes) -> tuple[str, list[str]] | None:
    """Text from UTF-16 bytes: those with a byte order mark, or without one where every
    other byte of the start is NUL (ASCII-range text, as UTF-16 encodes it)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        sample = data[:4096]
        even, odd = sample[0::2], sample[1::2]
        if len(sample) < 4 or b"\x00" not in sample:
            return None
        if odd.count(0) > 0.9 * len(odd) and not even.count(0):
            encoding = "utf-16-le"
        elif even.count(0) > 0.9 * len(even) and not odd.count(0):
            encoding = "utf-16-be"
        else:
            return None
    text = data.decode(encoding, errors="replace").removeprefix("\ufeff")
    if not text.strip():
        raise InputError("empty input")
    return text, [f"decoded as {encoding.upper()}"]


_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""")


def sniff_charset(data: bytes) -> str | None:
    """The charset a document declares inside itself: BOM, XML declaration or HTML meta.

    A few lines of regular expressions, as browsers do in their pre-scan; a full
    HTML parser would be needed only to read past the first 4 KiB.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    name = match.group(1).decode("ascii", errors="replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
