"""The place of an event trigger: its clause first, then the sentence's most salient place."""

from __future__ import annotations

from lagebild.model import Document, Entity, Place
from lagebild.places import place_for_span


def document(text: str, names: dict[str, tuple[str, str]]) -> Document:
    """A hand-built Document; names maps a mention's text to (place kind, country)."""
    doc = Document(id="t", text=text, sentences=[(0, len(text))])
    for number, (name, (kind, country)) in enumerate(names.items(), start=1):
        start = text.index(name)
        doc.entities.append(Entity(id=f"e{number}", text=name, start=start,
                                   end=start + len(name), label="LOC"))
        doc.places.append(Place(id=f"p{number}", name=name, lat=0, lon=0, country=country,
                                kind=kind, mentions=[f"e{number}"]))
    return doc


def test_the_clause_of_the_trigger_decides():
    text = "Nach Angaben aus Moskau wurden in Almaty Schüsse abgefeuert, in Astana blieb es ruhig."
    doc = document(text, {"Moskau": ("city", "RU"), "Almaty": ("city", "KZ"),
                          "Astana": ("city", "KZ")})
    trigger = text.index("abgefeuert")
    assert place_for_span(doc, trigger, trigger + 10) == "p2"
    quiet = text.index("ruhig")
    assert place_for_span(doc, quiet, quiet + 5) == "p3"


def test_without_a_place_in_the_clause_the_most_specific_after_a_preposition():
    text = "Troops were deployed, the ministry in Kazakhstan said of the clashes near Almaty."
    doc = document(text, {"Kazakhstan": ("country", "KZ"), "Almaty": ("city", "KZ")})
    trigger = text.index("deployed")
    assert place_for_span(doc, trigger, trigger + 8) == "p2"


def test_no_place_in_the_sentence():
    doc = document("Nothing happened here.", {})
    assert place_for_span(doc, 0, 7) is None
