"""City and region names found in the text, so that places are found before any NER model.

Only names a reader would take for a place make it: regions, cities from
``MIN_CITY_POPULATION`` on (names of more than one word, which are seldom
anything else, from ``MIN_CITY_POPULATION_WORDS``; their alternate names,
which hold the exonyms such as Moskau or Peking, from ``MIN_ALIAS_POPULATION``
on), written with a capital, and not a common word of the language (the pack's
``place_stopwords.tsv`` and spaCy's stop words) nor a word of position alone
(North, Centre: GeoNames names regions so). A shouted name counts in a
dateline only ("CHARLESTON, W.Va. --"), an abbreviated region only after a
town and a comma ("Lexington, Ky.").
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lang import get_pack
from ..lang.base import DATELINE_MARKS, LanguagePack, per_pack
from ..tokens import bounds as token_bounds
from ..tokens import strings as token_strings
from ..tokens import text as doc_text
from .gazetteer import PlaceGazetteer, is_short_name, load_gazetteer, region_is_likelier
from .resolve import ALIAS_PENALTY

MIN_CITY_POPULATION = 15_000
MIN_CITY_POPULATION_WORDS = 1_000
MIN_ALIAS_POPULATION = 100_000
STOPWORDS_FILE = "place_stopwords.tsv"


#: Words of position that GeoNames has as names of regions (North, Centre, Western), but
#: that a text uses alone for anything but them (North Lumpkin Street, the West).
POSITION_WORDS = {
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
    "Northeast", "Northwest", "Southeast", "Southwest", "Central", "Centre", "Center",
    "Capital", "Upper", "Lower", "Middle", "Nord", "Süd", "Ost", "Mitte", "Zentrum",
}
_ABBREVIATION = re.compile(r"(?:[A-Z][a-zé]{0,4}\. ?){1,3}")
_SHORT_WORD = re.compile(r"(?:[A-Z][a-z]{1,2}\. )+[^.]+")


def is_abbreviation(name: str) -> bool:
    """An abbreviated region name such as Ky., W.Va., B.C."""
    return _ABBREVIATION.fullmatch(name) is not None


def _worth(kind: str, feature: str, population: int, own_name: str, alias: bool,
           name: str = "") -> bool:
    """Whether a place (by its row's kind, feature, population and own name) earns a
    pattern for ``name``."""
    if kind in ("region", "other"):
        return not alias or feature == "ADM1"
    if kind != "city":
        return False
    least = MIN_CITY_POPULATION_WORDS if " " in name else MIN_CITY_POPULATION
    if alias and (_qualified(name, own_name)  # "Frankfurt an der Oder": no other reading
                  or is_short_name(name, own_name)):  # "Marburg" of "Marburg an der Lahn"
        return population >= least
    if alias:
        return population >= MIN_ALIAS_POPULATION
    return population >= least


def _qualified(alias: str, name: str) -> bool:
    """An alias that is the place's own first word with a qualifier after it ("Frankfurt an
    der Oder" of "Frankfurt (Oder)", "Halle an der Saale" of "Halle (Saale)")."""
    words = alias.split()
    return len(words) > 2 and words[0] == name.split()[0] and words[0] != alias


def _looks_like_name(name: str) -> bool:
    """Capitalised, not shouted, no dots but in a short first word (St. Louis, Mt. Vernon)."""
    if len(name) < 3 or not name[0].isupper() or name.isupper():
        return False
    return "." not in name or _SHORT_WORD.fullmatch(name) is not None


@lru_cache(maxsize=1)
def place_names(gazetteer: PlaceGazetteer | None = None) -> tuple[tuple[str, str], ...]:
    """(name, place key) for every name worth a pattern; the key of its likeliest place."""
    gazetteer = gazetteer or load_gazetteer()
    rows: dict[int, tuple[str, str, str, int, str]] = {}
    found = []
    for name, matches in gazetteer.names():
        if not (_looks_like_name(name) or is_abbreviation(name)
                or name.isupper() and gazetteer.shouted(name)) or name in POSITION_WORDS:
            continue
        best, best_score = None, -1.0
        briefs = []
        for row, alias in matches:
            brief = rows.get(row)
            if brief is None:
                brief = rows[row] = gazetteer.brief(row)
            briefs.append((brief, alias))
        largest_city = max((population for (_, kind, _, population, _), alias in briefs
                            if kind == "city" and not alias), default=0)
        worthy = [(brief, alias, alias and is_short_name(name, brief[4]))
                  for brief, alias in briefs if _worth(*brief[1:], alias, name)]
        # a town that bears the name as its own short name ("Neumarkt in der Oberpfalz")
        # goes before a larger one that bore it once (Târgu Mureş), as the resolver ranks
        short = any(own_short for _, _, own_short in worthy)
        for (key, kind, _, population, _), alias, own_short in worthy:
            score = math.log10(population + 10) \
                + (kind == "region" and region_is_likelier(population, largest_city)) \
                - ALIAS_PENALTY * (short and alias and not own_short)
            if score > best_score:
                best, best_score = key, score
        if best is not None:
            found.append((name, best))
    return tuple(found)


#: The line of a stop list after which its names are kept by hand.
BY_HAND = "# Kept by hand (the builder keeps these lines):"


@lru_cache(maxsize=8)
def misread_places(data_dir: Path) -> frozenset[str]:
    """The stop list's names kept by hand: words a name finder takes for places and the
    gazetteer would place far away ("Kanton" as Guangzhou, "Kita", "Mercedes"); unlike
    the list the builder writes, no surnames a misread person's place may still stand for."""
    path = data_dir / STOPWORDS_FILE
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    kept = lines[lines.index(BY_HAND) + 1:] if BY_HAND in lines else []
    return frozenset(line.strip() for line in kept if line.strip() and not line.startswith("#"))


def read_stopwords(data_dir: Path) -> set[str]:
    """Names that are common words in the language: one a line, ``#`` comments."""
    path = data_dir / STOPWORDS_FILE
    if not path.is_file():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def is_common_word(name: str, stopwords: set[str], lang_stopwords: set[str]) -> bool:
    return name in stopwords or name.lower() in lang_stopwords


class ListNameMatcher:
    """Marks the names of a list as entities with their id: cities and regions as LOC
    (``place:<key>``), or the pack's persons as PER (``leader:<key>``, ``label="PER"``).

    Works like spaCy's entity ruler with phrase patterns (exact, case-sensitive
    token sequences) but looks names up in a dict, so that some 100,000 names
    cost a fraction of a second to load instead of the ruler's tokenizing of
    every pattern. Entities already there (countries, organisations, a
    statistical model's) are kept, but for a place that a longer place name
    takes in whole (New Mexico, Mexico City); the longest name wins among overlaps.
    Abbreviated and shouted forms ("Ky.", a dateline's CHARLESTON) are read for places
    only.
    """

    def __init__(self, patterns: dict[str, str], max_tokens: int = 6, label: str = "LOC"):
        self.label = label
        places = label == "LOC"
        self.abbreviations = {name: key for name, key in patterns.items()
                              if places and is_abbreviation(name)}
        self.datelines = places
        self.patterns = {name: key for name, key in patterns.items()
                         if name not in self.abbreviations}
        self.first_words = {name.split(" ", 1)[0].split("-", 1)[0] for name in self.patterns}
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        found = []
        taken = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        texts = token_strings(doc)
        # the text and its tokens' bounds: a candidate name is a slice of the text
        bounds = (doc_text(doc), *token_bounds(doc))
        for start, text in enumerate(texts):
            if not text[:1].isupper():
                continue
            if start in taken:
                # a longer name may take in a place found before (New Mexico, Mexico City)
                ent = taken[start]
                if ent.label_ == "LOC" and ent.start == start \
                        and text.split("-", 1)[0] in self.first_words:
                    span = self._name(doc, start, taken, bounds)
                    if span is not None:
                        found.append(span)
                continue
            span = self._abbreviation(doc, start, taken)
            if span is None and text.isupper() and self.datelines:
                span = self._dateline(doc, start, taken)
            if span is None and text.split("-", 1)[0] in self.first_words:
                span = self._name(doc, start, taken, bounds)
            if span is not None:
                found.append(span)
        if found:
            doc.ents = filter_spans([*doc.ents, *found])
        return doc

    def _free(self, start: int, end: int, taken: dict[int, Span]) -> bool:
        return not any(i in taken for i in range(start, end))

    def _name(self, doc: Doc, start: int, taken: dict[int, Span],
              bounds: tuple[str, list[int], list[int]]) -> Span | None:
        """The longest name from ``start`` that overlaps no entity but places found before
        that it takes in whole (New Mexico over Mexico)."""
        text, starts, ends = bounds
        for end in range(min(len(doc), start + self.max_tokens), start, -1):
            key = self.patterns.get(text[starts[start]:ends[end - 1]])
            if key is not None and all(
                    i not in taken or (taken[i].label_ == "LOC" and taken[i].start >= start
                                       and taken[i].end <= end
                                       and taken[i].end - taken[i].start < end - start)
                    for i in range(start, end)):
                return Span(doc, start, end, label=self.label, span_id=key)
        return None

    def _abbreviation(self, doc: Doc, start: int, taken: dict[int, Span]) -> Span | None:
        """Ky. in "Lexington, Ky.": after a capitalised word and a comma only."""
        if start < 2 or doc[start - 1].text != "," or not doc[start - 2].text[:1].isupper():
            return None
        for end in range(min(len(doc), start + 3), start, -1):
            key = self.abbreviations.get(doc[start:end].text)
            if key is not None and self._free(start, end, taken):
                return Span(doc, start, end, label=self.label, span_id=key)
        return None

    def _dateline(self, doc: Doc, start: int, taken: dict[int, Span]) -> Span | None:
        """A shouted name followed by a dateline mark: CHARLESTON, ...; BEIRUT (AP); a colon
        at a sentence's start (BEIRUT: ...)."""
        end = start
        while end < min(len(doc), start + self.max_tokens) and doc[end].is_upper \
                and doc[end].is_alpha:
            end += 1
        while end > start:
            text = doc[start:end].text
            key = self.patterns.get(text.title())
            mark = doc[end].text if end < len(doc) else ""
            if (key is not None and len(text) > 3
                    and (mark in DATELINE_MARKS or mark == ":" and doc[start].is_sent_start)
                    and self._free(start, end, taken)):
                return Span(doc, start, end, label=self.label, span_id=key)
            end -= 1
        return None


@per_pack
def place_patterns(pack: LanguagePack) -> dict[str, str]:
    """City and region names and their forms in a language -> ``place:<key>``; the names
    of the pack's own gazetteer and the language's common words left out."""
    gazetteer = pack.gazetteer
    stopwords = read_stopwords(pack.data_dir)
    try:
        language = spacy.util.get_lang_class(pack.code)
        lang_stopwords = language.Defaults.stop_words
    except ImportError:
        lang_stopwords = set()
    taken = {form for entry in gazetteer.entries.values() for name in entry.names
             for form in gazetteer.forms(name)}
    patterns: dict[str, str] = {}
    for name, key in place_names():
        if name in taken or is_common_word(name, stopwords, lang_stopwords):
            continue
        for form in gazetteer.forms(name):
            if form not in taken:
                patterns.setdefault(form, f"place:{key}")
    return patterns


@Language.factory("lagebild_place_names", default_config={"lang": ""})
def make_place_name_matcher(nlp: Language, name: str, lang: str) -> ListNameMatcher:
    """The matcher with the place patterns of the language pack ``lang`` (default: nlp's)."""
    return ListNameMatcher(place_patterns(get_pack(lang or nlp.lang)))
