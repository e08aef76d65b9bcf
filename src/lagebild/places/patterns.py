"""City and region names found in the text, so that places are found before any NER model.

Only names a reader would take for a place make it: regions, cities from
``MIN_CITY_POPULATION`` on (their alternate names, which hold the exonyms
such as Moskau or Peking, from ``MIN_ALIAS_POPULATION`` on), written with a
capital, not shouted, and not a common word of the language (the pack's
``place_stopwords.tsv`` and spaCy's stop words).
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .gazetteer import PlaceGazetteer, load_gazetteer

MIN_CITY_POPULATION = 15_000
MIN_ALIAS_POPULATION = 100_000
STOPWORDS_FILE = "place_stopwords.tsv"


def _worth(place, alias: bool) -> bool:
    if place.kind in ("region", "other"):
        return not alias or place.feature == "ADM1"
    if place.kind != "city":
        return False
    return place.population >= (MIN_ALIAS_POPULATION if alias else MIN_CITY_POPULATION)


def _looks_like_name(name: str) -> bool:
    return len(name) >= 3 and name[0].isupper() and not name.isupper() and "." not in name


@lru_cache(maxsize=1)
def place_names(gazetteer: PlaceGazetteer | None = None) -> tuple[tuple[str, str], ...]:
    """(name, place key) for every name worth a pattern; the key of its likeliest place."""
    gazetteer = gazetteer or load_gazetteer()
    found = []
    for name, matches in gazetteer.names():
        if not _looks_like_name(name):
            continue
        places = [gazetteer.record(row) for row, alias in matches]
        worth = [p for p, (_, alias) in zip(places, matches, strict=True) if _worth(p, alias)]
        if not worth:
            continue
        best = max(worth, key=lambda p: math.log10(p.population + 10) + (p.kind == "region"))
        found.append((name, best.key))
    return tuple(found)


def read_stopwords(data_dir: Path) -> set[str]:
    """Names that are common words in the language: one a line, ``#`` comments."""
    path = data_dir / STOPWORDS_FILE
    if not path.is_file():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def is_common_word(name: str, stopwords: set[str], lang_stopwords: set[str]) -> bool:
    return name in stopwords or name.lower() in lang_stopwords


class PlaceNameMatcher:
    """Marks known city and region names as LOC entities with the id ``place:<key>``.

    Works like spaCy's entity ruler with phrase patterns (exact, case-sensitive
    token sequences) but looks names up in a dict, so that some 100,000 names
    cost a fraction of a second to load instead of the ruler's tokenizing of
    every pattern. Entities already there (countries, organisations, a
    statistical model's) are kept; the longest name wins among overlaps.
    """

    def __init__(self, patterns: dict[str, str], max_tokens: int = 6, label: str = "LOC"):
        self.patterns = patterns
        self.label = label
        self.first_words = {name.split(" ", 1)[0].split("-", 1)[0] for name in patterns}
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        found = []
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        for start, token in enumerate(doc):
            if not token.text[:1].isupper() or start in taken:
                continue
            if token.text.split("-", 1)[0] not in self.first_words:
                continue
            stop = min(len(doc), start + self.max_tokens)
            for end in range(stop, start, -1):
                if any(i in taken for i in range(start, end)):
                    continue
                key = self.patterns.get(doc[start:end].text)
                if key is not None:
                    found.append(Span(doc, start, end, label=self.label, span_id=key))
                    break
        if found:
            doc.ents = filter_spans([*doc.ents, *found])
        return doc


@Language.factory("lagebild_place_names", default_config={"lang": ""})
def make_place_name_matcher(nlp: Language, name: str, lang: str) -> PlaceNameMatcher:
    """The matcher with the place patterns of the language pack ``lang`` (default: nlp's)."""
    from ..lang import get_pack

    return PlaceNameMatcher(get_pack(lang or nlp.lang).gazetteer.place_patterns)
