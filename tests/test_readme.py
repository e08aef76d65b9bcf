"""The README shows what the code does: its demo output is the demo's output now."""

from __future__ import annotations

import importlib.util

from .conftest import ROOT


def _script():
    path = ROOT / "scripts" / "readme_demo.py"
    spec = importlib.util.spec_from_file_location("readme_demo", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_demo_block_is_the_demo_output(pipeline):
    script = _script()
    shown = script.readme_block(script.README.read_text(encoding="utf-8"))
    assert shown == script.demo_output(pipeline), (
        "README.md's demo output is out of date: run python scripts/readme_demo.py")
