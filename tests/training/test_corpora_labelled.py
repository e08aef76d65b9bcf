"""The team's event and name corpora: standoff labels that still match their sources."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.conftest import missing_data
from training import events_corpus, ner_corpus
from training.corpora import DATA
from training.events_measure import part_of, stories


def test_every_event_label_points_at_unchanged_text_and_a_guide_type():
    missing_data(DATA / "smartdata_de")
    records = events_corpus.load()
    assert len(records) >= 5000
    types = Counter(e["type"] for r in records for e in r.get("events", []))
    assert set(types) == events_corpus.TYPES  # all 16 PLOVER types are represented
    for record in records:
        for event in record.get("events", []):
            start, end = event["trigger"]
            assert record["text"][start:end].strip() == record["text"][start:end]
    # a fifth of the documents, never the same document in both parts
    parts = Counter(part_of(r) for r in records)
    assert 0.1 < parts["test"] / len(records) < 0.3


def test_a_changed_source_sentence_is_refused():
    missing_data(DATA / "ud_german_gsd")
    record = {"corpus": "ud_german_gsd/dev", "doc": "dev-s1", "start": 0, "end": 40,
              "sha1": "000000000000", "events": []}
    with pytest.raises(ValueError, match="changed"):  # a wrong hash is refused
        events_corpus.sentence_text(record, events_corpus.Sources())


def test_every_name_span_is_a_guide_label_on_whole_characters():
    missing_data(DATA / "smartdata_de")
    records = ner_corpus.load()
    assert len(records) >= 5000
    labels = Counter(label for r in records for _, _, label in r["spans"])
    assert set(labels) == set(ner_corpus.NAME_LABELS)
    assert ner_corpus.problems({"spans": [[0, 3, "PER"], [2, 5, "LOC"]]}, "abcdef") == [
        "span [2, 5, 'LOC'] overlaps the one before"]


def test_every_english_event_label_points_at_unchanged_text_split_by_story():
    missing_data(DATA / "conll2003_en")
    records = events_corpus.load(lang="en")
    assert len(records) >= 2000
    assert all(events_corpus.language_of(r) == "en" for r in records)
    for record in records:
        for event in record.get("events", []):
            start, end = event["trigger"]
            assert record["text"][start:end].strip() == record["text"][start:end]
    # the sentences of one story are in one part
    parts = {}
    for record in records:
        parts.setdefault(record.get("story") or record["doc"], set()).add(part_of(record))
    assert all(len(p) == 1 for p in parts.values())


def test_the_english_own_sentences_carry_their_german_source_s_labels_and_part():
    # the team's own sentences, no third-party text: no data folder needed
    german = {r["doc"]: r for r in events_corpus.load(
        sorted(events_corpus.LABELS.glob("own_*.jsonl")))}
    english = events_corpus.load(
        sorted(events_corpus.LABELS_BY_LANG["en"].glob("own_*.jsonl")))
    assert len(english) == len(german)
    for record in english:
        source = german[record["translated_from"]]
        assert events_corpus.language_of(record) == "en"
        assert events_corpus.language_of(source) == "de"
        assert part_of(record) == part_of(source)
        assert [(e["type"], e.get("mode"), e.get("modality"),
                 [(e[s] or {}).get("country") for s in ("actor", "recipient")])
                for e in record["events"]] == \
            [(e["type"], e.get("mode"), e.get("modality"),
              [(e[s] or {}).get("country") for s in ("actor", "recipient")])
             for e in source["events"]]


def test_a_story_is_read_as_one_article_with_each_sentence_s_range():
    # invented records: two sentences of one story out of order, one of another document
    records = [
        {"corpus": "conll2003_en/train", "doc": "s12", "story": "s10", "start": 0,
         "text": "He rejected the offer."},
        {"corpus": "conll2003_en/train", "doc": "s11", "story": "s10", "start": 0,
         "text": "Ruritania's president spoke on Monday."},
        {"corpus": "conll2003_en/train", "doc": "s30", "story": "s30", "start": 0,
         "text": "Police arrested two men."},
    ]
    [(first, spans), (second, [(alone, start, end)])] = stories(records)
    assert first["text"] == ("Ruritania's president spoke on Monday.\n\n"
                             "He rejected the offer.")
    assert first["lang"] == "en" and first["id"] == "conll2003_en/train/s10"
    assert [(r["doc"], first["text"][a:b]) for r, a, b in spans] == [
        ("s11", "Ruritania's president spoke on Monday."), ("s12", "He rejected the offer.")]
    assert (alone["doc"], second["text"][start:end]) == ("s30", "Police arrested two men.")


def test_the_written_vocabulary_is_of_guide_types_and_the_lexicon_holds_what_the_rule_took():
    import tomllib

    from training import events_vocabulary

    written = events_vocabulary.entries()
    assert len(written) > 1000
    assert {kind for kind, _, _, _ in written} == events_corpus.TYPES
    assert {risk for _, _, _, risk in written} == {"low", "high"}
    lexicon = tomllib.loads(events_vocabulary.lexicon_path("de").read_text(encoding="utf-8"))
    lemmas = {lemma for t in lexicon["trigger"] for lemma in t.get("lemmas", [])}
    assert "Sturm … laufen" in lemmas and "Kundgebung … auflösen" not in lemmas
    # never matched and high in risk: left out; half its matches gold: taken
    english = events_vocabulary.entries("en")
    assert len(english) > 1000 and {kind for kind, _, _, _ in english} == events_corpus.TYPES
    assert not events_vocabulary.taken("high", 0, 0)
    assert events_vocabulary.taken("high", 4, 2) and not events_vocabulary.taken("low", 3, 1)


def test_an_annotator_s_words_become_offsets_and_words_not_in_the_sentence_are_refused(
        tmp_path):
    import json

    # a batch and labels of our own sentence; the import needs no source text
    text = "Die Polizei nahm in Bozen zwei Männer fest, sagte der Sprecher."
    sentence_id = "Dolomiten-100/0_text#12"
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": sentence_id, "text": text}) + "\n")
    event = {"type": "COERCE", "mode": "arrest", "trigger": "nahm",
             "actor": {"text": "Die Polizei", "country": "ITA", "sector": "COP"},
             "recipient": {"text": "zwei Männer", "country": "ITA", "sector": "CVL"},
             "modality": "asserted"}
    labels = tmp_path / "labels.jsonl"
    labels.write_text(json.dumps({"id": sentence_id, "events": [event]}) + "\n")
    [record] = events_corpus.import_labels(labels, batch, "k9")
    assert (record["corpus"], record["doc"], record["start"], record["end"]) == (
        "krauts", "Dolomiten-100/0_text", 12, 12 + len(text))
    [coded] = record["events"]
    assert coded["trigger"] == [12, 16]
    assert coded["actor"] == {"span": [0, 11], "country": "ITA", "sector": "COP"}
    assert text[slice(*coded["recipient"]["span"])] == "zwei Männer"
    assert events_corpus.problems(record, text) == []
    # a party the sentence does not name is none, as the guide has it
    labels.write_text(json.dumps({"id": sentence_id, "events": [dict(
        event, actor={"text": None, "country": "ITA", "sector": "COP"},
        recipient={"text": None, "country": "ITA", "sector": "CVL"})]}) + "\n")
    [record] = events_corpus.import_labels(labels, batch, "k9")
    assert record["events"][0]["actor"] == {"span": None, "country": None, "sector": None}
    assert record["events"][0]["recipient"] is None
    labels.write_text(json.dumps({"id": sentence_id, "events": [
        dict(event, trigger="verhaftete")]}) + "\n")
    with pytest.raises(ValueError, match="'verhaftete' not in the sentence"):
        events_corpus.import_labels(labels, batch, "k9")


def test_the_newspaper_sentences_for_measuring_are_apart_from_the_training_corpus():
    import re

    missing_data(DATA / "krauts")
    from training.events_measure import news_part

    news = events_corpus.load_news()
    assert len(news) >= 1000
    assert {r["corpus"] for r in news} == {"krauts"}
    assert not any(r["corpus"] == "krauts" for r in events_corpus.load())
    # a South Tyrolean paper: read as Italian, with its articles' publication days
    assert {r["url"] for r in news} == {"stol.it"}
    assert all(re.fullmatch(r"20[01]\d-\d\d-\d\d", r["published"]) for r in news)
    # whole articles in one half, the halves about as large
    halves = {}
    for record in news:
        halves.setdefault(record["doc"], set()).add(news_part(record))
    assert all(len(h) == 1 for h in halves.values())
    dev = sum(news_part(r) == "dev" for r in news)
    assert 0.35 < dev / len(news) < 0.65
