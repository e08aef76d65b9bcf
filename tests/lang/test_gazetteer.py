"""The language packs' gazetteers: names, inflected forms and actor coding as data."""

from __future__ import annotations

import pytest

from lagebild.errors import LanguageError
from lagebild.lang import get_pack


@pytest.fixture(scope="module")
def de():
    return get_pack("de")


def test_german_genitive_forms_are_generated(de):
    assert de.gazetteer.forms("Kasachstan") == ["Kasachstan", "Kasachstans"]
    assert de.gazetteer.forms("Belarus") == ["Belarus"]  # no -s after s
    assert de.gazetteer.forms("Vereinigte Staaten") == ["Vereinigte Staaten"]


def test_every_country_has_a_german_and_english_name():
    for code in ("de", "en"):
        countries = [e for e in get_pack(code).gazetteer.entries.values() if e.label == "LOC"]
        assert len(countries) >= 249
        assert all(e.names and all(n.strip() for n in e.names) for e in countries)


@pytest.mark.parametrize("lang,name,key", [
    ("de", "Russland", "country:RUS"), ("de", "Weißrussland", "country:BLR"),
    ("de", "Kirgistan", "country:KGZ"), ("de", "Südkorea", "country:KOR"),
    ("de", "OVKS", "org:CSTO"), ("de", "Vereinten Nationen", "org:UN"),
    ("de", "IWF", "org:IMF"), ("en", "Russia", "country:RUS"), ("en", "U.S.", "country:USA"),
    ("en", "CSTO", "org:CSTO"), ("en", "United Nations", "org:UN"),
    ("de", "Hisbollah", "org:HEZBOLLAH"), ("de", "Kreml", "org:KREMLIN"),
    ("de", "Deutschen Presse-Agentur", "org:DPA"), ("de", "New York Times", "org:NYT"),
    ("en", "Reuters", "org:REUTERS"),
])
def test_names_resolve_to_their_entry(lang, name, key):
    entries = get_pack(lang).gazetteer.entries
    assert name in entries[key].names


def test_organisations_carry_plover_country_and_acronym(de):
    csto = de.gazetteer.get("org:CSTO")
    assert (csto.country, csto.org, csto.label) == ("IGO", "CSTO", "ORG")
    assert de.gazetteer.get("org:UN").country == "UNO"
    assert de.gazetteer.get("org:EU").country == "EUR"
    # national bodies, parties, media: the country they belong to
    assert [de.gazetteer.get(f"org:{o}").country for o in ("HAMAS", "SPD", "ORF", "AQ")] == \
        ["PSE", "DEU", "AUT", "IMG"]


def test_unsupported_language_pack():
    with pytest.raises(LanguageError, match="unsupported language: fr"):
        get_pack("fr")
