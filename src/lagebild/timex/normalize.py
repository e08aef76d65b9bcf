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
from functools import cached_property
from typing import Any, Literal

Tense = Literal["past", "present", "future"]
Result = tuple[str, str | None] | None

SEASONS = {"SP", "SU", "FA", "WI"}


@dataclass(frozen=True)
class Context:
    """What a value is computed against: the article's date, the clause's tense, and
    ``reference``, the last full date the text named (clock times belong to it).

    ``tense_of`` is the tense or a function that reads it off the clause: most values
    (years, full dates, durations) never ask, so the clause is read only when one does."""

    anchor: date | None
    tense_of: Tense | Callable[[], Tense] = "past"
    reference: date | None = None
    previous: date | None = None  # the last full date of the sentence before
    quarter: str | None = None  # the last quarter the text named ("third quarter": 2022-Q3)
    narrative: date | None = None  # the last full date the text named, in any sentence
    last: str | None = None  # the last dated value the text named (1995, 1995-05, 1995-05-22)
    story: bool = False  # the text tells of a time of its own, years before the anchor
    several: bool = False  # clock times here belong to several days ("jeweils 20 Uhr")

    @property
    def day(self) -> date | None:
        return self.reference or self.anchor

    @cached_property
    def tense(self) -> Tense:
        return self.tense_of() if callable(self.tense_of) else self.tense_of


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


def _year(groups: dict, ctx: Context | None = None) -> int | None:
    """A four-digit year; a two-digit one in the century that does not put it more than
    ten years after the anchor ("1.9.39" in a text of 2011 is 1939)."""
    if groups.get("year"):
        return int(groups["year"])
    if groups.get("year2"):
        short = int(groups["year2"])
        limit = ctx.anchor.year + 10 if ctx is not None and ctx.anchor is not None else 2049
        return 2000 + short if 2000 + short <= limit else 1900 + short
    return None


def _last_date(ctx: Context) -> tuple[date, str] | None:
    """The date the text named last and the unit it was named to (1995 as its 1 January,
    "Y"; 1995-05 as 1 May, "M"; 1995-05-22, "D"), or None."""
    parts = (ctx.last or "").split("T")[0].split("-")
    if not (parts[0].isdigit() and len(parts[0]) == 4):
        return None
    month = int(parts[1]) if len(parts) >= 2 and parts[1].isdigit() else None
    day = int(parts[2]) if len(parts) == 3 and parts[2].isdigit() and month else None
    try:
        return date(int(parts[0]), month or 1, day or 1), "D" if day else "M" if month else "Y"
    except ValueError:
        return None


def _story_day(ctx: Context) -> date | None:
    """In a text that tells of its own time (``Context.story``: a history, a report on
    events of years ago), the date it named last, which relative words count from
    ("Ende des Jahres", "im Sommer", "am 3. März"); else None."""
    last = _last_date(ctx) if ctx.story else None
    return last[0] if last else None


def _story_year(ctx: Context) -> int | None:
    day = _story_day(ctx)
    return day.year if day else None


# How much nearer a date on the tense's wrong side must be to win: a past-tense clause
# often names a date still to come ("was extended to Dec. 15"), a future one rarely a past one
LEAN_PAST = 3.0
LEAN_FUTURE = 10.0


def _infer_year(ctx: Context, month: int, day: int | None = None) -> int | None:
    """The year that puts a month (and day) nearest the anchor, leaning with the tense.

    A past-tense clause counts days ahead of the anchor ``LEAN_PAST`` times, a future one
    days back ``LEAN_FUTURE`` times: "was extended to Dec. 15" in a November report is
    still this December, "stepped down in March" last March.
    """

    def on(year: int) -> date:
        return date(year, month, min(day or 15, calendar.monthrange(year, month)[1]))

    return _nearest_year(ctx, on)


def _nearest_year(ctx: Context, on: Callable[[int], date]) -> int | None:
    """The year whose ``on(year)`` lies nearest the anchor, leaning with the tense."""
    if ctx.anchor is None:
        return None
    anchor = ctx.anchor

    def cost(year: int) -> float:
        days = (on(year) - anchor).days
        if ctx.tense == "past" and days > 0:
            return abs(days) * LEAN_PAST
        if ctx.tense == "future" and days < 0:
            return abs(days) * LEAN_FUTURE
        return abs(days)

    return min((anchor.year, anchor.year - 1, anchor.year + 1), key=cost)


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


