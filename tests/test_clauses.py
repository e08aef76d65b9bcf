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


def test_quote_marks_around_a_few_words_join_where_asked():
    text = "Der Staat hat mit einer „harten Antwort“ gedroht, sagte er."
    start = text.index("gedroht")
    assert text[slice(*clause_of(text, (0, len(text)), start, start + 7))] == " gedroht"
    left, right = clause_of(text, (0, len(text)), start, start + 7, False, True)
    assert text[left:right] == "Der Staat hat mit einer „harten Antwort“ gedroht"
    # a quote of a whole sentence still cuts its clause
    said = "Er sagte: „Wir werden die Stadt nicht verlassen, niemals“ und ging."
    start = said.index("ging")
    assert said[slice(*clause_of(said, (0, len(said)), start, start + 4, False, True))] \
        == " und ging."


def test_clause_marks_of_numbers_and_brackets():
    """Which commas, brackets and dashes cut: not those of numbers and ages."""
    from lagebild.clauses import CLAUSE_MARKS

    def marks(text: str) -> list[str]:
        return [m.group() for m in CLAUSE_MARKS.finditer(text)]

    assert marks("2,5 Millionen und 25,000 Menschen") == []
    assert marks("Im Jahr 2020, als 3,5 Prozent") == [","]  # after a number, before a word
    assert marks("kamen drei ,4 Tage") == [","]  # before a number, after a word
    assert marks("Ali Y. (26) und Bea (1234) - dann: Ende; „Zitat“") == [
        "(", ")", " - ", ":", ";", "„", "“"]
