"""English time expressions, anchored on a Monday (2022-01-10)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from lagebild.lang import get_pack
from lagebild.timex import time_tagger

MONDAY = date(2022, 1, 10)


def one(text: str, anchor: date = MONDAY):
    found = time_tagger(get_pack("en")).tag(text, [(0, len(text))], anchor)
    assert len(found) == 1, [(m.text, m.value) for m in found]
    return found[0]


@pytest.mark.parametrize("text,expression,type_,value,mod", [
    ("Troops arrived on January 6.", "January 6", "DATE", "2022-01-06", None),
    ("The deal was signed on Jan. 6, 2022 in Geneva.", "Jan. 6, 2022", "DATE", "2022-01-06",
     None),
    ("The talks began on 6 January 2022.", "6 January 2022", "DATE", "2022-01-06", None),
    ("Protesters gathered on Sunday.", "Sunday", "DATE", "2022-01-09", None),
    ("The minister will travel on Sunday.", "Sunday", "DATE", "2022-01-16", None),
    ("Police said yesterday that two men were held.", "yesterday", "DATE", "2022-01-09", None),
    ("The summit is planned for next week.", "next week", "DATE", "2022-W03", None),
    ("Prices rose last year.", "last year", "DATE", "2021", None),
    ("The attack happened three days ago.", "three days ago", "DATE", "2022-01-07", None),
    ("The unrest has lasted for more than a week.", "more than a week", "DURATION", "P1W",
     "MORE_THAN"),
    ("The ceasefire held for two months.", "two months", "DURATION", "P2M", None),
    ("The council meets every Monday.", "every Monday", "SET", "XXXX-WXX-1", None),
    ("The paper is published weekly.", "weekly", "SET", "P1W", None),
    ("The curfew starts at 7 p.m.", "7 p.m.", "TIME", "2022-01-10T19:00", None),
    ("Growth slowed in the third quarter.", "the third quarter", "DATE", "2021-Q3", None),
    ("Growth will slow in the third quarter.", "the third quarter", "DATE", "2022-Q3", None),
    ("The war began in 2014.", "2014", "DATE", "2014", None),
    ("The situation is calm now.", "now", "DATE", "PRESENT_REF", None),
])
def test_expression_and_value(text, expression, type_, value, mod):
    match = one(text)
    assert (match.text, match.type, match.value, match.mod) == (expression, type_, value, mod)


def test_ages_and_counts_are_not_times():
    assert time_tagger(get_pack("en")).tag("A 6-year-old and 2500 soldiers.", [(0, 31)],
                                          MONDAY) == []


NOVEMBER = date(2022, 11, 2)  # a Wednesday in the fourth quarter


def tag_all(text: str, anchor: date = NOVEMBER):
    sentences, start = [], 0
    for gap in re.finditer(r"(?<=[a-z]{3}\.)\s+(?=[A-Z])", text):
        sentences.append((start, gap.start()))
        start = gap.end()
    sentences.append((start, len(text)))
    return [(m.text, m.type, m.value) for m in
            time_tagger(get_pack("en")).tag(text, sentences, anchor)]


def test_a_quarterly_report_refers_back_to_its_quarter():
    text = ("Widgetco posted a third-quarter loss. In the year-ago quarter it earned $2 million. "
            "Sales fell from a year earlier. The quarter was hard, the chief said.")
    assert tag_all(text) == [
        ("third-quarter", "DATE", "2022-Q3"),
        ("the year-ago quarter", "DATE", "2021-Q3"),
        ("a year earlier", "DATE", "2021-Q3"),
        ("The quarter", "DATE", "2022-Q3"),
    ]


def test_quarters_without_a_named_one():
    assert tag_all("Profit rose in the latest quarter.") == [
        ("the latest quarter", "DATE", "2022-Q3")]
    assert tag_all("Costs are rising this quarter.") == [("this quarter", "DATE", "2022-Q4")]
    assert tag_all("Prices rose a year ago.") == [("a year ago", "DATE", "2021")]
    assert tag_all("Net rose in the 2021 second quarter.") == [
        ("the 2021 second quarter", "DATE", "2021-Q2")]
    assert tag_all("Orders will pick up in the second half.") == [
        ("the second half", "DATE", "2022-H2")]


@pytest.mark.parametrize("text,expected", [
    ("The plan was approved last April.", ("last April", "DATE", "2022-04")),
    ("The mine closed last December.", ("last December", "DATE", "2021-12")),
    ("Elections are due next March.", ("next March", "DATE", "2023-03")),
    ("October's figures were weak.", ("October", "DATE", "2022-10")),
    ("The offer was extended to Dec. 15.", ("Dec. 15", "DATE", "2022-12-15")),
    ("He stepped down in March.", ("March", "DATE", "2022-03")),
    ("Profit rose 4% for the nine months.", ("the nine months", "DURATION", "P9M")),
    ("Talks stalled over the past few weeks.", ("the past few weeks", "DURATION", "PXW")),
    ("Rates may fall in coming months.", ("coming months", "DURATION", "PXM")),
    ("Both sides signed after the eight-year war.", ("eight-year", "DURATION", "P8Y")),
    ("The talks could take a couple of years.", ("a couple of years", "DURATION", "P2Y")),
    ("Unemployment is at its lowest in two decades.", ("two decades", "DURATION", "P20Y")),
    ("He left after a several-year tenure.", ("several-year", "DURATION", "PXY")),
    ("Waiting lists grew over the years.", ("the years", "DURATION", "PXY")),
    ("The party broke with the past.", ("the past", "DATE", "PAST_REF")),
    ("Lawyers ended their day-long meeting.", ("day-long", "DURATION", "P1D")),
    ("The games were held in nineteen ninety-six.", ("nineteen ninety-six", "DATE", "1996")),
    ("The company expects a loss for the full year.", ("the full year", "DATE", "2022")),
    ("Offices were closed over the weekend.", ("weekend", "DATE", "2022-W43-WE")),
    ("The offer expires at 5 p.m. EST Nov. 9.", ("5 p.m. EST Nov. 9", "TIME",
                                                 "2022-11-09T17:00")),
    ("Negotiations broke off at noon Monday.", ("noon Monday", "TIME", "2022-10-31T12:00")),
    ("The index is up 2% from Monday.", ("Monday", "DATE", "2022-10-31")),
    ("Voters go to the polls on Election Day.", ("Election Day", "DATE", "2022-11-08")),
    ("The ceasefire began at Easter 2022.", ("Easter 2022", "DATE", "2022-04-17")),
    ("Pilgrims arrived during Easter week 2022.", ("Easter week 2022", "DATE",
                                                    "2022-W15")),
    ("The troops stay for two more weeks.", ("two more weeks", "DURATION", "P2W")),
    ("The loan may run for an additional year.", ("an additional year", "DURATION", "P1Y")),
    ("Average hourly earnings rose.", ("hourly", "SET", "PT1H")),
    ("The stock hit a high for the year.", ("the year", "DATE", "2022")),
    ("Rains delayed planting earlier in the year.", ("earlier in the year", "DATE", "2022")),
    ("Acme said Monday that it intends to bid.", ("Monday", "DATE", "2022-10-31")),
    ("He said he will travel to Kyiv on Friday.", ("Friday", "DATE", "2022-11-04")),
    ("The mayor said the team would arrive Thursday.", ("Thursday", "DATE", "2022-11-03")),
    ("The chain shut its stores this past spring.", ("this past spring", "DATE", "2022-SP")),
    ("Sales will rise in the current fiscal year.", ("the current fiscal year", "DATE",
                                                     "2022")),
])
def test_english_value_rules(text, expected):
    assert tag_all(text) == [expected]


def test_the_year_ended_is_a_length():
    assert tag_all("Sales for the year ended March 31 rose.") == [
        ("year", "DURATION", "P1Y"), ("March 31", "DATE", "2022-03-31")]


@pytest.mark.parametrize("text", [
    "The bonds pay $1.76 a year.",
    "The country imports about three-quarters of its food.",
    "A second group of soldiers crossed.",
    "It was one of the great inventions of the past century.",
])
def test_rates_and_fractions_are_not_durations(text):
    assert tag_all(text) == []


def test_last_month_name_skips_the_month_just_gone():
    assert tag_all("The helicopters crashed last February.", date(2022, 3, 1)) == [
        ("last February", "DATE", "2021-02")]


def test_that_year_and_the_following_year_follow_the_date_named_last():
    text = ("On May 22, 1995, Smith was made a general. The following year he flew to space. "
            "He retired that year.")
    assert tag_all(text) == [
        ("May 22, 1995", "DATE", "1995-05-22"),
        ("The following year", "DATE", "1996"),
        ("that year", "DATE", "1996"),
    ]


def test_holidays_fall_in_the_year_the_tense_points_to():
    assert tag_all("The boy was rescued on Thanksgiving Day.", MONDAY) == [
        ("Thanksgiving Day", "DATE", "2021-11-25")]
    assert tag_all("Shops will close early on Christmas Eve.", NOVEMBER) == [
        ("Christmas Eve", "DATE", "2022-12-24")]


@pytest.mark.parametrize("text,anchor,expected", [
    ("The ratification process began in February.", date(2022, 9, 1),
     ("February", "DATE", "2022-02")),
    ("Collins will be named commander for a mission in December.", date(2022, 3, 4),
     ("December", "DATE", "2022-12")),
    ("Police found new evidence in the October shooting.", NOVEMBER,
     ("October", "DATE", "2022-10")),
    ("The talks are supposed to conclude by May.", date(2022, 3, 22),
     ("May", "DATE", "2022-05")),
    ("The bank announced the plan Aug. 21.", date(2022, 10, 27),
     ("Aug. 21", "DATE", "2022-08-21")),
    ("Ms. Lee will succeed him Feb. 1.", date(2022, 10, 26), ("Feb. 1", "DATE", "2023-02-01")),
])
def test_month_names_and_the_tense_of_irregular_and_passive_verbs(text, anchor, expected):
    assert tag_all(text, anchor) == [expected]


def test_may_as_a_verb_is_no_month():
    assert tag_all("Prices may rise.") == []


def test_a_clock_time_of_several_days_has_no_one_day():
    found = time_tagger(get_pack("en")).tag(
        "The shows run on May 3 and May 4, each at 8 p.m.", [(0, 48)], MONDAY)
    assert [m.value for m in found if m.type == "TIME"] == ["T20:00"]
