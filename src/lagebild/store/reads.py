"""Reads of a store for the API and the exports: one read-only SQLite connection per thread.

Every answer is built from plain SQL over the store's tables (``events``,
``actors``, ``amounts``, ``quotes``, ...) so that a page of events costs a few
index lookups, whatever the size of the store.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from ..errors import NotFoundError, StoreError
from .query import EventQuery, where_clause
from .sqlite import Store

_ORDER = {  # sort → (key expression, direction)
    "date": ("coalesce(e.date, '')", "ASC"),
    "-date": ("coalesce(e.date, '')", "DESC"),
    "published": ("coalesce(a.published, '')", "ASC"),
    "-published": ("coalesce(a.published, '')", "DESC"),
}

_ARTICLE = re.compile(r"\ba\.")  # SQL that reads a column of the article


def _party(role: str, alias: str) -> str:
    return (f"CASE WHEN e.{role} IS NULL THEN NULL ELSE json_object('id', e.{role}, "
            f"'name', {alias}.name, 'code', e.{role}_code, 'country', e.{role}_country, "
            f"'org', e.{role}_org, 'sector', json(coalesce({alias}.sector, '[]'))) END")


# One event as the API gives it, built by SQLite as JSON text: Python only joins the
# records of a page, which keeps a page of 50 events at about a millisecond.
RECORD = f"""json_object(
    'id', e.article_id || '/' || e.id, 'type', e.type, 'mode', e.mode,
    'modality', e.modality, 'date', e.date, 'confidence', e.confidence,
    'context', json(coalesce(e.context, '[]')),
    'actor', {_party("actor", "ac")}, 'recipient', {_party("recipient", "rc")},
    'trigger', json_object('text', e.trigger_text, 'start', e.trigger_start,
                           'end', e.trigger_end),
    'retold', json(coalesce(e.retold, '[]')),
    'sentence', json_array(e.sentence_start, e.sentence_end),
    'place', CASE WHEN e.place_name IS NULL THEN NULL ELSE json_object(
        'name', e.place_name, 'country', e.place_country, 'lat', e.lat, 'lon', e.lon) END,
    'quantity', CASE WHEN e.quantity IS NULL THEN NULL ELSE json_object(
        'id', e.quantity, 'text', am.text, 'value', am.value, 'unit', am.unit,
        'start', am.start, 'end', am."end") END,
    'attributed_to', CASE WHEN e.attributed_to IS NULL THEN NULL ELSE json_object(
        'id', e.attributed_to, 'name', at.name, 'code', at.code) END,
    'quote', e.quote,
    'article', json_object('id', e.article_id, 'title', a.title, 'url', a.url,
        'source', a.source, 'published', a.published,
        'cluster', coalesce(a.cluster_id, a.id)))"""

_DETAILS = """
SELECT {record} AS record, e.article_id, e.id, e.type, e.actor_code, e.recipient_code,
       e.quote AS quote_id, coalesce(a.cluster_id, a.id) AS cluster, {key} AS sort_key
FROM {source}
JOIN articles a ON a.id = e.article_id
LEFT JOIN actors ac ON ac.article_id = e.article_id AND ac.id = e.actor
LEFT JOIN actors rc ON rc.article_id = e.article_id AND rc.id = e.recipient
LEFT JOIN actors at ON at.article_id = e.article_id AND at.id = e.attributed_to
LEFT JOIN amounts am ON am.article_id = e.article_id AND am.id = e.quantity
"""


def event_id(article_id: str, event: str) -> str:
    """The API's id of an event: unique over the store, stable across reads."""
    return f"{article_id}/{event}"


def split_event_id(value: str) -> tuple[str, str]:
    article_id, _, event = value.rpartition("/")
    if not article_id or not event:
        raise NotFoundError(f"no event {value!r} (ids look like ARTICLE/EVENT)")
    return article_id, event


def _ordered(query: EventQuery, sort: str, limit: int,
             after: list | None = None) -> tuple[str, list]:
    """The events matching ``query`` in ``sort`` order, from after the key ``after``.

    Keyset pagination: the inner SELECT picks the page over the events alone (an index
    gives the order), and only the page's rows are joined with actors, amounts and
    articles, so a page costs the same wherever it starts and whatever the store's size.
    """
    key, direction = _ORDER[sort]
    where, params = where_clause(query)
    if after is not None:
        compare = ">" if direction == "ASC" else "<"
        where += (" AND " if where else " WHERE ") + (
            f"({key}, e.article_id, e.id) {compare} (?, ?, ?)")
        params += after
    order = f"{key} {direction}, e.article_id {direction}, e.id {direction}"
    join = " JOIN articles a ON a.id = e.article_id" if _ARTICLE.search(where + key) else ""
    page = (f"(SELECT e.rowid AS page_row FROM events e{join}{where} ORDER BY {order} LIMIT ?)"
            " page JOIN events e ON e.rowid = page.page_row")
    sql = _DETAILS.format(record=RECORD, key=key, source=page) + f" ORDER BY {order}"
    return sql, [*params, limit]


