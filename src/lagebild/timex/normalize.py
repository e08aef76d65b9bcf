"""TIMEX3 values from matched words: language-neutral arithmetic on the anchor date.

Each normaliser takes the groups a rule captured (already looked up in the
language's vocabularies) and the context (anchor date, tense of the clause)
and returns ``(value, mod)``, or None when the match is not a time after all.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

Tense = Literal["past", "present", "future"]
Result = tuple[str, str | None] | None

SEASONS = {"SP", "SU", "FA", "WI"}


@dataclass(frozen=True)
class Context:
    """What a value is computed against: the article's date, the clause's tense, and
    ``reference``, the last full date the text named (clock times belong to it)."""

    anchor: date | None
    tense: Tense = "past"
    reference: date | None = None
    previous: date | None = None  # the last full date of the sentence before

    @property
    def day(self) -> date | None:
        return self.reference or self.anchor


def day_value(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def shift(d: date, amount: int, unit: str) -> date:
    """The anchor moved by ``amount`` units (D, W, M, Y, WE, Q, H, MIN, S)."""
    if unit in ("D",):
        return d + timedelta(days=amount)
    if unit in ("W", "WE"):
        return d + timedelta(weeks=amount)
    if unit == "M":
        return add_months(d, amount)
    if unit == "Q":
        return add_months(d, 3 * amount)
    if unit in ("Y", "DE", "CE"):
        factor = {"Y": 1, "DE": 10, "CE": 100}[unit]
        return add_months(d, 12 * factor * amount)
    return d


def value_at(d: date, unit: str) -> str:
    """The anchor-relative date at the granularity of a unit."""
    if unit in ("H", "MIN", "S", "D"):
        return day_value(d)
    if unit == "W":
        return week_value(d)
    if unit == "WE":
        return week_value(d) + "-WE"
    if unit == "M":
        return month_value(d.year, d.month)
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


def _year(groups: dict) -> int | None:
    if groups.get("year"):
        return int(groups["year"])
    if groups.get("year2"):
        short = int(groups["year2"])
        return 2000 + short if short < 50 else 1900 + short
    return None


def _infer_year(ctx: Context, month: int, day: int | None = None) -> int | None:
    """The year that puts a month (and day) nearest the anchor, leaning with the tense."""
    if ctx.anchor is None:
        return None
    anchor = ctx.anchor
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        last = calendar.monthrange(year, month)[1]
        candidates.append((year, date(year, month, min(day or 15, last))))
    same = candidates[1][1]
    if ctx.tense == "past":
        return anchor.year - 1 if same > anchor + timedelta(days=7 if day else 45) else anchor.year
    if ctx.tense == "future":
        return anchor.year + 1 if same < anchor - timedelta(days=7 if day else 45) else anchor.year
    return min(candidates, key=lambda c: abs((c[1] - anchor).days))[0]


def _count(groups: dict, lookup) -> float | None:
    raw = groups.get("num")
    if raw is None:
        return None
    word = lookup("number", raw)
    if word is not None:
        return float(word)
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        return None


def _number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _part_mod(groups: dict, lookup, params: dict) -> str | None:
    return lookup("part", groups.get("part")) or lookup("qual", groups.get("qual")) or params.get(
        "mod"
    )


# -- normalisers ----------------------------------------------------------------


def norm_literal(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """A fixed value: PRESENT_REF, P1D for "täglich", XXXX-WXX-1 for "jeden Montag"."""
    value = params["value"]
    weekday = lookup("weekday", groups.get("weekday"))
    if weekday is not None:
        value = value.replace("{weekday}", str(weekday))
    return value, params.get("mod")


def norm_anchor_day(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """Today-like words: heute, today; with a daypart: heute Abend."""
    if ctx.anchor is None:
        return "PRESENT_REF", None
    value = day_value(ctx.anchor)
    part = lookup("daypart", groups.get("daypart"))
    return (f"{value}T{part}" if part else value), None


def norm_date(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """Explicit calendar dates, the year inferred from the anchor where missing."""
    month = lookup("month", groups.get("month"))
    if month is None and groups.get("monthnum"):
        month = int(groups["monthnum"])
    day = int(groups["day"]) if groups.get("day") else None
    year = _year(groups)
    if month is None:
        return None
    rel = lookup("rel", groups.get("rel"))
    if year is None and rel is not None and ctx.anchor is not None:
        year = ctx.anchor.year + int(rel)
    if year is None:
        year = _infer_year(ctx, month, day)
    prefix = f"{year:04d}" if year is not None else "XXXX"
    if day is None:
        return f"{prefix}-{month:02d}", _part_mod(groups, lookup, params)
    if year is not None and day > calendar.monthrange(year, month)[1]:
        return None
    value = f"{prefix}-{month:02d}-{day:02d}"
    part = lookup("daypart", groups.get("daypart"))
    return (f"{value}T{part}" if part else value), None


def norm_year(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    year = _year(groups)
    if year is None:
        return None
    season = lookup("season", groups.get("season"))
    if season:
        return f"{year:04d}-{season}", None
    return f"{year:04d}", _part_mod(groups, lookup, params)


def norm_weekday(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """A weekday resolved by the tense: past ones before the anchor, future ones after."""
    weekday = lookup("weekday", groups.get("weekday"))
    if weekday is None:
        return None
    part = lookup("daypart", groups.get("daypart")) or params.get("daypart")
    if ctx.anchor is None:
        return f"XXXX-WXX-{weekday}", None
    rel = lookup("rel", groups.get("rel"))
    today = ctx.anchor.isoweekday()
    if rel is not None and rel < 0 or rel is None and ctx.tense == "past":
        offset = -((today - weekday) % 7)
        if rel is not None and offset == 0:
            offset = -7
    elif rel is not None and rel > 0 or ctx.tense == "future":
        offset = (weekday - today) % 7
        if rel is not None and offset == 0:
            offset = 7
    else:  # present tense, no marker: the nearest such day
        back, ahead = (today - weekday) % 7, (weekday - today) % 7
        offset = -back if back <= ahead else ahead
    value = day_value(ctx.anchor + timedelta(days=offset))
    return (f"{value}T{part}" if part else value), None


def norm_relday(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """gestern, vorgestern, morgen, yesterday: the anchor plus a number of days."""
    offset = lookup("relday", groups.get("relday") or groups.get("relday2"))
    if offset is None:
        offset = params.get("offset")
    if offset is None:
        return None
    base = ctx.day if params.get("from_reference") else ctx.anchor
    if base is None:
        return ("PAST_REF" if offset < 0 else "FUTURE_REF" if offset > 0 else "PRESENT_REF"), None
    value = day_value(base + timedelta(days=int(offset)))
    part = lookup("daypart", groups.get("daypart")) or params.get("daypart")
    return (f"{value}T{part}" if part else value), None


def norm_relunit(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """vergangene Woche, nächstes Jahr, this month: the anchor's unit shifted by the marker."""
    unit = lookup("unit", groups.get("unit")) or params.get("unit")
    rel = lookup("rel", groups.get("rel"))
    if rel is None:
        rel = params.get("direction", 0)
    if unit is None:
        return None
    if ctx.anchor is None:
        return ("PAST_REF" if rel < 0 else "FUTURE_REF" if rel > 0 else "PRESENT_REF"), None
    if unit == "WE" and groups.get("rel") is None:  # "am Wochenende": the tense says which
        weekday = ctx.anchor.isoweekday()
        if ctx.tense == "past" and weekday < 6:
            rel = -1
        elif ctx.tense == "future" and weekday >= 6:
            rel = 1
    target = shift(ctx.anchor, int(rel), unit)
    part = lookup("part", groups.get("part")) or params.get("mod")
    if unit == "W" and part == "END":
        return value_at(target, "WE"), None
    if unit == "D":
        return day_value(target), None
    return value_at(target, unit), part


