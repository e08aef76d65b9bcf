"""The date of an event: the time expression governing its clause, else the publication day.

Without a parse, a clause is the stretch of the sentence between clause
punctuation (commas, semicolons, colons, dashes, quotes); the nearest DATE or
TIME expression in the trigger's clause governs it. A vague reference
(PRESENT_REF, PAST_REF) dates nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..clauses import clause_of
from ..model import Document, Time

_DATED = re.compile(r"^\d{4}")


@dataclass(frozen=True)
class EventDate:
    value: str | None  # TIMEX3 value: 2022-01-06, 2022-W01-WE, 2022-01-10T19:00
    time: str | None  # id of the Time item it comes from
    inferred: bool  # True when the publication date stands in for a missing expression


def governing_time(document: Document, start: int, end: int) -> Time | None:
    """The DATE/TIME expression of the clause around [start, end), nearest first."""
    sentence = next(((s, e) for s, e in document.sentences if s <= start < e), None)
    if sentence is None:
        return None
    left, right = clause_of(document.text, sentence, start, end)
    candidates = [
        t for t in document.times
        if t.type in ("DATE", "TIME") and _DATED.match(t.value) and left <= t.start
        and t.end <= right and not (t.start < end and start < t.end)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.start - end), abs(start - t.end)))


def event_date(document: Document, start: int, end: int) -> EventDate:
    """The date for an event whose trigger is at [start, end)."""
    time = governing_time(document, start, end)
    if time is not None:
        return EventDate(time.value, time.id, inferred=False)
    published = document.published[:10] if document.published else None
    return EventDate(published, None, inferred=True)
