"""Entities and actors layers on hand-written German and English sentences."""

from __future__ import annotations


def _ents(doc):
    return [(e.text, e.label, doc.text[e.start:e.end]) for e in doc.entities]


def test_german_countries_and_organisations(pipeline):
    text = ("Die OVKS schickte Truppen nach Kasachstan. Russlands Präsident sprach mit den "
            "Vereinten Nationen, die Ukraine und Belarus schwiegen.")
    doc = pipeline({"text": text, "lang": "de", "published": "2022-01-10"})
    assert doc.error is None
    assert [(t, label) for t, label, _ in _ents(doc)] == [
        ("OVKS", "ORG"), ("Kasachstan", "LOC"), ("Russlands", "LOC"),
        ("Vereinten Nationen", "ORG"), ("Ukraine", "LOC"), ("Belarus", "LOC"),
    ]
    assert all(t == span for t, _, span in _ents(doc)), "offsets point at the text"


def test_mentions_of_one_actor_share_it(pipeline):
    doc = pipeline({"text": "Kasachstan grenzt an Russland. Kasachstans Regierung schweigt.",
                    "lang": "de"})
    kaz = [a for a in doc.actors if a.code == "KAZ"]
    assert len(kaz) == 1
    assert kaz[0].code == "KAZ" and kaz[0].name == "Kazakhstan"
    mentions = [e for e in doc.entities if e.actor == kaz[0].id]
    assert [m.text for m in mentions] == ["Kasachstan", "Kasachstans"]
    assert kaz[0].mentions == [m.id for m in mentions]


def test_organisation_actor_coding(pipeline):
    doc = pipeline({"text": "The CSTO and the United Nations met in Geneva.", "lang": "en"})
    by_org = {a.org: a for a in doc.actors}
    assert by_org["CSTO"].country == "IGO"
    assert by_org["UN"].country == "UNO" and by_org["UN"].code == "UNO"


def test_lowercase_words_are_not_countries(pipeline):
    doc = pipeline({"text": "We had turkey for dinner and a chat about china plates.",
                    "lang": "en"})
    assert doc.entities == []


def test_entity_ids_are_unique_and_ordered(pipeline):
    doc = pipeline({"text": "Chile, Peru und Bolivien verhandeln mit Argentinien.", "lang": "de"})
    assert [e.id for e in doc.entities] == ["e1", "e2", "e3", "e4"]
    assert [e.start for e in doc.entities] == sorted(e.start for e in doc.entities)
