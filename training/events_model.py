"""Train a trigger model (lagebild.events.learned) on the event corpus.

``python -m training events-model`` reads the labelled sentences of
``training/events_de/`` (the "train" part of events_measure.part_of; ``--all`` takes
the test part too), runs the German pipeline's spaCy part on them, labels every verb
and noun with the type of the gold event it carries (or none), fits a multinomial
logistic regression (scikit-learn) and writes the weights of the features seen at
least twice to ``src/lagebild/lang/de/data/events_model.npz``. It prints the
model's word-level scores on the test part.

``--lang en`` learns from the team's own English sentences only (``corpus: "own"`` in
``training/events_en/``: the Reuters sentences there may not teach a shipped model). The
English pipeline tags no parts of speech, so its words are the lexicon's triggers: the
model is a veto, what the English pack uses it for.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy

from .events_corpus import load
from .events_measure import part_of

PACKS = Path(__file__).resolve().parent.parent / "src" / "lagebild" / "lang"


def target(lang: str) -> Path:
    """Where a language's trigger model is written: its pack's data."""
    return PACKS / lang / "data" / "events_model.npz"


TARGET = target("de")


def shippable(records: list[dict], lang: str) -> list[dict]:
    """The labelled sentences a shipped model of the language may learn from."""
    return records if lang == "de" else [r for r in records if r["corpus"] == "own"]


def examples(records: list[dict], lang: str = "de") -> tuple[list[list[str]], list[str], Counter]:
    """Features and labels of every candidate word (the lexicon's triggers where the
    language's pipeline tags no parts of speech); counts of gold triggers not reached."""
    from lagebild.events.learned import NONE, DocWords
    from lagebild.events.lexicon import event_lexicon
    from lagebild.lang import get_pack
    from lagebild.pipeline import Pipeline

    nlp = Pipeline().nlp(lang)
    lexicon = event_lexicon(get_pack(lang))
    features, labels, missed = [], [], Counter()
    docs = nlp.pipe(r["text"] for r in records)
    for record, doc in zip(records, docs, strict=True):
        gold: dict[int, str] = {}
        for event in record.get("events", []):
            span = doc.char_span(*event["trigger"], alignment_mode="expand")
            if span is None or not len(span):
                missed["no token"] += 1
                continue
            gold.setdefault(span.start, event["type"])
        words = DocWords(doc, lexicon.find(doc))
        candidates = set(words.candidates() if any(words.tags) else words.lexicon)
        missed["not a verb or noun"] += sum(1 for i in gold if i not in candidates)
        for i in sorted(candidates):
            features.append(words.features(i))
            labels.append(gold.get(i, NONE))
    return features, labels, missed


def fit(features: list[list[str]], labels: list[str], c: float = 1.0, min_count: int = 2):
    """A logistic regression over binary features seen at least ``min_count`` times."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for row in features for f in set(row))
    names = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: k for k, f in enumerate(names)}
    rows, cols = [], []
    for r, row in enumerate(features):
        for f in set(row):
            if f in index:
                rows.append(r)
                cols.append(index[f])
    matrix = csr_matrix((numpy.ones(len(rows), dtype=numpy.float32), (rows, cols)),
                        shape=(len(features), len(names)))
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(matrix, labels)
    return names, model


def save(names: list[str], model, path: Path = TARGET) -> None:
    numpy.savez_compressed(
        path, classes=numpy.array(model.classes_.tolist()), features=numpy.array(names),
        weights=model.coef_.T.astype(numpy.float16), bias=model.intercept_.astype(numpy.float32))


def word_scores(model_path: Path, features: list[list[str]], labels: list[str]) -> str:
    """Word-level P/R/F1 of the typed triggers (argmax) on held-out words."""
    from lagebild.events.learned import NONE, TriggerModel

    model = TriggerModel(model_path)
    tp = fp = fn = 0
    for row, gold in zip(features, labels, strict=True):
        predicted = model.classes[int(model.probabilities(row).argmax())]
        if predicted != NONE:
            tp += predicted == gold
            fp += predicted != gold
        if gold != NONE and predicted != gold:
            fn += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"typed trigger words: P {p:.3f} R {r:.3f} F1 {f:.3f} ({tp + fn} gold)"


def main(args) -> int:
    lang = getattr(args, "lang", "de")
    records = shippable(load(lang=lang), lang)
    train = [r for r in records if args.all or part_of(r) == "train"]
    test = [r for r in records if part_of(r) == "test"]
    features, labels, missed = examples(train, lang)
    print(f"train: {len(train)} sentences, {len(labels)} words, "
          f"{sum(x != 'O' for x in labels)} trigger words; not reached: {dict(missed)}")
    names, model = fit(features, labels, c=args.c)
    path = target(lang)
    save(names, model, path)
    print(f"{len(names)} features, {len(model.classes_)} classes -> {path} "
          f"({path.stat().st_size / 1e6:.1f} MB)")
    if not args.all:
        test_features, test_labels, _ = examples(test, lang)
        print(f"test ({len(test)} sentences): {word_scores(path, test_features, test_labels)}")
    return 0
