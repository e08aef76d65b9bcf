"""The layers of a Document and their flat tables, defined once.

The pipeline runs the layers in this order (DESIGN.md). Each layer is also a table of
the columns below, after ``article_id``, one row per item: the SQLite store holds them
(its migrations create these columns, a test holds the two together), ``lagebild run``
writes them as Parquet (``scale/schema.py`` derives the Arrow types), and the CSV and
Parquet exports read them back.
"""

from __future__ import annotations

import json

from .model import Document

#: The layers of the Document in pipeline order.
LAYERS: tuple[str, ...] = ("entities", "actors", "places", "times", "amounts", "quotes", "events")

#: The column types: SQLite stores a boolean as an integer.
TEXT, INTEGER, REAL, BOOLEAN = "text", "integer", "real", "boolean"

_SPAN = (("id", TEXT), ("text", TEXT), ("start", INTEGER), ("end", INTEGER))

#: Each layer's columns (after ``article_id``) with their types, in table order.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "entities": (*_SPAN, ("label", TEXT), ("actor", TEXT), ("place", TEXT)),
    "actors": (("id", TEXT), ("name", TEXT), ("country", TEXT), ("sector", TEXT), ("org", TEXT),
               ("code", TEXT)),
    "places": (("id", TEXT), ("name", TEXT), ("geonameid", INTEGER), ("lat", REAL),
               ("lon", REAL), ("country", TEXT), ("kind", TEXT)),
    "times": (*_SPAN, ("type", TEXT), ("value", TEXT), ("mod", TEXT)),
    "amounts": (*_SPAN, ("value", REAL), ("unit", TEXT), ("approx", BOOLEAN)),
    "quotes": (*_SPAN, ("kind", TEXT), ("cue", TEXT), ("speaker_text", TEXT),
               ("speaker_start", INTEGER), ("speaker_end", INTEGER), ("speaker_actor", TEXT)),
    "events": (
        ("id", TEXT), ("type", TEXT), ("mode", TEXT), ("context", TEXT),
        ("actor", TEXT), ("actor_code", TEXT), ("actor_country", TEXT), ("actor_org", TEXT),
        ("recipient", TEXT), ("recipient_code", TEXT), ("recipient_country", TEXT),
        ("recipient_org", TEXT), ("trigger_text", TEXT), ("trigger_start", INTEGER),
        ("trigger_end", INTEGER), ("sentence_start", INTEGER), ("sentence_end", INTEGER),
        ("date", TEXT), ("time", TEXT), ("place", TEXT), ("place_name", TEXT),
        ("place_country", TEXT), ("lat", REAL), ("lon", REAL), ("quantity", TEXT),
        ("quantity_value", REAL), ("quantity_unit", TEXT), ("quantity_text", TEXT),
        ("modality", TEXT), ("attributed_to", TEXT), ("quote", TEXT), ("confidence", REAL),
        ("retold", TEXT),
    ),
}


def layer_rows(doc: Document) -> dict[str, list[dict]]:
    """The Document's layers as flat rows, one list per table (article id not included)."""
    actors = {a.id: a for a in doc.actors}
    places = {p.id: p for p in doc.places}
    amounts = {a.id: a for a in doc.amounts}

    def actor_cols(prefix: str, actor_id: str | None) -> dict:
        actor = actors.get(actor_id or "")
        return {
            prefix: actor_id,
            f"{prefix}_code": actor.code if actor else None,
            f"{prefix}_country": actor.country if actor else None,
            f"{prefix}_org": actor.org if actor else None,
        }

    events = []
    for e in doc.events:
        place, amount = places.get(e.place or ""), amounts.get(e.quantity or "")
        events.append({
            "id": e.id, "type": e.type, "mode": e.mode, "context": json.dumps(e.context),
            **actor_cols("actor", e.actor), **actor_cols("recipient", e.recipient),
            "trigger_text": e.trigger.text, "trigger_start": e.trigger.start,
            "trigger_end": e.trigger.end, "sentence_start": e.sentence[0],
            "sentence_end": e.sentence[1], "date": e.date, "time": e.time, "place": e.place,
            "place_name": place.name if place else None,
            "place_country": place.country if place else None,
            "lat": place.lat if place else None, "lon": place.lon if place else None,
            "quantity": e.quantity,
            "quantity_value": amount.value if amount else None,
            "quantity_unit": amount.unit if amount else None,
            "quantity_text": amount.text if amount else None, "modality": e.modality,
            "attributed_to": e.attributed_to, "quote": e.quote, "confidence": e.confidence,
            "retold": json.dumps([t.model_dump() for t in e.retold], ensure_ascii=False),
        })
    return {
        "entities": [e.model_dump() for e in doc.entities],
        "actors": [
            {**a.model_dump(exclude={"mentions", "nominal", "inferred"}),
             "sector": json.dumps(a.sector)}
            for a in doc.actors
        ],
        "places": [p.model_dump(exclude={"mentions", "toponyms"}) for p in doc.places],
        "times": [t.model_dump() for t in doc.times],
        "amounts": [a.model_dump() for a in doc.amounts],
        "quotes": [
            {
                **q.model_dump(exclude={"speaker"}),
                "speaker_text": q.speaker.text if q.speaker else None,
                "speaker_start": q.speaker.start if q.speaker else None,
                "speaker_end": q.speaker.end if q.speaker else None,
                "speaker_actor": q.speaker.actor if q.speaker else None,
            }
            for q in doc.quotes
        ],
        "events": events,
    }
