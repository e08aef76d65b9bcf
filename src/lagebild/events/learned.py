"""A learned trigger model beside the lexicon: which words of a sentence carry an event.

A linear model (multinomial logistic regression, trained by ``python -m training
events-model`` on the team's event corpus, ``training/events_de/``) reads each verb
and noun by its lemma, the lemma's ending (the head of a compound), its tag, the
words around it, what the lexicon says of it and whether the sentence names actors,
and gives the probability of each PLOVER type and of none. The events layer keeps a
lexicon trigger the model finds unlikely out, and takes a word the lexicon lacks where
the model is sure of it (``events.toml``: ``[model]`` thresholds). The weights are a
NumPy archive in the language pack (``events_model.npz``); a pack without one codes
by the lexicon alone.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy
from spacy.tokens import Doc

from ..tokens import lower_lemmas as token_lower_lemmas
from ..tokens import sentence_of_tokens
from ..tokens import strings as token_strings
from .lexicon import EventLexicon, Trigger, TriggerMatch

#: The label of a word that carries no event.
NONE = "O"
#: Words within this distance of the candidate are read as its context.
WINDOW = 3


def is_candidate(tag: str) -> bool:
    """Verbs and common nouns (STTS), or verbs and nouns (universal tags)."""
    return tag[:1] == "V" or tag in ("NN", "NOUN", "VERB")


class DocWords:
    """A Doc's words as plain lists, read once for all its candidates."""

    def __init__(self, doc: Doc, matches: list[TriggerMatch]):
        self.lowers = token_strings(doc, "LOWER")
        self.lemmas = token_lower_lemmas(doc)
        self.tags = token_strings(doc, "TAG")
        self.sent_start, self.sent_end = sentence_of_tokens(doc)
        self.lexicon = {}
        for match in matches:
            self.lexicon[match.start] = match
        self.labels: dict[int, set[str]] = {}  # sentence start -> entity labels in it
        for ent in doc.ents:
            self.labels.setdefault(self.sent_start[ent.start], set()).add(ent.label_)
        self.quoted = _quoted(self.lowers, self.sent_start)

    def features(self, i: int) -> list[str]:
        lemma, tag = self.lemmas[i] or self.lowers[i], self.tags[i]
        out = [f"l={lemma}", f"t={tag}", f"s4={lemma[-4:]}", f"s6={lemma[-6:]}",
               f"w={self.lowers[i]}"]
        match = self.lexicon.get(i)
        if match is not None:
            trigger = match.trigger
            out += [f"x={trigger.type}", f"xm={trigger.type}/{trigger.mode}",
                    f"xw={trigger.weak}", f"xl={match.last - match.start > 1}"]
        else:
            out.append("x=none")
        start, end = self.sent_start[i], self.sent_end[i]
        for k in range(max(start, i - WINDOW), min(end, i + WINDOW + 1)):
            if k != i:
                side = "<" if k < i else ">"
                out.append(f"c{side}={self.lemmas[k] or self.lowers[k]}")
        if i > start:
            out.append(f"p1={self.lemmas[i - 1]}")
            out.append(f"pt={self.tags[i - 1]}")
        if i + 1 < end:
            out.append(f"n1={self.lemmas[i + 1]}")
        for label in sorted(self.labels.get(start, ())):
            out.append(f"e={label}")
        if i in self.quoted:
            out.append("q")
        if i == start:
            out.append("first")
        return out

    def candidates(self) -> list[int]:
        return [i for i, tag in enumerate(self.tags) if is_candidate(tag)]


def _quoted(words: list[str], sent_start: list[int]) -> set[int]:
    """Tokens inside quotation marks (opened and not yet closed in their sentence)."""
    inside, out, current = False, set(), -1
    for i, word in enumerate(words):
        if sent_start[i] != current:
            current, inside = sent_start[i], False
        if word in ("„", "»", "“", '"', "«"):
            inside = not inside if word == '"' else word in ("„", "»")
            continue
        if inside:
            out.add(i)
    return out


class TriggerModel:
    """The weights of a trained model: feature -> row, rows × classes, and the bias."""

    def __init__(self, path: Path):
        data = numpy.load(path, allow_pickle=False)
        self.classes: list[str] = data["classes"].tolist()
        self.index = {name: k for k, name in enumerate(data["features"].tolist())}
        self.weights = data["weights"].astype(numpy.float32)
        self.bias = data["bias"].astype(numpy.float32)
        self.none = self.classes.index(NONE)

    def probabilities(self, features: list[str]) -> numpy.ndarray:
        rows = [self.index[f] for f in features if f in self.index]
        scores = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        scores = numpy.exp(scores - scores.max())
        return scores / scores.sum()

    def read(self, doc: Doc, matches: list[TriggerMatch],
             every_word: bool = True) -> dict[int, numpy.ndarray]:
        """The class probabilities of every candidate word of the doc, or (``every_word``
        false) of the lexicon's triggers only, which is all a veto needs."""
        words = DocWords(doc, matches)
        indices = words.candidates() if every_word else sorted(words.lexicon)
        return {i: self.probabilities(words.features(i)) for i in indices}


class BinaryModel:
    """A binary logistic regression's weights: feature -> weight, and the bias (the
    recipient chooser, the event screen)."""

    def __init__(self, path: Path):
        data = numpy.load(path, allow_pickle=False)
        self.index = {name: k for k, name in enumerate(data["features"].tolist())}
        self.weights = data["weights"].astype(numpy.float64)
        self.bias = float(data["bias"])

    def probability(self, features: list[str]) -> float:
        score = self.bias + sum(self.weights[self.index[f]] for f in features
                                if f in self.index)
        return float(1.0 / (1.0 + numpy.exp(-score)))


@lru_cache(maxsize=8)
def binary_model(path: Path) -> BinaryModel | None:
    return BinaryModel(path) if path.is_file() else None


@lru_cache(maxsize=64)
def learned_trigger(kind: str, verb: bool, lexicon: EventLexicon) -> Trigger:
    """The trigger of a word the model reads as an event the lexicon lacks: its type, the
    lexicon's recipient prepositions, and a verb's first other actor as its object."""
    return Trigger(kind, (), tuple(lexicon.words["recipient"]), verb, None, False)


@lru_cache(maxsize=8)
def trigger_model(path: Path) -> TriggerModel | None:
    return TriggerModel(path) if path.is_file() else None
