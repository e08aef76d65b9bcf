"""The worked example from ../shared (skipped where absent): what the layers built so far give."""

from __future__ import annotations

from lagebild import Article
from lagebild.lang import get_pack
from lagebild.timex import time_tagger


def test_example_countries_and_organisations(pipeline, example):
    text, gold = example
    doc = pipeline(Article(text=text, published=gold["published"]))
    assert doc.error is None and doc.lang == "de" and doc.published == "2022-01-10"
    found = {(e.text, e.label) for e in doc.entities}
    gold_countries = {p["text"] for p in gold["places"] if p.get("kind") == "country"}
    assert gold_countries and {(c, "LOC") for c in gold_countries} <= found
    assert {("Vereinten Nationen", "ORG"), ("OVKS", "ORG")} <= found
    for entity in doc.entities:
        assert text[entity.start:entity.end] == entity.text
    actors = {a.org or a.country: a for a in doc.actors}
    assert actors["CSTO"].country == "IGO" and actors["UN"].country == "UNO"
    assert {"KAZ", "RUS", "CHN", "LBN", "BLR", "ARM", "TJK", "KGZ"} <= set(actors)
    assert len(doc.sentences) >= 25


def test_example_times_have_the_gold_values(pipeline, example):
    text, gold = example
    doc = pipeline(Article(text=text, published=gold["published"]))
    found = {(t.text, t.type, t.value) for t in doc.times}
    timeml = time_tagger(get_pack("de")).timeml_text  # the gold marks the preposition
    for expected in gold["times"]:
        assert (timeml(expected["text"]), expected["type"], expected["value"]) in found
