"""Token strings and character bounds of a spaCy Doc as plain lists, read once.

The rule layers look at every word; spaCy's Token objects, made one per access,
cost more than the lookups themselves. Arrays of the Doc's attributes do not.

Once the model's stages are done with a Doc, :func:`settle` marks it: its tokens and
their attributes no longer change, so each list here is read from it once and shared
by every layer that asks (the layers must not change them).
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

import numpy
from spacy.tokens import Doc

#: what was read from a settled Doc, by the function and its arguments
_SETTLED: weakref.WeakKeyDictionary[Doc, dict] = weakref.WeakKeyDictionary()

_Read = TypeVar("_Read", bound=Callable)


def settle(doc: Doc) -> None:
    """Mark ``doc`` as done: what is read from it from now on is read once."""
    _SETTLED.setdefault(doc, {})


def _once(read: _Read) -> _Read:
    """``read(doc, *args)`` once per settled Doc; every time for one not settled."""
    @functools.wraps(read)
    def cached(doc: Doc, *args):
        known = _SETTLED.get(doc)
        if known is None:
            return read(doc, *args)
        key = (read.__name__, *args)
        if key not in known:
            known[key] = read(doc, *args)
        return known[key]
    return cached  # type: ignore[return-value]


@_once
def strings(doc: Doc, attr: str = "ORTH") -> list[str]:
    """The tokens' texts (``ORTH``) or lowercase forms (``LOWER``), in order."""
    store = doc.vocab.strings
    return [store[key] for key in doc.to_array(attr).tolist()]


@_once
def lower_lemmas(doc: Doc) -> list[str]:
    """The tokens' lemmas in lowercase, as the trigger lexicons hold them."""
    return [lemma.lower() for lemma in strings(doc, "LEMMA")]


@_once
def text(doc: Doc) -> str:
    """The Doc's text, from its arrays (``doc.text`` makes a Token object per token)."""
    store = doc.vocab.strings
    return "".join(store[orth] + " " if space else store[orth]
                   for orth, space in doc.to_array(["ORTH", "SPACY"]).tolist())


@_once
def bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Start and end character offsets of the tokens, in order."""
    array = doc.to_array(["IDX", "LENGTH"])
    starts = array[:, 0].tolist()
    return starts, (array[:, 0] + array[:, 1]).tolist()


@_once
def sentences(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges ``(start, end)`` of the sentences, as ``doc.sents`` gives them (a
    sentence starts where ``SENT_START`` is 1), without a Span and Tokens per sentence."""
    if not len(doc):
        return []
    starts = numpy.flatnonzero(doc.to_array("SENT_START") == 1).tolist()
    if not starts or starts[0]:
        starts.insert(0, 0)
    return list(zip(starts, starts[1:] + [len(doc)], strict=True))


@_once
def sentence_of_tokens(doc: Doc) -> tuple[list[int], list[int]]:
    """For each token, the first token of its sentence and the end of it (token offsets;
    ``Token.sent`` builds a Span each time)."""
    starts, ends = [0] * len(doc), [0] * len(doc)
    for start, end in sentences(doc):
        starts[start:end] = [start] * (end - start)
        ends[start:end] = [end] * (end - start)
    return starts, ends


@_once
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
