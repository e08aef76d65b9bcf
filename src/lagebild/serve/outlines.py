"""Build the country outlines the web page draws: TopoJSON from world-atlas → small GeoJSON.

Run at development time, not at run time (the result ships in ``static/``)::

    npm install world-atlas@2.0.2
    python -m lagebild.serve.outlines node_modules/world-atlas/countries-110m.json

world-atlas (ISC licence, Mike Bostock) packages Natural Earth's 1:110m admin-0
countries (public domain). Each feature keeps its name and gets its ISO 3166-1
alpha-2 code (from the numeric id, via pycountry), so the page can match event
countries to shapes.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pycountry

OUT = Path(__file__).parent / "static" / "countries.geojson"


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


def _alpha2(numeric: str | None) -> str | None:
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    return country.alpha_2 if country else None


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
                "iso2": _alpha2(geometry.get("id")),
            },
            "geometry": {"type": kind, "coordinates": coordinates},
        })
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-110m.json")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    collection = to_geojson(json.loads(args.topojson.read_text()))
    args.output.write_text(json.dumps(collection, separators=(",", ":")))
    print(f"{len(collection['features'])} countries → {args.output}")


if __name__ == "__main__":
    main()
