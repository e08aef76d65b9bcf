"""The country outlines the page draws: cut at the antimeridian, no ring across the world."""

from __future__ import annotations

import copy
import json

from training.country_outlines import OUT, cut, cut_all


def _rings(geometry: dict):
    polygons = ([geometry["coordinates"]] if geometry["type"] == "Polygon"
                else geometry["coordinates"])
    for polygon in polygons:
        yield from polygon


def test_a_ring_across_the_antimeridian_is_cut_into_one_on_each_side():
    island = {"type": "Polygon", "coordinates": [[[179.0, -16.0], [-179.0, -16.0],
                                                  [-179.0, -17.0], [179.0, -17.0],
                                                  [179.0, -16.0]]]}
    shape, seam = cut(island)
    assert not seam and shape["type"] == "MultiPolygon"
    west, east = sorted(_rings(shape), key=lambda ring: ring[0][0])
    assert {lon for lon, _ in east} == {179.0, 180.0}
    assert {lon for lon, _ in west} == {-179.0, -180.0}
    assert all(ring[0] == ring[-1] for ring in (east, west))


def test_the_shipped_outlines_are_cut_and_cutting_again_changes_nothing():
    collection = json.loads(OUT.read_text())
    for feature in collection["features"]:
        for ring in _rings(feature["geometry"]):
            lons = [lon for lon, _ in ring]
            assert max(lons) - min(lons) <= 180, feature["properties"]["name"]
            assert all(abs(a - b) <= 180 for a, b in zip(lons, lons[1:], strict=False))
    names = {f["properties"]["name"] for f in collection["features"]
             if f["properties"].get("seam")}
    assert names == {"Antarctica"}
    assert cut_all(copy.deepcopy(collection)) == collection
