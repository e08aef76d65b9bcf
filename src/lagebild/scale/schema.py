"""Fixed Arrow schemas, one per output layer.

Every partition writes the same columns even when a layer is empty, so the
parts of a run read back as one dataset (``pyarrow.dataset``, DuckDB, Spark).
The layer columns are those of the SQLite store, keyed by ``article_id``.
"""

from __future__ import annotations

import pyarrow as pa

S, N, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()


def _schema(*columns: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema([("article_id", S), *columns])


_SPAN = (("id", S), ("text", S), ("start", N), ("end", N))

SCHEMAS: dict[str, pa.Schema] = {
    "articles": _schema(
        ("url", S), ("title", S), ("source", S), ("published", S), ("lang", S),
        ("author", S), ("text", S), ("warnings", S),
    ),
    "documents": _schema(("json", S)),
    "entities": _schema(*_SPAN, ("label", S), ("actor", S), ("place", S)),
    "actors": _schema(
        ("id", S), ("name", S), ("country", S), ("sector", S), ("org", S), ("code", S),
    ),
    "places": _schema(
        ("id", S), ("name", S), ("geonameid", N), ("lat", F), ("lon", F), ("country", S),
        ("kind", S),
    ),
    "times": _schema(*_SPAN, ("type", S), ("value", S), ("mod", S)),
    "amounts": _schema(*_SPAN, ("value", F), ("unit", S), ("approx", B)),
    "quotes": _schema(
        *_SPAN, ("kind", S), ("cue", S), ("speaker_text", S), ("speaker_start", N),
        ("speaker_end", N), ("speaker_actor", S),
    ),
    "events": _schema(
        ("id", S), ("type", S), ("mode", S), ("context", S),
        ("actor", S), ("actor_code", S), ("actor_country", S), ("actor_org", S),
        ("recipient", S), ("recipient_code", S), ("recipient_country", S), ("recipient_org", S),
        ("trigger_text", S), ("trigger_start", N), ("trigger_end", N),
        ("sentence_start", N), ("sentence_end", N), ("date", S), ("time", S), ("place", S),
        ("place_name", S), ("place_country", S), ("lat", F), ("lon", F), ("quantity", S),
        ("quantity_value", F), ("quantity_unit", S), ("quantity_text", S), ("modality", S),
        ("attributed_to", S), ("quote", S), ("confidence", F),
    ),
    "errors": _schema(("error", S)),
}

LAYERS: tuple[str, ...] = tuple(SCHEMAS)
