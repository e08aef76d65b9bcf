"""``load``: a finished run's Documents into the SQLite store, part by part."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq

from ..errors import InputError
from ..model import Document
from ..store import Store
from .output import MANIFEST, Manifest, finished_parts


def load(output_dir: str | Path, db: str | Path) -> Counter:
    """Write every Document and error of a run with ``Store.write``; results counted.

    Only the parts of partitions in the manifest are read (in partition order,
    month folders within), so the parts of a partition a killed run left
    unfinished are not loaded.
    """
    output_dir = Path(output_dir)
    if not (output_dir / MANIFEST).exists():
        raise InputError(f"{output_dir}: no {MANIFEST}; not the output of `lagebild run`")
    numbers = [int(n) for n in Manifest.read(output_dir).get("partitions", {})]
    results: Counter = Counter()
    with Store(db) as store:
        for part in finished_parts(output_dir, "documents", numbers):
            for row in pq.read_table(part, columns=["json"]).to_pylist():
                results[store.write(Document.from_json(row["json"]))] += 1
        for part in finished_parts(output_dir, "errors", numbers):
            for row in pq.read_table(part, columns=["article_id", "error"]).to_pylist():
                document = Document(id=row["article_id"], error=row["error"])
                results[store.write(document)] += 1
    return results
