"""Name-list features: shares of a word's occurrences inside names, rounded to quarters."""

from __future__ import annotations

from training.corpora import Sentence
from training.name_features import FEATURES, text_features


def test_shares_of_names_and_first_names():
    sentences = [
        Sentence(["Gestern", "sprach", "Anna", "Berger", "in", "Talheim", "."],
                 [(2, 4, "PER"), (5, 6, "LOC")], "test"),
        Sentence(["Anna", "Berger", "leitet", "die", "Firma", "Berger", "Bau", "."],
                 [(0, 2, "PER"), (5, 7, "ORG")], "test"),
        Sentence(["Die", "Firma", "wächst", "."], [], "test"),
    ]
    features = text_features(sentences)
    assert features["Anna"] == {"per": 1.0, "loc": 0.0, "org": 0.0, "first": 1.0, "seen": 0.5}
    # twice in a person's name, once in a firm's: shares 2/3 and 1/3 round to quarters
    assert features["Berger"]["per"] == 0.75 and features["Berger"]["org"] == 0.25
    assert features["Berger"]["first"] == 0.0
    assert features["Talheim"] == {"per": 0.0, "loc": 1.0, "org": 0.0, "first": 0.0,
                                   "seen": 0.25}
    assert features["Firma"]["seen"] == 0.5 and not any(
        features["Firma"][k] for k in ("per", "loc", "org", "first"))
    assert set(features["Anna"]) <= set(FEATURES)