def _clock_of(groups: dict, lookup) -> str | None:
    """"HH:MM" of a clock time captured along with a date ("10 p.m. Wednesday"), if any."""
    if groups.get("noon"):
        return "12:00" if groups["noon"].lower() == "noon" else "24:00"
    if not groups.get("hour"):
        return None
    hour, minute = int(groups["hour"]), int(groups.get("minute") or 0)
    ampm = lookup("ampm", groups.get("ampm"))
    if ampm == "PM" and hour < 12:
        hour += 12
    elif ampm == "AM" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour <= 24 else None


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
    year = _year(groups, ctx)
    if month is None:
        return None
    rel = lookup("rel", groups.get("rel"))
    if year is None and rel is not None and ctx.anchor is not None:
        year = ctx.anchor.year + int(rel)
        if params.get("nearest") and rel:  # "last April": the April before last month
            year = ctx.anchor.year
            if rel < 0 and month >= ctx.anchor.month - 1:  # last month is "last month"
                year -= 1
            elif rel > 0 and month <= ctx.anchor.month + 1:
                year += 1
    if year is None:
        year = _story_year(ctx) or _infer_year(ctx, month, day)
    prefix = f"{year:04d}" if year is not None else "XXXX"
    if day is None:
        return f"{prefix}-{month:02d}", _part_mod(groups, lookup, params)
    if year is not None and day > calendar.monthrange(year, month)[1]:
        return None
    value = f"{prefix}-{month:02d}-{day:02d}"
    part = _clock_of(groups, lookup) or lookup("daypart", groups.get("daypart"))
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
    part = (_clock_of(groups, lookup) or lookup("daypart", groups.get("daypart"))
            or params.get("daypart"))
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
    else:  # present tense, no marker: the nearest such day, news leaning to the past
        back, ahead = (today - weekday) % 7, (weekday - today) % 7
        offset = -back if back <= 2 * ahead else ahead
    value = day_value(ctx.anchor + timedelta(days=offset))
    return (f"{value}T{part}" if part else value), None


