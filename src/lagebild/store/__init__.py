"""Sinks: the SQLite store, its queries and exports."""

from .query import EventQuery
from .sqlite import Store

__all__ = ["EventQuery", "Store"]
