"""Scoring lagebild's output against gold-standard corpora."""

from .ner import LabelScore, NerScores, evaluate_conll, read_conll, score_spans

__all__ = ["LabelScore", "NerScores", "evaluate_conll", "read_conll", "score_spans"]
