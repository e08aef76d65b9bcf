"""The tagging NER: BIO decoding, preset entities kept, and a real (tiny) training run."""

import random

import numpy
import pytest
import spacy
from spacy.tokens import Doc, Span
from spacy.training import Example

from lagebild.lang.ner_tagger import bio, decode, names, transitions

TAGS = ["O", "B-LOC", "I-LOC", "B-PER", "I-PER"]


def scores(*rows):
    """Unnormalised scores as the model gives them: log-probabilities do."""
    return numpy.log(numpy.array(rows, dtype="float32") + 1e-6)


def test_bio_from_spacy_alignment():
    assert [bio(t) for t in ["U-PER", "B-ORG", "I-ORG", "L-ORG", "O", "-", None]] == \
        ["B-PER", "B-ORG", "I-ORG", "I-ORG", "O", None, None]


def test_names_read_off_labels():
    ids = numpy.array([0, 3, 4, 0, 1, 1, 2])
    assert names(TAGS, ids) == [(1, 3, "PER"), (4, 5, "LOC"), (5, 7, "LOC")]


def test_decode_repairs_what_bio_forbids():
    allowed = transitions(TAGS)
    # token 1 alone would be I-LOC after O; the allowed reading is a two-word person
    probs = scores([0.99, 0, 0, 0, 0.01], [0.1, 0, 0.5, 0.4, 0], [0.2, 0, 0.1, 0, 0.7],
                   [0.995, 0, 0, 0, 0.005])
    assert decode(probs, TAGS, allowed).tolist() == [0, 3, 4, 0]
    # I-PER after B-LOC is not allowed either
    probs = scores([0.01, 0.9, 0, 0.09, 0], [0.05, 0, 0.3, 0, 0.65])
    ids = decode(probs, TAGS, allowed)
    assert names(TAGS, ids) in ([(0, 2, "LOC")], [(0, 2, "PER")])


def test_decode_without_names_and_empty():
    allowed = transitions(TAGS)
    assert decode(scores([1, 0, 0, 0, 0]), TAGS, allowed).tolist() == [0]
    assert decode(numpy.zeros((0, len(TAGS)), dtype="float32"), TAGS, allowed).tolist() == []


SENTENCES = [  # (words, entities as (start, end, label))
    ("Gestern reiste Anna Berger nach Lindau .", [(2, 4, "PER"), (5, 6, "LOC")]),
    ("In Lindau traf Karl Huber den Bürgermeister .", [(1, 2, "LOC"), (3, 5, "PER")]),
    ("Karl Huber kam aus Passau zurück .", [(0, 2, "PER"), (4, 5, "LOC")]),
    ("Die Polizei in Passau sprach mit Anna Berger .", [(3, 4, "LOC"), (6, 8, "PER")]),
]


def _examples(nlp):
    examples = []
    for text, ents in SENTENCES:
        words = text.split()
        reference = Doc(nlp.vocab, words=words)
        reference.ents = [Span(reference, s, e, label=label) for s, e, label in ents]
        examples.append(Example(nlp.make_doc(text), reference))
    return examples


@pytest.fixture(scope="module")
def trained():
    random.seed(0)
    nlp = spacy.blank("de")
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.HashEmbedCNN.v2", "width": 32, "depth": 1,
        "embed_size": 500, "window_size": 1, "maxout_pieces": 2, "subword_features": True,
        "pretrained_vectors": None}})
    nlp.add_pipe("lagebild_ner_tagger", name="ner", config={"model": {
        "@architectures": "spacy.Tagger.v2", "nO": None, "normalize": False,
        "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 32,
                    "upstream": "tok2vec"}}})
    examples = _examples(nlp)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    return nlp


def test_training_learns_the_names(trained):
    assert trained.get_pipe("ner").labels == ("O", "B-LOC", "I-LOC", "B-PER", "I-PER")
    doc = trained("Karl Huber kam aus Lindau zurück .")
    assert [(e.text, e.label_) for e in doc.ents] == [("Karl Huber", "PER"), ("Lindau", "LOC")]


def test_entities_already_set_are_kept(trained):
    doc = trained.make_doc("Karl Huber kam aus Lindau zurück .")
    doc.ents = [Span(doc, 0, 2, label="ORG", span_id="list:1")]
    doc = trained.get_pipe("ner")(trained.get_pipe("tok2vec")(doc))
    assert [(e.text, e.label_, e.id_) for e in doc.ents] == \
        [("Karl Huber", "ORG", "list:1"), ("Lindau", "LOC", "")]


def test_saved_model_loads_with_plain_spacy_load(trained, tmp_path):
    trained.to_disk(tmp_path / "model")
    nlp = spacy.load(tmp_path / "model")  # the factory comes from lagebild's entry point
    assert nlp.get_pipe("ner").__class__.__name__ == "NerTagger"
    doc = nlp("Anna Berger reiste nach Passau .")
    assert [(e.text, e.label_) for e in doc.ents] == [("Anna Berger", "PER"), ("Passau", "LOC")]


def test_no_name_starts_or_ends_on_whitespace(trained):
    tagger = trained.get_pipe("ner")
    tags = list(tagger.labels)
    ids = [tags.index(t) for t in ("B-PER", "I-PER", "I-PER", "O", "O")]
    doc = trained.make_doc("Karl Huber \n\n kam .")
    assert doc[2].is_space
    tagger.set_annotations([doc], [numpy.array(ids)])
    assert [(e.text, e.label_) for e in doc.ents] == [("Karl Huber", "PER")]
    doc = trained.make_doc("Karl Huber \n\n kam .")  # a name of whitespace alone
    tagger.set_annotations([doc], [numpy.array([0, 0, tags.index("B-LOC"), 0, 0])])
    assert list(doc.ents) == []


BILUO = ["O", "B-PER", "I-PER", "L-PER", "U-PER"]


def test_biluo_scheme_keeps_spacys_tags_and_decodes_whole_names():
    assert [bio(t, "BILUO") for t in ["U-PER", "B-ORG", "L-ORG", "O", "-"]] == \
        ["U-PER", "B-ORG", "L-ORG", "O", None]
    allowed = transitions(BILUO)
    # B-PER alone may not end a stretch: the best allowed reading closes the name
    probs = scores([0.01, 0.6, 0.0, 0.0, 0.39], [0.5, 0.0, 0.0, 0.45, 0.05],
                   [0.999, 0, 0, 0, 0.001])
    ids = decode(probs, BILUO, allowed)
    assert names(BILUO, ids) in ([(0, 2, "PER")], [(0, 1, "PER")])
    assert names(BILUO, numpy.array([4, 4, 1, 2, 3])) == [(0, 1, "PER"), (1, 2, "PER"),
                                                         (2, 5, "PER")]


def test_unknown_scheme_is_refused():
    nlp = spacy.blank("de")
    nlp.add_pipe("tok2vec")
    with pytest.raises(ValueError, match="label scheme"):
        nlp.add_pipe("lagebild_ner_tagger", config={"scheme": "IOB2", "model": {
            "@architectures": "spacy.Tagger.v2", "nO": None, "normalize": False,
            "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 96,
                        "upstream": "tok2vec"}}})
