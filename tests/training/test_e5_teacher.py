"""The e5 name tagger's data handling: word labels, first pieces, batches of like length."""

from __future__ import annotations

import random

from training.corpora import Sentence
from training.e5_teacher import IGNORE, LABELS, MAX_PIECES, batches, bio, encode_sentence


class _Pieces:
    """An encoder stand-in: every word is as many pieces as it has letters."""

    bos, eos, unk = 0, 2, 3

    def tokenize(self, word: str) -> list[int]:
        return [10 + ord(ch) % 50 for ch in word]


def test_words_are_labelled_bio_and_missing_ranges_are_ignored():
    sentence = Sentence(["Anna", "Berg", "besuchte", "Köln", "und", "XY"],
                        [(0, 2, "PER"), (3, 4, "LOC")], "own", missing=[(5, 6)])
    tags = bio(sentence)
    assert [LABELS[t] if t != IGNORE else None for t in tags] == [
        "B-PER", "I-PER", "O", "B-LOC", "O", None]


def test_a_word_is_read_by_its_first_piece_and_long_sentences_are_cut():
    ids, firsts = encode_sentence(_Pieces(), ["ab", "c"], {})
    assert ids[0] == _Pieces.bos and ids[-1] == _Pieces.eos and len(ids) == 5
    assert firsts == [1, 3]
    words = ["abcdefghij"] * 20  # 200 pieces: the words past the limit get no piece
    ids, firsts = encode_sentence(_Pieces(), words, {})
    assert len(ids) <= MAX_PIECES + 1
    assert firsts[:15] == list(range(1, 151, 10)) and set(firsts[15:]) == {-1}


def test_batches_hold_sentences_of_like_length_within_the_budget():
    items = [([0] * n, [], []) for n in (5, 50, 6, 48, 7, 52)]
    groups = batches(items, 110, random.Random(0))
    assert sorted(k for g in groups for k in g) == list(range(6))
    for group in groups:
        longest = max(len(items[k][0]) for k in group)
        assert longest * len(group) <= 110
    # the short ones together, the long ones together
    assert {frozenset(g) for g in groups} >= {frozenset({0, 2, 4})}


def test_trigger_words_are_scored_by_type_and_counted_outside_the_lexicon():
    from training.e5_triggers import scores

    examples = [{"words": ["A", "protestierte", "und", "marschierte"],
                 "gold": ["O", "PROTEST", "O", "PROTEST"], "covered": {1}}]
    result = scores(examples, [["O", "PROTEST", "O", "ASSAULT"]])
    # one right, one of the wrong type (a false alarm and a miss at once)
    assert (result["p"], result["r"], result["gold"]) == (0.5, 0.5, 2)
    assert (result["outside_lexicon"], result["outside_found"]) == (1, 0)
