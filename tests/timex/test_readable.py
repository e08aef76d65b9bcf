"""TIMEX3 values as words for tables and the page; the value itself stays in the data."""

import pytest

from lagebild.timex.readable import readable_date


@pytest.mark.parametrize(("value", "words"), [
    ("2024-03-14", "2024-03-14"),
    ("2024-03-14TEV", "2024-03-14 evening"),
    ("2024-03-14TNI", "2024-03-14 night"),
    ("2024-03-14T18:45", "2024-03-14 18:45"),
    ("T20:00", "20:00"),
    ("2023-W21-WE", "2023 week 21, weekend"),
    ("2023-W05", "2023 week 5"),
    ("1998-FA", "1998 autumn"),
    ("2010-H2", "2010 second half"),
    ("199", "1990s"),
    ("19", "20th century"),
    ("20", "21st century"),
    ("FUTURE_REF", "the future"),
    ("2024-Q1", "2024-Q1"),
    ("P2W", "P2W"),
    (None, ""),
])
def test_readable_date(value, words):
    assert readable_date(value) == words
