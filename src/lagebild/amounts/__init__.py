"""Amounts: numbers in digits and words, with the noun they count."""

from .finder import AmountFinder, AmountMatch, amount_finder

__all__ = ["AmountFinder", "AmountMatch", "amount_finder"]
