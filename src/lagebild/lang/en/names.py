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
- a person of the lists that holds a person of the model gives it its id: with the
  model's span where both end on the surname ("President Bush": "Bush"), else with its
  own, the model having cut the name short ("Prosper" of "Prosper Avril");
- a capital of the lists wins over the model's person or organisation on its span
  ("Tbilisi"), and a person of the lists named in full over a name of the model, not a
  person's, that cuts across it ("State Condoleezza" of "Secretary of State Condoleezza
  Rice");
- a list name that no name of the model touches is added (``ADDED``).

Then the model's own slips on news that is not Reuters' are mended: a capitalised
function word in front goes ("An Alexandria man"); two persons with a name particle
between them are one ("Hamad" bin "Khalifa al-Thani"); a one-word name at a
sentence's start that is a common word there goes ("Visitors came": the pack's
``common_words.tsv``), and so does a shouted word inside a sentence in small letters
("said PARIS would stay its code name").

Entity ids are what the actor and place layers read; spans and labels are what the
entities layer reports. The lists' place names that end up in no place entity of
their own ("Mansfield" in "Mansfield Police Department", a town the model read as a
person) are kept in the span group ``TOPONYMS``: the places layer reads them as
toponyms inside or behind other names.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...places.gazetteer import load_gazetteer
from ..base import DATELINE_MARKS, TOPONYMS
from ..datafile import read_tsv
from ..name_context import NAME_PARTICLES

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
#: kinds of list names that are toponyms
PLACE_KINDS: tuple[str, ...] = ("country:", "place:")
#: the pack's words that are no names at a sentence's start
COMMON_WORDS = "common_words.tsv"
#: marks after which a word is capitalised as at a sentence's start
OPENERS = frozenset({'"', "“", "‘", "'", "``", "—", "–", "--", "-", ":", "("})
#: places that win over the model's reading of their span: capitals (on CoNLL-2003's
#: tuned-on part, regions and continents cost 0.1 point, cities of a million 0.3)
MAJOR_FEATURES = frozenset({"PPLC"})
#: function words that begin no name, capitalised at a sentence's start ("An Alexandria
#: man"; not "The", which begins "The Hague")
FUNCTION_WORDS = frozenset({
    "a", "an", "another", "only", "in", "at", "on", "for", "from", "with", "by", "to", "as",
    "but", "and", "or", "if", "when", "while", "after", "before", "since", "during", "this",
    "that", "these", "those", "every", "each", "some", "any", "both", "many", "most",
    "even", "also", "just", "then", "there", "here", "meanwhile", "yet", "so", "unlike",
    "like", "although", "though", "because", "once", "until", "unless", "whether"})
#: words between the parts of a person's name: the particles of foreign names and the
#: patronymic ones ("Hamad bin Khalifa", "Ahmed Ould Abdallah")
PERSON_PARTICLES = frozenset(NAME_PARTICLES | {"bin", "ibn", "bint", "ben", "abu", "al", "el",
                                                "von", "der", "ould"})


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


@Language.factory("lagebild_names_merge", default_config={"data_dir": ""})
def make_names_merge(nlp: Language, name: str, data_dir: str):
    """The merge with the pack's common words (``common_words.tsv``)."""
    common = read_common_words(data_dir) if data_dir else frozenset()

    def merge(doc: Doc) -> Doc:
        return names_merge(doc, common)

    return merge


def names_merge(doc: Doc, common: frozenset[str] = frozenset()) -> Doc:
    """The model's names with the lists' ids (and some labels), and the list names the
    model left alone."""
    listed = list(doc.spans.get(LISTED, []))
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
        if inside and kind.startswith("leader:") and ent.label_ == "PER" and not ent.id_:
            # "President Bush": the model's span, the list's person; "Prosper" of
            # "Prosper Avril": the model cut the name short, the list's span
            ents[n] = Span(doc, ent.start, ent.end, label=ent.label, span_id=span.id) \
                if ent.end == span.end else span
            continue
        if (ent.start, ent.end) == (span.start, span.end):
            if ent.label == span.label or kind.startswith(LIST_LABEL) or major_place(span) \
                    or dateline(span):
                ents[n] = span
        elif ent.start <= span.start and span.end <= ent.end and not ent.id_ \
                and kind.startswith(INSIDE_ID):
            ents[n] = Span(doc, ent.start, ent.end, label=ent.label, span_id=span.id)
        elif kind.startswith("leader:") and len(span) > 1 and not ent.id_ \
                and ent.label_ != "PER" and not (span.start <= ent.start and ent.end <= span.end):
            # the model's name cuts across a person of the lists named in full
            # ("Secretary of State Condoleezza Rice": "State Condoleezza" as ORG)
            ents[n] = span
    merged = sorted([ent for ent in ents if ent is not None] + added, key=lambda e: e.start)
    doc.ents = [ent for ent in _join_particles(doc, _trim_function_words(doc, merged))
                if not _common_word(doc, ent, common) and not _shouted(doc, ent)]
    places = {(ent.start, ent.end) for ent in doc.ents if ent.label_ == "LOC"}
    doc.spans[TOPONYMS] = [span for span in listed if span.id_.startswith(PLACE_KINDS)
                           and (span.start, span.end) not in places]
    if LISTED in doc.spans:
        del doc.spans[LISTED]
    return doc


