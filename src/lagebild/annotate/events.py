"""Events layer: who did what to whom, when, where, how many, and who says so."""

from __future__ import annotations

from spacy.tokens import Doc

from ..events import code_events
from ..lang.base import LanguagePack
from ..model import Document


class EventsAnnotator:
    name = "events"
    requires = ("actors", "places", "times", "amounts", "quotes")
    assigns = ("events",)
    amends = ("actors",)  # the parties it infers: a subject or object no list knows

    def __init__(self, screen: bool = True):
        self.screen = screen  # whether the pack's learned event screen may drop events

    def __call__(self, doc: Doc, document: Document, pack: LanguagePack) -> None:
        code_events(doc, document, pack, screen=self.screen)
