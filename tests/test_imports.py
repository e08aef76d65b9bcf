"""Every part of the package can be imported first, on its own, in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["lagebild.lang", "lagebild.timex.readable",
                                    "lagebild.events", "lagebild.store", "lagebild.urls"])
def test_module_imports_on_its_own(module):
    result = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
