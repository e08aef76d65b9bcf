"""Quotes layer: who says what, direct or reported, tied to the speaker's actor."""

from __future__ import annotations

from spacy.tokens import Doc

from ..lang.base import LanguagePack
from ..model import Document


class QuotesAnnotator:
    name = "quotes"
    requires = ("sentences", "actors")
    assigns = ("quotes",)

    def __call__(self, doc: Doc, document: Document, pack: LanguagePack) -> None:
        document.quotes.extend(pack.quote_finder.find(document))
