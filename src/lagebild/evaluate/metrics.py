"""Precision, recall and F1 from counts: one formula for every scorer."""

from __future__ import annotations


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """(precision, recall, F1); 0.0 where a denominator is zero."""
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return p, r, f1(p, r)


def f1(p: float, r: float) -> float:
    """The harmonic mean of a precision and a recall; 0.0 where both are zero."""
    return 2 * p * r / (p + r) if p + r else 0.0
