"""Fixed Arrow schemas, one per output layer.

Every partition writes the same columns even when a layer is empty, so the
parts of a run read back as one dataset (``pyarrow.dataset``, DuckDB, Spark).
The layer columns are those of ``lagebild.layers`` (the SQLite store's), keyed by
``article_id``.
"""

from __future__ import annotations

import pyarrow as pa

from ..layers import BOOLEAN, COLUMNS, INTEGER, LAYERS, REAL, TEXT

S, N, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()


def _schema(*columns: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema([("article_id", S), *columns])


_ARROW = {TEXT: S, INTEGER: N, REAL: F, BOOLEAN: B}

SCHEMAS: dict[str, pa.Schema] = {
    "articles": _schema(
        ("url", S), ("title", S), ("source", S), ("published", S), ("lang", S),
        ("author", S), ("text", S), ("warnings", S),
    ),
    "documents": _schema(("json", S)),
    **{layer: _schema(*((name, _ARROW[kind]) for name, kind in COLUMNS[layer]))
       for layer in LAYERS},
    "errors": _schema(("error", S)),
}

#: The tables of a run: the articles, the Documents whole, each layer, the errors.
TABLES: tuple[str, ...] = tuple(SCHEMAS)
