"""Sources: from files, folders, URLs and stdin to Articles."""

from .sources import read_source, read_sources

__all__ = ["read_source", "read_sources"]
