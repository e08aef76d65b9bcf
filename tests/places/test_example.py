"""The worked example from ../shared (skipped where absent): every gold place within 161 km."""

from __future__ import annotations

from lagebild import Article
from lagebild.places import distance_km


def test_example_places_resolve_near_their_gold_point(pipeline, example):
    text, gold = example
    doc = pipeline(Article(text=text, published=gold["published"]))
    entities = {entity.id: entity for entity in doc.entities}
    for wanted in gold["places"]:
        places = [p for p in doc.places if any(entities[m].text == wanted["text"]
                                              for m in p.mentions)]
        assert places, f"{wanted['text']} not resolved"
        place = places[0]
        assert place.country == wanted["country"], wanted["text"]
        assert distance_km(place.lat, place.lon, wanted["lat"], wanted["lon"]) <= 161, place
        if "kind" in wanted:
            assert place.kind == wanted["kind"], wanted["text"]
