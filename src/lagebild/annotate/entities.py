"""Entities layer: the named mentions the language pack's spaCy pipeline found."""

from __future__ import annotations

from spacy.tokens import Doc

from ..lang.base import LanguagePack
from ..model import Document, Entity

#: spaCy labels of other schemes folded into lagebild's four.
LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}


class EntitiesAnnotator:
    name = "entities"
    requires = ("ner",)
    assigns = ("entities",)
    amends = ()

    def __call__(self, doc: Doc, document: Document, pack: LanguagePack) -> None:
        for ent in doc.ents:
            label = LABELS.get(ent.label_)
            if label is None:
                continue
            document.entities.append(
                Entity(
                    id=f"e{len(document.entities) + 1}",
                    text=ent.text,
                    start=ent.start_char,
                    end=ent.end_char,
                    label=label,
                )
            )
