"""The layering runs one way: the store and the model load without the NLP or the fetcher."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["lagebild.store", "lagebild.model", "lagebild.urls"])
def test_module_loads_without_spacy_or_httpx(module):
    code = (f"import sys, {module}; "
            "print(sorted(m for m in ('spacy', 'httpx', 'lagebild.pipeline') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_pipeline_is_still_reached_from_the_package():
    import lagebild
    from lagebild.pipeline import Pipeline

    assert lagebild.Pipeline is Pipeline
    with pytest.raises(AttributeError):
        lagebild.NoSuchThing  # noqa: B018
