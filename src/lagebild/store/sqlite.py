"""The SQLite store: one transaction per article, WAL, FTS5 over the article text.

Every Document is kept whole (``documents.json``) and spread over one table
per layer for querying. Writing the same article again is a no-op; a changed
text under the same id replaces the old rows in the same transaction.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from ..errors import StoreError
from ..model import Document
from .migrations import MIGRATIONS
from .query import EventQuery, build_sql

LAYER_TABLES = ("entities", "actors", "places", "times", "amounts", "quotes", "events")
TABLES = ("articles", "documents", *LAYER_TABLES, "failures")
WriteResult = Literal["added", "updated", "unchanged", "failed"]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A lagebild SQLite database; use as a context manager."""

    def __init__(self, path: str | Path = "lagebild.db", *, readonly: bool = False):
        self.path = str(path)
        try:
            if readonly:
                if self.path != ":memory:" and not Path(self.path).exists():
                    raise StoreError(f"no store at {self.path}")
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                if self.path != ":memory:":
                    self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self.migrate()
            else:
                self._check_version()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- schema ---------------------------------------------------------------

    @property
    def version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _check_version(self) -> None:
        if self.version > len(MIGRATIONS):
            raise StoreError(
                f"store {self.path} has schema version {self.version}, newer than this "
                f"lagebild knows ({len(MIGRATIONS)}): upgrade lagebild"
            )

    def migrate(self) -> list[str]:
        """Apply the migrations not yet applied, each in its own transaction."""
        self._check_version()
        applied = []
        for number, (name, sql) in enumerate(MIGRATIONS, start=1):
            if number <= self.version:
                continue
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(sql):
                    self.conn.execute(statement)
                self.conn.execute(
                    "INSERT INTO migrations(name, applied_at) VALUES (?, ?)", (name, _now())
                )
                self.conn.execute(f"PRAGMA user_version = {number}")
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            applied.append(name)
        return applied

    # -- writing --------------------------------------------------------------

    def has(self, article_id: str, text_hash: str | None = None) -> bool:
        """Whether the article is stored (with this text, when a hash is given)."""
        row = self.conn.execute(
            "SELECT content_hash FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return row is not None and (text_hash is None or row[0] == text_hash)

    def write(self, document: Document) -> WriteResult:
        """Store one Document in one transaction; a failed one goes to ``failures``."""
        if document.error is not None:
            with self._transaction():
                self.conn.execute(
                    "INSERT OR REPLACE INTO failures(source_id, error, failed_at) VALUES (?, ?, ?)",
                    (document.id, document.error, _now()),
                )
            return "failed"
        text_hash = content_hash(document.text)
        with self._transaction():
            row = self.conn.execute(
                "SELECT content_hash FROM articles WHERE id = ?", (document.id,)
            ).fetchone()
            if row is not None and row[0] == text_hash:
                return "unchanged"
            if row is not None:
                self.conn.execute("DELETE FROM articles WHERE id = ?", (document.id,))
            self._insert(document, text_hash)
            self.conn.execute("DELETE FROM failures WHERE source_id = ?", (document.id,))
        return "updated" if row is not None else "added"

    def _transaction(self):
        return _Transaction(self.conn)

    def _insert(self, doc: Document, text_hash: str) -> None:
        aid = doc.id
        self.conn.execute(
            "INSERT INTO articles(id, url, title, source, published, lang, text, content_hash,"
            " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (aid, doc.url, doc.title, doc.source, doc.published, doc.lang, doc.text, text_hash,
             _now()),
        )
        self.conn.execute(
            "INSERT INTO documents(article_id, schema, json) VALUES (?, ?, ?)",
            (aid, doc.schema_, doc.to_json()),
        )
        for table, rows in layer_rows(doc).items():
            if rows:
                columns = list(rows[0])
                self.conn.executemany(
                    f"INSERT INTO {table}(article_id, {', '.join(_q(c) for c in columns)}) "
                    f"VALUES (?, {', '.join('?' * len(columns))})",
                    [(aid, *row.values()) for row in rows],
                )

    # -- reading --------------------------------------------------------------

    def documents(self) -> Iterator[Document]:
        """Every stored Document, in the order it was ingested."""
        for row in self.conn.execute("SELECT json FROM documents ORDER BY rowid"):
            yield Document.from_json(row[0])

    def document(self, article_id: str) -> Document | None:
        row = self.conn.execute(
            "SELECT json FROM documents WHERE article_id = ?", (article_id,)
        ).fetchone()
        return Document.from_json(row[0]) if row else None

    def rows(self, table: str) -> Iterator[dict]:
        if table not in TABLES:
            raise StoreError(f"no table {table!r}; have {list(TABLES)}")
        for row in self.conn.execute(f"SELECT * FROM {table} ORDER BY rowid"):
            yield dict(row)

    def events(self, query: EventQuery) -> list[dict]:
        """Events matching the query, with their article's date, URL and title."""
        sql, params = build_sql(query)
        try:
            return [dict(row) for row in self.conn.execute(sql, params)]
        except sqlite3.OperationalError as exc:
            if query.text:  # the only user-written SQL is the FTS5 expression
                raise StoreError(f"invalid text query {query.text!r}: {exc}") from None
            raise

    def columns(self, table: str) -> list[tuple[str, str]]:
        """(name, declared SQL type) of each column of a table."""
        if table not in TABLES:
            raise StoreError(f"no table {table!r}; have {list(TABLES)}")
        return [(r["name"], r["type"]) for r in self.conn.execute(f"PRAGMA table_info({table})")]

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise StoreError(f"no table {table!r}; have {list(TABLES)}")
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, ROLLBACK on any exception (KeyboardInterrupt too)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self):
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb):
        self.conn.execute("COMMIT" if exc_type is None else "ROLLBACK")
        return False


