"""Where an event happened: the place governing a trigger's clause, else the sentence's main place.

Without a dependency parse the clause is approximated by the stretch of the
sentence between the nearest clause marks around the trigger (comma,
semicolon, colon, dash, quote marks). Inside it the nearest place mention
wins, a mention after a locative preposition (in, bei, near, ...) first. With
no place in the clause, the most salient place of the sentence is taken: a
mention after a locative preposition before one without, a city before a
region before a country (the most specific), then the one nearest the
trigger. Mentions that are actors (a country that acts) count only when
nothing else is there.
"""

from __future__ import annotations

import re

from ..clauses import clause_of, sentence_of
from ..model import Document, Place

LOCATIVE = {
    "in", "im", "bei", "beim", "nahe", "vor", "aus", "nach", "an", "am", "auf",
    "near", "at", "outside", "inside", "across", "throughout", "from", "to", "into", "around",
}
SPECIFICITY = {"city": 0, "other": 1, "region": 2, "country": 3}


_LAST_WORD = re.compile(r"(\w+)\W*$")


def _after_locative(text: str, start: int) -> bool:
    last = _LAST_WORD.search(text, max(0, start - 30), start)
    return last is not None and last.group(1).lower() in LOCATIVE


def place_index(document: Document) -> dict[str, Place]:
    """The place of each entity id that mentions one."""
    return {entity_id: place for place in document.places for entity_id in place.mentions}


def place_for_span(document: Document, start: int, end: int,
                   place_of: dict[str, Place] | None = None) -> str | None:
    """The id of the place where the event of the span ``start:end`` took place, or None.

    ``place_of`` is ``place_index(document)``, for callers that ask for many spans."""
    if place_of is None:
        place_of = place_index(document)
    sentence = sentence_of(document.sentences, start, end, len(document.text))
    clause = clause_of(document.text, sentence, start, end)
    in_sentence = [e for e in document.entities if e.id in place_of
                   and sentence[0] <= e.start and e.end <= sentence[1]
                   and not (e.start < end and start < e.end)]
    if not in_sentence:
        return None

    def rank(entity, in_clause: bool):
        place = place_of[entity.id]
        distance = entity.start - end if entity.start >= end else start - entity.end
        return (
            entity.actor is not None,
            not _after_locative(document.text, entity.start),
            0 if in_clause else SPECIFICITY.get(place.kind, 1),
            distance,
        )

    in_clause = [e for e in in_sentence if clause[0] <= e.start and e.end <= clause[1]]
    if in_clause:
        return place_of[min(in_clause, key=lambda e: rank(e, True)).id].id
    return place_of[min(in_sentence, key=lambda e: rank(e, False)).id].id
