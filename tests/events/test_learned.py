"""The learned trigger model beside the German lexicon (lagebild.events.learned)."""

from __future__ import annotations

from lagebild.events.learned import NONE, TriggerModel, trigger_model
from lagebild.events.lexicon import event_lexicon
from lagebild.lang import get_pack


def _probabilities(text: str) -> dict[str, dict[str, float]]:
    from lagebild.pipeline import Pipeline

    lexicon = event_lexicon(get_pack("de"))
    model = trigger_model(lexicon.model_path)
    doc = Pipeline().nlp("de")(text)
    read = model.read(doc, lexicon.find(doc))
    return {doc[i].text: dict(zip(model.classes, p.tolist(), strict=True))
            for i, p in read.items()}


def test_the_german_pack_ships_a_model_of_every_type_and_none():
    model = trigger_model(event_lexicon(get_pack("de")).model_path)
    assert isinstance(model, TriggerModel)
    assert NONE in model.classes and "COERCE" in model.classes and len(model.classes) == 17


def test_an_arrest_reads_as_coerce_and_a_game_as_no_event():
    arrest = _probabilities("Die Polizei hat in Hamburg drei Demonstranten festgenommen.")
    assert max(arrest["festgenommen"], key=arrest["festgenommen"].get) == "COERCE"
    game = _probabilities("Im Spiel gegen Bremen lief der Angriff der Bayern über links.")
    assert game["Angriff"][NONE] > 0.5
