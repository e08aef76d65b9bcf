"""Quotes: the quoted words, direct or reported, and the speaker's actor."""

from __future__ import annotations

import pytest

from lagebild import extract

from ..conftest import shared_pipeline


def quotes(text: str, lang: str = "de"):
    doc = extract(text, "2022-01-10", lang, pipeline=shared_pipeline())
    actors = {a.id: a for a in doc.actors}
    return [(q.kind, q.text, q.cue, q.speaker.text if q.speaker else None,
             actors[q.speaker.actor].code if q.speaker and q.speaker.actor else None)
            for q in doc.quotes]


def test_direct_quote_with_speaker_after():
    text = "„Wir ziehen die Truppen bald ab“, sagte Wladimir Putin am Montag."
    assert quotes(text) == [("direct", "Wir ziehen die Truppen bald ab", "sagte",
                             "Wladimir Putin", "RUSGOV")]


def test_direct_quote_with_separable_verb_and_organisation_speaker():
    text = "\"Wir sind tief besorgt über die Bilder\", teilte eine UN-Sprecherin mit."
    assert quotes(text)[0][3:] == ("UN-Sprecherin", "UNO")


def test_direct_quote_after_a_colon():
    text = "Der kasachische Präsident sagte: „Die Ordnung ist wiederhergestellt worden.“"
    kind, body, cue, speaker, code = quotes(text)[0]
    assert (kind, cue, code) == ("direct", "sagte", "KAZGOV")


def test_reported_speech_in_the_subjunctive():
    text = "Tokajew sagte, es handele sich um einen versuchten Staatsstreich."
    assert quotes(text) == [("indirect", "es handele sich um einen versuchten Staatsstreich",
                             "sagte", "Tokajew", "KAZGOV")]


def test_reported_speech_before_the_verb():
    text = "Die Truppen würden bald abgezogen, sagte Russlands Präsident Wladimir Putin."
    assert quotes(text) == [("indirect", "Die Truppen würden bald abgezogen", "sagte",
                             "Russlands Präsident", "RUSGOV")]


def test_reported_speech_goes_on_in_the_next_sentence():
    text = ("China erklärte, man sei zur Zusammenarbeit bereit. Peking werde Kasachstan "
            "dabei helfen.")
    found = quotes(text)
    assert [q[0] for q in found] == ["indirect", "indirect"]
    assert found[1][1] == "Peking werde Kasachstan dabei helfen" and found[1][4] == "CHN"


def test_a_direct_quote_without_frame_belongs_to_the_last_speaker():
    text = ("Tokajew sagte, die Lage sei unter Kontrolle. \"Niemand wird dieses Land "
            "ins Chaos stürzen.\"")
    found = quotes(text)
    assert found[1][0] == "direct" and found[1][4] == "KAZGOV"


def test_pronoun_speaker_is_the_last_person_named():
    text = "Wladimir Putin kam nach Minsk. Er sagte, die Gespräche seien gut verlaufen."
    assert quotes(text)[0][3:] == ("Er", "RUSGOV")


def test_indicative_after_a_verb_of_saying_is_no_reported_speech():
    assert quotes("Er sagte, dass er kommt. Tokajew sagte, es regnet.")[1:] == []


def test_according_to_and_impersonal_frames():
    found = quotes("Laut Experten sorgt sich China um die Grenze. Die Soldaten blieben, hieß es.")
    assert found[0][2:4] == ("Laut", "Experten")
    assert found[1][:4] == ("indirect", "Die Soldaten blieben", "hieß es", None)
    # a name in the genitive without an article after "nach Angaben"
    found = quotes("Nach Angaben Südkoreas hat Nordkorea eine Rakete abgefeuert.")
    assert [q[2:] for q in found] == [("Nach Angaben", "Südkoreas", "KOR")]
    # an indefinite article belongs to the cue, not the speaker
    found = quotes("Nach Angaben eines venezolanischen Beamten wurden drei Männer freigelassen.")
    assert [q[2:] for q in found] == [("Nach Angaben eines", "venezolanischen Beamten", "VENCOP")]


