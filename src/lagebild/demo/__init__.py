"""Invented demo articles (German and English) that ship with the package."""

from importlib.resources import files

ARTICLES = files(__name__) / "articles.jsonl"
