"""``load``: a finished run's Documents into the SQLite store, part by part."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq

from ..errors import InputError
from ..model import Document
from ..store import Store
from .output import MANIFEST


def load(output_dir: str | Path, db: str | Path) -> Counter:
    """Write every Document and error of a run with ``Store.write``; results counted."""
    output_dir = Path(output_dir)
    if not (output_dir / MANIFEST).exists():
        raise InputError(f"{output_dir}: no {MANIFEST}; not the output of `lagebild run`")
    results: Counter = Counter()
    with Store(db) as store:
        for part in sorted((output_dir / "documents").glob("part-*.parquet")):
            for row in pq.read_table(part, columns=["json"]).to_pylist():
                results[store.write(Document.from_json(row["json"]))] += 1
        for part in sorted((output_dir / "errors").glob("part-*.parquet")):
            for row in pq.read_table(part).to_pylist():
                document = Document(id=row["article_id"], error=row["error"])
                results[store.write(document)] += 1
    return results
