"""Quotes layer: who says what, direct or reported, tied to the speaker's actor."""

from __future__ import annotations

from spacy.tokens import Doc

from ..lang.base import LanguagePack
from ..model import Document
from ..quotes import quote_finder


class QuotesAnnotator:
    name = "quotes"
    requires = ("sentences", "actors")
    assigns = ("quotes",)
    amends = ()

    def __call__(self, doc: Doc, document: Document, pack: LanguagePack) -> None:
        document.quotes.extend(quote_finder(pack).find(document))