def major_place(span: Span) -> bool:
    """A capital, which a name of the model on its span ("Tbilisi" read as a person) is
    less likely to be than the place."""
    if not span.id_.startswith("place:"):
        return False
    record = load_gazetteer().by_key(span.id_[len("place:"):])
    return record is not None and record.feature in MAJOR_FEATURES


def dateline(span: Span) -> bool:
    """A shouted place of the lists that opens a sentence before a dateline mark
    ("LISBON (Reuters) -", "NAIROBI, May 3"): the story's place, whatever the model read."""
    doc = span.doc
    return span.id_.startswith("place:") and span.text.isupper() \
        and (span.start == 0 or doc[span.start].is_sent_start) \
        and span.end < len(doc) and doc[span.end].text in DATELINE_MARKS


def _common_word(doc: Doc, ent: Span, common: frozenset[str]) -> bool:
    """A one-word name of the model, no list's, at the start of a sentence, that is a
    common word there ("Visitors came", "Crews closed"): no name."""
    if len(ent) != 1 or ent.id_ or not (ent.start == 0 or doc[ent.start].is_sent_start
                                        or doc[ent.start - 1].text in OPENERS):
        return False
    word = ent.text
    return word[:1].isupper() and not word.isupper() and word.lower() in common


def _shouted(doc: Doc, ent: Span) -> bool:
    """A shouted word the model read as a place or person inside a sentence in small
    letters, which no list names ("said PARIS would stay its code name"): a code or an
    acronym, no name; datelines ("CHARLESTON, W.Va.") are the lists'."""
    if len(ent) != 1 or ent.id_ or ent.label_ not in ("LOC", "PER"):
        return False
    word = ent.text
    if not (word.isalpha() and word.isupper() and len(word) >= 4):
        return False
    sentence = ent.sent
    words = [t for t in sentence if t.is_alpha]
    return sum(t.is_lower for t in words) > len(words) / 2


@lru_cache(maxsize=4)
def read_common_words(data_dir: str) -> frozenset[str]:
    """The pack's ``common_words.tsv`` (``python -m training en-common-words``)."""
    path = Path(data_dir) / COMMON_WORDS
    if not path.is_file():
        return frozenset()
    return frozenset(row[0].strip() for row in read_tsv(path))


def _trim_function_words(doc: Doc, ents: list[Span]) -> list[Span]:
    """The model's names without a capitalised function word in front ("An Alexandria
    man", "Only Cornwall and Kent")."""
    trimmed = []
    for ent in ents:
        start = ent.start
        while start < ent.end - 1 and doc[start].lower_ in FUNCTION_WORDS \
                and not doc[start].is_upper:
            start += 1
        trimmed.append(ent if start == ent.start else
                       Span(doc, start, ent.end, label=ent.label, span_id=ent.id))
    return trimmed


def _join_particles(doc: Doc, ents: list[Span]) -> list[Span]:
    """Persons of the model with only name particles between them made one name."""
    joined: list[Span] = []
    for ent in ents:
        last = joined[-1] if joined else None
        if last is not None and last.label_ == ent.label_ == "PER" \
                and last.end < ent.start <= last.end + 2 \
                and all(t.lower_ in PERSON_PARTICLES for t in doc[last.end:ent.start]):
            joined[-1] = Span(doc, last.start, ent.end, label="PER",
                              span_id=ent.id_ or last.id_)
            continue
        joined.append(ent)
    return joined
