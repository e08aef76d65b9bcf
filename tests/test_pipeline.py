"""The Pipeline: order, ids, languages, config checks and per-article errors."""

from __future__ import annotations

import pytest

from lagebild import Article, Pipeline, PipelineConfig, extract
from lagebild.errors import ConfigError, LanguageError
from lagebild.pipeline import document_id

GERMAN = "Die Regierung in Berlin hat am Montag neue Hilfen für die Ukraine beschlossen."
ENGLISH = "The government in London approved new aid for Ukraine on Monday."


def test_documents_come_in_input_order_with_ids_kept(pipeline):
    articles = []
    for i in range(150):  # several batches, mixed languages
        text = GERMAN if i % 3 else ENGLISH
        articles.append({"id": f"a{i}", "text": text + f" ({i})"})
    docs = list(pipeline.pipe(articles, batch_size=16))
    assert [d.id for d in docs] == [f"a{i}" for i in range(150)]
    assert [d.lang for d in docs[:4]] == ["en", "de", "de", "en"]
    assert all(d.text.endswith(f"({i})") for i, d in enumerate(docs))


def test_language_identification_and_unsupported_language(pipeline):
    french = "Le gouvernement a annoncé lundi de nouvelles aides pour les agriculteurs."
    docs = list(pipeline.pipe([{"text": GERMAN}, {"text": french}, {"text": ENGLISH}]))
    assert [d.lang for d in docs] == ["de", "fr", "en"]
    assert docs[1].error == "[L200] unsupported language: fr"
    assert docs[1].entities == [] and docs[0].error is None and docs[2].error is None


def test_given_language_wins_and_unknown_given_language_is_an_error(pipeline):
    assert pipeline({"text": GERMAN, "lang": "de"}).lang == "de"
    assert pipeline({"text": GERMAN, "lang": "xx"}).error == "[L200] unsupported language: xx"


def test_stable_ids_from_url_else_text():
    by_url = Article(text="a", url="https://example.org/x")
    assert document_id(by_url) == document_id(Article(text="b", url="https://example.org/x"))
    assert document_id(Article(text="a")) != document_id(Article(text="b"))
    assert document_id(Article(id="given", text="a")) == "given"
    assert len(document_id(Article(text="a"))) == 16


def test_bad_articles_get_errors_and_the_batch_goes_on(pipeline):
    docs = list(pipeline.pipe([
        {"id": "empty", "text": "  \n "},
        {"id": "date", "text": GERMAN, "published": "letzten Montag"},
        {"id": "fine", "text": GERMAN, "published": "2022-01-10"},
        {"id": "kaputt", "titel": "kein Text"},
    ]))
    assert [d.id for d in docs] == ["empty", "date", "fine", "kaputt"]
    assert docs[0].error == "[L104] empty text"
    assert docs[1].error.startswith("[L102] invalid published date: not an ISO 8601 date")
    assert docs[2].error is None and docs[2].published == "2022-01-10"
    assert docs[3].error is not None


def test_long_text_is_cut_with_a_warning():
    pipeline = Pipeline({"max_chars": 200})
    doc = pipeline({"text": GERMAN * 10, "lang": "de"})
    assert len(doc.text) == 200
    assert doc.warnings == [f"text of {len(GERMAN) * 10:,} characters cut to 200"]


def test_sentences_are_trimmed_spans_and_headlines_stand_alone(pipeline):
    text = "Kasachstan will Beweise liefern\n\nEin Sprecher hat am Sonntag gesprochen. Er ging."
    doc = pipeline({"text": text, "lang": "de"})
    assert [text[s:e] for s, e in doc.sentences] == [
        "Kasachstan will Beweise liefern", "Ein Sprecher hat am Sonntag gesprochen.", "Er ging.",
    ]


def test_config_refuses_unknown_keys_stages_and_wrong_order():
    with pytest.raises(ConfigError, match="invalid pipeline config"):
        Pipeline({"batchsize": 10})
    with pytest.raises(ConfigError, match="unknown stage 'sentiment'"):
        Pipeline({"stages": ["entities", "sentiment"]})
    with pytest.raises(ConfigError, match="out of order"):
        Pipeline({"stages": ["entities", "actors", "entities"]})
    with pytest.raises(ConfigError, match="'actors' requires \\['entities'\\]"):
        Pipeline({"stages": ["actors", "entities"]})
    with pytest.raises(LanguageError, match="unsupported language: fr"):
        Pipeline({"languages": ["de", "fr"]})


def test_config_round_trips_as_json_for_workers():
    config = PipelineConfig(batch_size=8, stages=("entities",))
    rebuilt = Pipeline(PipelineConfig.model_validate_json(config.model_dump_json()))
    assert rebuilt.config == config
    assert [a.name for a in rebuilt.annotators] == ["entities"]


