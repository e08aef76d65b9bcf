"""Quotes: direct and reported speech with the speaker and the speaker's actor."""

from .finder import QuoteFinder, quote_finder

__all__ = ["QuoteFinder", "quote_finder"]
