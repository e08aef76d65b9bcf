"""Language identification with lingua, restricted to a few languages for speed and accuracy.

The detector knows the supported languages plus common neighbours, so that a
French article is called French (and refused) instead of being forced into
German or English.
"""

from __future__ import annotations

from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

from ..errors import LanguageError

DEFAULT_CANDIDATES: tuple[str, ...] = (
    "de", "en", "fr", "es", "it", "nl", "pl", "pt", "ru", "uk", "tr", "ar", "da", "sv",
)
SAMPLE_CHARS = 2000


@lru_cache(maxsize=4)
def _detector(candidates: tuple[str, ...]):
    languages = []
    for code in candidates:
        try:
            languages.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
        except AttributeError:
            raise LanguageError(f"language id cannot tell {code!r}") from None
    return LanguageDetectorBuilder.from_languages(*languages).build()


def identify(text: str, candidates: tuple[str, ...] = DEFAULT_CANDIDATES) -> str:
    """ISO 639-1 code of the text's language; LanguageError when it cannot be told."""
    language = _detector(candidates).detect_language_of(text[:SAMPLE_CHARS])
    if language is None:
        raise LanguageError("could not identify the language (give it with --lang)")
    return language.iso_code_639_1.name.lower()
