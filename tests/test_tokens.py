"""Token arrays read off a Doc: the same sentences, text and words as spaCy's objects."""

from __future__ import annotations

import pytest

from lagebild.pipeline import sentence_spans
from lagebild.tokens import bounds, sentences, strings, text

TEXTS = [
    "  \n\nDie Armee zog ab.  Wer bleibt?\n\n\n  Niemand, sagte er. ",
    "Kein Satzende",
    "\n\n",
    "",
    "Zwei Leerzeichen  und\tein Tab.\nNeue Zeile!",
]


@pytest.mark.parametrize("value", TEXTS)
def test_arrays_agree_with_spacy_objects(pipeline, value):
    doc = pipeline.nlp("de")(value)
    assert text(doc) == doc.text == value
    assert strings(doc) == [t.text for t in doc]
    assert strings(doc, "LOWER") == [t.lower_ for t in doc]
    assert bounds(doc) == ([t.idx for t in doc], [t.idx + len(t) for t in doc])
    assert sentences(doc) == ([(s.start, s.end) for s in doc.sents] if len(doc) else [])


def test_sentence_spans_are_stripped_and_skip_blank_sentences(pipeline):
    value = TEXTS[0]
    spans = sentence_spans(pipeline.nlp("de")(value))
    assert [value[s:e] for s, e in spans] == ["Die Armee zog ab.", "Wer bleibt?",
                                              "Niemand, sagte er."]
    assert sentence_spans(pipeline.nlp("de")(value), value) == spans
