"""Reading a language pack's data files: TSV tables and TOML grammars, with clear errors.

Every layer reads its words from such files; a missing, empty or malformed
one is a ConfigError that names the file, never a traceback from a parser.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from ..errors import ConfigError


def read_tsv(path: Path, columns: int = 1) -> list[list[str]]:
    """The rows of a tab-separated file; blank lines and ``#`` comments skipped."""
    if not path.is_file():
        raise ConfigError(f"language data file missing: {path}")
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < columns:
            raise ConfigError(f"{path}: expected {columns} columns in {line!r}")
        rows.append(cells)
    if not rows:
        raise ConfigError(f"language data file is empty: {path}")
    return rows


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML data file as a dict."""
    if not path.is_file():
        raise ConfigError(f"language data file missing: {path}")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"language data file {path}: {exc}") from None
