"""The English NER shipped in lang/en/model and how lagebild runs it (lang/en/names.py)."""

import pytest
import spacy
from spacy.tokens import Doc, Span

from lagebild import Pipeline
from lagebild.lang import get_pack
from lagebild.lang.base import TOPONYMS
from lagebild.lang.en import names


@pytest.fixture(scope="module")
def english(pipeline):
    return pipeline.nlp("en")


def spans(doc):
    return [(ent.text, ent.label_) for ent in doc.ents]


def test_model_ships_and_loads_alone():
    model = get_pack("en").model_dir
    nlp = spacy.load(model)
    assert nlp.pipe_names == ["tok2vec", "ner"]
    assert set(nlp.get_pipe("ner").labels) >= {"B-PER", "I-LOC", "B-ORG", "B-MISC"}
    assert (model / "meta.json").is_file()


def test_default_english_pipeline_runs_the_model():
    assert "ner" in Pipeline().nlp("en").pipe_names


def test_model_tags_names_with_their_spans(english):
    doc = english("Maria Lindqvist, a spokeswoman for the Red Cross, said on Tuesday "
                  "that the convoy had left Rotterdam for the border.")
    assert spans(doc) == [("Maria Lindqvist", "PER"), ("Red Cross", "ORG"), ("Rotterdam", "LOC")]
    ids = {ent.text: ent.ent_id_ for ent in doc.ents}
    assert ids["Red Cross"].startswith("org:")  # the list's id on the model's name
    assert ids["Rotterdam"].startswith("place:")


def test_unknown_names_come_from_the_model(english):
    doc = english("Pieter van Dam told reporters in Nairobi that Kenya Airways would resume "
                  "its flights.")
    found = spans(doc)
    assert ("Pieter van Dam", "PER") in found
    assert ("Kenya Airways", "ORG") in found
    assert ("Nairobi", "LOC") in found


def _doc(words, model_ents, listed):
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.spans[names.LISTED] = [Span(doc, a, b, label=label, span_id=key)
                               for a, b, label, key in listed]
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in model_ents]
    return doc


def test_merge_gives_ids_labels_and_adds_names():
    words = "The US Congress said Vietnam and Quatar met in Geneva on Sunday".split()
    doc = _doc(words,
               model_ents=[(1, 3, "ORG"), (4, 5, "PER"), (6, 7, "PER")],
               listed=[(1, 2, "LOC", "country:USA"), (4, 5, "LOC", "country:VNM"),
                       (9, 10, "LOC", "place:geneva"), (6, 7, "LOC", "place:quatar")])
    doc = names.names_merge(doc)
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("US Congress", "ORG", "country:USA"),  # holds a country: its id, its own span
        ("Vietnam", "LOC", "country:VNM"),  # a country on the same span: the list's label
        ("Quatar", "PER", ""),  # a place only wins where the labels agree
        ("Geneva", "LOC", "place:geneva"),  # untouched by the model: added
    ]
    assert names.LISTED not in doc.spans


def test_aside_clears_list_names_before_the_ner():
    doc = Doc(spacy.blank("en").vocab, words="Talks in Geneva".split())
    doc.ents = [Span(doc, 2, 3, label="LOC", span_id="place:geneva")]
    doc = names.names_aside(doc)
    assert list(doc.ents) == [] and doc[2].ent_id_ == ""
    assert [(s.text, s.id_) for s in doc.spans[names.LISTED]] == [("Geneva", "place:geneva")]


def test_merge_lets_a_listed_organisation_replace_the_parts_the_model_found():
    words = "The European Community and Jon Smith agreed".split()
    doc = _doc(words, model_ents=[(1, 2, "MISC"), (5, 6, "PER")],
               listed=[(1, 3, "ORG", "org:EC"), (4, 6, "PER", "leader:Jon Smith")])
    doc = names.names_merge(doc)
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("European Community", "ORG", "org:EC"),
        ("Smith", "PER", "leader:Jon Smith"),  # the model's span, the list's person
    ]


def test_merge_gives_persons_of_the_lists_to_the_names_the_model_cut_short():
    words = "President Bush met Prosper Avril in Tbilisi".split()
    doc = _doc(words, model_ents=[(1, 2, "PER"), (3, 4, "PER"), (6, 7, "PER")],
               listed=[(0, 2, "PER", "leader:George Bush"), (3, 5, "PER", "leader:Prosper Avril"),
                       (6, 7, "LOC", "place:611717")])
    doc = names.names_merge(doc)
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("Bush", "PER", "leader:George Bush"),  # the title stays out of the name
        ("Prosper Avril", "PER", "leader:Prosper Avril"),  # the list's longer name
        ("Tbilisi", "LOC", "place:611717"),  # a capital wins over the model's person
    ]


def test_merge_joins_name_particles_and_trims_function_words():
    words = "An Alexandria man met Hamad bin Khalifa in Mansfield Police Department".split()
    doc = _doc(words, model_ents=[(0, 2, "PER"), (4, 5, "PER"), (6, 7, "PER"), (8, 11, "ORG")],
               listed=[(1, 2, "LOC", "place:alexandria"), (8, 9, "LOC", "place:mansfield")])
    doc = names.names_merge(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Alexandria", "PER"), ("Hamad bin Khalifa", "PER"),
        ("Mansfield Police Department", "ORG")]
    # the places the model did not read as places stay toponyms for the places layer
    assert [s.text for s in doc.spans[TOPONYMS]] == ["Alexandria", "Mansfield"]


def test_merge_drops_common_words_at_a_sentence_start_and_shouted_words():
    words = "Visitors came from Lexington . He said PARIS would stay its code name".split()
    doc = _doc(words, model_ents=[(0, 1, "PER"), (3, 4, "ORG"), (7, 8, "LOC")], listed=[])
    doc[5].is_sent_start = True
    doc = names.names_merge(doc, common=frozenset({"visitors", "paris"}))
    assert [(e.text, e.label_) for e in doc.ents] == [("Lexington", "ORG")]


def test_the_pack_ships_its_common_words():
    common = names.read_common_words(str(get_pack("en").data_dir))
    assert {"visitors", "crews", "officials"} <= common
    assert not {"turkey", "bush", "north", "lexington"} & common


def test_merge_gives_a_person_named_in_full_the_span_a_model_name_cuts_across():
    words = "Secretary of State Ana Ruiz met Carl Berg".split()
    doc = _doc(words, model_ents=[(2, 4, "ORG"), (6, 8, "ORG")],
               listed=[(3, 5, "PER", "leader:Ana Ruiz"), (6, 8, "PER", "leader:Carl Berg")])
    doc = names.names_merge(doc)
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("Ana Ruiz", "PER", "leader:Ana Ruiz"),  # "State Ana" (ORG) cut across it
        ("Carl Berg", "PER", "leader:Carl Berg"),  # the same span: the list's label
    ]
