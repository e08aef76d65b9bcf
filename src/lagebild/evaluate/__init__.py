"""Scoring lagebild's output against gold-standard corpora."""

from __future__ import annotations

from importlib import import_module

__all__ = ["LabelScore", "NerScores", "evaluate_conll", "read_conll", "score_spans"]


def __getattr__(name: str):
    """The NER scorer's names, imported on first use, so that ``python -m
    lagebild.evaluate.ner`` does not find its module imported before it runs."""
    if name in __all__:
        return getattr(import_module(".ner", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
