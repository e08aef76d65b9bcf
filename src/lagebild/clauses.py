"""Sentences and clauses by character offsets, shared by the layers that date, place and code.

Without a dependency parse a clause is the stretch of a sentence between the
nearest clause marks (comma, semicolon, colon, dash, brackets, quote marks)
around a span. One definition here keeps the time, place and event layers
reading the same clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

#: A comma between digits is part of a number ("25,000", "2,5 Millionen"), no clause mark;
#: nor are the brackets of an age or a number after a name ("Ali Y. (26) wurde verletzt").
#: Every branch opens with its mark, so the engine skips other characters at once.
CLAUSE_MARKS = re.compile(r"[;:–—\"“”„«»]|\((?!\d{1,3}\))|\)(?<!\(\d\))(?<!\(\d\d\))(?<!\(\d\d\d\))"
                          r"| - |,(?:(?<!\d,)|(?!\d))")
#: Brackets around one short word: a party or an acronym after a name ("Wolfgang Schäuble
#: (CDU) begrüßte"); no clause mark where a caller asks so (the German event roles).
SHORT_BRACKETS = re.compile(r"\([^()\s]{1,12}\)")
#: Quote marks around a few words without punctuation: a scare quote or a name inside the
#: clause ("hat mit einer „harten Antwort“ gedroht"), no clause mark where a caller asks so.
#: Each style of marks pairs with its own; straight marks only where no letter touches
#: them from outside, so that a closing mark never opens the next stretch.
SHORT_QUOTES = re.compile(r"„[^„“”\"«»,.;:!?()\n]{1,40}[“”]|«[^„“”\"«»,.;:!?()\n]{1,40}»"
                          r"|»[^„“”\"«»,.;:!?()\n]{1,40}«|“[^„“”\"«»,.;:!?()\n]{1,40}”"
                          r"|(?<!\w)\"[^„“”\"«»,.;:!?()\n]{1,40}\"(?!\w)")
#: at most this many words between short quote marks
SHORT_QUOTE_WORDS = 4


def sentence_of(sentences: list[tuple[int, int]], start: int, end: int,
                text_length: int) -> tuple[int, int]:
    """The sentence that holds (the start of) a span; the whole text when none does."""
    for s_start, s_end in sentences:
        if s_start <= start < s_end or s_start < end <= s_end:
            return s_start, s_end
    return 0, text_length


@lru_cache(maxsize=8)
def _marks(text: str, join_short_brackets: bool = False,
           join_short_quotes: bool = False) -> tuple[list[int], list[int]]:
    """Starts and ends of the clause marks of a text, found once per text (the layers
    ask for the clause of every trigger, place and time)."""
    short = {i for m in SHORT_BRACKETS.finditer(text) for i in (m.start(), m.end() - 1)} \
        if join_short_brackets else set()
    if join_short_quotes:
        short.update(i for m in SHORT_QUOTES.finditer(text)
                     if len(m.group().split()) <= SHORT_QUOTE_WORDS
                     for i in (m.start(), m.end() - 1))
    starts, ends = [], []
    for mark in CLAUSE_MARKS.finditer(text):
        if mark.start() not in short:
            starts.append(mark.start())
            ends.append(mark.end())
    return starts, ends


def clause_of(text: str, sentence: tuple[int, int], start: int, end: int,
              join_short_brackets: bool = False,
              join_short_quotes: bool = False) -> tuple[int, int]:
    """The stretch of the sentence between the clause marks nearest around [start, end);
    with ``join_short_brackets``, across brackets around one short word, with
    ``join_short_quotes``, across quote marks around a few words."""
    left, right = sentence
    starts, ends = _marks(text, join_short_brackets, join_short_quotes)
    before = bisect_right(ends, start) - 1  # the last mark ending at or before the span
    if before >= 0 and starts[before] >= sentence[0]:
        left = max(left, ends[before])
    after = bisect_left(starts, end)  # the first mark starting at or after its end
    if after < len(starts) and ends[after] <= sentence[1]:
        right = starts[after]
    return left, right
