"""Binary logistic regressions over named binary features, as the events layer reads them
(lagebild.events.learned.BinaryModel): the recipient chooser and the event screen."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy


def fit_binary(rows: list[list[str]], labels: list[bool], c: float, min_count: int = 2):
    """Feature names seen at least ``min_count`` times and a scikit-learn model on them."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for features in rows for f in set(features))
    names = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: k for k, f in enumerate(names)}
    data, cols, indptr = [], [], [0]
    for features in rows:
        ks = sorted({index[f] for f in features if f in index})
        cols += ks
        data += [1.0] * len(ks)
        indptr.append(len(cols))
    x = csr_matrix((data, cols, indptr), shape=(len(rows), len(names)))
    model = LogisticRegression(C=c, max_iter=3000).fit(x, numpy.array(labels, dtype=int))
    return names, model


def probability(names: list[str], model, features: list[str]) -> float:
    """What the events layer will read for these features."""
    weights = dict(zip(names, model.coef_[0], strict=True))
    score = float(model.intercept_[0]) + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + numpy.exp(-score))


def save_binary(names: list[str], model, path: Path) -> None:
    numpy.savez_compressed(path, features=numpy.array(names),
                           weights=model.coef_[0].astype(numpy.float32),
                           bias=numpy.array(model.intercept_[0], dtype=numpy.float32))