def event_records(conn: sqlite3.Connection, query: EventQuery, sort: str = "date",
                  limit: int = -1) -> Iterator[dict]:
    """Events as the API gives them, in sort order, at most ``limit`` (-1: all)."""
    for row in conn.execute(*_ordered(query, sort, limit)):
        yield json.loads(row["record"])


class Reader:
    """Read access to one store file, safe to share between server threads."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._local = threading.local()
        if self.conn.execute("PRAGMA user_version").fetchone()[0] == 0:
            raise StoreError(f"{self.path} is not a lagebild store")

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection (``Store`` read-only: ``mode=ro``, schema version checked)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.path, readonly=True)
            store.conn.execute("PRAGMA query_only = 1")
        return store.conn

    # -- events ---------------------------------------------------------------

    def events(self, query: EventQuery, sort: str, limit: int,
               after: list | None = None) -> tuple[list[str], list | None]:
        """One page of events (JSON texts) in sort order after ``after``; with the key of
        its last event when more follow."""
        rows = self.conn.execute(*_ordered(query, sort, limit + 1, after)).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        last = [rows[-1]["sort_key"], rows[-1]["article_id"], rows[-1]["id"]] if more else None
        return [r["record"] for r in rows], last

    def event_rows(self, query: EventQuery, sort: str, limit: int) -> Iterator[dict]:
        """Events for the exports, in sort order, at most ``limit``."""
        return event_records(self.conn, query, sort, limit)

    def event(self, value: str) -> dict:
        """One event with its sentence, quote and the sources that report it."""
        article_id, event = split_event_id(value)
        row = self.conn.execute(
            _DETAILS.format(record=RECORD, key="''", source="events e")
            + " WHERE e.article_id = ? AND e.id = ?", (article_id, event)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no event {value!r}")
        record = json.loads(row["record"])
        text = self.conn.execute("SELECT text FROM articles WHERE id = ?",
                                 (article_id,)).fetchone()[0]
        start, end = record["sentence"]
        record["sentence_text"] = text[start:end]
        record["quote"] = self._quote(article_id, row["quote_id"])
        record["sources"] = self._sources(row)
        return record

    def _quote(self, article_id: str, quote_id: str | None) -> dict | None:
        if quote_id is None:
            return None
        q = self.conn.execute(
            "SELECT q.*, ac.name AS actor_name, ac.code AS actor_code FROM quotes q "
            "LEFT JOIN actors ac ON ac.article_id = q.article_id AND ac.id = q.speaker_actor "
            "WHERE q.article_id = ? AND q.id = ?", (article_id, quote_id)).fetchone()
        if q is None:
            return None
        return {"id": q["id"], "text": q["text"], "start": q["start"], "end": q["end"],
                "kind": q["kind"], "cue": q["cue"],
                "speaker": None if q["speaker_text"] is None else {
                    "text": q["speaker_text"], "start": q["speaker_start"],
                    "end": q["speaker_end"], "actor": q["speaker_actor"],
                    "name": q["actor_name"], "code": q["actor_code"]}}

    def _sources(self, row: sqlite3.Row) -> list[dict]:
        """Articles of the story cluster that report an event of the same type and actors,
        and the duplicates (syndicated copies) recorded for them."""
        articles = self.conn.execute(
            "SELECT DISTINCT a.id, a.source, a.url, a.title, a.published FROM articles a "
            "JOIN events e ON e.article_id = a.id WHERE coalesce(a.cluster_id, a.id) = ? "
            "AND e.type = ? AND e.actor_code IS ? AND e.recipient_code IS ? "
            "ORDER BY a.published, a.id",
            (row["cluster"], row["type"], row["actor_code"], row["recipient_code"])).fetchall()
        sources = [{"article_id": a["id"], "source": a["source"], "url": a["url"],
                    "title": a["title"], "published": a["published"], "kind": "article"}
                   for a in articles]
        ids = [a["id"] for a in articles]
        if ids:
            copies = self.conn.execute(
                f"SELECT article_id, source, url, kind, seen_at FROM duplicates "
                f"WHERE article_id IN ({', '.join('?' * len(ids))}) ORDER BY seen_at", ids)
            sources += [{"article_id": d["article_id"], "source": d["source"], "url": d["url"],
                         "title": None, "published": None, "kind": d["kind"]} for d in copies]
        return sources

    # -- articles, actors, places, stats ---------------------------------------

    def document(self, article_id: str) -> dict:
        row = self.conn.execute("SELECT json FROM documents WHERE article_id = ?",
                                (article_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no article {article_id!r}")
        return json.loads(row[0])

    def actors(self, country: str | None, q: str | None, limit: int) -> list[dict]:
        """Actors over the store, grouped by code and organisation, most active first."""
        where, params = [], []
        if country:
            where.append("ac.country = ?")
            params.append(country)
        if q:
            where.append("ac.name LIKE ? ESCAPE '\\'")
            params.append("%" + q.replace("\\", "\\\\").replace("%", "\\%")
                          .replace("_", "\\_") + "%")
        sql = (
            "SELECT ac.code, ac.country, ac.org, max(ac.name) AS name, "
            "max(ac.sector) AS sectors, count(DISTINCT ac.article_id) AS articles, "
            "count(DISTINCT CASE WHEN e.actor = ac.id THEN e.article_id || '/' || e.id END) "
            "AS events_as_actor, "
            "count(DISTINCT CASE WHEN e.recipient = ac.id THEN e.article_id || '/' || e.id END) "
            "AS events_as_recipient "
            "FROM actors ac LEFT JOIN events e ON e.article_id = ac.article_id "
            "AND ac.id IN (e.actor, e.recipient)"
            + (f" WHERE {' AND '.join(where)}" if where else "")
            + " GROUP BY ac.code, ac.org ORDER BY articles DESC, ac.code LIMIT ?")
        rows = self.conn.execute(sql, [*params, limit]).fetchall()
        return [{**dict(r), "sectors": json.loads(r["sectors"] or "[]")} for r in rows]

    def places(self, country: str | None, limit: int) -> list[dict]:
        """Places over the store, one per GeoNames id (or name), most mentioned first."""
        sql = (
            "SELECT p.geonameid, max(p.name) AS name, p.country, p.kind, avg(p.lat) AS lat, "
            "avg(p.lon) AS lon, count(DISTINCT p.article_id) AS articles, "
            "count(e.id) AS events "
            "FROM places p LEFT JOIN events e ON e.article_id = p.article_id AND e.place = p.id"
            + (" WHERE p.country = ?" if country else "")
            + " GROUP BY coalesce(p.geonameid, p.name), p.country, p.kind "
            "ORDER BY articles DESC, events DESC, name LIMIT ?")
        params = [country] if country else []
        return [dict(r) for r in self.conn.execute(sql, [*params, limit])]

    def stats(self, query: EventQuery, by: str) -> list[dict]:
        """Event counts per day × type × country."""
        column = {"place": "e.place_country", "actor": "e.actor_country",
                  "recipient": "e.recipient_country"}[by]
        where, params = where_clause(query)
        sql = (f"SELECT substr(e.date, 1, 10) AS day, e.type AS type, {column} AS country, "
               f"count(*) AS count FROM events e JOIN articles a ON a.id = e.article_id{where} "
               "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
        return [dict(r) for r in self.conn.execute(sql, params)]

    def place_counts(self, query: EventQuery) -> list[dict]:
        """Events per place and type, with one event id of each group (the map's points)."""
        where, params = where_clause(query)
        where += (" AND " if where else " WHERE ") + "e.lat IS NOT NULL AND e.lon IS NOT NULL"
        join = " JOIN articles a ON a.id = e.article_id" if _ARTICLE.search(where) else ""
        sql = ("SELECT e.place_name AS name, e.place_country AS country, e.lat, e.lon, "
               "e.type, count(*) AS count, min(e.article_id || '/' || e.id) AS event "
               f"FROM events e{join}{where} GROUP BY e.lat, e.lon, e.place_name, "
               "e.place_country, e.type ORDER BY count DESC")
        return [dict(r) for r in self.conn.execute(sql, params)]

    def counts(self) -> dict:
        one = self.conn.execute
        return {"articles": one("SELECT count(*) FROM articles").fetchone()[0],
                "events": one("SELECT count(*) FROM events").fetchone()[0]}
