"""The English NER training mix, written as spaCy DocBin files.

CoNLL-2003 English (Reuters news) is the core: its train split is trained on, and its
validation split is cut in two by sentence order. Sentences 1-1,625 are the tuning
part (the checkpoint is chosen there and every choice of the recipe and of the
gazetteer stage was made there); sentences 1,626-3,250 are held out and never
trained or tuned on. Corpora with other licences or domains can be mixed in
(``MIX``); each is mapped to PER/LOC/ORG/MISC. No English treebank is among the
corpora (the CoNLL files here carry no POS column), so the model has no tagger.
"""

from __future__ import annotations

import random
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from lagebild.evaluate.ner import bio_to_spans, read_conll

from .build import mix_counts, to_doc
from .corpora import DATA, Sentence, _tags_to_sentence

CONLL = DATA / "conll2003_en"
CONLL_VALID = CONLL / "valid.txt"
#: validation sentences in file order: the tuning part and the held-out part
CONLL_TUNE = slice(0, 1625)
CONLL_HELDOUT = slice(1625, 3250)

#: repetitions of each corpus in the training mix (0: left out)
MIX = {"conll": 1, "btc": 0, "wikiann": 0, "crossner": 0, "wnut17": 0}

WNUT_TYPES = {"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG",
              "product": None, "creative-work": None}
CROSSNER_TYPES = {
    "person": "PER", "politician": "PER", "writer": "PER", "scientist": "PER",
    "researcher": "PER", "musicalartist": "PER",
    "country": "LOC", "location": "LOC",
    "organisation": "ORG", "politicalparty": "ORG", "university": "ORG", "band": "ORG",
    "misc": "MISC", "event": "MISC", "election": "MISC", "award": "MISC",
}


def conll(split: str = "train") -> list[Sentence]:
    """CoNLL-2003 English sentences (``train`` or ``valid``) in file order."""
    path = CONLL / f"{split}.txt"
    return [Sentence(s.words, bio_to_spans(s.tags), "conll") for s in read_conll(path)]


def _tsv(path: Path, source: str, mapping, prefix: str = "") -> list[Sentence]:
    sentences = []
    for s in read_conll(path):
        words = [w[len(prefix):] if prefix and w.startswith(prefix) else w for w in s.words]
        sentences.append(_tags_to_sentence(words, s.tags, source, mapping))
    return sentences


def btc() -> list[Sentence]:
    """Broad Twitter Corpus, train and dev (CC BY 4.0)."""
    return [s for name in ("btc.train", "btc.dev")
            for s in _tsv(DATA / "broad_twitter_corpus" / name, "btc", lambda t: t)]


def wikiann() -> list[Sentence]:
    """WikiANN English, train split (silver, Wikipedia links); no MISC: capitalised
    words outside its spans are left unannotated."""
    return [_unlabelled_caps(s) for s in
            _tsv(DATA / "wikiann_en" / "train", "wikiann", lambda t: t, prefix="en:")]


def crossner() -> list[Sentence]:
    """CrossNER politics, all splits (MIT; Wikipedia text); unmapped types unannotated."""
    return [s for name in ("train.txt", "dev.txt", "test.txt")
            for s in _tsv(DATA / "crossner" / "politics" / name, "crossner",
                          lambda t: CROSSNER_TYPES.get(t))]


def wnut17() -> list[Sentence]:
    """WNUT-17 train and dev (CC BY 4.0); products and creative works unannotated."""
    folder = DATA / "wnut17"
    return [s for name in ("wnut17train.conll", "emerging.dev.conll")
            for s in _tsv(folder / name, "wnut17", lambda t: WNUT_TYPES.get(t))]


def _unlabelled_caps(sentence: Sentence) -> Sentence:
    taken = {i for a, b, _ in sentence.spans for i in range(a, b)}
    missing = [(i, i + 1) for i, w in enumerate(sentence.words)
               if i and i not in taken and w[:1].isupper()]
    return Sentence(sentence.words, sentence.spans, sentence.source,
                    sentence.missing + missing)


