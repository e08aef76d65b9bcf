"""De-duplication end to end: a feed with syndicated copies, exact copies and tracking links."""

from __future__ import annotations

import pytest

from lagebild.ingest import read_sources
from lagebild.ingest.fetch import FetchPolicy
from lagebild.ingest.pages import IngestContext
from lagebild.ingest.watch import Tally, ingest_articles
from lagebild.store import Store
from tests.ingest.news import serve_corpus

FAST = FetchPolicy(allow_private=True, host_delay=0.0, backoff=0.01)


def ingest(store, pipeline, sources) -> Tally:
    tally = Tally()
    with IngestContext(policy=FAST, known=store.known) as context:
        articles = read_sources(sources, context=context)
        ingest_articles(store, pipeline, (([], a) for a in articles), tally)
    return tally


@pytest.mark.slow
def test_feed_of_200_entries_twice_gives_160_articles_in_130_clusters(web, tmp_path, pipeline):
    corpus = serve_corpus(web)
    assert corpus.entries == 200
    with Store(tmp_path / "dedup.db") as store:
        first = ingest(store, pipeline, [corpus.feed_url])
        assert first.articles["failed"] == 0, first.summary()
        second = ingest(store, pipeline, [corpus.feed_url])
        assert second.articles["added"] == 0 and second.articles["updated"] == 0
        conn = store.conn
        assert store.count("articles") == corpus.articles == 160
        clusters = conn.execute("SELECT count(DISTINCT cluster_id) FROM articles").fetchone()[0]
        assert clusters == corpus.clusters == 130
        for column in ("canonical_url", "content_hash"):
            repeated = conn.execute(
                f"SELECT count(*) FROM (SELECT {column} FROM articles GROUP BY {column} "
                "HAVING count(*) > 1)").fetchone()[0]
            assert repeated == 0, column
        assert conn.execute("SELECT count(*) FROM duplicates WHERE kind = 'text'"
                            ).fetchone()[0] == 10
        # every near-copy sits in the cluster of its original, named after the first article
        copies = conn.execute("SELECT cluster_id, source FROM articles WHERE url LIKE '%/s/%'"
                              ).fetchall()
        assert len(copies) == 30
        for cluster, _source in copies:
            assert conn.execute("SELECT count(*) FROM articles WHERE cluster_id = ?",
                                (cluster,)).fetchone()[0] >= 2
        # the Document carries the cluster and the feed entry's author and date
        original = "SELECT id FROM articles WHERE url LIKE '%/p/%' LIMIT 1"
        document = store.document(conn.execute(original).fetchone()[0])
        assert document.cluster and document.author and document.published.startswith("2024-")
    # the second run fetched no article page again: only the feed and robots.txt
    assert max(count for path, count in web.hits.items() if path.startswith("/p/")) <= 2
