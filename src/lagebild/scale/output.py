"""The output folder of a run: Parquet parts per layer, written atomically, and a
manifest of finished partitions so that a rerun does only what is missing.

A part is renamed into place only when complete, and a partition enters the
manifest only after all its layers are in place; a crash leaves at most
temporary files, which a rerun overwrites.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import ConfigError
from .schema import LAYERS

MANIFEST = "manifest.json"


def part_path(output_dir: Path, layer: str, number: int) -> Path:
    return output_dir / layer / f"part-{number:05d}.parquet"


def _replace_atomically(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        write(temp)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def write_partition(output_dir: Path, number: int, tables: dict[str, pa.Table]) -> None:
    """Every layer's table of one partition, each as its own Parquet part."""
    for layer in LAYERS:
        table = tables[layer]
        _replace_atomically(part_path(output_dir, layer, number),
                            lambda temp, table=table: pq.write_table(table, temp))


def digest(records: list[dict]) -> str:
    """Fingerprint of a partition's input: a changed input is analysed again."""
    data = json.dumps(records, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


class Manifest:
    """``manifest.json``: the run's settings and its finished partitions."""

    def __init__(self, output_dir: Path, settings: dict[str, Any]):
        self.path = output_dir / MANIFEST
        self.settings = settings
        self.partitions: dict[str, dict[str, Any]] = {}
        if self.path.exists():
            stored = json.loads(self.path.read_text(encoding="utf-8"))
            if stored.get("settings") != settings:
                raise ConfigError(
                    f"{output_dir} holds a run with other settings ({stored.get('settings')}); "
                    "use another output folder"
                )
            self.partitions = stored.get("partitions", {})

    def done(self, number: int, fingerprint: str) -> bool:
        entry = self.partitions.get(str(number))
        return entry is not None and entry.get("digest") == fingerprint

    def finish(self, number: int, fingerprint: str, counts: dict[str, int]) -> None:
        self.partitions[str(number)] = {"digest": fingerprint, **counts}
        self.save()

    def save(self) -> None:
        body = {"settings": self.settings, "partitions": self.partitions}
        text = json.dumps(body, indent=1, sort_keys=True)
        _replace_atomically(self.path, lambda temp: temp.write_text(text, encoding="utf-8"))
