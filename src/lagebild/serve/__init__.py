"""The store over HTTP: a JSON API and a web page (``lagebild serve``)."""

from .app import create_app

__all__ = ["create_app"]
