"""Actors layer: who the entities are, coded as PLOVER/CAMEO actors.

An entity the gazetteer knows (a country, an organisation) becomes an actor
with its country code and, for organisations, the acronym. All mentions of
the same actor in a document share one actor record.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..lang.base import LanguagePack
from ..model import Actor, Document


class ActorsAnnotator:
    name = "actors"
    requires = ("entities", "ner")
    assigns = ("actors",)

    def __call__(self, doc: Doc, document: Document, pack: LanguagePack) -> None:
        keys = {(ent.start_char, ent.end_char): ent.ent_id_ for ent in doc.ents}
        by_key: dict[str, Actor] = {}
        for entity in document.entities:
            entry = pack.gazetteer.get(keys.get((entity.start, entity.end), ""))
            if entry is None:
                continue
            actor = by_key.get(entry.key)
            if actor is None:
                actor = Actor(
                    id=f"a{len(by_key) + 1}",
                    name=entry.name,
                    country=entry.country,
                    org=entry.org,
                    code=entry.country,
                )
                by_key[entry.key] = actor
            actor.mentions.append(entity.id)
            entity.actor = actor.id
        document.actors.extend(by_key.values())
