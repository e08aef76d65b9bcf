"""Amounts: the number, the lemma of what it counts, and whether it is approximate."""

from __future__ import annotations

import pytest

from lagebild import extract
from lagebild.amounts import amount_finder
from lagebild.lang import get_pack


def found(lang: str, text: str):
    return [(m.text, m.value, m.unit, m.approx) for m in amount_finder(get_pack(lang)).find(text)]


@pytest.mark.parametrize("text,expected", [
    ("Das Bündnis entsandte 2500 Soldaten.", [("2500 Soldaten", 2500, "Soldat", False)]),
    ("Es kamen 2.500 russische Soldaten.", [("2.500 russische Soldaten", 2500, "Soldat", False)]),
    ("Die EU sagte 2,5 Millionen Euro zu.", [("2,5 Millionen Euro", 2_500_000, "Euro", False)]),
    ("Rund 40 Sanitäter halfen.", [("Rund 40 Sanitäter", 40, "Sanitäter", True)]),
    ("Mehr als 100 Polizisten waren im Einsatz.",
     [("Mehr als 100 Polizisten", 100, "Polizist", True)]),
    ("Tausende Demonstranten zogen durch die Stadt.",
     [("Tausende Demonstranten", 1000, "Demonstrant", True)]),
    ("Zwölf Menschen wurden verletzt.", [("Zwölf Menschen", 12, "Mensch", False)]),
    ("Eine 1770 Kilometer lange Grenze.", [("1770 Kilometer", 1770, "Kilometer", False)]),
    ("Der 3. Platz ging an eine Frau.", []),
])
def test_german_amounts(text, expected):
    assert found("de", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Police arrested 25 protesters.", [("25 protesters", 25, "protester", False)]),
    ("Some 2,500 Russian troops arrived.",
     [("Some 2,500 Russian troops", 2500, "soldier", True)]),
    ("The EU pledged $2.5 billion.", [("$2.5 billion", 2_500_000_000, "dollar", False)]),
    ("Thousands of people fled.", [("Thousands of people", 1000, "person", True)]),
    ("25 of the 40 were killed.", [("25", 25, None, False), ("40", 40, None, False)]),
])
def test_english_amounts(text, expected):
    assert found("en", text) == expected


def test_dates_are_not_amounts():
    doc = extract("Am 6. Januar 2022 schickte Russland 300 Soldaten.", "2022-01-10", "de")
    assert [(a.text, a.value, a.unit) for a in doc.amounts] == [("300 Soldaten", 300, "Soldat")]
    assert [t.value for t in doc.times] == ["2022-01-06"]
