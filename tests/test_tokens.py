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


def test_a_settled_doc_is_read_once_and_an_unsettled_one_each_time(pipeline):
    from lagebild.tokens import lower_lemmas, settle

    nlp = pipeline.nlp("de")
    doc = nlp("Die Polizei nahm zwei Männer fest.")
    assert lower_lemmas(doc) == [t.lemma_.lower() for t in doc]
    with doc.retokenize() as retokenizer:  # a stage may still change an unsettled Doc
        retokenizer.merge(doc[0:2])
    assert strings(doc)[:2] == ["Die Polizei", "nahm"]
    settle(doc)
    first = strings(doc, "LOWER")
    assert first == [t.lower_ for t in doc] and strings(doc, "LOWER") is first
    other = nlp("Die Polizei nahm zwei Männer fest.")
    assert strings(other) == [t.text for t in other]  # each Doc its own words
