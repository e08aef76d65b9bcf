"""Actors layer: who the mentions are, coded as PLOVER/CAMEO actors (see lagebild.actors)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..actors import code_actors
from ..lang.base import LanguagePack
from ..model import Document
from ..timex import anchor_date


class ActorsAnnotator:
    name = "actors"
    requires = ("entities", "ner")
    assigns = ("actors",)
    amends = ("entities.actor",)

    def __call__(self, doc: Doc, document: Document, pack: LanguagePack) -> None:
        code_actors(doc, document, pack, anchor_date(document.published))
