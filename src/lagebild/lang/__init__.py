"""Language packs: one folder per language, data files plus a few lines of code."""

from __future__ import annotations

import importlib

from ..errors import LanguageError
from .base import LanguagePack

SUPPORTED: tuple[str, ...] = ("de", "en")


def get_pack(code: str) -> LanguagePack:
    """The language pack for an ISO 639-1 code; LanguageError when there is none."""
    if code not in SUPPORTED:
        raise LanguageError(f"unsupported language: {code}")
    return importlib.import_module(f"{__name__}.{code}").PACK


__all__ = ["SUPPORTED", "LanguagePack", "get_pack"]
