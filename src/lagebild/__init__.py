"""lagebild: verifiable event data from news articles, German first, English second."""

__version__ = "0.1.0"

from .model import SCHEMA, Article, Document  # noqa: E402
from .pipeline import Pipeline, PipelineConfig, extract  # noqa: E402

__all__ = ["SCHEMA", "Article", "Document", "Pipeline", "PipelineConfig", "__version__", "extract"]
