"""NER as tagging: one BIO label per token from the shared tok2vec, read off as names.

spaCy's transition-based NER takes one action per token in a loop; in the German
pipeline it cost as much time as the whole rest of the model. Scoring every token
in one matrix product and reading the names off the best labels is an order of
magnitude cheaper. The component is spaCy's ``Tagger`` with BIO labels built from
the reference entities (missing annotation stays missing, so corpora that only
carry tags or only some names still train it), and it writes ``doc.ents``.

The labels are read off with the best sequence BIO allows (an ``I-`` label only
continues a name of its type), decoded only where the model is not sure a token
lies outside every name. Like spaCy's NER it keeps entities already set by the
gazetteers in front of it, only adds names on the tokens they leave free, and
never starts or ends a name on whitespace.

Registered as the spaCy factory ``lagebild_ner_tagger`` (also as an entry point,
so ``spacy.load`` finds it wherever lagebild is installed).
"""

from __future__ import annotations

from itertools import islice

import numpy
from spacy.language import Language
from spacy.pipeline.tagger import Tagger
from spacy.tokens import Doc, Span
from spacy.training import validate_examples
from thinc.api import Model, SequenceCategoricalCrossentropy

OUTSIDE = "O"


#: Label schemes: BIO (begin, inside) or BILUO (begin, inside, last, unit), as spaCy's.
SCHEMES = {"BIO": "BI", "BILUO": "BILU"}


def bio(tag: str | None, scheme: str = "BIO") -> str | None:
    """A BILUO tag of spaCy's alignment in the scheme; ``None`` (missing) stays missing."""
    if tag is None or tag == "-":
        return None
    if tag == OUTSIDE or scheme == "BILUO":
        return tag
    kind, label = tag.split("-", 1)
    return ("B-" if kind in ("B", "U") else "I-") + label


def names(tags: list[str], ids: numpy.ndarray) -> list[tuple[int, int, str]]:
    """(start, end, label) of the names in a sequence of label ids (either scheme)."""
    found: list[list] = []
    still_open = False  # the last name may go on (after B or I)
    for i in numpy.flatnonzero(ids != tags.index(OUTSIDE)).tolist():
        tag = tags[ids[i]]
        kind, label = tag[0], tag[2:]
        last = found[-1] if found else None
        if kind in "IL" and still_open and last[1] == i and last[2] == label:
            last[1] = i + 1
        else:
            found.append([i, i + 1, label])
        still_open = kind in "BI"
    return [(start, end, label) for start, end, label in found]


#: A token the model is this sure lies outside every name ends the stretch to decode.
SURE_OUTSIDE = 0.98


def transitions(tags: list[str]) -> numpy.ndarray:
    """Log-scores of label pairs: 0 where the scheme allows the second after the first,
    else -inf. I-X (and L-X) only after B-X or I-X; in BILUO those two must go on."""
    biluo = any(tag[:2] in ("L-", "U-") for tag in tags)
    allowed = numpy.zeros((len(tags), len(tags)), dtype="float32")
    for i, before in enumerate(tags):
        opened = before[:2] in ("B-", "I-")
        for j, tag in enumerate(tags):
            if tag[:2] in ("I-", "L-"):
                fits = opened and before[2:] == tag[2:]
            else:
                fits = not (biluo and opened)
            if not fits:
                allowed[i, j] = -numpy.inf
    return allowed


def decode(scores: numpy.ndarray, tags: list[str], allowed: numpy.ndarray) -> numpy.ndarray:
    """From the model's scores (tokens x labels), the best label sequence that BIO
    allows (Viterbi), run only on the stretches between tokens the model places
    outside names with near certainty."""
    outside = tags.index(OUTSIDE)
    ids = numpy.full(len(scores), outside, dtype="int64")
    if not len(scores):
        return ids
    # the model gives unnormalised scores at inference (spacy.Tagger.v2, normalize=false)
    shifted = scores - scores.max(axis=1, keepdims=True)
    logs = shifted - numpy.log(numpy.exp(shifted).sum(axis=1, keepdims=True))
    unsure = logs[:, outside] < numpy.log(SURE_OUTSIDE)
    if not unsure.any():
        return ids
    opening = allowed[outside]  # a stretch follows an outside token (or the start)
    closing = allowed[:, outside]  # and one comes after it (or the end)
    edges = numpy.flatnonzero(numpy.diff(numpy.concatenate(([0], unsure.view("int8"), [0]))))
    for start, end in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
        best = logs[start] + opening
        back = []
        for t in range(start + 1, end):
            candidates = best[:, None] + allowed
            back.append(candidates.argmax(axis=0))
            best = candidates.max(axis=0) + logs[t]
        label = int((best + closing).argmax())
        for t in range(end - 1, start - 1, -1):
            ids[t] = label
            if t > start:
                label = int(back[t - start - 1][label])
    return ids


