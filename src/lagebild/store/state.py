"""What ``lagebild watch`` remembers between polls and restarts, kept in the store.

Per feed: its ETag and Last-Modified (saved only once all its entries were
handled, so a crash mid-poll never turns the next poll into a 304 that hides
unread entries). Per entry: whether it is stored, a duplicate, or failed (and
how often), written in the same transaction as the entry's article.
"""

from __future__ import annotations

from datetime import UTC, datetime

#: An entry that failed this many polls in a row is given up on.
MAX_ATTEMPTS = 3
#: Entry states that need no further fetch.
DONE_STATES = ("stored", "duplicate")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class FeedState:
    """Mixed into Store: needs ``self.conn`` and ``self._transaction()``."""

    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) from the last complete poll of a feed."""
        row = self.conn.execute(
            "SELECT etag, last_modified FROM feeds WHERE url = ?", (url,)
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_feed(self, url: str, status: str, etag: str | None = None,
                  last_modified: str | None = None, error: str | None = None) -> None:
        """Record a poll; validators are replaced only when given (a complete poll)."""
        with self._transaction():
            self.conn.execute(
                "INSERT INTO feeds(url, etag, last_modified, polled_at, status, error) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
                "etag = coalesce(excluded.etag, etag), "
                "last_modified = coalesce(excluded.last_modified, last_modified), "
                "polled_at = excluded.polled_at, status = excluded.status, error = excluded.error",
                (url, etag, last_modified, _now(), status, error),
            )

    def entry_done(self, feed_url: str, key: str) -> bool:
        """Whether an entry needs no further fetch: handled, or failed too often."""
        row = self.conn.execute(
            "SELECT state, attempts FROM feed_entries WHERE feed_url = ? AND entry_key = ?",
            (feed_url, key),
        ).fetchone()
        return row is not None and (row[0] in DONE_STATES or row[1] >= MAX_ATTEMPTS)

    def mark_entry(self, feed_url: str, key: str, url: str | None, article_id: str | None,
                   state: str, error: str | None = None) -> None:
        with self._transaction():
            self._mark_entry(feed_url, key, url, article_id, state, error)

    def _mark_entry(self, feed_url: str, key: str, url: str | None, article_id: str | None,
                    state: str, error: str | None = None) -> None:
        """Record an entry's outcome; ``retry`` counts an attempt and leaves the entry open."""
        self.conn.execute(
            "INSERT INTO feed_entries(feed_url, entry_key, url, article_id, state, attempts, "
            "error, seen_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?) "
            "ON CONFLICT(feed_url, entry_key) DO UPDATE SET url = excluded.url, "
            "article_id = excluded.article_id, state = excluded.state, "
            "attempts = attempts + 1, error = excluded.error, seen_at = excluded.seen_at",
            (feed_url, key, url, article_id, state, error, _now()),
        )
