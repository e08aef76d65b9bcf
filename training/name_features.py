"""Name-list features for the tok2vec: what lists and held-apart text say of a word form.

Most names the NER misses are names it never saw in training (villages, small
firms, rare surnames). Whether a word stands in a name list generalises past
the training sentences, so each word form gets a short vector that the tok2vec
reads as static vectors (``include_static_vectors``):

- ``per``, ``loc``, ``org``: share of its occurrences inside PER, LOC, ORG spans
  of silver sentences held apart from training (the WikiANN and LER sentences the
  training mix does not take, cleaned like the rest);
- ``first``: share of its occurrences as the first word of a person's name of two
  or more words there;
- ``seen``: how often it occurs there (once, 2-9, 10 or more times): an unknown
  capitalised word is more likely a name than a known common noun;
- ``place``: a word of a GeoNames place name (1 for countries, regions and places of
  100,000 or more, 0.5 from 5,000, else 0.25) or of a country name of the pack;
- ``org_list``, ``per_list``: a word of an organisation or a leader of the pack's lists.

The text and lists never hold a training sentence, so the model learns how far to
trust them instead of learning its training sentences through them. Values are
rounded to quarters and word forms with the same values share a row, so the
table stays small; keys are hashes of the exact word form (spaCy's ORTH).
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy

from .corpora import Sentence

FEATURES = ("per", "loc", "org", "first", "seen", "place", "org_list", "per_list")
LABELS = ("PER", "LOC", "ORG")


def _quarter(value: float) -> float:
    return round(value * 4) / 4


def _seen(count: int) -> float:
    return 0.0 if count == 0 else 0.25 if count == 1 else 0.5 if count < 10 else 1.0


def text_features(sentences: list[Sentence]) -> dict[str, dict[str, float]]:
    """per/loc/org/first/seen of every word form in ``sentences`` (first words included)."""
    total: Counter[str] = Counter()
    inside: dict[str, Counter[str]] = {label: Counter() for label in LABELS}
    first: Counter[str] = Counter()
    for sentence in sentences:
        for word in sentence.words:
            total[word] += 1
        for start, end, label in sentence.spans:
            if label not in inside:
                continue
            for word in sentence.words[start:end]:
                inside[label][word] += 1
            if label == "PER" and end - start >= 2:
                first[sentence.words[start]] += 1
    features: dict[str, dict[str, float]] = {}
    for word, count in total.items():
        values = {label.lower(): _quarter(inside[label][word] / count) for label in LABELS}
        values["first"] = _quarter(first[word] / count)
        values["seen"] = _seen(count)
        features[word] = values
    return features


def place_words() -> dict[str, float]:
    """Capitalised words of GeoNames place names, graded by the largest place's size."""
    from lagebild.places.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    grade: dict[str, float] = {}
    for name, ids in gazetteer.names():
        places = [gazetteer.record(row) for row, _ in ids]
        if any(p.kind in ("country", "region") or p.population >= 100_000 for p in places):
            value = 1.0
        elif any(p.population >= 5_000 for p in places):
            value = 0.5
        else:
            value = 0.25
        for word in name.split():
            if word[:1].isupper():
                grade[word] = max(grade.get(word, 0.0), value)
    return grade


def list_words() -> dict[str, dict[str, float]]:
    """Words of the German pack's countries, organisations and leaders."""
    from lagebild.actors.lexicon import actor_lexicon
    from lagebild.lang import get_pack

    pack = get_pack("de")
    patterns = (pack.gazetteer.ruler_patterns()
                + actor_lexicon(pack).ruler_patterns(pack.gazetteer.forms))
    feature = {"LOC": "place", "ORG": "org_list", "PER": "per_list"}
    words: dict[str, dict[str, float]] = defaultdict(dict)
    for pattern in patterns:
        text = pattern["pattern"]
        if not isinstance(text, str):
            continue
        for word in text.split():
            if word[:1].isupper():
                words[word][feature[pattern["label"]]] = 1.0
    return words


def build(out_dir: Path, held_apart: list[Sentence]) -> dict:
    """Save a blank German pipeline whose vectors are the name features at ``out_dir``."""
    import spacy
    from spacy.strings import get_string_id
    from spacy.vectors import Vectors

    started = time.monotonic()
    table: dict[str, dict[str, float]] = text_features(held_apart)
    for word, value in place_words().items():
        table.setdefault(word, {})["place"] = value
    for word, values in list_words().items():
        table.setdefault(word, {}).update(values)

    rows: dict[tuple[float, ...], int] = {}
    keys, key_rows = [], []
    for word, values in table.items():
        vector = tuple(values.get(name, 0.0) for name in FEATURES)
        if not any(vector):
            continue
        keys.append(get_string_id(word))
        key_rows.append(rows.setdefault(vector, len(rows)))
    data = numpy.zeros((len(rows), len(FEATURES)), dtype="float32")
    for vector, row in rows.items():
        data[row] = vector

    nlp = spacy.blank("de")
    vectors = Vectors(strings=nlp.vocab.strings, data=data, name="lagebild_name_features")
    for key, row in zip(keys, key_rows, strict=True):
        vectors.add(key, row=row)
    nlp.vocab.vectors = vectors
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)
    return {"held_apart_sentences": len(held_apart), "word_forms": len(keys),
            "rows": len(rows), "features": list(FEATURES),
            "seconds": round(time.monotonic() - started)}