def _q(column: str) -> str:
    return f'"{column}"'


def _statements(sql: str) -> Iterator[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()


def layer_rows(doc: Document) -> dict[str, list[dict]]:
    """The Document's layers as flat rows, one list per table (article id not included)."""
    actors = {a.id: a for a in doc.actors}
    places = {p.id: p for p in doc.places}

    def actor_cols(prefix: str, actor_id: str | None) -> dict:
        actor = actors.get(actor_id or "")
        return {
            prefix: actor_id,
            f"{prefix}_code": actor.code if actor else None,
            f"{prefix}_country": actor.country if actor else None,
            f"{prefix}_org": actor.org if actor else None,
        }

    events = []
    for e in doc.events:
        place = places.get(e.place or "")
        events.append({
            "id": e.id, "type": e.type, "mode": e.mode, "context": json.dumps(e.context),
            **actor_cols("actor", e.actor), **actor_cols("recipient", e.recipient),
            "trigger_text": e.trigger.text, "trigger_start": e.trigger.start,
            "trigger_end": e.trigger.end, "sentence_start": e.sentence[0],
            "sentence_end": e.sentence[1], "date": e.date, "time": e.time, "place": e.place,
            "place_name": place.name if place else None,
            "place_country": place.country if place else None,
            "lat": place.lat if place else None, "lon": place.lon if place else None,
            "quantity": e.quantity, "modality": e.modality, "attributed_to": e.attributed_to,
            "quote": e.quote, "confidence": e.confidence,
        })
    return {
        "entities": [e.model_dump() for e in doc.entities],
        "actors": [
            {**a.model_dump(exclude={"mentions", "nominal", "inferred"}),
             "sector": json.dumps(a.sector)}
            for a in doc.actors
        ],
        "places": [p.model_dump(exclude={"mentions"}) for p in doc.places],
        "times": [t.model_dump() for t in doc.times],
        "amounts": [a.model_dump() for a in doc.amounts],
        "quotes": [
            {
                **q.model_dump(exclude={"speaker"}),
                "speaker_text": q.speaker.text if q.speaker else None,
                "speaker_start": q.speaker.start if q.speaker else None,
                "speaker_end": q.speaker.end if q.speaker else None,
                "speaker_actor": q.speaker.actor if q.speaker else None,
            }
            for q in doc.quotes
        ],
        "events": events,
    }
