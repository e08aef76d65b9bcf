"""Exports of the store: Documents as JSON Lines, any table as CSV or Parquet, events as
PLOVER-style JSON Lines, a GDELT-2.0-like table or GeoJSON (the features of the API's
``/events.geojson``).

Files are written under a temporary name and renamed when complete, so an
interrupted export never leaves a file that looks finished.
"""

from __future__ import annotations

import csv
import json
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import StoreError
from ..events.export import GDELT_COLUMNS, gdelt_rows, plover_records
from .event_formats import geojson_chunks
from .query import EventQuery
from .reads import event_records
from .sqlite import TABLES, Store

ExportFormat = Literal["jsonl", "csv", "parquet", "plover", "gdelt", "geojson"]
_ARROW_TYPES = {"INTEGER": pa.int64(), "REAL": pa.float64(), "TEXT": pa.string()}


@contextmanager
def _atomic(path: Path, mode: str):
    temp = path.with_name(f".{path.name}.part")
    try:
        with temp.open(mode, encoding="utf-8", newline="") if "b" not in mode else temp.open(
            mode
        ) as handle:
            yield handle
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


class _counting:
    """An iterator that counts what passes through it."""

    def __init__(self, items):
        self.items, self.count = iter(items), 0

    def __iter__(self):
        return self

    def __next__(self):
        item = next(self.items)
        self.count += 1
        return item


def export(store: Store, fmt: ExportFormat, out: Path, table: str = "events") -> int:
    """Write the store (jsonl: Documents; csv, parquet: one table) to ``out``; rows written."""
    if table not in TABLES:
        raise StoreError(f"no table {table!r}; have {list(TABLES)}")
    count = 0
    if fmt == "jsonl":
        with _atomic(out, "w") as handle:
            for document in store.documents():
                handle.write(document.to_json() + "\n")
                count += 1
        return count
    if fmt == "plover":  # one PLOVER-style JSON record per line and event
        with _atomic(out, "w") as handle:
            for document in store.documents():
                for record in plover_records(document):
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                    count += 1
        return count
    if fmt == "gdelt":  # tab-separated, GDELT 2.0 event columns where they have a match
        with _atomic(out, "w") as handle:
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            writer.writerow(GDELT_COLUMNS)
            for document in store.documents():
                for row in gdelt_rows(document):
                    writer.writerow(row)
                    count += 1
        return count
    if fmt == "geojson":  # every event, as the API's /events.geojson writes it
        counted = _counting(event_records(store.conn, EventQuery()))
        with _atomic(out, "w") as handle:
            handle.writelines(geojson_chunks(counted))
        return counted.count
    columns = store.columns(table)
    if fmt == "csv":
        with _atomic(out, "w") as handle:
            writer = csv.writer(handle)
            writer.writerow([name for name, _ in columns])
            for row in store.rows(table):
                writer.writerow(row.values())
                count += 1
        return count
    if fmt == "parquet":
        schema = pa.schema([(name, _ARROW_TYPES.get(kind, pa.string())) for name, kind in columns])
        rows = list(store.rows(table))
        with _atomic(out, "wb") as handle:
            pq.write_table(pa.Table.from_pylist(rows, schema=schema), handle)
        return len(rows)
    raise StoreError(f"unknown export format {fmt!r}")
