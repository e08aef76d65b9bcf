"""Quotes: direct and reported speech with the speaker and the speaker's actor."""

from .finder import QuoteFinder

__all__ = ["QuoteFinder"]
