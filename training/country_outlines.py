"""Build the country outlines the web page draws: TopoJSON from world-atlas → small GeoJSON.

Run at development time, not at run time (the result ships in ``static/``)::

    npm install world-atlas@2.0.2
    python -m training country-outlines node_modules/world-atlas/countries-110m.json

world-atlas (ISC licence, Mike Bostock) packages Natural Earth's 1:110m admin-0
countries (public domain). Each feature keeps its name and gets its ISO 3166-1
alpha-2 code (from the numeric id, via pycountry), so the page can match event
countries to shapes.

Shapes that cross the antimeridian (Russia, Fiji, Antarctica) are cut there, as RFC 7946
asks, so that a flat map draws no line across the world; a ring that still spans more
than half the world (Antarctica, round the pole) is cut again at the prime meridian and
its feature marked ``seam`` (the page draws no outline on that cut). Given a GeoJSON file
instead of TopoJSON, the script only cuts its shapes.
"""

from __future__ import annotations

import json
from pathlib import Path

import lagebild.serve
from lagebild.countries import alpha2_of_numeric

OUT = Path(lagebild.serve.__file__).parent / "static" / "countries.geojson"


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of each arc (arcs are delta-encoded integers)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    ring: list[tuple[float, float]] = []
    for index in indices:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return [list(p) for p in ring]


Ring = list[list[float]]


def _pieces(ring: Ring, crossing) -> list[Ring]:
    """A closed ring cut wherever ``crossing(a, b)`` gives the points that end one piece and
    start the next; each piece closed along the cut (round the pole where it leaves on one
    side and comes back on the other)."""
    pieces = [[ring[0]]]
    for a, b in zip(ring, ring[1:], strict=False):
        cut = crossing(a, b)
        if cut:
            end, start = cut
            pieces[-1].append(end)
            pieces.append([start])
        pieces[-1].append(b)
    if len(pieces) == 1:
        return [ring]
    first = pieces.pop(0)  # the ring is closed: its last piece runs on into its first
    pieces[-1].extend(first[1:])
    rings = []
    for piece in pieces:
        if piece[0][0] != piece[-1][0]:  # out on one side, back on the other: round a pole
            pole = -90.0 if sum(lat for _, lat in piece) < 0 else 90.0
            piece += [[piece[-1][0], pole], [piece[0][0], pole]]
        piece.append(piece[0])
        rings.append([p for n, p in enumerate(piece) if n == 0 or p != piece[n - 1]])
    return rings


def _at(a: list[float], b: list[float], lon_a: float, lon_b: float, lon: float) -> float:
    """The latitude where the segment a → b (at longitudes lon_a → lon_b) meets ``lon``."""
    t = 0.0 if lon_b == lon_a else (lon - lon_a) / (lon_b - lon_a)
    return round(a[1] + t * (b[1] - a[1]), 2)


def _antimeridian(a, b):
    if abs(b[0] - a[0]) <= 180:
        return None
    side = 180.0 if a[0] > 0 else -180.0
    lat = _at(a, b, a[0], b[0] + 2 * side, side)
    return [side, lat], [-side, lat]


def _prime_meridian(a, b):
    if (a[0] < 0) == (b[0] < 0):
        return None
    lat = _at(a, b, a[0], b[0], 0.0)
    return [0.0, lat], [0.0, lat]


def _width(ring: Ring) -> float:
    lons = [lon for lon, _ in ring]
    return max(lons) - min(lons)


def cut(geometry: dict) -> tuple[dict, bool]:
    """The (Multi)Polygon cut at the antimeridian, and rings wider than half the world at
    the prime meridian; with whether a prime-meridian seam was made."""
    polygons = ([geometry["coordinates"]] if geometry["type"] == "Polygon"
                else geometry["coordinates"])
    out, seam = [], False
    for outer, *holes in polygons:
        rings = []
        for ring in _pieces(outer, _antimeridian):
            if _width(ring) > 180:
                seam = True
                rings += _pieces(ring, _prime_meridian)
            else:
                rings.append(ring)
        parts = [[ring] for ring in rings]
        for hole in holes:  # each hole goes with the piece whose extent holds it
            lon, lat = hole[0]
            home = next((p for p in parts if min(x for x, _ in p[0]) <= lon
                         <= max(x for x, _ in p[0])), parts[0])
            home.append(hole)
        out += parts
    if len(out) == 1:
        return {"type": "Polygon", "coordinates": out[0]}, seam
    return {"type": "MultiPolygon", "coordinates": out}, seam


def cut_all(collection: dict) -> dict:
    """Every feature of the collection cut (see ``cut``); idempotent."""
    for feature in collection["features"]:
        feature["geometry"], seam = cut(feature["geometry"])
        if seam or feature["properties"].get("seam"):
            feature["properties"]["seam"] = True
    return collection


def to_geojson(topology: dict) -> dict:
    arcs = _decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            coordinates = [_ring(r, arcs) for r in geometry["arcs"]]
        elif kind == "MultiPolygon":
            coordinates = [[_ring(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
        else:
            continue
        features.append({
            "type": "Feature",
            "properties": {
                "name": geometry.get("properties", {}).get("name"),
                "iso2": alpha2_of_numeric(geometry.get("id")),
            },
            "geometry": {"type": kind, "coordinates": coordinates},
        })
    return cut_all({"type": "FeatureCollection", "features": features})


def run(args) -> int:
    """``python -m training country-outlines TOPOJSON [-o FILE]``."""
    data = json.loads(args.topojson.read_text())
    collection = cut_all(data) if data.get("type") == "FeatureCollection" else to_geojson(data)
    args.output.write_text(json.dumps(collection, separators=(",", ":")))
    print(f"{len(collection['features'])} countries → {args.output}")
    return 0
