"""The SQLite store: migrations, one transaction per article, no-op re-ingest, queries, exports."""

from __future__ import annotations

import csv
import json
import sqlite3

import pyarrow.parquet as pq
import pytest

from lagebild.errors import StoreError
from lagebild.model import Actor, Document, Entity, Event, Place, Span
from lagebild.store import EventQuery, Store
from lagebild.store.export import export
from lagebild.store.migrations import MIGRATIONS


def make_document(ident="d1", text="Die OVKS entsandte Soldaten nach Kasachstan.",
                  date="2022-01-06", event_type="MOBILIZE") -> Document:
    """A Document as the events layer will fill it, written by hand."""
    return Document(
        id=ident, text=text, lang="de", published="2022-01-10", title=f"Titel {ident}",
        sentences=[(0, len(text))],
        entities=[
            Entity(id="e1", text="OVKS", start=4, end=8, label="ORG", actor="a1"),
            Entity(id="e2", text="Kasachstan", start=33, end=43, label="LOC", actor="a2",
                   place="p1"),
        ],
        actors=[
            Actor(id="a1", name="CSTO", country="IGO", org="CSTO", code="IGO", mentions=["e1"]),
            Actor(id="a2", name="Kazakhstan", country="KAZ", code="KAZ", mentions=["e2"]),
        ],
        places=[Place(id="p1", name="Kasachstan", lat=48.0, lon=68.0, country="KZ",
                      kind="country", mentions=["e2"])],
        events=[Event(id="v1", type=event_type, actor="a1", recipient="a2", place="p1",
                      trigger=Span(text="entsandte", start=9, end=18),
                      sentence=(0, len(text)), date=date, confidence=0.9)],
    )


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "test.db") as store:
        yield store


def test_new_store_is_migrated_and_in_wal_mode(store, tmp_path):
    assert store.version == len(MIGRATIONS)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = [r[0] for r in store.conn.execute("SELECT name FROM migrations")]
    assert names == [name for name, _ in MIGRATIONS]
    assert store.migrate() == []  # nothing left to apply


def test_a_store_from_a_newer_lagebild_is_refused(tmp_path):
    path = tmp_path / "new.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this lagebild knows"):
        Store(path)


def test_write_fills_every_table_and_keeps_the_document(store):
    doc = make_document()
    assert store.write(doc) == "added"
    assert store.document("d1") == doc
    assert store.count("entities") == 2 and store.count("actors") == 2
    assert store.count("places") == 1 and store.count("events") == 1
    event = next(store.rows("events"))
    assert (event["type"], event["actor_org"], event["recipient_country"],
            event["place_country"], event["trigger_text"]) == (
        "MOBILIZE", "CSTO", "KAZ", "KZ", "entsandte")


def test_rewriting_the_same_article_is_a_no_op(store):
    doc = make_document()
    store.write(doc)
    assert store.write(doc) == "unchanged"
    assert store.count("articles") == 1 and store.count("entities") == 2


