"""Typed errors with stable, searchable codes.

The library raises these; only the edges (CLI, HTTP) turn them into exit
codes or statuses. An error that concerns one article becomes that article's
``Document.error`` instead, so that a batch goes on.
"""

from __future__ import annotations

import re


class LagebildError(Exception):
    """Base of every error lagebild raises on purpose."""

    code = "L000"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(LagebildError):
    """An input could not be read: missing path, binary file, bad encoding."""

    code = "L100"


class FetchError(InputError):
    """A URL could not be fetched."""

    code = "L101"


class DateError(InputError):
    """A publication date is not ISO 8601."""

    code = "L102"


class RecordError(InputError):
    """A line of JSON Lines is not an article: invalid JSON, no text, a field of the wrong type."""

    code = "L103"


class EmptyTextError(InputError):
    """The article has no text to analyse."""

    code = "L104"


class LanguageError(LagebildError):
    """The article's language is not one lagebild analyses, or could not be told."""

    code = "L200"


class ConfigError(LagebildError):
    """The pipeline configuration is invalid (unknown key, stage or order)."""

    code = "L300"


class StoreError(LagebildError):
    """The store cannot be opened or migrated."""

    code = "L400"


class RequestError(LagebildError):
    """An HTTP request is invalid: unknown filter, bad date, page too large, bad cursor."""

    code = "L500"


class NotFoundError(LagebildError):
    """No event or article with the id asked for."""

    code = "L501"


class AuthError(LagebildError):
    """The ingest endpoint is off, or the request lacks its API token."""

    code = "L502"


class AnalysisError(LagebildError):
    """A layer failed on one article: the article is kept with this error, no layer half-filled."""

    code = "L600"


_CODED = re.compile(r"\[L\d{3}\] ")


def coded(message: str, error: type[LagebildError] = InputError) -> str:
    """``message`` as one article's error text, with its code in front (once): the text
    a Document's ``error`` holds and the command line prints."""
    return message if _CODED.match(message) else str(error(message))


class TimeLimitError(AnalysisError):
    """One article took longer than the per-article time limit (``max_seconds``): it is kept
    with this error and the batch goes on."""

    code = "L601"
