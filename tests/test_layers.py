"""The layers and their columns are defined once (lagebild.layers): the pipeline's order,
the SQLite store's tables, the Parquet schemas of a run and the rows of a Document agree."""

from __future__ import annotations

import pyarrow as pa
import pytest

from lagebild.annotate import LAYER_ORDER
from lagebild.layers import BOOLEAN, COLUMNS, INTEGER, LAYERS, REAL, TEXT, layer_rows
from lagebild.model import Document
from lagebild.scale.schema import SCHEMAS
from lagebild.store import Store

SQLITE_TYPES = {TEXT: "TEXT", INTEGER: "INTEGER", REAL: "REAL", BOOLEAN: "INTEGER"}
ARROW_TYPES = {TEXT: pa.string(), INTEGER: pa.int64(), REAL: pa.float64(), BOOLEAN: pa.bool_()}
TEXT_OF_ALL = ("Der kasachische Präsident Tokajew bat Russland am 5. Januar 2022 um Hilfe. "
               "„Wir schicken 3000 Soldaten“, sagte Putin in Moskau.")


def test_the_layers_are_the_documents_and_run_in_design_order():
    assert LAYER_ORDER == LAYERS
    fields = list(Document.model_fields)
    assert [f for f in fields if f in LAYERS] == list(LAYERS)
    assert set(COLUMNS) == set(LAYERS)


def test_the_store_has_the_columns_of_each_layer(tmp_path):
    with Store(tmp_path / "layers.db") as store:
        for layer in LAYERS:
            info = store.conn.execute(f"PRAGMA table_info({layer})").fetchall()
            have = {row[1]: row[2] for row in info if row[1] != "article_id"}
            assert have == {name: SQLITE_TYPES[kind] for name, kind in COLUMNS[layer]}, layer


@pytest.mark.parametrize("layer", LAYERS)
def test_the_parquet_schema_of_each_layer(layer):
    expected = [("article_id", pa.string())] + [(n, ARROW_TYPES[k]) for n, k in COLUMNS[layer]]
    assert [(f.name, f.type) for f in SCHEMAS[layer]] == expected


def test_a_documents_rows_have_the_columns_of_their_layer(pipeline):
    document = pipeline({"text": TEXT_OF_ALL, "lang": "de", "published": "2022-01-10"})
    rows = layer_rows(document)
    assert list(rows) == list(LAYERS)
    for layer in LAYERS:
        assert rows[layer], f"the text has no {layer}"
        for row in rows[layer]:
            assert set(row) == {name for name, _ in COLUMNS[layer]}, layer
