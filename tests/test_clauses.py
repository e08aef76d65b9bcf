"""Clauses by character offsets: the marks that cut them, and the brackets that need not."""

from __future__ import annotations

from lagebild.clauses import clause_of

TEXT = "Wolfgang Schäuble (CDU) begrüßte den Plan, Ali Y. (26) schwieg."


def _clause(word: str, join: bool = False) -> str:
    start = TEXT.index(word)
    left, right = clause_of(TEXT, (0, len(TEXT)), start, start + len(word), join)
    return TEXT[left:right].strip()


def test_brackets_cut_a_clause_but_an_age_s_do_not():
    assert _clause("begrüßte") == "begrüßte den Plan"
    assert _clause("schwieg") == "Ali Y. (26) schwieg."


def test_brackets_around_one_short_word_join_where_asked():
    assert _clause("begrüßte", join=True) == "Wolfgang Schäuble (CDU) begrüßte den Plan"
    assert _clause("Plan", join=True) == _clause("begrüßte", join=True)
