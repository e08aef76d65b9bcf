"""Exact-span NER scoring: hand-built gold/pred examples with known P/R/F1."""

from pathlib import Path

import pytest

from lagebild.evaluate.ner import (
    bio_to_spans,
    evaluate_conll,
    map_label,
    read_conll,
    score_spans,
)
from tests.conftest import SHARED, missing_data

GERMEVAL = SHARED / "data" / "germeval2014" / "NER-de-dev.tsv"


def test_map_label_follows_germeval_conventions():
    assert map_label("PER") == "PER"
    assert map_label("OTH") == "MISC"
    assert map_label("LOCderiv") is None
    assert map_label("ORGpart") is None
    assert map_label("DATE") is None


def test_bio_to_spans_handles_iob1_and_type_changes():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-ORG", "B-LOCderiv", "B-OTH", "I-OTH"]
    assert bio_to_spans(tags) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (6, 8, "MISC")]
    assert bio_to_spans(["B-PER", "B-PER", "I-PER"]) == [(0, 1, "PER"), (1, 3, "PER")]


def test_score_spans_exact_values():
    gold = [[(0, 2, "PER"), (3, 4, "LOC")], [(1, 3, "ORG"), (5, 6, "MISC")]]
    pred = [[(0, 2, "PER"), (3, 4, "ORG")], [(1, 3, "ORG"), (5, 7, "MISC"), (8, 9, "PER")]]
    scores = score_spans(gold, pred)
    per, loc, org, misc = (scores.per_label[k] for k in ("PER", "LOC", "ORG", "MISC"))
    assert (per.tp, per.fp, per.fn) == (1, 1, 0)
    assert per.precision == pytest.approx(0.5) and per.recall == 1.0
    assert per.f1 == pytest.approx(2 / 3)
    assert (loc.precision, loc.recall, loc.f1) == (0.0, 0.0, 0.0)
    assert (org.tp, org.fp, org.fn) == (1, 1, 0)
    assert org.f1 == pytest.approx(2 / 3)
    assert (misc.tp, misc.fp, misc.fn) == (0, 1, 1)
    # all labels: tp 2, fp 3, fn 2
    assert scores.micro.precision == pytest.approx(2 / 5)
    assert scores.micro.recall == pytest.approx(2 / 4)
    assert scores.micro.f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    # PER/LOC/ORG only: tp 2, fp 2, fn 1
    assert scores.micro_core.precision == pytest.approx(0.5)
    assert scores.micro_core.recall == pytest.approx(2 / 3)
    assert scores.micro_core.f1 == pytest.approx(4 / 7)
    assert scores.sentences == 2


def test_score_spans_empty_is_zero_not_error():
    scores = score_spans([[]], [[]])
    assert scores.micro.f1 == 0.0
    assert scores.to_dict()["micro"]["tp"] == 0


class _FakeNlp:
    """Tags any capitalised token as PER except ``Berlin`` (LOC), one token per entity."""

    def __init__(self):
        import spacy

        self.vocab = spacy.blank("de").vocab
        self.pipeline = [("fake", self._tag)]

    @staticmethod
    def _tag(doc):
        from spacy.tokens import Span

        ents = [Span(doc, t.i, t.i + 1, "LOC" if t.text == "Berlin" else "PER")
                for t in doc if t.text[:1].isupper() and t.i > 0]
        doc.ents = ents
        return doc


