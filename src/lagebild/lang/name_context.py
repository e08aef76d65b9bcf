"""Two checks around the statistical NER that use the tagger's STTS tags.

Before the NER (``lagebild_name_context``): the entity ruler and the place-name
matcher run first, and the NER keeps their entities. A list match is only right
when the name stands on its own: the city in "Borussia Dortmund" or "Washington
Post" belongs to a club and a newspaper. A place name is given back to the NER
when a word beside it continues the name (a proper noun or foreign word by its
tag, a capitalised word the tagger does not read as a common noun, an acronym,
a club number as in "Hannover 96", a particle as in "Pont de Normandie"; not
after a genitive such as "Moskaus Außenministerium"), and a
one-word place name is dropped where the tagger reads it as a common noun or
adjective (the month "Mai"). Countries, organisations and leaders from the
curated lists only give way to a particle with a name beyond it ("Côte des Somalis", not
the genitive "des UN-Sicherheitsrates"). The NER then labels those words
itself, with the whole name in view.

After the NER (``lagebild_ner_check``): its spans lose lowercase words and years
at their end, and its one-word names that the tagger reads as common nouns are
dropped (German capitalises every noun; acronyms and street names stay). A list
name that was given back and that the NER labels with the same span stays, with
its list id when the label agrees too. A place that is also a given name, followed
by a surname ("Nancy Faeser", "Florence Gaub"), is the person. A name followed by
a legal form ("Hays AG", "Ökodorf e.V.") becomes an organisation with the form, and
the surname of a person named in full is that person wherever else it stands in the
article.

Both leave a document without tags as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..places.gazetteer import DATA_FILE, load_gazetteer
from .datafile import read_tsv

NAME_TAGS = {"NE", "FM"}
GIVEN_BACK = "lagebild_given_back"  # span group: list names handed to the NER
# lowercase particles inside foreign names: "Ana de Sousa", "Prix de Rome"
NAME_PARTICLES = {"de", "da", "del", "della", "di", "do", "dos", "du", "des", "la", "le",
                  "los", "las", "van", "y"}

# a surname with an Arabic article or a patronymic joined by a hyphen: "al-Nuaimi", "bin-Salman"
JOINED_ARTICLE = re.compile(r"(al|el|as|ad|ash|at|az|ar|an|bin|ibn|abu|ben)-[A-ZÄÖÜ]")


def _name_like(token: Token, sentence_start: int) -> bool:
    """A word that continues a name: a proper noun, a capitalised word the tagger
    does not read as a common noun (German adjectives and function words are
    lowercase inside a sentence, so "New" or "Air" there are names), an acronym,
    a particle or a club number."""
    text = token.text
    if text in NAME_PARTICLES:
        return True
    if text.isdigit():
        return token.tag_ == "CARD" and len(text) <= 2
    if not text[:1].isupper():
        return False
    if token.tag_ in NAME_TAGS or (text.isalpha() and text.isupper() and len(text) <= 5):
        return True
    if token.i > sentence_start and token.doc[token.i - 1].tag_ == "APPRART":
        return False  # "besuchte am Montag Kiew": after "am", "im", a noun of its own
    return token.i > sentence_start and token.tag_ not in ("NN", "NNE")


def _sentence_bounds(doc: Doc, span: Span) -> tuple[int, int]:
    if doc.has_annotation("SENT_START"):
        sent = span.sent
        return sent.start, sent.end
    return 0, len(doc)


def part_of_longer_name(doc: Doc, ent: Span, taken: set[int]) -> bool:
    """A word right before or after the span (not another entity) that continues a name.

    Countries, organisations and leaders from the curated lists are only given up
    next to a particle of a foreign name with a name beyond it ("Côte des Somalis";
    not the genitive article of "die Forderungen des Sicherheitsrates"): the tagger too
    often reads the noun in front of them as a name ("das Militärbündnis OVKS").
    """
    first, last = _sentence_bounds(doc, ent)
    before = doc[ent.start - 1] if ent.start - 1 >= first else None
    after = doc[ent.end] if ent.end < last else None
    if ent[-1].text.endswith("s"):
        after = None  # a genitive before its noun: "Moskaus Außenministerium"
    place = ent.ent_id_.startswith("place:")
    for token, step in ((before, -1), (after, 1)):
        if token is None or token.i in taken:
            continue
        if token.text in NAME_PARTICLES:
            # a particle continues a name ("Côte des Somalis", "Universität des Saarlandes");
            # a list's country or organisation only with a name beyond it, not after the
            # genitive article of "die Forderungen des UN-Sicherheitsrates"
            beyond = token.i + step
            if place or first <= beyond < last and beyond not in taken \
                    and _name_like(doc[beyond], first) and doc[beyond].text[:1].isupper():
                return True
        elif place and _name_like(token, first):
            return True
    return False


#: Cities this large (and capitals) keep their name whatever the tagger reads: the common
#: words among place names are small places (and the stopword lists hold the rest).
BIG_CITY = 500_000


def common_word(ent: Span) -> bool:
    """A one-word place name that the tagger reads as a common noun or adjective; not a
    genitive before its noun ("Moskaus Außenministerium"), nor a capital or big city
    ("Bischkek"), which taggers often read so."""
    if len(ent) != 1 or not ent.ent_id_.startswith("place:") or ent[0].tag_ in NAME_TAGS:
        return False
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if ent.text.endswith("s") and following is not None and following.text[:1].isupper() \
            and following.is_alpha:
        return False
    record = load_gazetteer().by_key(ent.ent_id_[len("place:"):])
    return not (record and (record.feature == "PPLC" or record.population >= BIG_CITY))


@Language.component("lagebild_name_context")
def name_context(doc: Doc) -> Doc:
    """Drop list entities that are part of a longer name or a common word here."""
    ents = list(doc.ents)  # each doc.ents builds its spans anew
    if not ents or not doc.has_annotation("TAG"):
        return doc
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    kept, dropped = [], []
    for ent in ents:
        (dropped if part_of_longer_name(doc, ent, taken) or common_word(ent) else kept).append(ent)
    if dropped:
        doc.spans[GIVEN_BACK] = dropped  # ner_check gives them their id if the NER agrees
        for ent in dropped:
            for token in ent:
                token.ent_id_ = ""  # not cleared by the assignment below
        doc.ents = kept  # the rest is "O", which the NER may still label
    return doc


STREET_ENDINGS = ("straße", "strasse", "platz", "weg", "allee", "gasse", "damm", "ufer")


def common_noun_guess(ent: Span) -> bool:
    """A one-word entity of the NER (not of a gazetteer) that the tagger reads as a
    common noun ("Stausee", "Region"). Acronyms and street names are kept, and so are
    places the NER found that GeoNames knows by that name, small ones included
    ("Twistringen", "Gedern"; the gazetteer stage itself marks only towns of 15,000)."""
    token = ent[0]
    return (len(ent) == 1 and not ent.ent_id_ and token.tag_ == "NN"
            and not (token.text.isupper() and len(token.text) >= 2)
            and not token.lower_.endswith(STREET_ENDINGS)
            and not (ent.label_ == "LOC" and load_gazetteer().lookup(token.text)))


def _edge_word(token: Token) -> bool:
    """A word a name does not end with: lowercase ("von", "de"), or a year.

    (A name may start lowercase: GermEval counts "von" in "von Trotha"; and a surname with
    its article joined may end it: "Ali al-Nuaimi", "Mohamed el-Baradei".)"""
    text = token.text
    return text[:1].islower() and not JOINED_ARTICLE.match(text) \
        or (text.isdigit() and len(text) == 4)


def trimmed(ent: Span) -> Span | None:
    """The NER's span without lowercase words and years at its end (None: nothing left)."""
    if ent.ent_id_:
        return ent
    start, end = ent.start, ent.end
    while end > start and _edge_word(ent.doc[end - 1]):
        end -= 1
    if start == end:
        return None
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(ent.doc, start, end, label=ent.label)


