"""The store's schema as named migrations; ``PRAGMA user_version`` counts those applied.

Append new migrations at the end, never edit one that has shipped.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_initial",
        """
        CREATE TABLE migrations (
            name TEXT PRIMARY KEY,
            applied_at TEXT NOT NULL
        );
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            url TEXT,
            title TEXT,
            source TEXT,
            published TEXT,
            lang TEXT,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE TABLE documents (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            schema TEXT NOT NULL,
            json TEXT NOT NULL
        );
        CREATE TABLE entities (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL, text TEXT, start INTEGER, "end" INTEGER, label TEXT,
            actor TEXT, place TEXT,
            PRIMARY KEY (article_id, id)
        );
        CREATE TABLE actors (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL, name TEXT, country TEXT, sector TEXT, org TEXT, code TEXT,
            PRIMARY KEY (article_id, id)
        );
        CREATE INDEX actors_code ON actors(code);
        CREATE TABLE places (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL, name TEXT, geonameid INTEGER, lat REAL, lon REAL, country TEXT,
            kind TEXT,
            PRIMARY KEY (article_id, id)
        );
        CREATE TABLE times (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL, text TEXT, start INTEGER, "end" INTEGER, type TEXT, value TEXT,
            mod TEXT,
            PRIMARY KEY (article_id, id)
        );
        CREATE TABLE amounts (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL, text TEXT, start INTEGER, "end" INTEGER, value REAL, unit TEXT,
            approx INTEGER,
            PRIMARY KEY (article_id, id)
        );
        CREATE TABLE quotes (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL, text TEXT, start INTEGER, "end" INTEGER, kind TEXT, cue TEXT,
            speaker_text TEXT, speaker_start INTEGER, speaker_end INTEGER, speaker_actor TEXT,
            PRIMARY KEY (article_id, id)
        );
        CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL, type TEXT NOT NULL, mode TEXT, context TEXT,
            actor TEXT, actor_code TEXT, actor_country TEXT, actor_org TEXT,
            recipient TEXT, recipient_code TEXT, recipient_country TEXT, recipient_org TEXT,
            trigger_text TEXT, trigger_start INTEGER, trigger_end INTEGER,
            sentence_start INTEGER, sentence_end INTEGER,
            date TEXT, time TEXT, place TEXT, place_name TEXT, place_country TEXT,
            lat REAL, lon REAL, quantity TEXT, modality TEXT, attributed_to TEXT, quote TEXT,
            confidence REAL,
            PRIMARY KEY (article_id, id)
        );
        CREATE INDEX events_type_date ON events(type, date);
        CREATE INDEX events_date ON events(date);
        CREATE TABLE failures (
            source_id TEXT PRIMARY KEY,
            error TEXT NOT NULL,
            failed_at TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid', tokenize='unicode61'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END;
        """,
    ),
]
