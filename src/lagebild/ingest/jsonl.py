"""JSON Lines input: one article per line; a bad line becomes an error record, never a stop.

Whatever one line holds (invalid JSON, nesting deeper than ``MAX_DEPTH``, a number of
thousands of digits, bytes that are not UTF-8, a line longer than ``MAX_LINE_CHARS``)
it becomes one error record with a coded message, and the lines around it are read
as usual.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO, TextIO

from pydantic import ValidationError

from ..errors import RecordError, coded
from ..model import Article

#: Longest line read as one record; longer lines are refused, not loaded whole.
MAX_LINE_CHARS = 16 * 1024 * 1024
#: Deepest nesting of arrays and objects in one record; an article needs 2 or 3.
MAX_DEPTH = 64

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKET = re.compile(r"[\[\]{}]")


def depth(text: str) -> int:
    """How deeply the arrays and objects of a JSON text nest (brackets inside strings
    not counted); only texts with more brackets than ``MAX_DEPTH`` are scanned."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return 0
    deepest = level = 0
    for match in _BRACKET.finditer(_STRING.sub("", text)):
        level += 1 if match.group() in "[{" else -1
        deepest = max(deepest, level)
    return deepest


def loads(text: str) -> tuple[object, str | None]:
    """The JSON value of a text, or None and why it is none: never an exception."""
    if (deepest := depth(text)) > MAX_DEPTH:
        return None, f"JSON nested {deepest} levels deep, more than {MAX_DEPTH}"
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON ({exc.msg} at column {exc.colno})"
    except (ValueError, RecursionError) as exc:  # e.g. an integer over Python's digit limit
        return None, f"invalid JSON ({str(exc).split(';')[0] or type(exc).__name__})"


def parse_record(record: object, where: str, id_from_where: bool = True) -> Article:
    """An Article from one decoded JSON value, or an error Article saying what is wrong.

    A record without id gets ``where`` as its id, or (``id_from_where`` false) none, so
    that the pipeline derives one from its URL or text; an error record always has one."""
    if not isinstance(record, dict):
        problem = f"expected a JSON object, got {type(record).__name__}"
        return Article(id=where, error=coded(f"{where}: {problem}", RecordError))
    ident = record.get("id")
    if isinstance(ident, dict | list):
        return Article(id=where, error=coded(f"{where}: 'id' is a {type(ident).__name__}",
                                             RecordError))
    ident = str(ident) if ident is not None else where if id_from_where else None
    if not isinstance(record.get("text"), str):
        return Article(id=ident or where,
                       error=coded(f"{where}: missing or non-string 'text'", RecordError))
    try:
        article = Article.model_validate({**record, "id": ident})
    except ValidationError as exc:
        problem = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return Article(id=ident or where, error=coded(f"{where}: {problem}", RecordError))
    return article


def decode_line(line: bytes) -> tuple[str, list[str]]:
    """One line's text: UTF-8, else Windows-1252 (Latin-1's superset) with a warning."""
    line = line.removeprefix(b"\xef\xbb\xbf")
    try:
        return line.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        position = exc.start
    return line.decode("cp1252", errors="replace"), [
        f"line not valid UTF-8 (byte {position}); decoded as cp1252"]


def bounded_lines(handle: BinaryIO | TextIO, limit: int = MAX_LINE_CHARS) -> Iterator[bytes | str]:
    """The lines of a stream, none read into memory beyond ``limit``: a longer line is
    yielded as its first ``limit + 1`` bytes or characters (and refused by read_jsonl)."""
    while line := handle.readline(limit + 1):
        newline = b"\n" if isinstance(line, bytes) else "\n"
        if len(line) > limit and not line.endswith(newline):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(newline):
                pass  # the rest of an overlong line is skipped, not kept
        yield line


def read_jsonl(lines: Iterable[str | bytes], name: str) -> Iterator[Article]:
    """Articles from JSON Lines (text or bytes), in order; blank lines are skipped."""
    for number, line in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if not line.strip():
            continue
        if len(line) > MAX_LINE_CHARS:
            yield Article(id=where, error=coded(
                f"{where}: line longer than {MAX_LINE_CHARS} characters", RecordError))
            continue
        warnings: list[str] = []
        if isinstance(line, bytes):
            line, warnings = decode_line(line)
        record, problem = loads(line.removeprefix("\ufeff"))
        if problem is not None:
            yield Article(id=where, error=coded(f"{where}: {problem}", RecordError))
            continue
        article = parse_record(record, where)
        article.warnings = warnings + article.warnings
        yield article
