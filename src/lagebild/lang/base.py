"""What a language pack is: its code, its data folder and how it builds its spaCy pipeline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..actors.lexicon import ActorLexicon
from ..amounts import AmountFinder
from ..events.lexicon import EventLexicon
from ..places import patterns as _place_patterns  # noqa: F401 (registers lagebild_place_names)
from ..quotes import QuoteFinder
from ..timex import TimeGrammar, TimeTagger
from . import lemmas as _lemmas  # noqa: F401 (registers lagebild_lemmas)
from . import name_context as _name_context  # noqa: F401 (registers its two pipes)
from .gazetteer import Gazetteer

#: Components of a trained model that no lagebild layer reads (the events layer reads
#: the morphologizer's Case for its roles).
UNREAD_COMPONENTS: list[str] = []
#: Word forms whose tokenization spaCy keeps (its default: 10,000).
TOKENIZER_CACHE = 200_000


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


@Language.factory("lagebild_person_names", default_config={"lang": ""})
def make_person_name_matcher(nlp: Language, name: str, lang: str):
    """Persons of the pack's ``persons.tsv`` as PER entities with the id ``leader:<key>``."""
    from ..places.patterns import PlaceNameMatcher
    from . import get_pack

    return PlaceNameMatcher(get_pack(lang or nlp.lang).actor_lexicon.person_patterns,
                            label="PER")


@dataclass(frozen=True)
class LanguagePack:
    """The language-specific parts of lagebild, most of them data files in ``data_dir``."""

    code: str
    data_dir: Path
    name_suffixes: tuple[str, ...] = ()
    no_suffix_after: str = ""
    spacy_settings: dict = field(default_factory=dict)
    #: the trained NER decides where names are and the gazetteers give their ids
    #: (English: lang/en/names.py); else the gazetteers' names bind the NER (German)
    model_decides: bool = False
    #: the fast (default) pipeline runs the trained model; where not (English), only
    #: ``model="accurate"`` does, and the default has the gazetteers alone
    model_by_default: bool = True

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer(self.data_dir, self.name_suffixes, self.no_suffix_after)

    @cached_property
    def actor_lexicon(self) -> ActorLexicon:
        return ActorLexicon(self.data_dir)

    @cached_property
    def event_lexicon(self) -> EventLexicon:
        lemmas = self.data_dir / "lemmas.toml"
        is_word = _lemmas.lemmatizer(self.data_dir).is_word if lemmas.is_file() else None
        return EventLexicon(self.data_dir / "events.toml", is_word)

    @cached_property
    def quote_finder(self) -> QuoteFinder:
        return QuoteFinder(self.data_dir / "quotes.toml")

    @cached_property
    def amount_finder(self) -> AmountFinder:
        return AmountFinder(self.data_dir / "amounts.toml")

    @cached_property
    def time_tagger(self) -> TimeTagger:
        return TimeTagger(TimeGrammar(self.data_dir / "time.toml"))

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

    def build_nlp(self, entities: bool = True, model: str = "fast") -> Language:
        """Tokenizer, sentences and (unless not wanted) entities.

        With a trained model (``model``: fast or accurate): its tokenizer, tagger,
        morphology and NER, with the gazetteers (countries, organisations, leaders,
        places) in front of the NER, which keeps their entities, except list names that
        stand inside a longer name; after the NER a check against the tagger. Without a
        model, a blank pipeline with the gazetteers alone.
        """
        path = self.model_path(model)
        trained = entities and (path / "meta.json").is_file() \
            and (self.model_by_default or model != "fast")
        if trained:
            nlp = spacy.load(path, exclude=UNREAD_COMPONENTS)
            # news keep bringing new words; spaCy caches only the first 10,000 it splits
            nlp.tokenizer.max_cache_size = TOKENIZER_CACHE
        else:
            nlp = spacy.blank(self.code, **self.spacy_settings)
        skip_affixes_of_letter_words(nlp.tokenizer)
        first = nlp.pipe_names[0] if nlp.pipe_names else None
        if trained and (self.data_dir / "lemmas.toml").is_file():  # the tagger's tags read
            nlp.add_pipe("lagebild_lemmas", config={"data_dir": str(self.data_dir)})
        nlp.add_pipe("lagebild_paragraphs", before=first)
        nlp.add_pipe("lagebild_abbreviations", before="lagebild_paragraphs")
        nlp.add_pipe("sentencizer", after="lagebild_paragraphs")
        if not entities:
            return nlp
        before = "ner" if "ner" in nlp.pipe_names else None
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"},
                             before=before)
        ruler.add_patterns(self.gazetteer.ruler_patterns()
                           + self.actor_lexicon.ruler_patterns(self.gazetteer.forms))
        if self.actor_lexicon.person_patterns:  # the pack's persons (English)
            nlp.add_pipe("lagebild_person_names", before=before)
        # cities and regions from the place gazetteer, also before the NER
        nlp.add_pipe("lagebild_place_names", before=before)
        if before is not None and self.model_decides:
            from .en import names as _names  # noqa: F401 (registers its two pipes)

            nlp.add_pipe("lagebild_names_aside", before=before)
            nlp.add_pipe("lagebild_names_merge", after=before)
            nlp.add_pipe("lagebild_ner_check", after="lagebild_names_merge",
                         config={"name_suffixes": list(self.name_suffixes)})
        elif before is not None:
            # list names inside longer names go back to the NER; its guesses that
            # the tagger reads as common nouns are dropped (lang/name_context.py)
            nlp.add_pipe("lagebild_name_context", before=before)
            nlp.add_pipe("lagebild_ner_check", after=before,
                         config={"name_suffixes": list(self.name_suffixes)})
        return nlp
