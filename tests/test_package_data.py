"""Every data file the package reads is in the wheel: `pip install .` copies only the files
that pyproject.toml's package-data patterns name, so one outside them is missing for users
(and for CI, which installs the wheel) while every test run from the source tree passes."""

from __future__ import annotations

import fnmatch
import tomllib

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "lagebild"


def test_every_data_file_matches_a_package_data_pattern():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["lagebild"]
    data = [path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*")
            if path.is_file() and path.suffix not in (".py", ".pyc")
            and "__pycache__" not in path.parts]
    assert data, "no data files found"
    missing = [name for name in data
               if not any(fnmatch.fnmatch(name, pattern) for pattern in patterns)]
    assert missing == []