READERS = {"btc": btc, "wikiann": wikiann, "crossner": crossner, "wnut17": wnut17}


def build_ner(out_dir: Path, seed: int, mix: dict | None = None) -> dict:
    """Write train/ner.spacy and dev/ner.spacy (the tuning part) under ``out_dir``;
    return counts per source."""
    mix = {**MIX, **(mix or {})}
    rng = random.Random(seed)
    for part in ("train", "dev"):
        (out_dir / part).mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("en")
    valid = conll("valid")
    assert len(valid) == 3250, len(valid)
    train = conll("train") * mix["conll"]
    for name, reader in READERS.items():
        if mix.get(name):
            train += reader() * mix[name]
    rng.shuffle(train)
    dev = valid[CONLL_TUNE]
    DocBin(docs=(to_doc(nlp.vocab, s) for s in train)).to_disk(out_dir / "train" / "ner.spacy")
    DocBin(docs=(to_doc(nlp.vocab, s) for s in dev)).to_disk(out_dir / "dev" / "ner.spacy")
    return {**mix_counts(train), "dev_sentences": len(dev), "mix": mix, "seed": seed}


# --- the shipped model: assembly, scores, speed -------------------------------------

MODEL_DIR = Path(__file__).resolve().parent.parent / "src" / "lagebild" / "lang" / "en" / "model"
NAME = "news_en_sm"
LICENSE = ("Trained on CoNLL-2003 English (Reuters RCV1 text; annotations released for "
           "research); see docs/models.md")
SOURCES = [
    {"name": "CoNLL-2003 English NER, train split (Reuters RCV1 news, 1996-1997)",
     "license": "Reuters text; CoNLL-2003 annotations released for research",
     "url": "https://www.clips.uantwerpen.be/conll2003/ner/"},
]


def assemble(trained: Path, out_dir: Path = MODEL_DIR):
    """Save the trained pipeline (tok2vec, ner) with spaCy's English tokenizer."""
    from .assemble import save

    return save(spacy.load(trained), out_dir, {
        "name": NAME, "license": LICENSE,
        "description": "English news NER for lagebild: PER/LOC/ORG/MISC entities."})


def shipped_pipeline(model: Path):
    """The English pipeline as lagebild builds it around ``model`` (``--model accurate``):
    the gazetteers in front give their ids to the model's names (lang/en/names.py)."""
    from lagebild.lang.base import LanguagePack
    from lagebild.lang.en import PACK
    from lagebild.nlp import build_nlp

    class _Pack(LanguagePack):
        @property
        def model_dir(self) -> Path:
            return model

    return build_nlp(_Pack(PACK.code, PACK.data_dir, PACK.name_suffixes, PACK.no_suffix_after,
                           PACK.spacy_settings, PACK.model_decides), model="accurate")


def heldout(model: Path) -> dict:
    """CoNLL-2003 validation, tuning part and held-out part, model alone and as run."""
    from lagebild.evaluate.ner import evaluate_conll

    alone, full = spacy.load(model), shipped_pipeline(model)
    result = {}
    for name, part in (("conll_tune", CONLL_TUNE), ("conll_heldout", CONLL_HELDOUT)):
        for suffix, nlp in (("", alone), ("_with_gazetteer", full)):
            scores = evaluate_conll(CONLL_VALID, nlp, select=part)
            result[name + suffix] = scores.to_dict()
            result[name + suffix + "_table"] = scores.table()
    return result


def news_texts() -> list[str]:
    """Raw English news text that no model here trains on: the TempEval-3 TBAQ articles."""
    from lagebild.evaluate.timeml import read_corpus

    return [doc.text for doc in read_corpus([DATA / "tempeval3_en" / "TBAQ-cleaned"])]
