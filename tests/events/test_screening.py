"""The learned screen over coded German events (lagebild.events.screening)."""

from __future__ import annotations

import pytest

from lagebild.events.learned import BinaryModel, binary_model
from lagebild.events.lexicon import event_lexicon
from lagebild.lang import get_pack
from lagebild.pipeline import Pipeline

from ..conftest import named_events


def test_the_german_pack_ships_the_screen_and_its_threshold():
    lexicon = event_lexicon(get_pack("de"))
    assert isinstance(binary_model(lexicon.screen_path), BinaryModel)
    assert 0.0 < lexicon.screen_threshold < 0.5


def test_a_firm_upgrading_its_network_is_no_mobilisation():
    # the lexicon reads "aufrüsten" as arming; the screen finds a firm's doing of it no event
    text = "Der Konzern will sein Filialnetz im Norden ausbauen und aufrüsten."
    assert named_events(text) == []
    # asked for every event the rules code, the user gets it
    every = Pipeline({"all_events": True})({"id": "t", "text": text, "lang": "de"})
    assert [(e.type, e.trigger.text) for e in every.events] == [("MOBILIZE", "aufrüsten")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Polizei hat in Hamburg drei Demonstranten festgenommen.",
     ("COERCE", "festgenommen", ("Polizei", "DEU"), ("Demonstranten", "DEU"))),
    ("Die Regierung in Warschau hat die Sanktionen gegen Belarus verschärft.",
     ("SANCTION", "Sanktionen", ("Regierung", "POL"), ("Belarus", "BLR"))),
    ("Tausende Menschen demonstrierten am Samstag in Leipzig gegen die Regierung.",
     ("PROTEST", "demonstrierten", ("Menschen", "DEU"), ("Regierung", "DEU"))),
])
def test_plain_events_pass_the_screen(text, expected):
    assert named_events(text) == [expected]


def test_the_screen_s_probability_is_the_event_s_confidence():
    screened, every = Pipeline(), Pipeline({"all_events": True})

    def confidence(pipeline, text):
        return [(e.type, e.confidence)
                for e in pipeline({"id": "t", "text": text, "lang": "de"}).events]

    arrest = "Die Polizei nahm in Köln drei Männer fest."
    [(kind, sure)] = confidence(screened, arrest)
    assert kind == "COERCE" and sure >= 0.8
    # a machine that "streikt" is coded by the rules and told as unlikely
    [(kind, unsure)] = confidence(every, "Die Heizung im Rathaus streikt seit Tagen.")
    assert kind == "PROTEST" and unsure < 0.5
    # the confidence does not depend on whether the screen drops anything
    assert confidence(every, arrest) == [("COERCE", sure)]
