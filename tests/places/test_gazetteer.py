"""The shipped place gazetteer: small, quick to load, German and English names."""

from __future__ import annotations

import time

import pytest

from lagebild.places import PlaceGazetteer, distance_km, load_gazetteer
from lagebild.places.gazetteer import DATA_FILE


def test_shipped_file_is_small_and_loads_quickly():
    assert DATA_FILE.stat().st_size < 6_000_000
    started = time.perf_counter()
    gazetteer = PlaceGazetteer()
    assert time.perf_counter() - started < 3.0  # about 0.3 s on an idle core
    assert len(gazetteer) > 100_000


@pytest.mark.parametrize("name,country,kind", [
    ("Moskau", "RU", "city"), ("Peking", "CN", "city"), ("Warschau", "PL", "city"),
    ("Kasachstan", "KZ", "country"), ("Libanon", "LB", "country"), ("Lebanon", "LB", "country"),
    ("Xinjiang", "CN", "region"), ("Bayern", "DE", "region"), ("Bavaria", "DE", "region"),
    ("Idaho", "US", "region"), ("Almaty", "KZ", "city"), ("Asien", "", "other"),
])
def test_names_find_their_place(name, country, kind):
    places = [m.place for m in load_gazetteer().lookup(name)]
    assert any(p.country == country and p.kind == kind for p in places), places


def test_countries_have_a_centre_inside_them():
    gazetteer = load_gazetteer()
    kazakhstan = gazetteer.country("KZ")
    assert kazakhstan.geonameid == 1522867
    assert distance_km(kazakhstan.lat, kazakhstan.lon, 48.0, 68.0) < 161
    usa = gazetteer.country("US")
    assert 30 < usa.lat < 45 and -105 < usa.lon < -90  # the contiguous states, not Alaska


def test_regions_get_the_centre_of_their_cities():
    xinjiang = next(m.place for m in load_gazetteer().lookup("Xinjiang"))
    assert distance_km(xinjiang.lat, xinjiang.lon, 41.5, 85.5) < 161
    texas = next(m.place for m in load_gazetteer().lookup("Texas") if m.place.kind == "region")
    assert distance_km(texas.lat, texas.lon, 31.3, -99.3) < 161


def test_unknown_name_has_no_candidates():
    assert load_gazetteer().lookup("Nirgendwoheim") == []
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.2)