@Language.factory("lagebild_ner_check", default_config={"name_suffixes": [], "data_dir": ""})
def make_ner_check(nlp: Language, name: str, name_suffixes: list[str], data_dir: str):
    """The check with the pack's name suffixes (German genitive "s": "Tokajews") and, where
    the pack has a lemma table, its words (a surname is none of them)."""
    suffixes = tuple(name_suffixes)
    is_word = None
    if data_dir and (Path(data_dir) / "lemmas.toml").is_file():
        from .lemmas import lemmatizer

        is_word = lemmatizer(Path(data_dir)).knows

    def check(doc: Doc) -> Doc:
        return ner_check(doc, suffixes, is_word)

    return check


def ner_check(doc: Doc, name_suffixes: tuple[str, ...] = (),
              is_word: Callable[[str], bool] | None = None) -> Doc:
    """After the NER: trim its spans and drop one-word names read as common nouns.

    The two are trained on different data (the tagger on UD German, the NER on
    GermEval and silver corpora); where they disagree on a single capitalised word,
    German's capitalised nouns make the common noun the likelier reading.
    """
    ents = list(doc.ents)
    if not ents or not doc.has_annotation("TAG"):
        return surname_echoes(with_legal_forms(given_name_persons(doc, is_word)), name_suffixes)
    given = {(span.start, span.end): span for span in doc.spans.get(GIVEN_BACK, [])}
    kept = []
    for ent in ents:
        listed = given.get((ent.start, ent.end))
        if listed is not None:  # the NER found the list name on its own: keep it
            kept.append(listed if listed.label == ent.label else ent)
            continue
        span = trimmed(ent)
        if span is not None and not common_noun_guess(span):
            kept.append(span)
    if kept != ents:
        doc.ents = kept
    return surname_echoes(with_legal_forms(given_name_persons(doc, is_word)), name_suffixes)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names that are also place names (``places/data/given_names.tsv``)."""
    return frozenset(row[0].strip() for row in read_tsv(DATA_FILE.with_name("given_names.tsv")))


def _surname(token: Token, is_word: Callable[[str], bool] | None) -> bool:
    """A capitalised word that is no word of the language (without a word list: none)."""
    text = token.text
    return (is_word is not None and len(text) > 1 and text[:1].isupper() and text.isalpha()
            and not text.isupper() and not is_word(text))


def given_name_persons(doc: Doc, is_word: Callable[[str], bool] | None = None) -> Doc:
    """A place that is also a given name, followed by a surname, is the person, not the
    place: "Nancy Faeser" (the place matcher's Nancy and a word of no word list),
    "Paris Hilton" (Paris and the NER's person Hilton), "Victoria Beckham" (one LOC of
    the NER without a gazetteer id)."""
    ents = list(doc.ents)
    if not ents:
        return doc
    names = given_names()
    starting = {ent.start: ent for ent in ents}
    persons, replaced = [], set()
    for ent in ents:
        if ent.label_ != "LOC" or ent[0].text not in names or ent.start in replaced:
            continue
        if len(ent) == 2 and not ent.ent_id_ and _surname(ent[1], is_word):
            persons.append(Span(doc, ent.start, ent.end, label="PER"))
            replaced.add(ent.start)
            continue
        if len(ent) != 1 or ent.end >= len(doc):
            continue
        following = starting.get(ent.end)
        if following is not None and following.label_ == "PER":
            end = following.end
            replaced.add(following.start)
        elif following is None and _surname(doc[ent.end], is_word):
            end = ent.end + 1
        else:
            continue
        persons.append(Span(doc, ent.start, end, label="PER"))
        replaced.add(ent.start)
    if persons:
        for span in persons:
            for token in span:
                token.ent_id_ = ""  # the place's id; not cleared by the assignment below
        doc.ents = filter_spans(persons + [e for e in ents if e.start not in replaced])
    return doc


#: Legal forms that end a company or association name: "Hays AG", "Ökodorf e.G.".
LEGAL_FORMS = {"AG", "GmbH", "gGmbH", "KG", "KGaA", "OHG", "SE", "e.V.", "e.G.", "eG",
               "Inc.", "Inc", "Ltd.", "Ltd", "LLC", "plc", "PLC", "Corp.", "S.A.", "N.V.",
               "B.V."}
#: How many capitalised words before a legal form make the name when no entity does.
LEGAL_NAME_REACH = 3


def with_legal_forms(doc: Doc) -> Doc:
    """A name followed by a legal form is an organisation, the form included: an entity
    ending just before it grows over it as ORG; capitalised words no entity holds become
    one."""
    forms = numpy.isin(doc.to_array("ORTH"), [doc.vocab.strings.add(f) for f in LEGAL_FORMS])
    positions = [i for i in numpy.flatnonzero(forms).tolist() if i > 0]
    if not positions:
        return doc
    ents = list(doc.ents)  # each doc.ents builds its spans anew
    ending = {ent.end: ent for ent in ents}
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    grown = []
    for i in positions:
        if i in taken:
            continue
        if i in ending:
            grown.append(Span(doc, ending[i].start, i + 1, label="ORG"))
            continue
        start = i
        while start > max(0, i - LEGAL_NAME_REACH) and start - 1 not in taken \
                and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_sent_start:
            start -= 1
        if start < i:
            grown.append(Span(doc, start, i + 1, label="ORG"))
    if grown:
        doc.ents = filter_spans(grown + ents)
    return doc


def surname_echoes(doc: Doc, name_suffixes: tuple[str, ...] = ()) -> Doc:
    """The surname of a person named in full is that person wherever it comes again in
    the article, also with a suffix of the pack ("Kassym-Schomart Tokajew" ...
    "Tokajew", "Tokajews"), with the full name's list id; the NER, reading one sentence
    at a time, misses many of these."""
    surnames: dict[str, Span] = {}
    ents = list(doc.ents)
    for ent in ents:
        last = ent[-1].text
        if ent.label_ == "PER" and len(ent) >= 2 and last[:1].isupper() and last.isalpha():
            surnames.setdefault(last, ent)
    if not surnames:
        return doc
    forms = {**{name + suffix: ent for name, ent in surnames.items()
                for suffix in name_suffixes}, **surnames}
    orths = doc.to_array("ORTH")
    wanted = numpy.isin(orths, [doc.vocab.strings.add(form) for form in forms])
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    echoes = [Span(doc, i, i + 1, label="PER", span_id=forms[doc[i].text].id)
              for i in numpy.flatnonzero(wanted).tolist() if i not in taken]
    if echoes:
        doc.set_ents(echoes, default="unmodified")
    return doc
