"""lagebild: verifiable event data from news articles, German first, English second.

The pipeline (and with it spaCy) loads on first use of ``Pipeline``, ``PipelineConfig``
or ``extract``, so that ``import lagebild.store`` or ``lagebild.model`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

from .model import SCHEMA, Article, Document  # noqa: E402

if TYPE_CHECKING:
    from .pipeline import Pipeline, PipelineConfig, extract

_PIPELINE = ("Pipeline", "PipelineConfig", "extract")


def __getattr__(name: str):
    if name in _PIPELINE:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'lagebild' has no attribute {name!r}")


__all__ = ["SCHEMA", "Article", "Document", "Pipeline", "PipelineConfig", "__version__", "extract"]
