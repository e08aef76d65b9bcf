"""What a language pack is: its code, its data folder and how it builds its spaCy pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..places import patterns as _place_patterns  # noqa: F401 (registers lagebild_place_names)
from ..actors.lexicon import ActorLexicon
from ..amounts import AmountFinder
from ..events.lexicon import EventLexicon
from ..quotes import QuoteFinder
from ..timex import TimeGrammar, TimeTagger
from .gazetteer import Gazetteer


@Language.component("lagebild_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after a blank line, so headlines do not run into the text."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


@dataclass(frozen=True)
class LanguagePack:
    """The language-specific parts of lagebild, most of them data files in ``data_dir``."""

    code: str
    data_dir: Path
    name_suffixes: tuple[str, ...] = ()
    no_suffix_after: str = ""
    spacy_settings: dict = field(default_factory=dict)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer(self.data_dir, self.name_suffixes, self.no_suffix_after)

    @cached_property
    def actor_lexicon(self) -> ActorLexicon:
        return ActorLexicon(self.data_dir)

    @cached_property
    def event_lexicon(self) -> EventLexicon:
        return EventLexicon(self.data_dir / "events.toml")

    @cached_property
    def quote_finder(self) -> QuoteFinder:
        return QuoteFinder(self.data_dir / "quotes.toml")

    @cached_property
    def amount_finder(self) -> AmountFinder:
        return AmountFinder(self.data_dir / "amounts.toml")

    @cached_property
    def time_tagger(self) -> TimeTagger:
        return TimeTagger(TimeGrammar(self.data_dir / "time.toml"))

    def build_nlp(self, entities: bool = True) -> Language:
        """Tokenizer, sentences and (unless not wanted) entities."""
        nlp = spacy.blank(self.code, **self.spacy_settings)
        nlp.add_pipe("lagebild_paragraphs")
        nlp.add_pipe("sentencizer")
        if not entities:
            return nlp
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
        ruler.add_patterns(self.gazetteer.ruler_patterns()
                           + self.actor_lexicon.ruler_patterns(self.gazetteer.forms))
        nlp.add_pipe("lagebild_place_names")  # cities and regions, from the place gazetteer
        return nlp
