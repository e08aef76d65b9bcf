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


def test_region_centre_reaches_the_thinly_settled_parts():
    """Towns crowd in the south of Canadian provinces; the centre is still the middle of
    the province (Ontario reaches from 42 N to 57 N; the towns of the gazetteer to 53 N)."""
    gazetteer = load_gazetteer()
    ontario = next(m.place for m in gazetteer.lookup("Ontario") if m.place.kind == "region")
    assert 47 < ontario.lat < 51 and -87 < ontario.lon < -82


def test_centre_leaves_out_strays_parted_by_a_wide_gap_only():
    from training.places_gazetteer import centre

    spread = [(40.0 + i * 0.1, 10.0 + i * 0.1, 100) for i in range(100)]  # 40..49.9, 10..19.9
    assert centre(spread) == pytest.approx((44.95, 14.95))
    strays = [(45.0, 40.0 + i * 0.1, 100) for i in range(3)]  # mis-coded towns far east
    lat, lon = centre(spread + strays)
    assert lon == pytest.approx(14.95)
    thin_north = [(51.0 + 2 * i, 15.0, 100) for i in range(3)]  # sparse, but no wide gap
    assert centre(spread + thin_north)[0] == pytest.approx((40.0 + 55.0) / 2)


@pytest.mark.parametrize("name,region", [
    ("W.Va.", "West Virginia"), ("W. Va.", "West Virginia"), ("Ky.", "Kentucky"),
    ("Calif.", "California"), ("B.C.", "British Columbia"), ("Ont.", "Ontario"),
])
def test_abbreviated_states_and_provinces_are_names_of_their_region(name, region):
    places = [m.place for m in load_gazetteer().lookup(name)]
    assert [(p.name, p.kind) for p in places] == [(region, "region")]


def test_a_qualifier_in_brackets_leaves_a_name_its_own():
    # "Halle (Saale)" is Halle itself, not an alternate name of it: the German city of
    # 240,000 goes before the Belgian town of 34,000
    gazetteer = load_gazetteer()
    saale = next(m for m in gazetteer.lookup("Halle") if m.place.name == "Halle (Saale)")
    assert not saale.alias
    # a true alternate name stays one ("Bergen" of Mons)
    assert next(m for m in gazetteer.lookup("Bergen") if m.place.name == "Mons").alias
