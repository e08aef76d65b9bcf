"""Fuzzing the input boundary: random and hostile records through ``read_jsonl`` and the
Pipeline, and random bodies through ``POST /articles``'s parser. Whatever a record holds,
the output has one record per input line, in order, with the good records unchanged and
no exception escaping. About 1,000 records per run, bounded to some 20 seconds."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lagebild.errors import RequestError
from lagebild.ingest.jsonl import read_jsonl
from lagebild.serve.app import parse_body

GOOD_TEXTS = [
    "Die Polizei nahm am Montag in Berlin zwei Männer fest.",
    "Police arrested 12 protesters in Paris on Monday.",
    "Der Außenminister traf am Dienstag seinen Amtskollegen in Wien.",
]
#: Characters a hostile text is made of: every plane, lone surrogates and controls too.
ANY_CHAR = st.characters(codec=None, categories=None)

values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(ANY_CHAR, max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                 max_size=3),
    max_leaves=8)

hostile_record = st.one_of(
    st.fixed_dictionaries({"id": st.text(ANY_CHAR, max_size=8),
                           "text": st.text(ANY_CHAR, max_size=120)},
                          optional={"published": values, "lang": values, "title": values,
                                    "url": values}),
    st.dictionaries(st.sampled_from(["id", "text", "published", "lang", "warnings", "x"]),
                    values, max_size=4),
    values,
)
#: Texts of real words with hostile characters, brackets and runs between them, so that
#: language identification passes and every layer sees them.
WORDS = sorted({w for text in GOOD_TEXTS for w in text.split()})
hostile_text = st.lists(st.one_of(
    st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(WORDS),
    st.text(ANY_CHAR, min_size=1, max_size=4),
    st.sampled_from(["\ud800", "\x00", "\udfff", "((((", "))", "\u200b", "\n\n", "\t", "\u202e",
                     "12.000", "9999-12-31", "\"", "„", "1e400", "-" * 50])),
    min_size=3, max_size=40).map(" ".join)
valid_record = st.fixed_dictionaries(
    {"id": st.text(ANY_CHAR, min_size=1, max_size=8), "text": hostile_text},
    optional={"published": st.sampled_from(["2024-01-05", "1999-12-31T23:59:59Z", "9999-12-31",
                                            "0001-01-01", "", "gestern"])})

hostile_line = st.one_of(
    valid_record.map(lambda r: json.dumps(r, ensure_ascii=True)),
    valid_record.map(lambda r: json.dumps(r, ensure_ascii=True)),
    hostile_record.map(lambda r: json.dumps(r, ensure_ascii=True)),  # \udXXX escapes as well
    st.text(ANY_CHAR.filter(lambda c: c not in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"),
            min_size=1, max_size=80),
    st.integers(1, 3000).map(lambda n: "[" * n + "]" * n),
    st.integers(4301, 6000).map(lambda n: '{"id": ' + "7" * n + ', "text": "x"}'),
    st.sampled_from(["{", '{"text": "a"', "\ufeff{}", "\x00", '{"published": "9999-12-31", '
                     '"text": "Die Polizei nahm ihn fest."}']),
)
good_line = st.sampled_from(range(len(GOOD_TEXTS)))
line = st.one_of(good_line, hostile_line)


@pytest.fixture(scope="module")
def reference(pipeline):
    """Each good record analysed alone: what it must come out as among hostile ones."""
    return [pipeline({"id": f"good-{n}", "text": text}).to_dict()
            for n, text in enumerate(GOOD_TEXTS)]


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(st.lists(line, min_size=15, max_size=40))
def test_every_record_comes_out_once_in_order(pipeline, reference, lines):
    text_lines = [json.dumps({"id": f"good-{item}", "text": GOOD_TEXTS[item]})
                  if isinstance(item, int) else item for item in lines]
    kept = [(number, item) for number, (item, raw) in enumerate(zip(lines, text_lines,
                                                                    strict=True), start=1)
            if raw.strip()]
    docs = list(pipeline.pipe(read_jsonl(text_lines, "fuzz"), batch_size=16))
    assert len(docs) == len(kept)
    for doc, (number, item) in zip(docs, kept, strict=True):
        record = doc.to_dict()  # every output record can be written
        json.loads(doc.to_json())
        if isinstance(item, int):
            assert record == reference[item]
        else:
            assert doc.error is None or doc.error.startswith("[L1") or doc.error.startswith(
                "[L2"), doc.error  # an input or language error, never a crashed layer
            assert doc.id  # the record's own id, or where it was
            if doc.error and doc.error.startswith("[L103]"):
                assert doc.id == f"fuzz:{number}" or f"fuzz:{number}:" in doc.error


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.one_of(st.lists(hostile_record, max_size=5).map(json.dumps),
                 hostile_line, st.binary(max_size=60).map(lambda b: b.decode("latin-1"))))
def test_post_bodies_are_articles_or_request_errors(body):
    try:
        articles = parse_body(body.encode("utf-8", errors="surrogatepass"))
    except RequestError as exc:
        assert exc.code == "L500" and exc.message
        return
    value = json.loads(body)
    assert len(articles) == (len(value) if isinstance(value, list) else 1)
    for article in articles:
        article.model_dump_json()  # what cannot be encoded was cleaned


def _sharing_models(pipeline, **config):
    """A Pipeline with other bounds that uses the loaded models of ``pipeline``."""
    from lagebild import Pipeline

    other = Pipeline(config)
    other._nlp = pipeline._nlp
    return other


def test_an_article_over_the_time_limit_is_one_error_record(pipeline):
    quick = _sharing_models(pipeline, max_seconds=0.2)
    articles = [{"id": "a", "text": GOOD_TEXTS[0]}, {"id": "slow", "text": GOOD_TEXTS[0] * 2000},
                {"id": "b", "text": GOOD_TEXTS[1]}]
    docs = list(quick.pipe(articles))
    assert [d.id for d in docs] == ["a", "slow", "b"]
    assert docs[1].error == "[L601] analysis took longer than 0.2 s" and not docs[1].events
    assert docs[0].error is None and docs[0].events and docs[2].error is None


def test_runs_without_whitespace_are_broken_and_long_texts_cut(pipeline):
    bounded = _sharing_models(pipeline, max_run_chars=100, max_chars=5_000)
    doc = bounded({"id": "p", "text": GOOD_TEXTS[0] + " " + "(" * 1000 + "x" + ")" * 1000})
    assert doc.error is None and doc.events
    assert max(len(word) for word in doc.text.split()) == 100
    assert doc.warnings == [
        "1 run of more than 100 characters without whitespace broken by spaces"]
    doc = bounded({"id": "q", "text": GOOD_TEXTS[0] * 200})
    assert len(doc.text) == 5_000 and doc.warnings[0].endswith("cut to 5,000")