def test_evaluate_conll_on_germeval_style_file(tmp_path):
    path = tmp_path / "mini.tsv"
    path.write_text(
        "#\thttp://example.org\t[2010-01-01]\n"
        "1\tDann\tO\tO\n2\tkam\tO\tO\n3\tAngela\tB-PER\tO\n4\tMerkel\tI-PER\tO\n"
        "5\tnach\tO\tO\n6\tBerlin\tB-LOC\tO\n\n"
        "#\thttp://example.org\t[2010-01-02]\n"
        "1\tDie\tO\tO\n2\tdeutsche\tB-LOCderiv\tO\n3\tPolizei\tO\tO\n4\tin\tO\tO\n"
        "5\tBonn\tB-LOC\tO\n\n",
        encoding="utf-8",
    )
    assert [len(s.words) for s in read_conll(path)] == [6, 5]
    scores = evaluate_conll(path, _FakeNlp())
    # predicted: Angela/PER, Merkel/PER, Berlin/LOC ; Polizei/PER, Bonn/PER
    assert scores.per_label["LOC"].tp == 1 and scores.per_label["LOC"].fn == 1
    assert scores.per_label["PER"].fp == 4 and scores.per_label["PER"].fn == 1
    assert scores.micro_core.precision == pytest.approx(1 / 5)
    assert scores.micro_core.recall == pytest.approx(1 / 3)
    only_second = evaluate_conll(path, _FakeNlp(), select=slice(1, 2))
    assert only_second.sentences == 1 and only_second.tokens == 5


def test_read_conll_plain_two_column(tmp_path):
    path = tmp_path / "mini.conll"
    path.write_text("-DOCSTART- O\n\nEU B-ORG\nund O\n5 O\n\nX I-PER\n", encoding="utf-8")
    sentences = read_conll(path)
    assert [s.words for s in sentences] == [["EU", "und", "5"], ["X"]]
    assert bio_to_spans(sentences[0].tags) == [(0, 1, "ORG")]


def test_germeval_dev_file_reads_as_2200_sentences():
    missing_data(GERMEVAL)
    sentences = read_conll(GERMEVAL)
    assert len(sentences) == 2200
    assert sum(len(s.words) for s in sentences) == 41653


ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "src" / "lagebild" / "lang" / "de" / "model"


@pytest.mark.slow
def test_shipped_model_alone_scores_what_the_docs_say():
    """docs/models.md states the fast model's own held-out F1 (the gate checks the figures
    as lagebild runs it); a model shipped without its figure fails here."""
    missing_data(GERMEVAL)
    import re

    import spacy

    docs = (ROOT / "docs" / "models.md").read_text(encoding="utf-8")
    stated = re.search(r"The fast model alone:.*?PER\+LOC\+ORG P [\d.]+, R [\d.]+, "
                       r"\*\*F1 (\d\.\d{3})\*\*", docs, re.S)
    assert stated, "docs/models.md no longer states the fast model's own F1"
    scores = evaluate_conll(GERMEVAL, spacy.load(MODEL), select=slice(1700, 2200))
    assert scores.sentences == 500
    assert f"{scores.micro_core.f1:.3f}" == stated.group(1)


def test_read_conll_takes_the_tag_column_before_a_column_of_zeros(tmp_path):
    path = tmp_path / "valid.txt"
    path.write_text("Anna B-PER 0\nLinde I-PER 0\nspoke O 0\n\nin O 0\nOslo B-LOC 0\n",
                    encoding="utf-8")
    sentences = read_conll(path)
    assert [s.tags for s in sentences] == [["B-PER", "I-PER", "O"], ["O", "B-LOC"]]


def test_conll_en_scores_by_part(tmp_path, monkeypatch):
    import spacy

    from lagebild.evaluate import ner

    path = tmp_path / "valid.txt"
    path.write_text("Oslo B-LOC 0\nwaits O 0\n\nAnna B-PER 0\nspoke O 0\n\nBergen B-LOC 0\n",
                    encoding="utf-8")
    monkeypatch.setitem(ner.CONLL_EN_PARTS, "tuned", slice(0, 1))
    monkeypatch.setitem(ner.CONLL_EN_PARTS, "held-out", slice(1, 3))
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "LOC", "pattern": "Oslo"},
                                               {"label": "LOC", "pattern": "Bergen"}])
    results = ner.conll_en_scores(nlp, path)
    assert results["tuned"].micro_core.f1 == 1.0
    held = results["held-out"]
    assert (held.micro_core.tp, held.micro_core.fn, held.micro_core.fp) == (1, 1, 0)
    assert results["all"].micro_core.tp == 2 and results["all"].sentences == 3
