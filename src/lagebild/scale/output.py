"""The output folder of a run: Parquet parts per layer in Hive-style month folders,
written atomically, and a manifest of finished partitions so that a rerun does
only what is missing.

    events/event_month=2016-04/part-00003.parquet     by the event's own date
    articles/published_month=2016-04/part-00003.parquet  by the article's publication
    errors/part-00003.parquet                          not by month

Every other layer goes by its article's publication month. Rows without such a
month go to ``…=unknown`` (not Hive's null folder: pandas cannot yet read a
null in a partition column). A part is renamed into place only when complete; the parts an
older version of the same partition left in other month folders are removed
next, and the partition enters the manifest only after that. A crash leaves at
most temporary files and parts of a partition that is not in the manifest,
which a rerun deletes or replaces when it writes that partition.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..errors import ConfigError
from .schema import TABLES

MANIFEST = "manifest.json"
#: Version of the folder layout, kept in the manifest's settings.
LAYOUT = "hive-month"
#: The partition value of rows without a month (an undated event, an article without
#: publication date).
UNKNOWN_MONTH = "unknown"
#: The partition column of each layer; a layer not named here is written unpartitioned.
PARTITION_KEYS: dict[str, str] = {
    layer: "event_month" if layer == "events" else "published_month"
    for layer in TABLES if layer != "errors"
}

_MONTH = re.compile(r"^(\d{4}-(?:0[1-9]|1[0-2]))(?:$|[-T W])")
_PART = re.compile(r"^part-(\d+)\.parquet$")


def month(value: str | None) -> str | None:
    """``YYYY-MM`` of an ISO date, datetime or TIMEX3 value with month precision, else None."""
    found = _MONTH.match(value) if value else None
    return found.group(1) if found else None


def part_name(number: int) -> str:
    return f"part-{number:05d}.parquet"


def part_number(path: Path) -> int | None:
    found = _PART.match(path.name)
    return int(found.group(1)) if found else None


def _replace_atomically(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        write(temp)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _months(layer: str, table: pa.Table, published: dict[str, str | None]) -> list[str | None]:
    if layer == "events":
        return [month(value) for value in table.column("date").to_pylist()]
    return [published.get(aid) for aid in table.column("article_id").to_pylist()]


def split(tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """One partition's layer tables cut by month: path below the output folder -> rows.

    Rows keep their order within each month. A layer without rows has no part;
    errors always have one, so every partition leaves a file.
    """
    articles = tables["articles"]
    published = dict(zip(articles.column("article_id").to_pylist(),
                         (month(v) for v in articles.column("published").to_pylist()),
                         strict=True))
    parts: dict[str, pa.Table] = {}
    for layer in TABLES:
        table = tables[layer]
        key = PARTITION_KEYS.get(layer)
        if key is None:
            parts[layer] = table
            continue
        if table.num_rows == 0:
            continue
        months = pa.array(_months(layer, table, published), pa.string())
        for value in sorted(set(months.to_pylist()), key=lambda m: m or ""):
            mask = pc.is_null(months) if value is None else pc.equal(months, value)
            parts[f"{layer}/{key}={value or UNKNOWN_MONTH}"] = table.filter(mask)
    return parts


def _parts_of(output_dir: Path, number: int) -> Iterable[Path]:
    """Every part of partition ``number`` now in the output folder, month folders included,
    and the temporary files a killed run left of it."""
    name = part_name(number)
    for layer in TABLES:
        folder = output_dir / layer
        if folder.is_dir():
            for pattern in (name, f".{name}.*.tmp"):
                yield from folder.glob(pattern)
                yield from folder.glob(f"*/{pattern}")


def remove_partition(output_dir: Path, number: int, keep: Iterable[Path] = ()) -> None:
    """Delete the parts of partition ``number``, except those in ``keep``."""
    keep = set(keep)
    for path in list(_parts_of(output_dir, number)):
        if path not in keep:
            path.unlink(missing_ok=True)


def remove_partitions_after(output_dir: Path, last: int) -> None:
    """Delete the parts of partitions numbered above ``last`` (an input that got shorter)."""
    if output_dir.is_dir():
        for path in list(output_dir.glob("*/**/part-*.parquet")):
            number = part_number(path)
            if number is not None and number > last:
                path.unlink()


def write_partition(output_dir: Path, number: int, tables: dict[str, pa.Table]) -> None:
    """One partition's layers as Parquet parts in their month folders; older parts of the
    same partition that the new rows do not overwrite are removed."""
    written = []
    for folder, table in split(tables).items():
        path = output_dir / folder / part_name(number)
        _replace_atomically(path, lambda temp, table=table: pq.write_table(table, temp))
        written.append(path)
    for layer in TABLES:
        (output_dir / layer).mkdir(parents=True, exist_ok=True)
    remove_partition(output_dir, number, keep=written)


def finished_parts(output_dir: Path, layer: str, numbers: Iterable[int]) -> list[Path]:
    """The parts of a layer that belong to the given partitions, in partition then month order."""
    wanted = set(numbers)
    parts = [(part_number(p), p) for p in (output_dir / layer).rglob("part-*.parquet")]
    return [p for n, p in sorted(parts, key=lambda np: (np[0] or 0, str(np[1])))
            if n in wanted]


def digest(records: list[dict]) -> str:
    """Fingerprint of a partition's input: a changed input is analysed again."""
    data = json.dumps(records, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


class Manifest:
    """``manifest.json``: the run's settings and its finished partitions."""

    def __init__(self, output_dir: Path, settings: dict[str, Any]):
        self.path = output_dir / MANIFEST
        self.settings = {**settings, "layout": LAYOUT}
        self.partitions: dict[str, dict[str, Any]] = {}
        if self.path.exists():
            stored = json.loads(self.path.read_text(encoding="utf-8"))
            if stored.get("settings") != self.settings:
                raise ConfigError(
                    f"{output_dir} holds a run with other settings ({stored.get('settings')}); "
                    "use another output folder"
                )
            self.partitions = stored.get("partitions", {})

    @classmethod
    def read(cls, output_dir: Path) -> dict[str, Any]:
        return json.loads((output_dir / MANIFEST).read_text(encoding="utf-8"))

    def done(self, number: int, fingerprint: str) -> bool:
        entry = self.partitions.get(str(number))
        return entry is not None and entry.get("digest") == fingerprint

    def finish(self, number: int, fingerprint: str, counts: dict[str, int]) -> None:
        self.partitions[str(number)] = {"digest": fingerprint, **counts}
        self.save()

    def forget(self, numbers: Iterable[int]) -> None:
        for number in numbers:
            self.partitions.pop(str(number), None)
        self.save()

    def save(self) -> None:
        body = {"settings": self.settings, "partitions": self.partitions}
        text = json.dumps(body, indent=1, sort_keys=True)
        _replace_atomically(self.path, lambda temp: temp.write_text(text, encoding="utf-8"))
