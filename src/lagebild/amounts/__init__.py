"""Amounts: numbers in digits and words, with the noun they count."""

from .finder import AmountFinder, AmountMatch

__all__ = ["AmountFinder", "AmountMatch"]
