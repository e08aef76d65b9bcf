"""Static word vectors trained here on the raw German text of the training corpora.

No pretrained German vectors can be downloaded, so word2vec (gensim, skip-gram)
runs over the words of every corpus the model may learn from: GermEval dev
sentences 1-1,700 (never the held-out 1,701-2,200), WikiANN-de, LER, SmartData
v1, MobIE, Europeana and UD German GSD/PUD. The most frequent ``ROWS`` words
become a spaCy vectors table (exact, case-sensitive keys) that the tok2vec reads
with ``include_static_vectors = true``; rarer words get the zero vector.

gensim is a build-time dependency only (``pip install gensim``); the shipped
model carries the table in its ``vocab`` and needs nothing extra.
"""

from __future__ import annotations

import time
import zlib
from collections import Counter
from pathlib import Path

import numpy

from . import corpora, ud
from .build import GERMEVAL_DEV, GERMEVAL_TRAIN

ROWS = 30000
DIMS = 64
SETTINGS = {"sg": 1, "window": 5, "min_count": 3, "epochs": 8, "negative": 5,
            "sample": 1e-4, "workers": 1}  # one worker: the same vectors on every run


def _stable_hash(text: str) -> int:
    """gensim seeds each word's start vector with a hash; Python's own differs per process."""
    return zlib.crc32(text.encode("utf-8"))


def raw_sentences(tokenizer, vocab) -> list[list[str]]:
    """Token lists from every training corpus (held-out GermEval text excluded)."""
    germeval = corpora.germeval()
    sentences = [s.words for s in germeval[GERMEVAL_TRAIN] + germeval[GERMEVAL_DEV]]
    for split in ("train", "dev", "test"):
        sentences += [s.words for s in corpora.wikiann(split)]
        sentences += [s.words for s in corpora.ler(split)]
        sentences += [s.words for s in corpora.mobie(split)]
    sentences += [s.words for s in corpora.smartdata(tokenizer)]
    sentences += [s.words for s in corpora.europeana(tokenizer)]
    for path in ud.TRAIN_FILES:
        sentences += [[t.text for t in doc] for doc in ud.read_conllu(path, vocab)]
    return sentences


def build_vectors(out_dir: Path, seed: int = 0) -> dict:
    """Train the vectors and save a blank German pipeline holding them at ``out_dir``."""
    import spacy
    from gensim.models import Word2Vec
    from spacy.vectors import Vectors

    started = time.monotonic()
    nlp = spacy.blank("de")
    sentences = raw_sentences(nlp.tokenizer, nlp.vocab)
    counts = Counter(w for s in sentences for w in s)
    model = Word2Vec(sentences, vector_size=DIMS, seed=seed, hashfxn=_stable_hash, **SETTINGS)
    words = [w for w, _ in counts.most_common() if w in model.wv.key_to_index][:ROWS]
    table = numpy.asarray([model.wv[w] for w in words], dtype="float32")
    keys = [nlp.vocab.strings.add(word) for word in words]
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=table, keys=keys)
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)
    return {"sentences": len(sentences), "tokens": sum(counts.values()),
            "words_kept": len(words), "dims": DIMS, "settings": SETTINGS, "seed": seed,
            "seconds": round(time.monotonic() - started)}


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(build_vectors(Path(sys.argv[1]))))