def test_changed_text_under_the_same_id_replaces_all_rows(store):
    store.write(make_document())
    changed = make_document(text="Die OVKS entsandte Soldaten nach Kasachstan, hieß es.")
    assert store.write(changed) == "updated"
    assert store.count("articles") == 1 and store.count("events") == 1
    assert store.document("d1").text.endswith("hieß es.")
    assert [r["rowid"] for r in store.conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'hieß'")] != []


def test_failed_documents_go_to_failures_and_leave_when_fixed(store):
    assert store.write(Document(id="d1", error="empty text")) == "failed"
    assert store.count("failures") == 1 and store.count("articles") == 0
    store.write(make_document())
    assert store.count("failures") == 0


def test_a_failing_write_leaves_nothing_behind(store, monkeypatch):
    import lagebild.store.sqlite as sqlite_module

    def broken(doc):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(sqlite_module, "layer_rows", broken)
    with pytest.raises(RuntimeError):
        store.write(make_document())
    assert store.count("articles") == 0 and store.count("documents") == 0


def test_queries_filter_by_type_actor_country_dates_and_text(store):
    store.write(make_document("d1", date="2022-01-06"))
    store.write(make_document("d2", text="Die OVKS entsandte Soldaten nach Kasachstan, hieß es.",
                              date="2022-01-09", event_type="AID"))

    def ids(**filters):
        return [r["article_id"] for r in store.events(EventQuery(**filters))]

    assert ids() == ["d1", "d2"]
    assert ids(type="aid") == ["d2"]
    assert ids(actor="CSTO") == ["d1", "d2"] == ids(actor="igo")
    assert ids(actor="RUS") == []
    assert ids(country="KZ") == ["d1", "d2"] == ids(country="KAZ")
    assert ids(since="2022-01-07") == ["d2"]
    assert ids(until="2022-01-06") == ["d1"]
    assert ids(text="hieß") == ["d2"]
    assert ids(limit=1) == ["d1"]
    with pytest.raises(StoreError, match="unknown ISO country code"):
        ids(country="XQ")
    with pytest.raises(StoreError, match="invalid text query"):
        ids(text='"unbalanced')


def test_exports_jsonl_csv_parquet(store, tmp_path):
    store.write(make_document("d1"))
    store.write(make_document("d2", event_type="AID"))
    assert export(store, "jsonl", tmp_path / "docs.jsonl") == 2
    lines = (tmp_path / "docs.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["d1", "d2"]
    assert export(store, "csv", tmp_path / "events.csv") == 2
    with (tmp_path / "events.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["type"] for r in rows] == ["MOBILIZE", "AID"]
    assert export(store, "parquet", tmp_path / "entities.parquet", table="entities") == 4
    table = pq.read_table(tmp_path / "entities.parquet")
    assert table.column("text").to_pylist() == ["OVKS", "Kasachstan"] * 2
    assert str(table.schema.field("start").type) == "int64"
    assert not list(tmp_path.glob(".*.part"))


def test_empty_parquet_export_keeps_the_columns(store, tmp_path):
    assert export(store, "parquet", tmp_path / "events.parquet") == 0
    assert "actor_code" in pq.read_table(tmp_path / "events.parquet").column_names


def test_readonly_store_must_exist(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        Store(tmp_path / "nope.db", readonly=True)


def test_events_of_an_older_store_get_their_amounts_on_open(tmp_path):
    """Migration 0004 fills quantity_value/unit/text of events stored before it existed."""
    from lagebild.model import Amount

    text = "Die Polizei nahm zwölf Demonstranten fest."
    document = Document(
        id="alt", text=text, lang="de", sentences=[(0, len(text))],
        amounts=[Amount(id="n1", text="zwölf Demonstranten", start=17, end=36, value=12,
                        unit="Demonstrant")],
        events=[Event(id="e1", type="COERCE", trigger=Span(text="nahm", start=12, end=16),
                      sentence=(0, len(text)), quantity="n1")])
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.write(document)
    conn = sqlite3.connect(path, isolation_level=None)
    for column in ("quantity_value", "quantity_unit", "quantity_text", "retold"):
        conn.execute(f"ALTER TABLE events DROP COLUMN {column}")  # the store of version 3
    conn.execute("DELETE FROM migrations WHERE name IN ('0004_event_quantity_amount', "
                 "'0005_event_retold')")
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    with Store(path) as store:
        assert store.version == len(MIGRATIONS)
        [row] = store.conn.execute(
            "SELECT quantity, quantity_value, quantity_unit, quantity_text FROM events")
        assert tuple(row) == ("n1", 12.0, "Demonstrant", "zwölf Demonstranten")


def test_an_event_told_again_keeps_the_words_of_each_telling_in_the_store(tmp_path):
    from lagebild.store.reads import Reader

    text = "Polizei nimmt Schlepper fest. Die Polizei nahm in Passau drei Schlepper fest."
    document = Document(
        id="told", text=text, lang="de", sentences=[(0, 29), (30, len(text))],
        events=[Event(id="v1", type="COERCE", trigger=Span(text="nimmt", start=8, end=13),
                      sentence=(0, 29), retold=[Span(text="nahm", start=42, end=46)])])
    path = tmp_path / "told.db"
    with Store(path) as store:
        store.write(document)
    record = Reader(path).event("told/v1")
    assert record["retold"] == [{"text": "nahm", "start": 42, "end": 46}]
    assert text[42:46] == "nahm"
