"""The spaCy pipeline of one language: its pack's model and components, and in front of
the NER the names the layers know (countries and organisations of the pack, leaders and
persons of the actors layer, cities and regions of the places layer).

This module stands above the language packs and the layers, so that a pack imports no
layer: the pack gives its data and components, the layers their name lists.
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from .actors.lexicon import actor_lexicon
from .lang import get_pack
from .lang import lemmas as _lemmas  # noqa: F401 (registers lagebild_lemmas)
from .lang import name_context as _name_context  # noqa: F401 (registers its two pipes)
from .lang.base import LanguagePack, skip_affixes_of_letter_words
from .places import patterns as _place_patterns  # noqa: F401 (registers lagebild_place_names)
from .places.patterns import ListNameMatcher

#: Components of a trained model that no lagebild layer reads (the events layer reads
#: the morphologizer's Case for its roles).
UNREAD_COMPONENTS: list[str] = []
#: Word forms whose tokenization spaCy keeps (its default: 10,000).
TOKENIZER_CACHE = 200_000


@Language.factory("lagebild_person_names", default_config={"lang": ""})
def make_person_name_matcher(nlp: Language, name: str, lang: str):
    """The persons of ``lagebild/data/persons.tsv`` that the pack reads, as PER entities
    with the id ``leader:<key>``."""
    return ListNameMatcher(actor_lexicon(get_pack(lang or nlp.lang)).person_patterns,
                           label="PER")


def build_nlp(pack: LanguagePack, entities: bool = True, model: str = "fast") -> Language:
    """Tokenizer, sentences and (unless not wanted) entities.

    With a trained model (``model``: fast or accurate): its tokenizer, tagger,
    morphology and NER, with the gazetteers (countries, organisations, leaders,
    places) in front of the NER, which keeps their entities, except list names that
    stand inside a longer name; after the NER a check against the tagger. Without a
    model, a blank pipeline with the gazetteers alone.
    """
    path = pack.model_path(model)
    trained = entities and (path / "meta.json").is_file()
    if trained:
        nlp = spacy.load(path, exclude=UNREAD_COMPONENTS)
        # news keep bringing new words; spaCy caches only the first 10,000 it splits
        nlp.tokenizer.max_cache_size = TOKENIZER_CACHE
    else:
        nlp = spacy.blank(pack.code, **pack.spacy_settings)
    skip_affixes_of_letter_words(nlp.tokenizer)
    first = nlp.pipe_names[0] if nlp.pipe_names else None
    if trained and (pack.data_dir / "lemmas.toml").is_file():  # the tagger's tags read
        nlp.add_pipe("lagebild_lemmas", config={"data_dir": str(pack.data_dir)})
    nlp.add_pipe("lagebild_paragraphs", before=first)
    nlp.add_pipe("lagebild_abbreviations", before="lagebild_paragraphs")
    nlp.add_pipe("sentencizer", after="lagebild_paragraphs")
    if not entities:
        return nlp
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"},
                         before=before)
    actors = actor_lexicon(pack)
    ruler.add_patterns(pack.gazetteer.ruler_patterns()
                       + actors.ruler_patterns(pack.gazetteer.forms))
    if actors.person_patterns:  # the pack's persons (English)
        nlp.add_pipe("lagebild_person_names", before=before)
    # cities and regions from the place gazetteer, also before the NER
    nlp.add_pipe("lagebild_place_names", before=before)
    if before is not None and pack.model_decides:
        # the pack's own pipes (English: lang/en/names.py, registered by the pack)
        nlp.add_pipe("lagebild_names_aside", before=before)
        nlp.add_pipe("lagebild_names_merge", after=before,
                     config={"data_dir": str(pack.data_dir)})
        nlp.add_pipe("lagebild_ner_check", after="lagebild_names_merge",
                     config={"name_suffixes": list(pack.name_suffixes),
                             "data_dir": str(pack.data_dir)})
    elif before is not None:
        # list names inside longer names go back to the NER; its guesses that
        # the tagger reads as common nouns are dropped (lang/name_context.py)
        nlp.add_pipe("lagebild_name_context", before=before)
        nlp.add_pipe("lagebild_ner_check", after=before,
                     config={"name_suffixes": list(pack.name_suffixes),
                             "data_dir": str(pack.data_dir)})
    return nlp
