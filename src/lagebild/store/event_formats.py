"""Events as CSV, GeoJSON and Parquet: the flat columns that the API's exports and
``lagebild export --format geojson`` share."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("id", pa.string()), ("type", pa.string()), ("mode", pa.string()),
    ("modality", pa.string()), ("date", pa.string()),
    ("actor_name", pa.string()), ("actor_code", pa.string()), ("actor_country", pa.string()),
    ("actor_org", pa.string()), ("recipient_name", pa.string()),
    ("recipient_code", pa.string()), ("recipient_country", pa.string()),
    ("recipient_org", pa.string()), ("trigger", pa.string()), ("place_name", pa.string()),
    ("place_country", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
    ("quantity", pa.float64()), ("quantity_unit", pa.string()),
    ("attributed_to", pa.string()), ("confidence", pa.float64()),
    ("article_id", pa.string()), ("published", pa.string()), ("source", pa.string()),
    ("url", pa.string()), ("title", pa.string()),
)
NAMES = [name for name, _ in COLUMNS]


def flat(event: dict) -> dict:
    """An API event record as one flat row."""
    actor, recipient = event["actor"] or {}, event["recipient"] or {}
    place, quantity = event["place"] or {}, event["quantity"] or {}
    article = event["article"]
    return {
        "id": event["id"], "type": event["type"], "mode": event["mode"],
        "modality": event["modality"], "date": event["date"],
        "actor_name": actor.get("name"), "actor_code": actor.get("code"),
        "actor_country": actor.get("country"), "actor_org": actor.get("org"),
        "recipient_name": recipient.get("name"), "recipient_code": recipient.get("code"),
        "recipient_country": recipient.get("country"), "recipient_org": recipient.get("org"),
        "trigger": event["trigger"]["text"], "place_name": place.get("name"),
        "place_country": place.get("country"), "lat": place.get("lat"), "lon": place.get("lon"),
        "quantity": quantity.get("value"), "quantity_unit": quantity.get("unit"),
        "attributed_to": (event["attributed_to"] or {}).get("name"),
        "confidence": event["confidence"], "article_id": article["id"],
        "published": article["published"], "source": article["source"], "url": article["url"],
        "title": article["title"],
    }


def csv_chunks(events: Iterable[dict]) -> Iterator[str]:
    """CSV text in chunks of about 500 rows, header first (streamed, not held in memory)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=NAMES, lineterminator="\n")
    writer.writeheader()
    for number, event in enumerate(events, start=1):
        writer.writerow(flat(event))
        if number % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def feature(event: dict) -> dict:
    """An API event record as a GeoJSON Feature: a Point where it has coordinates, a null
    geometry otherwise; the flat row as its properties."""
    row = flat(event)
    point = (None if row["lat"] is None or row["lon"] is None
             else {"type": "Point", "coordinates": [row["lon"], row["lat"]]})
    return {"type": "Feature", "id": row["id"], "geometry": point, "properties": row}


def geojson_chunks(events: Iterable[dict]) -> Iterator[str]:
    """A FeatureCollection of the events as JSON text, a feature at a time (``/events.geojson``
    and ``lagebild export --format geojson`` write the same)."""
    yield '{"type":"FeatureCollection","features":['
    for number, event in enumerate(events):
        yield ("," if number else "") + json.dumps(feature(event), ensure_ascii=False,
                                                   separators=(",", ":"))
    yield "]}"


def parquet(events: Iterable[dict]) -> bytes:
    table = pa.Table.from_pylist([flat(e) for e in events], schema=pa.schema(list(COLUMNS)))
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def geojson_bytes(events: Iterable[dict]) -> bytes:
    return "".join(geojson_chunks(events)).encode()
