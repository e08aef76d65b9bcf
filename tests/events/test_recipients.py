"""The learned recipient chooser beside the German role rules (lagebild.events.recipients)."""

from __future__ import annotations

import pytest

from lagebild.events.learned import BinaryModel, binary_model
from lagebild.events.lexicon import event_lexicon
from lagebild.lang import get_pack

from ..conftest import named_events


def test_the_german_pack_ships_the_chooser_and_its_threshold():
    lexicon = event_lexicon(get_pack("de"))
    model = binary_model(lexicon.recipients_path)
    assert isinstance(model, BinaryModel)
    assert 0.0 < lexicon.recipient_threshold < 1.0
    # a mention after a recipient preposition of the trigger is a likelier recipient
    assert model.index and model.weights[model.index["taken=True"]] > 0


@pytest.mark.parametrize(("text", "expected"), [
    # a protest whose target the clause names ("während": no cause the rules read; after
    # "nach" the rules take the reacting subject themselves)
    ("Während der Proteste der Eltern verzichtete die Schulbehörde auf die Schließung der "
     "Grundschule.", ("PROTEST", "Proteste", ("Eltern", "DEU"), ("Schulbehörde", "DEU"))),
    # the concession goes to the protesters named before it
    ("Nach monatelangen Protesten der Fischer zog die Regierung in Lissabon das Gesetz "
     "zurück.", ("CONCEDE", "zog", ("Regierung", "PRT"), ("Fischer", "PRT"))),
    # a ban on people of a country: that country
    ("Die Regierung in Wien verhängte ein Einreiseverbot für Funktionäre aus Belarus.",
     ("SANCTION", "verhängte", ("Regierung", "AUT"), ("Belarus", "BLR"))),
])
def test_a_party_the_rules_do_not_reach_receives_the_act(text, expected, monkeypatch):
    assert expected in named_events(text)
    # the rules alone leave the event without a recipient
    monkeypatch.setattr(event_lexicon(get_pack("de")), "recipient_threshold", 1.01)
    assert (*expected[:3], None) in named_events(text)


def test_no_recipient_is_made_up_where_the_sentence_names_no_other_party():
    assert named_events("Die Gewerkschaft streikte am Montag in Bremen.") == [
        ("PROTEST", "streikte", ("Gewerkschaft", "DEU"), None)]
