"""The sentence-gold scorer (EVENTS-GUIDE format) on hand-made Documents: the matching
rule of shared/gold/score_events.py and the odd/even split."""

from __future__ import annotations

from lagebild.evaluate.events import match_sentence, score_sentences
from lagebild.model import Actor, Document, Event, Span


def document(doc_id: str, events: list[tuple[str, str | None, str | None]]) -> Document:
    actors = [Actor(id="a1", name="Regierung", country="DEU", sector=["GOV"], code="DEUGOV"),
              Actor(id="a2", name="Nato", country="IGO", org="NATO", code="IGO"),
              Actor(id="a3", name="Polizei", country=None, code="RUSCOP")]
    text = "Die Regierung kritisierte die Nato."
    return Document(id=doc_id, text=text, actors=actors, events=[
        Event(id=f"v{i}", type=kind, actor=actor, recipient=recipient,
              trigger=Span(text="kritisierte", start=14, end=25), sentence=(0, len(text)))
        for i, (kind, actor, recipient) in enumerate(events)])


def gold_event(kind: str, actor: str | None, recipient: str | None) -> dict:
    return {"type": kind, "actor": {"text": "x", "country": actor},
            "recipient": {"text": "y", "country": recipient} if recipient else None}


def test_type_actor_and_recipient_keys_must_agree():
    doc = document("ge14-dev-1", [("ACCUSE", "a1", "a2")])
    # the organisation's acronym and the code's first letters are keys too
    assert len(match_sentence(doc, [gold_event("ACCUSE", "DEU", "NATO")])[0]) == 1
    assert len(match_sentence(doc, [gold_event("ACCUSE", "DEU", "IGO")])[0]) == 1
    assert match_sentence(doc, [gold_event("ACCUSE", "FRA", None)])[0] == []
    assert match_sentence(doc, [gold_event("REJECT", "DEU", None)])[0] == []
    # a side without a country constrains nothing; the code gives RUS where country is null
    assert len(match_sentence(doc, [gold_event("ACCUSE", None, None)])[0]) == 1
    coded = document("ge14-dev-1", [("COERCE", "a3", None)])
    assert len(match_sentence(coded, [gold_event("COERCE", "RUS", None)])[0]) == 1


def test_each_prediction_matches_once():
    doc = document("ge14-dev-1", [("ACCUSE", "a1", None)])
    found, predicted = match_sentence(doc, [gold_event("ACCUSE", "DEU", None)] * 2)
    assert (len(found), predicted) == (1, 1)


def test_parts_and_event_free_sentences():
    gold = [{"id": "ge14-dev-1", "events": [gold_event("ACCUSE", "DEU", None)]},
            {"id": "ge14-dev-2", "events": []},
            {"id": "ge14-dev-3", "events": []}]
    documents = [document("ge14-dev-1", [("ACCUSE", "a1", None), ("SUPPORT", "a1", None)]),
                 document("ge14-dev-2", [("ACCUSE", "a1", None)]),
                 document("ge14-dev-3", [])]
    parts = score_sentences(gold, documents)
    assert (len(parts["all"].matched), parts["all"].predicted, parts["all"].gold) == (1, 3, 1)
    assert parts["odd"].prf()[1] == 1.0 and parts["odd"].prf()[0] == 0.5
    assert (parts["even"].negatives, parts["even"].false_on_negative) == (1, 1)
    assert (parts["odd"].negatives, parts["odd"].false_on_negative) == (1, 0)
    assert parts["all"].missed == []
