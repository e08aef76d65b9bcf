"""Country codes: alpha-2 (places) and alpha-3 (actors) converted in one place."""

from __future__ import annotations

import pytest

from lagebild import countries


@pytest.mark.parametrize(("alpha2", "alpha3"), [("KZ", "KAZ"), ("DE", "DEU"), ("RU", "RUS"),
                                                ("UA", "UKR"), ("US", "USA")])
def test_both_ways(alpha2, alpha3):
    assert countries.alpha3(alpha2) == alpha3
    assert countries.alpha2(alpha3) == alpha2
    assert countries.both(alpha2.lower()) == countries.both(alpha3) == (alpha2, alpha3)


@pytest.mark.parametrize("code", ["UNO", "EUR", "IGO", "NGO", "", None])
def test_what_is_no_country_converts_to_none(code):
    assert countries.alpha2(code) is None and countries.alpha3(code) is None


def test_a_code_of_the_other_form_is_not_taken():
    assert countries.alpha3("KAZ") is None and countries.alpha2("KZ") is None


def test_unknown_codes():
    assert countries.both("XX") is None and countries.both("UNO") is None
    assert countries.name("UNO") == "UNO"
    assert countries.name("BOL") == "Bolivia"  # the common name, not the official one
    assert countries.name("KOS") == "Kosovo"  # a code the lists use that ISO does not assign
