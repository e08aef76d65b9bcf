"""Story clusters and merged events, with hand-built Documents carrying events."""

from __future__ import annotations

import sqlite3

from lagebild.model import Document
from lagebild.store import Store
from lagebild.store.migrations import MIGRATIONS
from tests.store.test_sqlite import make_document

REPORT = ("Die OVKS entsandte Soldaten nach Kasachstan. Nach Angaben aus Almaty landeten die "
          "ersten Maschinen am Donnerstagabend auf dem Flughafen der Stadt, wie ein Sprecher "
          "des Verteidigungsministeriums in Moskau mitteilte. Weitere Einheiten sollen folgen.")


def report(ident: str, source: str, text: str = REPORT, date: str = "2022-01-06",
           url: str | None = None) -> Document:
    document = make_document(ident, text=text, date=date)
    document.source, document.url = source, url or f"https://{source}.example/{ident}"
    return document


def test_syndicated_copies_share_a_cluster_and_their_events_merge(tmp_path):
    with Store(tmp_path / "m.db") as store:
        store.write(report("a1", "zeitung"))
        store.write(report("a2", "agentur", REPORT + " Die Lage sei ruhig, hieß es."))
        store.write(report("a3", "kurier", REPORT.replace("Weitere", "Zusätzliche")))
        store.write(report("b1", "zeitung", "Die OVKS entsandte Soldaten nach Kasachstan. "
                           "In Bischkek tagte am Freitag das Parlament über den Haushalt."))
        store.write(report("a4", "blatt", REPORT, date="2022-01-07"))  # same text: same hash
        clusters = dict(store.conn.execute("SELECT id, cluster_id FROM articles"))
        assert clusters["a1"] == clusters["a2"] == clusters["a3"] == "a1"
        assert clusters["b1"] == "b1"
        assert store.document("a2").cluster == "a1"
        merged = store.merged_events()
    by_cluster = {(m["cluster"], m["date"]): m for m in merged}
    main = by_cluster[("a1", "2022-01-06")]
    assert main["type"] == "MOBILIZE" and main["actor_org"] == "CSTO"
    assert main["articles"] == 3 and main["sources"] == 3
    assert main["article_ids"] == ["a1", "a2", "a3"]
    assert sorted(main["source_names"]) == ["agentur", "kurier", "zeitung"]
    assert by_cluster[("a1", "2022-01-07")]["articles"] == 1  # another date: another event
    assert by_cluster[("b1", "2022-01-06")]["articles"] == 1


def test_exact_duplicates_are_recorded_and_count_as_sources(tmp_path):
    with Store(tmp_path / "d.db") as store:
        store.write(report("a1", "zeitung"))
        verdict = store.triage("x9", REPORT, "https://agentur.example/x9", "agentur")
        assert verdict == ("duplicate", "a1")
        assert store.triage("x8", "Ganz anderer Text.", None) == ("new", None)
        assert store.triage("a1", REPORT) == ("unchanged", "a1")
        assert store.known("agentur.example/x9") and store.known("zeitung.example/a1")
        [merged] = store.merged_events()
    assert merged["articles"] == 1 and merged["sources"] == 2


def test_dedupe_on_write_catches_copies_from_the_same_batch(tmp_path):
    with Store(tmp_path / "b.db") as store:
        assert store.write(report("a1", "zeitung"), dedupe=True) == "added"
        assert store.write(report("a2", "agentur"), dedupe=True) == "duplicate"
        assert store.count("articles") == 1 and store.count("duplicates") == 1


def test_a_store_from_before_clustering_gets_clusters_on_open(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    from lagebild.store.sqlite import _statements

    for statement in _statements(MIGRATIONS[0][1]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    for ident in ("o1", "o2"):
        document = report(ident, "zeitung")
        conn.execute("INSERT INTO articles(id, url, text, content_hash, ingested_at) "
                     "VALUES (?, ?, ?, ?, 'x')", (ident, document.url, document.text, ident))
        conn.execute("INSERT INTO documents VALUES (?, ?, ?)",
                     (ident, document.schema_, document.to_json()))
    conn.close()
    with Store(path) as store:
        assert store.version == len(MIGRATIONS)
        assert dict(store.conn.execute("SELECT id, cluster_id FROM articles")) == {
            "o1": "o1", "o2": "o1"}
        assert store.document("o2").cluster == "o1"
