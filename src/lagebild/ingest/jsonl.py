"""JSON Lines input: one article per line; a bad line becomes an error record, never a stop."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from pydantic import ValidationError

from ..errors import RecordError, coded
from ..model import Article

#: Longest line read as one record; longer lines are refused, not loaded whole.
MAX_LINE_CHARS = 16 * 1024 * 1024


def parse_record(record: object, where: str) -> Article:
    """An Article from one decoded JSON value, or an error Article saying what is wrong."""
    if not isinstance(record, dict):
        problem = f"expected a JSON object, got {type(record).__name__}"
        return Article(id=where, error=coded(f"{where}: {problem}", RecordError))
    ident = record.get("id")
    ident = str(ident) if ident is not None else where
    if not isinstance(record.get("text"), str):
        return Article(id=ident, error=coded(f"{where}: missing or non-string 'text'", RecordError))
    try:
        article = Article.model_validate({**record, "id": ident})
    except ValidationError as exc:
        problem = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return Article(id=ident, error=coded(f"{where}: {problem}", RecordError))
    return article


def read_jsonl(lines: Iterable[str], name: str) -> Iterator[Article]:
    """Articles from JSON Lines, in order; blank lines are skipped."""
    for number, line in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if not line.strip():
            continue
        if len(line) > MAX_LINE_CHARS:
            yield Article(id=where, error=coded(
                f"{where}: line longer than {MAX_LINE_CHARS} characters", RecordError))
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problem = f"invalid JSON ({exc.msg} at column {exc.colno})"
            yield Article(id=where, error=coded(f"{where}: {problem}", RecordError))
            continue
        yield parse_record(record, where)
