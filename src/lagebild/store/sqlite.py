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
from ..layers import LAYERS, layer_rows
from ..model import Document
from ..urls import url_key
from .dedup import assign_cluster
from .migrations import MIGRATIONS
from .query import EventQuery, build_sql
from .state import FeedState

LAYER_TABLES = LAYERS
STATE_TABLES = ("duplicates", "feeds", "feed_entries")
VIEWS = ("merged_events",)
TABLES = ("articles", "documents", *LAYER_TABLES, "failures", *STATE_TABLES, *VIEWS)
WriteResult = Literal["added", "updated", "unchanged", "duplicate", "failed"]
Triage = Literal["new", "unchanged", "duplicate"]
#: An entry of a feed: (feed URL, entry key, entry link).
EntryRef = tuple[str, str, str | None]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store(FeedState):
    """A lagebild SQLite database; use as a context manager."""

    def __init__(self, path: str | Path = "lagebild.db", *, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        self._columns: dict[str, set[str]] = {}
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
        if not self.readonly:
            try:  # keep the query planner's statistics current (cheap; SQLite's advice)
                self.conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
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
        if "0002_ingest_dedup_watch" in applied:
            self._cluster_unclustered()
        return applied

    def _cluster_unclustered(self) -> None:
        """Give articles stored before clustering existed their signature and cluster."""
        rows = self.conn.execute(
            "SELECT id, text, url FROM articles WHERE id NOT IN (SELECT article_id FROM minhashes)"
            " ORDER BY rowid"
        ).fetchall()
        for article_id, text, url in rows:
            with self._transaction():
                cluster = assign_cluster(self.conn, article_id, text)
                self.conn.execute(
                    "UPDATE articles SET cluster_id = ?, canonical_url = ? WHERE id = ?",
                    (cluster, url_key(url) if url else None, article_id),
                )
                self.conn.execute(
                    "UPDATE documents SET json = json_set(json, '$.cluster', ?) "
                    "WHERE article_id = ?", (cluster, article_id),
                )

    # -- writing --------------------------------------------------------------

    def has(self, article_id: str, text_hash: str | None = None) -> bool:
        """Whether the article is stored (with this text, when a hash is given)."""
        row = self.conn.execute(
            "SELECT content_hash FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return row is not None and (text_hash is None or row[0] == text_hash)

    def known(self, key: str) -> bool:
        """Whether an article with this URL key (``lagebild.urls.url_key``) is stored."""
        return self.conn.execute(
            "SELECT 1 FROM articles WHERE canonical_url = ? UNION ALL "
            "SELECT 1 FROM duplicates WHERE key = ? LIMIT 1", (key, key)
        ).fetchone() is not None

    def triage(self, article_id: str, text: str, url: str | None = None,
               source: str | None = None) -> tuple[Triage, str | None]:
        """Whether an article is new, stored already, or a duplicate (and of which article).

        A duplicate has the URL key or the exact text of another stored article; it is
        recorded in ``duplicates`` (so its source counts) and not analysed again.
        """
        text_hash = content_hash(text)
        row = self.conn.execute(
            "SELECT content_hash FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is not None:
            return ("unchanged" if row[0] == text_hash else "new"), article_id
        with self._transaction():
            original = self._record_duplicate(article_id, text_hash, url, source)
        return ("new", None) if original is None else ("duplicate", original)

    def _record_duplicate(self, article_id: str, text_hash: str, url: str | None,
                          source: str | None) -> str | None:
        """The stored article this one duplicates (same URL key or text), recorded; else None."""
        key = url_key(url) if url else None
        original, kind = None, "url"
        if key:
            original = self.conn.execute(
                "SELECT id FROM articles WHERE canonical_url = ? AND id != ? UNION ALL "
                "SELECT article_id FROM duplicates WHERE key = ? LIMIT 1", (key, article_id, key)
            ).fetchone()
        if original is None:
            kind = "text"
            original = self.conn.execute(
                "SELECT id FROM articles WHERE content_hash = ? AND id != ? LIMIT 1",
                (text_hash, article_id),
            ).fetchone()
        if original is None:
            return None
        self.conn.execute(
            "INSERT OR IGNORE INTO duplicates(key, article_id, url, source, kind, seen_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (key or article_id, original[0], url, source, kind, _now()),
        )
        return original[0]

    def write(self, document: Document, entries: list[EntryRef] = (),
              dedupe: bool = False) -> WriteResult:
        """Store one Document in one transaction; a failed one goes to ``failures``.

        ``entries``: the feed entries it came from, marked as seen in the same transaction.
        ``dedupe``: a new article with the URL key or text of a stored one is only
        recorded as its duplicate (``triage`` does this before analysis; this catches
        copies that were analysed in the same batch as their original).
        """
        if document.error is not None:
            with self._transaction():
                self.conn.execute(
                    "INSERT OR REPLACE INTO failures(source_id, error, failed_at) VALUES (?, ?, ?)",
                    (document.id, document.error, _now()),
                )
                for feed_url, key, link in entries:
                    self._mark_entry(feed_url, key, link, document.id, "retry", document.error)
            return "failed"
        text_hash = content_hash(document.text)
        with self._transaction():
            row = self.conn.execute(
                "SELECT content_hash FROM articles WHERE id = ?", (document.id,)
            ).fetchone()
            original = None
            if row is None and dedupe:  # a copy of an article written since it was triaged
                original = self._record_duplicate(document.id, text_hash, document.url,
                                                  document.source)
            for feed_url, key, link in entries:
                state = "duplicate" if original else "stored"
                self._mark_entry(feed_url, key, link, original or document.id, state)
            if original is not None:
                return "duplicate"
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
            " ingested_at, author, canonical_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (aid, doc.url, doc.title, doc.source, doc.published, doc.lang, doc.text, text_hash,
             _now(), doc.author, url_key(doc.url) if doc.url else None),
        )
        doc.cluster = assign_cluster(self.conn, aid, doc.text)
        self.conn.execute("UPDATE articles SET cluster_id = ? WHERE id = ?", (doc.cluster, aid))
        self.conn.execute(
            "INSERT INTO documents(article_id, schema, json) VALUES (?, ?, ?)",
            (aid, doc.schema_, doc.to_json()),
        )
        for table, rows in layer_rows(doc).items():
            if rows:
                # fields without a column yet stay in documents.json only
                columns = [c for c in rows[0] if c in self._table_columns(table)]
                self.conn.executemany(
                    f"INSERT INTO {table}(article_id, {', '.join(_q(c) for c in columns)}) "
                    f"VALUES (?, {', '.join('?' * len(columns))})",
                    [(aid, *(row[c] for c in columns)) for row in rows],
                )

    def _table_columns(self, table: str) -> set[str]:
        if table not in self._columns:
            rows = self.conn.execute(f"PRAGMA table_info({table})")
            self._columns[table] = {row["name"] for row in rows}
        return self._columns[table]

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
        order = "cluster, event" if table in VIEWS else "rowid"
        for row in self.conn.execute(f"SELECT * FROM {table} ORDER BY {order}"):
            yield dict(row)

    def merged_events(self) -> list[dict]:
        """Events merged over their story cluster, with the articles and sources behind each."""
        rows = self.rows("merged_events")
        return [{**row, "article_ids": json.loads(row["article_ids"]),
                 "source_names": json.loads(row["source_names"])} for row in rows]

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
