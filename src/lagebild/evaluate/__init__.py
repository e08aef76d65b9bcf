"""Scoring lagebild's output against gold-standard corpora."""