def norm_relday(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """gestern, vorgestern, morgen, yesterday: the anchor plus a number of days."""
    offset = lookup("relday", groups.get("relday") or groups.get("relday2"))
    if offset is None:
        offset = params.get("offset")
    if offset is None:
        return None
    base = (ctx.reference or ctx.narrative or ctx.anchor) if params.get("from_reference") \
        else ctx.anchor
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
    frame = _frame(ctx) if params.get("frame") else None
    if frame is not None and unit == "Y":  # "a year earlier" in a report on a quarter
        return f"{frame[0] + int(rel):04d}-Q{frame[1]}", None
    target = shift(_story_day(ctx) or ctx.anchor, int(rel), unit)
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
    base = (ctx.reference or ctx.narrative or ctx.anchor) if params.get("from_reference") \
        else ctx.anchor  # "zwei Tage später": after the day the story named last
    if base is None:
        return ("PAST_REF" if direction < 0 else "FUTURE_REF"), None
    frame = _frame(ctx) if params.get("frame") else None
    if frame is not None and unit == "Y":  # "a year ago" in a report on a quarter
        return f"{frame[0] + int(count) * direction:04d}-Q{frame[1]}", None
    target = shift(base, int(count) * direction, unit)
    return value_at(target, unit), None


def norm_duration(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """drei Wochen, mehr als einer Woche, tagelang: P/PT values, X where the count is vague;
    quarters in months, decades and centuries in years (two decades: P20Y)."""
    unit = (lookup("unit", groups.get("unit")) or lookup("lengthy", groups.get("lengthy"))
            or lookup("adjunit", groups.get("adjunit")) or params.get("unit"))
    if unit is None or unit in ("WE",):
        return None
    count = _count(groups, lookup)
    amount = _number(count) if count is not None else params.get("count", "X")
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{'M' if unit == 'MIN' else unit}", _part_mod(groups, lookup, params)
    months_or_years = {"Q": (3, "M"), "DE": (10, "Y"), "CE": (100, "Y")}  # as TimeML counts
    if unit in months_or_years and amount != "X":
        factor, unit = months_or_years[unit]
        amount = _number(float(amount) * factor)
    elif unit == "Q":
        unit = "M"
    return f"P{amount}{unit}", _part_mod(groups, lookup, params)


def norm_set_unit(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """pro Tag, im Monat after an amount: once per unit (P1D, P1M)."""
    unit = lookup("unit", groups.get("unit"))
    if unit not in ("H", "D", "W", "M", "Y"):
        return None
    return (f"PT1{unit}" if unit == "H" else f"P1{unit}"), None


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
    if ctx.several:
        return f"T{hour:02d}:{minute:02d}", None  # a time of day of no one day, as TimeML
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
        year = (_story_year(ctx) or ctx.anchor.year) + int(rel)
        starts = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
        if params.get("latest") and starts[season] > ctx.anchor.month:  # "this past spring"
            year -= 1
    return f"{year:04d}-{season}" if year else f"XXXX-{season}", None


def norm_quarter(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """third quarter, im dritten Quartal: a quarter of the given or the anchor's year; a
    quarter still to come this year is last year's in a past-tense clause ("the year-ago
    third quarter": ``shift`` -1)."""
    ordinal = lookup("ordinal", groups.get("ordinal"))
    if ordinal is None or not 1 <= ordinal <= 4:
        return None
    year = _year(groups)
    if year is None and ctx.anchor is not None:
        year = ctx.anchor.year + int(params.get("shift", 0))
        if "shift" not in params:
            current = (ctx.anchor.month - 1) // 3 + 1
            if ctx.tense == "past" and ordinal > current:
                year -= 1
    return (f"{year:04d}-Q{ordinal}" if year else f"XXXX-Q{ordinal}"), None


def _frame(ctx: Context) -> tuple[int, int] | None:
    if ctx.quarter and len(ctx.quarter) == 7 and ctx.quarter[5] == "Q":
        return int(ctx.quarter[:4]), int(ctx.quarter[6])
    return None


def norm_frame_quarter(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """the quarter, the latest quarter, the year-ago period: the quarter the text reports on.

    Business news names its quarter once ("third-quarter profit") and then refers back
    to it; that quarter (``shift`` years later or earlier; "last year's quarter": the
    ``rel`` word's year) is the value. Where the text names none, ``fallback`` says:
    ``last`` the last full quarter before the anchor, ``current`` the anchor's quarter,
    ``year`` the anchor's year (shifted).
    """
    shift = int(params.get("shift", 0))
    ordinal = lookup("ordinal", groups.get("ordinal"))
    rel = lookup("rel", groups.get("rel"))
    frame = _frame(ctx)
    if ordinal is not None and 1 <= ordinal <= 4 and ctx.anchor is not None:
        frame = (ctx.anchor.year, ordinal)
    if frame is None:
        if ctx.anchor is None:
            return None
        fallback = params.get("fallback", "last")
        if fallback == "year":
            return f"{ctx.anchor.year + shift:04d}", None
        current = (ctx.anchor.month - 1) // 3 + 1
        year, index = divmod(ctx.anchor.year * 4 + current - (2 if fallback == "last" else 1), 4)
        frame = (year, index + 1)
    year = _year(groups)
    if year is None:
        year = (ctx.anchor.year + int(rel) if rel is not None and ctx.anchor else frame[0]) + shift
    return f"{year:04d}-Q{frame[1]}", None


def norm_half(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """the first half of 1990, in der zweiten Jahreshälfte: H1 or H2 of the given year, else
    of the anchor's (last year's for a half still to come in a past-tense clause)."""
    half = 2 if groups.get("half") else lookup("ordinal", groups.get("ordinal"))
    if half not in (1, 2):
        return None
    year = _year(groups)
    if year is None and ctx.anchor is not None:
        year = ctx.anchor.year
        current = 1 if ctx.anchor.month <= 6 else 2
        if ctx.tense == "past" and half > current:
            year -= 1
    return (f"{year:04d}-H{half}" if year else f"XXXX-H{half}"), None


def norm_spoken_year(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """nineteen ninety-six, the year two thousand: a year read out in words."""
    total = 2000 if groups.get("thousand") else (lookup("number", groups.get("century")) or 0) * 100
    for name in ("tens", "ones"):
        total += lookup("number", groups.get(name)) or 0
    return (f"{int(total):04d}", None) if 1000 <= total <= 2100 else None


def norm_narrative(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """that year, the following month, im Jahr darauf: the year, month or week of the
    date the text named last, shifted by the marker; without one, the anchor's."""
    unit = lookup("unit", groups.get("unit")) or params.get("unit")
    offset = lookup("narrel", groups.get("narrel"))
    if unit not in ("Y", "M", "W", "D") or offset is None:
        return None
    last = _last_date(ctx)
    # the named date counts where it is as fine as the unit: a year for "that year", a
    # month for "the following month", a day for "the next day" or "that week"
    fine_enough = {"Y": "YMD", "M": "MD", "W": "D", "D": "D"}[unit]
    base = last[0] if last and last[1] in fine_enough else ctx.anchor
    if base is None:
        return None
    return value_at(shift(base, int(offset), unit), unit), None


def easter(year: int) -> date:
    """Easter Sunday (Gregorian calendar)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_date(spec: str, year: int) -> date:
    """A holiday in a year from its rule: "12-25" a fixed day, "E+49" days after Easter,
    "11:4:4" the fourth Thursday of November ("05:1:-1" the last Monday of May), with
    "+1" added a day later (US Election Day: "11:1:1+1")."""
    if spec.startswith("E"):
        return easter(year) + timedelta(days=int(spec[1:] or 0))
    if ":" not in spec:
        month, day = spec.split("-")
        return date(year, int(month), int(day))
    spec, _, extra = spec.partition("+")
    month, weekday, nth = (int(x) for x in spec.split(":"))
    if nth > 0:
        first = date(year, month, 1)
        found = first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    else:
        last = date(year, month, calendar.monthrange(year, month)[1])
        found = last - timedelta(days=(last.isoweekday() - weekday) % 7)
    return found + timedelta(days=int(extra or 0))


def norm_holiday(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """Christmas, Thanksgiving, Ostern, Fronleichnam: the holiday in the given year, else
    in the year that puts it nearest the anchor, leaning with the tense."""
    spec = lookup("holiday", groups.get("holiday"))
    if spec is None:
        return None
    year = _year(groups)
    if year is None:
        rel = lookup("rel", groups.get("rel"))
        if rel is not None and ctx.anchor is not None:  # "last Christmas": the one before
            here = holiday_date(spec, ctx.anchor.year)
            year = ctx.anchor.year + (0 if (here < ctx.anchor) == (rel < 0) and rel else rel)
        else:
            year = _nearest_year(ctx, lambda y: holiday_date(spec, y))
    if year is None:
        return None
    day = holiday_date(spec, year)
    return (week_value(day) if params.get("week") else day_value(day)), None


def norm_decade(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """die 90er Jahre, the 1990s, die achtziger Jahre: a decade."""
    word = lookup("decade_word", groups.get("decade_word"))
    digits = str(word) if word is not None else groups.get("digits") or ""
    if len(digits) == 4 and digits.endswith("0"):
        return digits[:3], None
    if len(digits) == 2 and digits.endswith("0"):
        # the latest such decade that has begun by the text's date: the twenties of a
        # text of 2015 are the 1920s, of 2026 the 2020s
        if ctx.anchor is not None:
            century = 20 if 2000 + int(digits) <= ctx.anchor.year else 19
        else:
            century = 19 if int(digits) > 20 else 20
        return f"{century}{digits[0]}", None
    return None


def norm_century(groups: dict, ctx: Context, params: dict, lookup) -> Result:
    """das 20. Jahrhundert, the 19th century: the century's first two digits, as TIMEX3
    writes it (19 for the 20th); "Mitte des 19. Jahrhunderts" with its mod."""
    digits = groups.get("digits") or ""
    if not digits.isdigit() or not 1 <= int(digits) <= 21:
        return None
    return f"{int(digits) - 1:02d}", _part_mod(groups, lookup, params)


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
    "frame_quarter": norm_frame_quarter,
    "half": norm_half,
    "spoken_year": norm_spoken_year,
    "narrative": norm_narrative,
    "holiday": norm_holiday,
    "set_unit": norm_set_unit,
    "decade": norm_decade,
    "century": norm_century,
}