def norm_offset(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """vor drei Tagen, two weeks ago, in zwei Jahren: n units from the anchor."""
    unit = lookup("unit", groups.get("unit"))
    count = _count(groups, lookup)
    direction = params.get("direction", -1)
    if unit is None or count is None or not float(count).is_integer():
        return None
    if unit in ("H", "MIN", "S"):
        return f"PT{_number(count)}{'M' if unit == 'MIN' else unit}", None
    if ctx.anchor is None:
        return ("PAST_REF" if direction < 0 else "FUTURE_REF"), None
    target = shift(ctx.anchor, int(count) * direction, unit)
    return value_at(target, unit), None


def norm_duration(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """drei Wochen, mehr als einer Woche, tagelang: P/PT values, X where the count is vague."""
    unit = (lookup("unit", groups.get("unit")) or lookup("lengthy", groups.get("lengthy"))
            or params.get("unit"))
    if unit is None or unit in ("WE",):
        return None
    count = _count(groups, lookup)
    amount = _number(count) if count is not None else params.get("count", "X")
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{'M' if unit == 'MIN' else unit}", _part_mod(groups, lookup, params)
    if unit == "Q":
        amount = _number(count * 3) if count is not None else "X"
        unit = "M"
    return f"P{amount}{unit}", _part_mod(groups, lookup, params)


def norm_clock(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """um 19 Uhr, 19.30 Uhr, 7 p.m.: the anchor's day at that hour."""
    hour = int(groups["hour"])
    minute = int(groups.get("minute") or 0)
    ampm = lookup("ampm", groups.get("ampm"))
    if ampm == "PM" and hour < 12:
        hour += 12
    elif ampm == "AM" and hour == 12:
        hour = 0
    if hour > 24:
        return None
    day = day_value(ctx.day) if ctx.day else "XXXX-XX-XX"
    return f"{day}T{hour:02d}:{minute:02d}", None


def norm_daypart(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """gegen Mittag, am Abend: the anchor's day at a part of the day."""
    part = lookup("daypart", groups.get("daypart")) or params.get("daypart")
    if part is None:
        return None
    day = ctx.reference or ctx.previous or ctx.anchor
    day = day_value(day) if day else "XXXX-XX-XX"
    return f"{day}T{part}", None


def norm_season(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """im Frühjahr, last summer: a season of the anchor's year (or the year shifted)."""
    season = lookup("season", groups.get("season"))
    if season not in SEASONS:
        return None
    year = _year(groups)
    if year is None and ctx.anchor is not None:
        rel = lookup("rel", groups.get("rel")) or 0
        year = ctx.anchor.year + int(rel)
    return f"{year:04d}-{season}" if year else f"XXXX-{season}", None


def norm_quarter(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """third quarter, im dritten Quartal: a quarter of the given or the anchor's year."""
    ordinal = lookup("ordinal", groups.get("ordinal"))
    if ordinal is None or not 1 <= ordinal <= 4:
        return None
    year = _year(groups) or (ctx.anchor.year if ctx.anchor else None)
    return (f"{year:04d}-Q{ordinal}" if year else f"XXXX-Q{ordinal}"), None


def norm_decade(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """die 90er Jahre, the 1990s: a decade."""
    digits = groups.get("digits") or ""
    if len(digits) == 4 and digits.endswith("0"):
        return digits[:3], None
    if len(digits) == 2 and digits.endswith("0"):
        century = 19 if int(digits) > 20 else 20
        return f"{century}{digits[0]}", None
    return None


NORMALISERS: dict[str, Callable[[dict, Context, dict, Any], Result]] = {
    "literal": norm_literal,
    "anchor_day": norm_anchor_day,
    "date": norm_date,
    "year": norm_year,
    "weekday": norm_weekday,
    "relday": norm_relday,
    "relunit": norm_relunit,
    "offset": norm_offset,
    "duration": norm_duration,
    "clock": norm_clock,
    "daypart": norm_daypart,
    "season": norm_season,
    "quarter": norm_quarter,
    "decade": norm_decade,
}
