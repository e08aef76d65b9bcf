"""Token strings and character bounds of a spaCy Doc as plain lists, read once.

The rule layers look at every word; spaCy's Token objects, made one per access,
cost more than the lookups themselves. Arrays of the Doc's attributes do not.
"""

from __future__ import annotations

import numpy
from spacy.tokens import Doc


def strings(doc: Doc, attr: str = "ORTH") -> list[str]:
    """The tokens' texts (``ORTH``) or lowercase forms (``LOWER``), in order."""
    store = doc.vocab.strings
    return [store[key] for key in doc.to_array(attr).tolist()]


def text(doc: Doc) -> str:
    """The Doc's text, from its arrays (``doc.text`` makes a Token object per token)."""
    store = doc.vocab.strings
    return "".join(store[orth] + " " if space else store[orth]
                   for orth, space in doc.to_array(["ORTH", "SPACY"]).tolist())


def bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Start and end character offsets of the tokens, in order."""
    array = doc.to_array(["IDX", "LENGTH"])
    starts = array[:, 0].tolist()
    return starts, (array[:, 0] + array[:, 1]).tolist()


def sentences(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges ``(start, end)`` of the sentences, as ``doc.sents`` gives them (a
    sentence starts where ``SENT_START`` is 1), without a Span and Tokens per sentence."""
    if not len(doc):
        return []
    starts = numpy.flatnonzero(doc.to_array("SENT_START") == 1).tolist()
    if not starts or starts[0]:
        starts.insert(0, 0)
    return list(zip(starts, starts[1:] + [len(doc)], strict=True))


def sentence_of_tokens(doc: Doc) -> tuple[list[int], list[int]]:
    """For each token, the first token of its sentence and the end of it (token offsets;
    ``Token.sent`` builds a Span each time)."""
    starts, ends = [0] * len(doc), [0] * len(doc)
    for start, end in sentences(doc):
        starts[start:end] = [start] * (end - start)
        ends[start:end] = [end] * (end - start)
    return starts, ends


def cases(doc: Doc) -> list[str | None]:
    """Each token's grammatical case from the morphologizer ("Nom", "Acc", "Dat", "Gen"),
    None where it gives none (or the pipeline has no morphologizer)."""
    store, found = doc.vocab.strings, {}
    result = []
    for key in doc.to_array("MORPH").tolist():
        if key not in found:
            features = store[key] if key else ""
            found[key] = next((f[5:] for f in features.split("|") if f.startswith("Case=")),
                              None)
        result.append(found[key])
    return result
