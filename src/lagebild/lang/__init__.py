"""Language packs: one folder per language, data files plus a few lines of code.

The packs are found, not listed: each folder here with an ``__init__.py`` that defines
``PACK`` is the pack of the language its name gives (ISO 639-1), so that adding a language
is adding a folder.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..errors import LanguageError

if TYPE_CHECKING:
    from .base import LanguagePack


def languages() -> tuple[str, ...]:
    """The codes of the language packs there are, in alphabetical order."""
    return tuple(sorted(module.name for module in pkgutil.iter_modules(__path__)
                        if module.ispkg))


def check_language(code: str, among: Iterable[str] | None = None) -> str:
    """``code``, where a pack analyses it (one of ``among``, default every pack); else the
    one error for a language lagebild does not analyse, LanguageError [L200]."""
    if code not in (languages() if among is None else among):
        raise LanguageError(f"unsupported language: {code}")
    return code


def get_pack(code: str) -> LanguagePack:
    """The language pack for an ISO 639-1 code; LanguageError when there is none."""
    return importlib.import_module(f"{__name__}.{check_language(code)}").PACK


def __getattr__(name: str):
    """``LanguagePack`` on first use: it loads spaCy, which finding the languages does not
    need (the command line's start)."""
    if name == "LanguagePack":
        from .base import LanguagePack

        return LanguagePack
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["LanguagePack", "check_language", "get_pack", "languages"]
