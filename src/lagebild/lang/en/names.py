"""English: the trained NER decides where the names are, the gazetteers give their ids.

On English news the model trained on CoNLL-2003 finds names better than the lists:
sports teams named after their city are organisations there, and a place name
inside a longer name ("Pointe Coupee Sheriff's Office") is part of that name. So
the gazetteers in front of the NER (countries, organisations, leaders, persons,
places) do not bind it: ``lagebild_names_aside`` puts their names aside before it
runs, and ``lagebild_names_merge`` after it brings the two together:

- a list name of the same span as a name of the model gives it its id, and for the
  curated lists (``LIST_LABEL``: countries, organisations, leaders) its label too:
  "Vietnam" is a country wherever the model reads it as a person;
- a name of the model that holds a curated list name takes that name's id, its own
  span and label kept: "US Congress" (ORG) is coded as an actor of the United States;
- a list name that no name of the model touches is added (``ADDED``).

Entity ids are what the actor and place layers read; spans and labels are what the
entities layer reports.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

#: span group of the gazetteers' names, while the NER runs
LISTED = "lagebild_listed"
#: kinds of list names (the prefix of their id) whose label wins on the same span
LIST_LABEL: tuple[str, ...] = ("country:", "org:", "leader:")
#: kinds of list names whose id a longer name of the model that holds them takes
INSIDE_ID: tuple[str, ...] = ("country:", "org:", "leader:")
#: kinds of list names that replace the model's names lying inside them (leaders not:
#: on CoNLL-2003's tuned-on part that cost 0.2 points)
OVER_PARTS: tuple[str, ...] = ("country:", "org:")
#: kinds of list names added where the model found no name
ADDED: tuple[str, ...] = ("country:", "org:", "leader:", "place:")


@Language.component("lagebild_names_aside")
def names_aside(doc: Doc) -> Doc:
    """Put the gazetteers' names aside, so that the NER labels the whole text."""
    ents = list(doc.ents)
    if ents:
        doc.spans[LISTED] = ents
        for ent in ents:
            for token in ent:
                token.ent_id_ = ""  # not cleared by the assignment below
        doc.ents = []
    return doc


@Language.component("lagebild_names_merge")
def names_merge(doc: Doc) -> Doc:
    """The model's names with the lists' ids (and some labels), and the list names the
    model left alone."""
    listed = doc.spans.get(LISTED)
    if listed is None:
        return doc
    ents = list(doc.ents)
    owner = {i: n for n, ent in enumerate(ents) for i in range(ent.start, ent.end)}
    added: list[Span] = []
    for span in listed:
        kind = span.id_  # (its tokens' ent_id_ were cleared before the NER)
        touched = {owner[i] for i in range(span.start, span.end) if i in owner}
        if not touched:
            if kind.startswith(ADDED):
                added.append(span)
            continue
        inside = all(span.start <= ents[n].start and ents[n].end <= span.end for n in touched)
        if inside and kind.startswith(OVER_PARTS) and not any(ents[n].id_ for n in touched):
            for n in touched:  # "European" (MISC) of "European Community": the list's name
                ents[n] = None
            added.append(span)
            continue
        if len(touched) > 1:
            continue
        n = touched.pop()
        ent = ents[n]
        if ent is None:
            continue
        if (ent.start, ent.end) == (span.start, span.end):
            if ent.label == span.label or kind.startswith(LIST_LABEL):
                ents[n] = span
        elif ent.start <= span.start and span.end <= ent.end and not ent.id_ \
                and kind.startswith(INSIDE_ID):
            ents[n] = Span(doc, ent.start, ent.end, label=ent.label, span_id=span.id)
    doc.ents = sorted([ent for ent in ents if ent is not None] + added,
                      key=lambda span: span.start)
    del doc.spans[LISTED]
    return doc
