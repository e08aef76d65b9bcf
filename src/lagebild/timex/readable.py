"""TIMEX3 values as a reader says them: ``2024-03-14TEV`` → ``2024-03-14 evening``.

The value stays in the data (Documents, store, exports); tables and the web page
show this reading. The page's script (serve/static/app.js, ``readableDate``)
mirrors these rules, and a browser test holds the two to the same answers.
"""

from __future__ import annotations

import re

#: parts of a day, weekends, seasons and halves as TIMEX3 writes them
PART_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening",
               "NI": "night", "DT": "daytime"}
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
HALVES = {"H1": "first half", "H2": "second half"}
REFERENCES = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}

_DAY_PART = re.compile(r"(\d{4}-\d{2}-\d{2})T(MO|MI|AF|EV|NI|DT)")
_CLOCK = re.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?")
_TIME_OF_NO_DAY = re.compile(r"T(\d\d:\d\d)")  # a clock time of several days
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_YEAR_PART = re.compile(r"(\d{4})-(SP|SU|FA|WI|H1|H2)")
_DECADE = re.compile(r"(\d{3})")
_CENTURY = re.compile(r"(\d{2})")


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
        number % 10, "th")
    return f"{number}{suffix}"


def readable_date(value: str | None) -> str:
    """The value as words where TIMEX3 abbreviates; a plain date or an unknown form as is."""
    if not value:
        return ""
    if value in REFERENCES:
        return REFERENCES[value]
    if match := _DAY_PART.fullmatch(value):
        return f"{match[1]} {PART_OF_DAY[match[2]]}"
    if match := _CLOCK.fullmatch(value):
        return f"{match[1]} {match[2]}"
    if match := _TIME_OF_NO_DAY.fullmatch(value):
        return match[1]
    if match := _WEEK.fullmatch(value):
        weekend = ", weekend" if match[3] else ""
        return f"{match[1]} week {int(match[2])}{weekend}"
    if match := _YEAR_PART.fullmatch(value):
        return f"{match[1]} {SEASONS.get(match[2]) or HALVES[match[2]]}"
    if match := _DECADE.fullmatch(value):
        return f"{match[1]}0s"
    if match := _CENTURY.fullmatch(value):
        return f"{_ordinal(int(match[1]) + 1)} century"
    return value
