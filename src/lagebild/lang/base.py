"""What a language pack is: its code, its data folder, and the spaCy components of its own.

A pack is data. It imports no layer: each layer builds what it needs from the pack's
data folder (``actor_lexicon(pack)``, ``time_tagger(pack)``, ...) and keeps it with the
pack through ``LanguagePack.load``; ``lagebild.nlp`` assembles the spaCy pipeline.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from .gazetteer import Gazetteer

T = TypeVar("T")

#: Span group a pack's name stage fills with the gazetteer's place names that are no
#: place entity of their own ("Mansfield" in "Mansfield Police Department", a town the
#: NER read as a person): the places layer reads them as toponyms too.
TOPONYMS = "lagebild_toponyms"
#: Tokens that may follow a dateline's place name (CHARLESTON, ...; BEIRUT (AP) --): the
#: places layer marks such places, a pack's name stage keeps them over the model's reading.
DATELINE_MARKS = {",", "(", "-", "--", "—", "–"}


def per_pack(build: Callable[[LanguagePack], T]) -> Callable[[LanguagePack], T]:
    """``build(pack)`` made once per pack and kept with it: how a layer turns a pack's
    data files into its lexicon, grammar or matcher (``actor_lexicon(pack)``)."""

    @functools.wraps(build)
    def load(pack: LanguagePack) -> T:
        return pack.load(build)

    return load


def skip_affixes_of_letter_words(tokenizer) -> None:
    """Let the tokenizer split a word of letters only without its affix expressions.

    A word spaCy has not split before goes through the prefix, suffix and infix
    expressions (the suffixes and infixes are long alternations, about 10 µs a search);
    most new words in the news are plain letters, where every one of these expressions
    needs a bracket, quote, digit or other mark to match (tests check this for every
    letter of Unicode), so their search is skipped there. The tokens stay the same, and
    the tokenizer still serializes its expressions (``gate.pattern``)."""
    for attr, method in (("prefix_search", "search"), ("suffix_search", "search"),
                         ("infix_finditer", "finditer")):
        expression = getattr(getattr(tokenizer, attr), "__self__", None)
        if isinstance(expression, re.Pattern):  # not some other callable, not gated yet
            setattr(tokenizer, attr, getattr(_LetterGate(expression), method))


class _LetterGate:
    """A compiled expression's search, skipped for words of letters only."""

    def __init__(self, expression: re.Pattern) -> None:
        self.expression = expression
        self.pattern = expression.pattern  # what spaCy writes when it saves the tokenizer

    def search(self, text: str):
        return None if text.isalpha() else self.expression.search(text)

    def finditer(self, text: str):
        return () if text.isalpha() else self.expression.finditer(text)


@Language.component("lagebild_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after a blank line, so headlines do not run into the text."""
    for i in numpy.flatnonzero(doc.to_array("IS_SPACE")[:-1]).tolist():
        if doc[i].text.count("\n") >= 2:
            doc[i + 1].is_sent_start = True
    return doc


@Language.factory("lagebild_abbreviations")
def make_abbreviation_merger(nlp: Language, name: str):
    """Join an abbreviation and its period that the tokenizer split: "(bzw." -> "(", "bzw.".

    The news tokenizer keeps abbreviations whole by its ``token_match`` pattern
    (training/tokenizer.py), which spaCy does not consult when it strips an opening
    bracket and the period in the same step; the same pattern finds them here, before the
    sentencizer could take the period for a sentence end."""
    match = nlp.tokenizer.token_match
    period = nlp.vocab.strings.add(".")

    def merge(doc: Doc) -> Doc:
        if match is None or len(doc) < 2:
            return doc
        periods = numpy.flatnonzero(doc.to_array("ORTH") == period)
        spans = [doc[i - 1:i + 1] for i in periods.tolist()
                 if i and not doc[i - 1].whitespace_ and match(doc[i - 1].text + ".")]
        if spans:
            with doc.retokenize() as retokenizer:
                for span in spans:
                    retokenizer.merge(span)
        return doc

    return merge


@dataclass(frozen=True)
class LanguagePack:
    """The language-specific parts of lagebild, most of them data files in ``data_dir``."""

    code: str
    data_dir: Path
    name_suffixes: tuple[str, ...] = ()
    no_suffix_after: str = ""
    #: compass words a country's name may be joined to, naming a part of it ("Nordsyrien")
    region_prefixes: tuple[str, ...] = ()
    spacy_settings: dict = field(default_factory=dict)
    #: the trained NER decides where names are and the gazetteers give their ids
    #: (English: lang/en/names.py); else the gazetteers' names bind the NER (German)
    model_decides: bool = False
    #: what layers built from the pack's data (``load``), by the function that built it
    _loaded: dict[Callable[[Any], Any], Any] = field(default_factory=dict, init=False,
                                                     repr=False, compare=False)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer(self.data_dir, self.name_suffixes, self.no_suffix_after,
                         self.region_prefixes)

    def load(self, build: Callable[[LanguagePack], T]) -> T:
        """What ``build`` makes of this pack (a layer's lexicon, grammar or matcher), made
        on first use and kept with the pack."""
        loaded = self._loaded
        if build not in loaded:
            loaded[build] = build(self)
        return loaded[build]

    @property
    def model_dir(self) -> Path:
        """Where the pack's trained spaCy pipeline lives, when it has one (the fast one)."""
        return self.data_dir.parent / "model"

    def model_path(self, model: str = "fast") -> Path:
        """The trained pipeline ``fast`` (``model/``) or ``accurate`` (``model-accurate/``);
        a pack without the accurate one uses its only model."""
        if model == "fast":
            return self.model_dir
        path = self.model_dir.with_name(f"model-{model}")
        return path if (path / "meta.json").is_file() else self.model_dir