def test_every_layer_is_present_even_when_empty():
    doc = extract("Ein ruhiger Tag ohne Namen.", lang="de")
    data = doc.to_dict()
    for layer in ("entities", "actors", "places", "times", "amounts", "quotes", "events"):
        assert data[layer] == []
    assert data["sentences"] == [[0, 27]]


def test_a_failing_stage_fails_only_its_article(monkeypatch, pipeline):
    from lagebild.annotate.actors import ActorsAnnotator

    original = ActorsAnnotator.__call__

    def explode(self, doc, document, pack):
        if "Bombe" in document.text:
            raise RuntimeError("boom")
        return original(self, doc, document, pack)

    monkeypatch.setattr(ActorsAnnotator, "__call__", explode)
    docs = list(Pipeline().pipe([{"text": "Bombe in Chile.", "lang": "de"},
                                 {"text": "Frieden in Peru.", "lang": "de"}]))
    assert docs[0].error == "[L600] stage actors failed: RuntimeError: boom"
    assert docs[0].entities == []
    assert docs[1].error is None and docs[1].actors[0].country == "PER"


def test_model_choice_from_config_or_environment(monkeypatch):
    assert PipelineConfig().model == "fast"
    assert PipelineConfig(model="accurate").model == "accurate"
    monkeypatch.setenv("LAGEBILD_MODEL", "accurate")
    assert PipelineConfig().model == "accurate"
    monkeypatch.setenv("LAGEBILD_MODEL", "huge")
    with pytest.raises(ConfigError, match="fast"):
        Pipeline()
    with pytest.raises(ConfigError, match="fast"):
        Pipeline({"model": "huge"})


def test_the_two_german_models_and_a_pack_with_one():
    from lagebild.lang import get_pack

    de, en = get_pack("de"), get_pack("en")
    assert de.model_path("fast").name == "model"
    assert de.model_path("accurate").name == "model-accurate"
    assert en.model_path("accurate") == en.model_path("fast")  # no accurate English model
    fast = Pipeline({"model": "fast"}).nlp("de")
    accurate = Pipeline({"model": "accurate"}).nlp("de")
    assert type(fast.get_pipe("ner")).__name__ == "NerTagger"
    assert type(accurate.get_pipe("ner")).__name__ == "EntityRecognizer"
    text = "Der kasachische Präsident Kassym-Schomart Tokajew bat Russland um Hilfe."
    for nlp in (fast, accurate):
        assert ("Kassym-Schomart Tokajew", "PER") in [(e.text, e.label_) for e in nlp(text).ents]


def test_model_batches_hold_about_four_news_articles_or_many_short_texts():
    from lagebild.pipeline import MODEL_BATCH_CHARS, model_batch

    article = "Wort " * 800  # 4,000 characters, a news article of 600-700 words
    assert model_batch([article] * 64) == MODEL_BATCH_CHARS // 4000 == 4
    assert model_batch(["Ein kurzer Satz."] * 5000) == 1000
    assert model_batch(["x" * 100_000] * 3) == 1
    assert model_batch(["Ein Satz."] * 3) == 3
    assert model_batch([""]) == 1


def test_each_stage_changes_only_its_layer_and_the_fields_it_amends(pipeline):
    """A stage fills its own layer and, of the layers before it, only the fields it declares
    in ``amends`` (the actor and the place of an entity) or adds items to a layer it names
    whole (the events layer's inferred parties): a later stage never rewrites what an
    earlier one found."""
    import json
    from importlib import resources

    from lagebild.annotate import LAYER_ORDER

    def seen(document, amends, before=None):
        data = document.model_dump(mode="json")
        for field in amends:
            layer, _, name = field.partition(".")
            if not name and before is not None:  # items added to a layer: the rest as was
                data[layer] = data[layer][:len(before[layer])]
            for item in data[layer]:
                item.pop(name, None)
        return data

    changed: dict[str, set[str]] = {}

    class Watched:
        def __init__(self, inner):
            self.inner, self.name, self.requires = inner, inner.name, inner.requires

        def __call__(self, doc, document, pack):
            before = seen(document, self.inner.amends)
            self.inner(doc, document, pack)
            after = seen(document, self.inner.amends, before)
            changed.setdefault(self.name, set()).update(
                key for key in before if before[key] != after[key])

    watched = Pipeline()
    watched.annotators = [Watched(a) for a in pipeline.annotators]
    demo = resources.files("lagebild.demo").joinpath("articles.jsonl").read_text("utf-8")
    documents = list(watched.pipe(json.loads(line) for line in demo.splitlines()))
    assert {d.lang for d in documents} == {"de", "en"} and all(d.error is None for d in documents)
    assert all(d.events and d.places for d in documents)
    assert changed.keys() == {a.name for a in pipeline.annotators}
    for name, keys in changed.items():
        assert keys <= {name}, f"{name} changed {sorted(keys - {name})}"
    assert set(LAYER_ORDER) >= changed.keys()
