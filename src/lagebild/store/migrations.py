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
    (
        "0002_ingest_dedup_watch",
        """
        ALTER TABLE articles ADD COLUMN author TEXT;
        ALTER TABLE articles ADD COLUMN canonical_url TEXT;
        ALTER TABLE articles ADD COLUMN cluster_id TEXT;
        CREATE INDEX articles_canonical_url ON articles(canonical_url);
        CREATE INDEX articles_content_hash ON articles(content_hash);
        CREATE INDEX articles_cluster ON articles(cluster_id);
        CREATE TABLE minhashes (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            signature BLOB NOT NULL
        );
        CREATE TABLE lsh_bands (
            key INTEGER NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (key, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX lsh_bands_article ON lsh_bands(article_id);
        CREATE TABLE duplicates (
            key TEXT PRIMARY KEY,
            article_id TEXT NOT NULL,
            url TEXT,
            source TEXT,
            kind TEXT NOT NULL,
            seen_at TEXT NOT NULL
        );
        CREATE INDEX duplicates_article ON duplicates(article_id);
        CREATE TABLE feeds (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            polled_at TEXT,
            status TEXT,
            error TEXT
        );
        CREATE TABLE feed_entries (
            feed_url TEXT NOT NULL,
            entry_key TEXT NOT NULL,
            url TEXT,
            article_id TEXT,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (feed_url, entry_key)
        );
        CREATE VIEW merged_events AS
        WITH article_sources AS (
            SELECT id AS article_id, coalesce(source, url, id) AS name FROM articles
            UNION
            SELECT article_id, coalesce(source, url, key) FROM duplicates
        ),
        keyed AS (
            SELECT e.article_id, e.id, e.type, e.actor_code, e.actor_org, e.recipient_code,
                   e.recipient_org, e.date, e.place_name, e.place_country, e.lat, e.lon,
                   coalesce(a.cluster_id, a.id) AS cluster, a.published,
                   coalesce(e.actor_code, '') || '|' || coalesce(e.actor_org, '') AS actor_key,
                   coalesce(e.recipient_code, '') || '|' || coalesce(e.recipient_org, '')
                       AS recipient_key,
                   coalesce(CAST(p.geonameid AS TEXT),
                            CASE WHEN e.lat IS NOT NULL AND e.lon IS NOT NULL
                                 THEN printf('%.2f,%.2f', e.lat, e.lon) END,
                            e.place_name, '') AS place_key
            FROM events e
            JOIN articles a ON a.id = e.article_id
            LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place
        )
        SELECT k.cluster AS cluster,
               min(k.article_id || '/' || k.id) AS event,
               k.type AS type,
               min(k.actor_code) AS actor_code, min(k.actor_org) AS actor_org,
               min(k.recipient_code) AS recipient_code, min(k.recipient_org) AS recipient_org,
               min(k.date) AS date, min(k.place_name) AS place_name,
               min(k.place_country) AS place_country, min(k.lat) AS lat, min(k.lon) AS lon,
               min(k.published) AS first_published,
               count(DISTINCT k.article_id) AS articles,
               count(DISTINCT s.name) AS sources,
               json_group_array(DISTINCT k.article_id) AS article_ids,
               json_group_array(DISTINCT s.name) AS source_names
        FROM keyed k
        JOIN article_sources s ON s.article_id = k.article_id
        GROUP BY k.cluster, k.type, k.actor_key, k.recipient_key, coalesce(k.date, ''),
                 k.place_key;
        """,
    ),
    (
        "0003_event_reading_indexes",
        """
        CREATE INDEX events_order ON events(coalesce(date, ''), article_id, id);
        CREATE INDEX events_type_order ON events(type, coalesce(date, ''), article_id, id);
        """,
    ),
    (
        # an event's amount readable in every table and export, not only its id ("n2")
        "0004_event_quantity_amount",
        """
        ALTER TABLE events ADD COLUMN quantity_value REAL;
        ALTER TABLE events ADD COLUMN quantity_unit TEXT;
        ALTER TABLE events ADD COLUMN quantity_text TEXT;
        UPDATE events SET (quantity_value, quantity_unit, quantity_text) = (
            SELECT am.value, am.unit, am.text FROM amounts am
            WHERE am.article_id = events.article_id AND am.id = events.quantity)
        WHERE quantity IS NOT NULL;
        """,
    ),
    (
        # the words of the other sentences that tell an event again (Event.retold), as
        # JSON; events stored before stay without (NULL, read as none)
        "0005_event_retold",
        """
        ALTER TABLE events ADD COLUMN retold TEXT;
        """,
    ),
]