class NerTagger(Tagger):
    """Token-level BIO (or BILUO) tagger for PER/LOC/ORG/MISC that sets ``doc.ents``."""

    def __init__(self, vocab, model, name="ner", *, scheme: str = "BIO", **settings):
        if scheme not in SCHEMES:
            raise ValueError(f"unknown label scheme {scheme!r}: one of {sorted(SCHEMES)}")
        super().__init__(vocab, model, name, **settings)
        self.scheme = scheme

    def _scores2guesses(self, scores):
        tags = list(self.labels)
        allowed = transitions(tags)
        return [decode(self.model.ops.to_numpy(doc_scores), tags, allowed)
                for doc_scores in scores]

    def set_annotations(self, docs, batch_tag_ids) -> None:
        if isinstance(docs, Doc):
            docs = [docs]
        tags = list(self.labels)
        for doc, ids in zip(docs, batch_tag_ids, strict=True):
            ids = ids.get() if hasattr(ids, "get") else numpy.asarray(ids)
            if not len(doc):
                continue
            found = names(tags, ids)
            if not found:
                continue
            taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
            new = []
            for start, end, label in found:
                while start < end and doc[start].is_space:  # no name starts or ends on
                    start += 1  # a line break, as in spaCy's NER
                while end > start and doc[end - 1].is_space:
                    end -= 1
                if start < end and not taken.intersection(range(start, end)):
                    new.append(Span(doc, start, end, label=label))
            if new:
                doc.set_ents(new, default="unmodified")

    def get_loss(self, examples, scores):
        validate_examples(examples, "NerTagger.get_loss")
        loss_func = SequenceCategoricalCrossentropy(
            names=self.labels, normalize=False, label_smoothing=self.cfg["label_smoothing"])
        truths = [[bio(tag, self.scheme) for tag in eg.get_aligned_ner()] for eg in examples]
        d_scores, loss = loss_func(scores, truths)
        if self.model.ops.xp.isnan(loss):
            raise ValueError(f"NaN loss in {self.name}")
        return float(loss), d_scores

    def initialize(self, get_examples, *, nlp=None, labels=None) -> None:
        if labels is None:
            found = set()
            for example in get_examples():
                found.update(ent.label_ for ent in example.reference.ents)
            labels = sorted(found)
        kinds = SCHEMES[self.scheme]
        for tag in [OUTSIDE] + [f"{k}-{label}" for label in labels for k in kinds]:
            self.add_label(tag)
        docs, truths = [], []
        for example in islice(get_examples(), 10):
            docs.append(example.x)
            gold = [bio(tag, self.scheme) for tag in example.get_aligned_ner()]
            truths.append(self.model.ops.asarray(
                [[1.0 if tag == t else 0.0 for t in self.labels] for tag in gold],
                dtype="float32"))
        self.model.initialize(X=docs, Y=truths)


@Language.factory(
    "lagebild_ner_tagger",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_config={
        "model": {"@architectures": "spacy.Tagger.v2", "nO": None, "normalize": False,
                  "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 96,
                              "upstream": "tok2vec"}},
        "scorer": {"@scorers": "spacy.ner_scorer.v1"},
        "label_smoothing": 0.0,
        "scheme": "BIO",
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0,
                           "ents_per_type": None},
)
def make_ner_tagger(nlp: Language, name: str, model: Model, scorer, label_smoothing: float,
                    scheme: str):
    return NerTagger(nlp.vocab, model, name, scorer=scorer, label_smoothing=label_smoothing,
                     scheme=scheme)
