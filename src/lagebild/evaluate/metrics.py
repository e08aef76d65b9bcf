"""Precision, recall and F1 from counts: one formula for every scorer."""

from __future__ import annotations


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """(precision, recall, F1); 0.0 where a denominator is zero."""
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
