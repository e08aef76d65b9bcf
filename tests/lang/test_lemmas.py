"""The German lookup lemmatizer: table lemmas, joined particle verbs, compounds by head."""

from __future__ import annotations

import pytest

from lagebild.lang import get_pack
from lagebild.nlp import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(get_pack("de"))


def lemmas(nlp, text: str) -> dict[str, str]:
    return {t.text: t.lemma_ for t in nlp(text)}


def test_forms_and_strong_verbs(nlp):
    found = lemmas(nlp, "Die Regierung kritisierte die Gewerkschaft und entsandte Beamte.")
    assert found["kritisierte"] == "kritisieren"
    assert found["entsandte"] == "entsenden"


def test_a_separated_particle_joins_its_verb(nlp):
    assert lemmas(nlp, "Die Polizei nahm am Montag zwei Männer fest.")["nahm"] == "festnehmen"
    assert lemmas(nlp, "Der Minister wies die Vorwürfe zurück.")["wies"] == "zurückweisen"


def test_a_headline_s_particle_joins_its_verb_before_the_blank_line(nlp):
    # a headline has no full stop; the blank line after it ends its clause
    text = "Partei weist Einmischung der Regierung zurück\n\nDer Streit geht weiter."
    assert lemmas(nlp, text)["weist"] == "zurückweisen"


def test_zu_infinitives_and_unknown_compounds(nlp):
    found = lemmas(nlp, "Sie kündigten an, die Truppen abzuziehen und Soforthilfen zu leisten.")
    assert found["abzuziehen"] == "abziehen"
    assert found["Soforthilfen"] == "Soforthilfe"


def test_a_noun_is_no_form_of_a_verb_and_a_number_noun_keeps_its_number(nlp):
    found = lemmas(nlp, "Die Fahrer traten in den Ausstand. Die Polizei nahm den 34-Jährigen "
                        "fest.")
    assert found["Ausstand"] == "Ausstand"  # not "ausstehen" (its preterite "ausstand")
    assert found["34-Jährigen"] == "34-Jährige"


def test_a_lexicon_noun_the_table_lacks_is_read_by_its_ending(nlp):
    found = lemmas(nlp, "Nach Telefonaten und Hausdurchsuchungen kam es zu Gärten.")
    assert found["Telefonaten"] == "Telefonat"
    assert found["Hausdurchsuchungen"] == "Hausdurchsuchung"  # a compound by its head
    assert found["Gärten"] == "Garten"  # the table's own forms first
    # a lexicon noun the table lacks is its own lemma, not read by its head ("Runde")
    assert lemmas(nlp, "Die Verhandlungsrunde beginnt.")["Verhandlungsrunde"] == \
        "Verhandlungsrunde"
    # so is a noun of a lexicon phrase ("Marineschiff … schicken"), but not a form the
    # table reads as another lemma's ("Truppen … verlegen": Truppe)
    found = lemmas(nlp, "Athen schickt Marineschiffe, Berlin verlegt Truppen.")
    assert (found["Marineschiffe"], found["Truppen"]) == ("Marineschiff", "Truppe")


def test_a_hyphen_compound_keeps_its_first_part_and_a_function_word_its_small_letter(nlp):
    found = lemmas(nlp, "Bei EU-Sanktionen und Nato-Manövern blieb es.")
    assert found["EU-Sanktionen"] == "EU-Sanktion"
    assert found["Nato-Manövern"] == "Nato-Manöver"
    assert found["Bei"] == "bei"


def test_a_lexicon_noun_and_an_infinitive_are_their_own_lemmas(nlp):
    found = lemmas(nlp, "Die Minister billigen das Abkommen, die Bitten bleiben.")
    assert found["billigen"] == "billigen"  # not the adjective "billig"
    assert found["Abkommen"] == "Abkommen"  # not the plural of "Abkomme"
    assert found["Bitten"] == "Bitte"  # no lexicon noun: the table's lemma
    assert lemmas(nlp, "Das Handelsabkommen gilt.")["Handelsabkommen"] == "Handelsabkommen"


def test_new_spelling_and_particles_before_quotes(nlp):
    assert lemmas(nlp, "Die Kommission schloss den Kandidaten aus.")["schloss"] == \
        "ausschließen"  # the table has "schloß"
    assert lemmas(nlp, "Er lässt es.")["lässt"] == "lassen"
    assert lemmas(nlp, "Der Minister tritt zurück.")["tritt"] == "zurücktreten"
    # "vor" before an opening quote is a preposition, no particle of "warnen"
    assert lemmas(nlp, "Die Polizei warnte die Fans vor „harten Strafen“.")["warnte"] == \
        "warnen"


def test_a_regular_verb_the_table_lacks_is_read_by_its_ending(nlp):
    assert lemmas(nlp, "Der Stadtrat hat für die Schließung votiert.")["votiert"] == "votieren"
    # a form the table knows keeps its lemma
    assert lemmas(nlp, "Die Regierung kritisierte den Plan.")["kritisierte"] == "kritisieren"


def test_an_article_is_no_verb_a_particle_joins(nlp):
    # "eine" is a form of "einen" in the table: the particle passes it to reach its verb
    found = lemmas(nlp, "Der Stadtrat lehnte den Antrag auf eine Sondersitzung ab.")
    assert found["lehnte"] == "ablehnen"
    assert lemmas(nlp, "Die Kommission schloss eine Verlängerung aus.")["schloss"] == \
        "ausschließen"


