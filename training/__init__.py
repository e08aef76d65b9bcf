"""Rebuild lagebild's trained spaCy models from the public corpora in ../shared/data."""
