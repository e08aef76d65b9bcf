"""Invented demo articles (German and English) that ship with the package."""

from importlib.resources import files

from ..model import Article

ARTICLES_FILE = files(__name__) / "articles.jsonl"


def demo_articles() -> list[Article]:
    """The demo articles, in file order."""
    lines = ARTICLES_FILE.read_text(encoding="utf-8").splitlines()
    return [Article.model_validate_json(line) for line in lines if line.strip()]


def demo_text(lang: str) -> str:
    """The demo articles of one language as one text, for benchmarks."""
    return "\n\n".join(a.text for a in demo_articles() if a.lang == lang)