def test_a_verb_form_the_table_reads_as_an_adjective_is_a_verb(nlp):
    # the table gives "vereinbarten" the adjective "vereinbart"; as a finite verb it is
    # a form of "vereinbaren", a verb the event lexicon knows
    assert lemmas(nlp, "Die Parteien vereinbarten eine Feuerpause.")["vereinbarten"] == \
        "vereinbaren"
    assert lemmas(nlp, "Die vereinbarten Regeln gelten.")["vereinbarten"] == "vereinbart"


def test_a_compound_s_first_part_may_be_a_compound_or_spelled_as_after_1996():
    from lagebild.lang.lemmas import lemmatizer
    table = lemmatizer(get_pack("de").data_dir)
    assert table.is_word("Abschluss")  # the table has "Abschluß"
    assert table.is_word("Fluglotsen")  # "Flug" + "Lotsen"
    assert not table.is_word("Rüc")  # "Rücklage" ends in "Klage" but is none
    # a derived noun with its linking "s" and a prefix, which the table lacks as words
    assert table.is_word("Vergeltungs") and table.is_word("Gegen")
    assert not table.is_word("Ungs")


def test_a_particle_passes_words_only_read_as_verbs_to_reach_its_verb(nlp):
    # "eng" (read as a form of "engen") and the participle "verstärkt" take no "zusammen"
    # or "an"; the finite verb before them does
    found = lemmas(nlp, "Die Polizei arbeitet eng mit den Behörden zusammen.")
    assert found["arbeitet"] == "zusammenarbeiten"
    assert lemmas(nlp, "Die Truppen griffen die Stellungen verstärkt an.")["griffen"] == \
        "angreifen"


def test_a_verb_form_the_table_lacks_is_read_by_a_known_infinitive():
    from lagebild.lang.lemmas import lemmatizer

    table = lemmatizer(get_pack("de").data_dir)
    assert table.table.get("vereinbart") is None  # not in the table in any form
    assert table.lemma("vereinbart", "VVPP") == "vereinbaren"
    assert table.lemma("vereinbart", "VVFIN") == "vereinbaren"


def test_a_word_of_the_table_is_not_a_name_it_holds_only_in_the_genitive():
    from lagebild.lang.lemmas import table_lemmatizer
    table = table_lemmatizer(get_pack("de").data_dir)
    assert table.knows_as_word("Stein") and table.knows_as_word("Wolf")  # Steine, Wölfe
    assert table.knows("Bush") and not table.knows_as_word("Bush")  # only "Bushs"
    assert not table.knows_as_word("Kouchner")


def test_an_infinitive_the_tagger_misreads_is_the_verb_at_a_clause_end_after_a_modal(nlp):
    doc = nlp("Die Parteien konnten sich auf einen Kompromiss einigen.")
    assert (doc[-2].lemma_, doc[-2].tag_) == ("einigen", "VVINF")
    # not the pronoun after a preposition, nor with no modal or auxiliary in front
    assert lemmas(nlp, "Er hat mit einigen gesprochen.")["einigen"] != "einigen"
    assert lemmas(nlp, "Sie sprach mit einigen.")["einigen"] != "einigen"


def test_a_plural_verb_the_tagger_reads_as_an_adjective_takes_its_particle(nlp):
    # "rufen" (the infinitive's form) read as ADJA still joins the particle at the end
    found = lemmas(nlp, "Gemeinsam mit dem Pfarrer rufen Pfarrei und Gemeinde die Bürger "
                   "zu einer Sammlung auf.")
    assert found["rufen"] == "aufrufen"


def test_an_adjective_or_preposition_is_no_verb_s_imperative(nlp):
    # the table gives "bereit", "nötig", "dank" as the imperatives of bereiten, nötigen,
    # danken: as an adjective or a preposition each is its own lemma
    found = lemmas(nlp, "Der Landrat hält eine Reform für nötig und ist bereit, zu helfen.")
    assert found["nötig"] == "nötig"
    assert found["bereit"] == "bereit"
    assert lemmas(nlp, "Dank der Spenden konnte die Schule öffnen.")["Dank"] == "dank"
    assert lemmas(nlp, "Sie danken dem Verein.")["danken"] == "danken"


def test_a_necessity_is_no_coercion_and_being_agreed_is_an_agreement(nlp):
    from lagebild.events.lexicon import event_lexicon
    lexicon = event_lexicon(get_pack("de"))
    doc = nlp("Neue Parkplätze am Bahnhof sind dringend nötig.")
    assert [m.trigger.type for m in lexicon.find(doc)] == []
    doc = nlp("Die Fraktionen sind sich in dieser Frage einig.")
    assert [m.trigger.type for m in lexicon.find(doc)] == ["AGREE"]


def test_a_verb_is_not_read_as_another_verb_s_subjunctive(nlp):
    # the table gives "führen" and "drängen" as forms of fahren and dringen
    assert lemmas(nlp, "Die Parteien wollen Gespräche führen.")["führen"] == "führen"
    found = lemmas(nlp, "Die Verbände drängen die Regierung zu schnellen Reformen.")
    assert found["drängen"] == "drängen"


def test_a_noun_is_no_form_of_another_word():
    from lagebild.lang.lemmas import lemmatizer
    lemmatize = lemmatizer(get_pack("de").data_dir).lemma
    assert lemmatize("Spitze", "NN") == "Spitze"  # not spitzen
    assert lemmatize("Liebe", "NN") == "Liebe"
    assert lemmatize("US", "NE") == "US"
