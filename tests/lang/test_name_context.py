"""The checks around the NER, on hand-tagged documents (no model needed)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from lagebild.lang.name_context import name_context, ner_check

VOCAB = spacy.blank("de").vocab


def _doc(pairs: list[tuple[str, str]], ents: list[tuple[int, int, str, str]]) -> Doc:
    doc = Doc(VOCAB, words=[w for w, _ in pairs], tags=[t for _, t in pairs],
              sent_starts=[True] + [False] * (len(pairs) - 1))
    doc.ents = [Span(doc, a, b, label=label, span_id=key) for a, b, label, key in ents]
    return doc


def _ents(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_a_place_inside_a_club_name_goes_back_to_the_ner():
    doc = _doc([("Gestern", "ADV"), ("siegte", "VVFIN"), ("Borussia", "NE"),
                ("Dortmund", "NE"), (".", "$.")], [(3, 4, "LOC", "place:x")])
    assert _ents(name_context(doc)) == []


def test_a_place_after_an_adjective_like_name_word_goes_back_to_the_ner():
    doc = _doc([("Sie", "PPER"), ("flog", "VVFIN"), ("mit", "APPR"), ("Air", "ADJA"),
                ("Berlin", "NE")], [(4, 5, "LOC", "place:x")])
    assert _ents(name_context(doc)) == []


def test_a_word_after_a_preposition_with_its_article_continues_no_name():
    # the tagger reads "Montag" as an adjective, but after "am" it is a noun of its own
    doc = _doc([("Er", "PPER"), ("besuchte", "VVFIN"), ("am", "APPRART"), ("Montag", "ADJA"),
                ("Kiew", "NE"), (".", "$.")], [(4, 5, "LOC", "place:x")])
    assert _ents(name_context(doc)) == [("Kiew", "LOC")]


def test_a_place_beside_common_words_stays():
    doc = _doc([("Die", "ART"), ("Staatsanwaltschaft", "NN"), ("Bayreuth", "NE"),
                ("ermittelt", "VVFIN")], [(2, 3, "LOC", "place:x")])
    assert _ents(name_context(doc)) == [("Bayreuth", "LOC")]


def test_a_place_name_read_as_a_common_noun_is_dropped():
    doc = _doc([("Im", "APPRART"), ("Mai", "NN"), ("regnete", "VVFIN"), ("es", "PPER")],
               [(1, 2, "LOC", "place:x")])
    assert _ents(name_context(doc)) == []


def test_curated_names_stay_beside_a_noun_the_tagger_takes_for_a_name():
    doc = _doc([("Das", "ART"), ("Militärbündnis", "NE"), ("OVKS", "NE"), ("half", "VVFIN")],
               [(2, 3, "ORG", "org:CSTO")])
    kept = name_context(doc)
    assert _ents(kept) == [("OVKS", "ORG")] and kept.ents[0].ent_id_ == "org:CSTO"


def test_curated_names_give_way_to_a_particle_of_a_foreign_name():
    doc = _doc([("die", "ART"), ("Côte", "NE"), ("des", "ART"), ("Somalis", "NE")],
               [(3, 4, "LOC", "country:SOM")])
    assert _ents(name_context(doc)) == []
    # "des" after a common noun is a genitive's article: the organisation stays
    doc = _doc([("die", "ART"), ("Forderungen", "NN"), ("des", "ART"),
                ("Sicherheitsrates", "NN")], [(3, 4, "ORG", "org:UNSC")])
    assert _ents(name_context(doc)) == [("Sicherheitsrates", "ORG")]


def test_ner_one_word_common_nouns_are_dropped_acronyms_and_streets_kept():
    doc = _doc([("Der", "ART"), ("Stausee", "NN"), ("der", "ART"), ("KSV", "NN"),
                ("und", "KON"), ("die", "ART"), ("Schulstraße", "NN")],
               [(1, 2, "LOC", ""), (3, 4, "ORG", ""), (6, 7, "LOC", "")])
    assert _ents(ner_check(doc)) == [("KSV", "ORG"), ("Schulstraße", "LOC")]


def test_a_small_place_geonames_knows_stays_though_read_as_a_common_noun():
    doc = _doc([("Die", "ART"), ("Wehr", "NN"), ("aus", "APPR"), ("Gedern", "NN"),
                ("traf", "VVFIN"), ("die", "ART"), ("Region", "NN"), ("und", "KON"),
                ("Gedern", "NN")],
               [(3, 4, "LOC", ""), (6, 7, "LOC", ""), (8, 9, "ORG", "")])
    # a town of 7,900: kept as a place; "Region" is no place name, an ORG guess no place
    assert _ents(ner_check(doc)) == [("Gedern", "LOC")]


def test_ner_spans_lose_lowercase_words_and_years_at_their_end():
    doc = _doc([("die", "ART"), ("Spiele", "NN"), ("von", "APPR"), ("Moskau", "NE"),
                ("1980", "CARD"), ("und", "KON"), ("von", "APPR"), ("Trotha", "NE")],
               [(3, 5, "LOC", ""), (6, 8, "PER", "")])
    assert _ents(ner_check(doc)) == [("Moskau", "LOC"), ("von Trotha", "PER")]


def test_a_surname_with_its_article_joined_ends_a_name():
    doc = _doc([("Minister", "NN"), ("Omar", "NE"), ("al-Hadi", "NE"), ("sagte", "VVFIN"),
                ("nein", "PTKANT"), ("Karim", "NE"), ("bin-Rashid", "NE"), ("kam", "VVFIN"),
                ("Jan", "NE"), ("van", "NE")],
               [(1, 3, "PER", ""), (5, 7, "PER", ""), (8, 10, "PER", "")])
    assert _ents(ner_check(doc)) == [("Omar al-Hadi", "PER"), ("Karim bin-Rashid", "PER"),
                                      ("Jan", "PER")]


def test_untagged_documents_are_left_alone():
    doc = Doc(VOCAB, words=["Im", "Mai"])
    doc.ents = [Span(doc, 1, 2, label="LOC", span_id="place:x")]
    assert _ents(ner_check(name_context(doc))) == [("Mai", "LOC")]


def test_a_genitive_place_before_its_noun_stays():
    doc = _doc([("Moskaus", "NE"), ("Außenministerium", "NE"), ("schwieg", "VVFIN")],
               [(0, 1, "LOC", "place:x")])
    assert _ents(name_context(doc)) == [("Moskaus", "LOC")]


def test_a_name_given_back_and_found_again_by_the_ner_keeps_its_id():
    doc = _doc([("Unruhen", "NN"), ("in", "APPR"), ("Almaty", "NN")],
               [(2, 3, "LOC", "place:x")])
    doc = name_context(doc)
    assert _ents(doc) == [] and doc[2].ent_id_ == ""
    doc.ents = [Span(doc, 2, 3, label="LOC")]  # what the NER does next
    checked = ner_check(doc)
    assert _ents(checked) == [("Almaty", "LOC")] and checked.ents[0].ent_id_ == "place:x"


def test_a_legal_form_makes_the_name_before_it_an_organisation():
    # the NER took the company for a place; the legal form says otherwise
    doc = _doc([("Die", "ART"), ("Hays", "NE"), ("AG", "NN"), ("wächst", "VVFIN")],
               [(1, 2, "LOC", "")])
    assert _ents(ner_check(doc)) == [("Hays AG", "ORG")]
    # no entity at all: the capitalised words before the form, not the sentence start
    doc = _doc([("Der", "ART"), ("Verein", "NN"), ("Ökodorf", "NE"), ("e.V.", "NN"),
                ("klagt", "VVFIN")], [])
    assert _ents(ner_check(doc)) == [("Verein Ökodorf e.V.", "ORG")]


def test_a_legal_form_alone_or_after_lowercase_words_is_no_name():
    doc = _doc([("Die", "ART"), ("neue", "ADJA"), ("AG", "NN"), ("wächst", "VVFIN")], [])
    assert _ents(ner_check(doc)) == []


def test_a_surname_again_is_the_person_named_in_full():
    doc = _doc([("Anna", "NE"), ("Berger", "NE"), ("kam", "VVFIN"), (".", "$."),
                ("Berger", "NE"), ("sagte", "VVFIN"), ("Bergers", "NE"), ("Wort", "NN"),
                ("Berger", "NE")], [(0, 2, "PER", "leader:ab"), (8, 9, "LOC", "")])
    assert [(e.text, e.label_, e.id_) for e in ner_check(doc, ("s",)).ents] == [
        ("Anna Berger", "PER", "leader:ab"), ("Berger", "PER", "leader:ab"),
        ("Bergers", "PER", "leader:ab"), ("Berger", "LOC", "")]  # a name already there stays


def test_a_surname_takes_only_the_suffixes_of_its_language():
    doc = _doc([("Anna", "NE"), ("Berger", "NE"), ("kam", "VVFIN"), (".", "$."),
                ("Bergers", "NE"), ("Wort", "NN")], [(0, 2, "PER", "")])
    assert [e.text for e in ner_check(doc).ents] == ["Anna Berger"]


def test_a_place_that_is_a_given_name_before_a_surname_is_the_person():
    words = {"Ministerin", "Polizisten"}.__contains__  # the language's words
    doc = _doc([("Ministerin", "NN"), ("Nancy", "NE"), ("Faeser", "NN"), ("kam", "VVFIN")],
               [(1, 2, "LOC", "place:nancy")])
    ner_check(doc, (), words)
    assert _ents(doc) == [("Nancy Faeser", "PER")] and doc[1].ent_id_ == ""
    # the NER's person after it, and one LOC of the NER over both words
    doc = _doc([("Paris", "NE"), ("Hilton", "NE"), ("kam", "VVFIN")],
               [(0, 1, "LOC", "place:paris"), (1, 2, "PER", "")])
    assert _ents(ner_check(doc, (), words)) == [("Paris Hilton", "PER")]
    doc = _doc([("Victoria", "NE"), ("Beckham", "NE"), ("kam", "VVFIN")],
               [(0, 2, "LOC", "")])
    assert _ents(ner_check(doc, (), words)) == [("Victoria Beckham", "PER")]


def test_a_given_name_place_before_a_word_of_the_language_or_without_word_list_stays():
    words = {"Polizisten"}.__contains__
    doc = _doc([("In", "APPR"), ("Sydney", "NE"), ("Polizisten", "NN")],
               [(1, 2, "LOC", "place:sydney")])
    assert _ents(ner_check(doc, (), words)) == [("Sydney", "LOC")]
    doc = _doc([("Nancy", "NE"), ("Faeser", "NN")], [(0, 1, "LOC", "place:nancy")])
    assert _ents(ner_check(doc, (), None)) == [("Nancy", "LOC")]
    doc = _doc([("Berlin", "NE"), ("Faeser", "NN")], [(0, 1, "LOC", "place:berlin")])
    assert _ents(ner_check(doc, (), words)) == [("Berlin", "LOC")]