def test_english_quotes():
    found = quotes('"We will not allow chaos in this country," President Tokayev said. '
                   "The CSTO said its troops would leave within days.", "en")
    assert found[0][0] == "direct" and found[0][4] == "KAZGOV"
    assert found[1][:3] == ("indirect", "its troops would leave within days", "said")
    assert found[1][4] == "IGO"


@pytest.mark.parametrize("text,expected", [
    # "…, X said": the words before the comma, the speaker between it and the verb
    ("The talks with the unions have failed again, Jean-Pierre Dufour said on Monday.",
     ("indirect", "The talks with the unions have failed again", "said", "Jean-Pierre Dufour")),
    ("Rebels shelled the airport on Sunday, the defence ministry said.",
     ("indirect", "Rebels shelled the airport on Sunday", "said", "defence ministry")),
    # "according to X": the speaker's whole name, the words after it
    ("According to Oxfam International, thousands of families have lost their homes.",
     ("indirect", "thousands of families have lost their homes", "According to",
      "Oxfam International")),
    # a direct quote framed by "according to", one quote only
    ("\"Prices will fall next year,\" according to Sarah Okafor of the Kenya Bankers "
     "Association.", ("direct", "Prices will fall next year,", "according to", "Sarah Okafor")),
    # a speaker no actor stands for, between the quote and the verb
    ("\"It is over for the old guard,\" Okonkwo said.",
     ("direct", "It is over for the old guard,", "said", "Okonkwo")),
    # the verb before the quote: X said "…", X told reporters, "…"
    ("Tom Dooher told reporters on Monday, \"Teachers will strike next week if nothing "
     "changes.\"", ("direct", "Teachers will strike next week if nothing changes.", "told",
                    "Tom Dooher")),
    # "told reporters that …": what follows "that"
    ("Tom Dooher told reporters on Monday that teachers would strike next week.",
     ("indirect", "teachers would strike next week", "told", "Tom Dooher")),
])
def test_english_frames(text, expected):
    assert [q[:4] for q in quotes(text, "en")] == [expected]


def test_the_frame_of_a_direct_quote_is_no_second_quote():
    found = quotes("\"The border stays closed until further notice,\" the interior ministry "
                   "said in a statement.", "en")
    assert [q[:2] for q in found] == [("direct", "The border stays closed until further notice,")]


def test_short_quoted_words_are_no_quotes():
    assert quotes("Das sogenannte \"einzelne Zentrum\" blieb unbekannt.") == []


def test_example_quotes_and_speakers(pipeline, example):
    text, gold = example
    doc = pipeline({"text": text, "published": gold["published"]})
    actors = {a.id: a for a in doc.actors}
    found = []
    for expected in gold["quotes"]:
        for q in doc.quotes:
            actor = actors.get(q.speaker.actor) if q.speaker and q.speaker.actor else None
            code = actor and (actor.country if actor.country not in ("IGO",) else actor.org)
            if expected["contains"] in q.text and q.kind == expected["kind"] \
                    and code == expected["speaker_actor"]:
                found.append(expected["contains"])
                break
    assert len(found) >= 5, found


def test_a_headline_s_party_before_a_colon_is_its_speaker():
    assert quotes("Macron: Die EU muss ihre Verteidigung stärken") == [
        ("indirect", "Die EU muss ihre Verteidigung stärken", None, "Macron", "FRAGOV")]
    # a word that names no party before the colon speaks for no one
    assert quotes("Hintergrund: Die Polizei nahm drei Männer fest.") == []


def test_an_obligation_before_a_verb_of_saying_is_reported_speech():
    assert quotes("Die Regierung muss jetzt handeln, forderte der Bauernverband.") == [
        ("indirect", "Die Regierung muss jetzt handeln", "forderte", "Bauernverband",
         "DEUNGO")]
