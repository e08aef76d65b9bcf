"""The Document schema is a contract: its field names, its JSON Schema file, its round trip."""

from __future__ import annotations

import pytest

from lagebild.model import (
    EVENT_TYPES,
    SCHEMA,
    Actor,
    Document,
    Entity,
    Event,
    Span,
    json_schema,
    parse_published,
)
from tests.conftest import ROOT


def test_committed_json_schema_is_current():
    committed = (ROOT / "docs" / "document.schema.json").read_text(encoding="utf-8")
    assert committed == json_schema(), "run: lagebild schema -o docs/document.schema.json"


def test_document_fields_are_those_of_the_design():
    fields = set(Document.model_fields)
    assert {"schema_", "id", "url", "title", "source", "published", "lang", "text", "sentences",
            "entities", "actors", "places", "times", "amounts", "quotes",
            "events"} <= fields
    dumped = Document(id="x").to_dict()
    assert dumped["schema"] == SCHEMA == "lagebild.document/1"
    for layer in ("entities", "actors", "places", "times", "amounts", "quotes", "events"):
        assert dumped[layer] == []


def test_event_fields_and_types():
    assert set(Event.model_fields) >= {
        "id", "type", "mode", "context", "actor", "recipient", "trigger", "sentence", "date",
        "time", "place", "quantity", "modality", "attributed_to", "quote", "confidence",
    }
    assert len(EVENT_TYPES) == 16 and "MOBILIZE" in EVENT_TYPES


def test_round_trip_keeps_every_layer():
    doc = Document(
        id="d1", text="OVKS entsendet Soldaten.", lang="de", published="2022-01-06",
        sentences=[(0, 24)],
        entities=[Entity(id="e1", text="OVKS", start=0, end=4, label="ORG", actor="a1")],
        actors=[Actor(id="a1", name="Collective Security Treaty Organization", country="IGO",
                      org="CSTO", code="IGO", mentions=["e1"])],
        events=[Event(id="v1", type="MOBILIZE", actor="a1",
                      trigger=Span(text="entsendet", start=5, end=14), sentence=(0, 24),
                      date="2022-01-06")],
    )
    again = Document.from_json(doc.to_json())
    assert again == doc
    assert again.to_dict()["events"][0]["trigger"] == {"text": "entsendet", "start": 5, "end": 14}


def test_unknown_fields_are_refused():
    with pytest.raises(ValueError):
        Document.model_validate({"id": "x", "schema": SCHEMA, "colour": "blue"})


@pytest.mark.parametrize("given,expected", [
    ("2022-01-10", "2022-01-10"),
    ("2022-01-10T19:30:00", "2022-01-10T19:30:00"),
    ("2022-01-10T19:30:00Z", "2022-01-10T19:30:00+00:00"),
    (None, None),
])
def test_parse_published(given, expected):
    assert parse_published(given) == expected


@pytest.mark.parametrize("bad", ["gestern", "10.01.2022", "2022-13-01", "2022-01-10 nachts"])
def test_parse_published_refuses(bad):
    with pytest.raises(ValueError, match="ISO 8601"):
        parse_published(bad)
