"""Sentences and clauses by character offsets, shared by the layers that date, place and code.

Without a dependency parse a clause is the stretch of a sentence between the
nearest clause marks (comma, semicolon, colon, dash, brackets, quote marks)
around a span. One definition here keeps the time, place and event layers
reading the same clause.
"""

from __future__ import annotations

import re

#: A comma between digits is part of a number ("25,000", "2,5 Millionen"), no clause mark.
CLAUSE_MARKS = re.compile(r"[;:–—\"“”„«»()]| - |(?<!\d),|,(?!\d)")


def sentence_of(sentences: list[tuple[int, int]], start: int, end: int,
                text_length: int) -> tuple[int, int]:
    """The sentence that holds (the start of) a span; the whole text when none does."""
    for s_start, s_end in sentences:
        if s_start <= start < s_end or s_start < end <= s_end:
            return s_start, s_end
    return 0, text_length


def clause_of(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The stretch of the sentence between the clause marks nearest around [start, end)."""
    left, right = sentence
    for mark in CLAUSE_MARKS.finditer(text, sentence[0], sentence[1]):
        if mark.end() <= start:
            left = mark.end()
        elif mark.start() >= end:
            right = mark.start()
            break
    return left, right
