"""English time expressions, anchored on a Monday (2022-01-10)."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.lang import get_pack

MONDAY = date(2022, 1, 10)


def one(text: str, anchor: date = MONDAY):
    found = get_pack("en").time_tagger.tag(text, [(0, len(text))], anchor)
    assert len(found) == 1, [(m.text, m.value) for m in found]
    return found[0]


@pytest.mark.parametrize("text,expression,type_,value,mod", [
    ("Troops arrived on January 6.", "on January 6", "DATE", "2022-01-06", None),
    ("The deal was signed on Jan. 6, 2022 in Geneva.", "on Jan. 6, 2022", "DATE", "2022-01-06",
     None),
    ("The talks began on 6 January 2022.", "on 6 January 2022", "DATE", "2022-01-06", None),
    ("Protesters gathered on Sunday.", "on Sunday", "DATE", "2022-01-09", None),
    ("The minister will travel on Sunday.", "on Sunday", "DATE", "2022-01-16", None),
    ("Police said yesterday that two men were held.", "yesterday", "DATE", "2022-01-09", None),
    ("The summit is planned for next week.", "next week", "DATE", "2022-W03", None),
    ("Prices rose last year.", "last year", "DATE", "2021", None),
    ("The attack happened three days ago.", "three days ago", "DATE", "2022-01-07", None),
    ("The unrest has lasted for more than a week.", "more than a week", "DURATION", "P1W",
     "MORE_THAN"),
    ("The ceasefire held for two months.", "two months", "DURATION", "P2M", None),
    ("The council meets every Monday.", "every Monday", "SET", "XXXX-WXX-1", None),
    ("The paper is published weekly.", "weekly", "SET", "P1W", None),
    ("The curfew starts at 7 p.m.", "at 7 p.m.", "TIME", "2022-01-10T19:00", None),
    ("Growth slowed in the third quarter.", "in the third quarter", "DATE", "2022-Q3", None),
    ("The war began in 2014.", "in 2014", "DATE", "2014", None),
    ("The situation is calm now.", "now", "DATE", "PRESENT_REF", None),
])
def test_expression_and_value(text, expression, type_, value, mod):
    match = one(text)
    assert (match.text, match.type, match.value, match.mod) == (expression, type_, value, mod)


def test_ages_and_counts_are_not_times():
    assert get_pack("en").time_tagger.tag("A 6-year-old and 2500 soldiers.", [(0, 31)],
                                          MONDAY) == []
