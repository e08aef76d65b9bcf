"""Find time expressions in sentences and give them TIMEX3 values.

Every rule of the language's grammar runs over each sentence; overlapping
matches go to the longest (then to the earlier rule); the tense of the
clause decides which way a bare weekday or month points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from ..lang.base import LanguagePack, per_pack
from .grammar import Rule, TimeGrammar
from .normalize import NORMALISERS, Context, Tense

_WORD = re.compile(r"\w+", re.UNICODE)
_FULL_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")  # also the day of a TIME value, value[:10]
_DURATION = re.compile(r"^PT?[\dX]")
_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")
_DATED = re.compile(r"^\d{4}(?:$|-\d\d)")  # a year, month, day or time of day
_YEAR = re.compile(r"(?<![\d.,])(1[0-9]{3}|20[0-9]{2})(?![\d.,]\d)")
#: a text tells a story of its own time when at least this many of its years are named
#: and most of them (STORY_SHARE) lie more than STORY_GAP years before its anchor
STORY_YEARS, STORY_SHARE, STORY_GAP = 5, 0.9, 1


@dataclass(frozen=True)
class TimeMatch:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None
    rule: str


def anchor_date(published: str | None) -> date | None:
    """The publication day as a date, or None when unknown or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


class TimeTagger:
    """The time expressions of a text, sentence by sentence, against an anchor date."""

    def __init__(self, grammar: TimeGrammar):
        self.grammar = grammar
        separators = grammar.settings.get("clause_separators", ",;:()\"„“«»–—")
        self._clause_split = re.compile("[" + re.escape(separators) + "]")
        self._future = set(grammar.lists.get("future_markers", []))
        self._past = set(grammar.lists.get("past_markers", []))
        self._past_suffixes = tuple(grammar.lists.get("past_suffixes", []))
        self._not_past = set(grammar.lists.get("not_past", []))
        self._passive = set(grammar.lists.get("passive_auxiliaries", []))
        self._determiners = set(grammar.lists.get("determiners", []))
        self._default_tense: Tense = grammar.settings.get("default_tense", "past")
        prepositions = sorted(grammar.lists.get("prepositions", []), key=len, reverse=True)
        alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in prepositions)
        self._preposition = re.compile(
            rf"(?:{alternatives})\s+(?=\S)", re.IGNORECASE) if prepositions else None
        self._whole = {phrase.lower() for phrase in grammar.lists.get("kept_whole", [])}
        # a clock time after these words, or after days joined by these, is of several days
        self._recurring = {w.lower() for w in grammar.lists.get("recurring_markers", [])}
        joins = "|".join(re.escape(j).replace(r"\ ", r"\s+")
                         for j in sorted(grammar.lists.get("day_joins", []), key=len, reverse=True))
        self._day_join = re.compile(rf"[\s,]*(?:(?:{joins})\s+)?|\s*[-–]\s*"
                                    if joins else r"[\s,]*", re.IGNORECASE)
        trailing = grammar.lists.get("trailing_words", [])
        self._trailing = re.compile(
            rf"\s+(?:{'|'.join(map(re.escape, trailing))})$", re.IGNORECASE) if trailing else None

    def tag(self, text: str, sentences: list[tuple[int, int]], anchor: date | None,
            ) -> list[TimeMatch]:
        matches: list[TimeMatch] = []
        rules = self.grammar.active_rules(text)
        previous: date | None = None  # the last full date of the sentence before
        # the last quarter and the last full date named so far
        frame: dict[str, Any] = {"quarter": None, "narrative": None, "last": None,
                                 "story": self.tells_a_story(text, anchor)}
        for start, end in sentences or [(0, len(text))]:
            found = self._tag_sentence(text, start, end, anchor, rules, previous, frame)
            dates = [m.value[:10] for m in found
                     if m.type in ("DATE", "TIME") and _FULL_DATE.match(m.value[:10])]
            previous = date.fromisoformat(dates[-1]) if dates else None
            matches.extend(found)
        return matches

    def _tag_sentence(self, text: str, s_start: int, s_end: int, anchor: date | None,
                      rules: list[tuple[int, Rule]], previous: date | None,
                      frame: dict[str, Any]) -> list[TimeMatch]:
        """The sentence's expressions; a clock time belongs to a date named before it here,
        a part of the day ("am Nachmittag") also to one of the sentence before; "the
        quarter", "a year earlier" to the quarter named last ("third-quarter profit"), "am
        Tag zuvor" to the day named last."""
        reference: date | None = None
        sentence = text[s_start:s_end]
        candidates = self.grammar.candidates(sentence, rules)
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
        taken: list[tuple[int, int, Rule, dict[str, str]]] = []
        for start, end, _, rule, groups in candidates:
            if not any(start < t_end and t_start < end for t_start, t_end, _, _ in taken):
                taken.append((start, end, rule, groups))
        found: list[TimeMatch] = []
        several = False  # the day the clock times belong to is one of several
        last_day_end: int | None = None
        last_end = 0
        for start, end, rule, groups in sorted(taken, key=lambda t: t[0]):  # text order
            tense = partial(self.tense, sentence, start, end)  # read if a value asks
            several = several or self._recurs(sentence[last_end:start])
            context = Context(anchor, tense, reference, previous, frame["quarter"],
                              reference or frame["narrative"], frame["last"], frame["story"],
                              several)
            result = NORMALISERS[rule.norm](groups, context, rule.params, self.grammar.lookup)
            if result is None:
                continue
            value, mod = result
            if rule.norm == "quarter" and _QUARTER.match(value):
                frame["quarter"] = value
            type_ = "DURATION" if rule.type != "SET" and _DURATION.match(value) else rule.type
            if type_ in ("DATE", "TIME") and _DATED.match(value):
                frame["last"] = value
            if type_ == "DATE" and _FULL_DATE.match(value):
                several = last_day_end is not None and bool(
                    self._day_join.fullmatch(sentence, last_day_end, start))
                last_day_end = end
            last_end = end
            if type_ in ("DATE", "TIME") and _FULL_DATE.match(value[:10]):
                reference = date.fromisoformat(value[:10])
                if not rule.params.get("from_reference"):
                    frame["narrative"] = reference
            start, end = self._span(sentence, start, end)
            found.append(TimeMatch(s_start + start, s_start + end, sentence[start:end],
                                   type_, value, mod, rule.id))
        return found

    def _recurs(self, gap: str) -> bool:
        """Whether the words before a time say it recurs ("jeweils 20 Uhr", "wochentags von
        14 bis 18 Uhr"): the clock time then has no one day."""
        return bool(self._recurring) and any(
            w.lower() in self._recurring for w in _WORD.findall(gap)[-3:])

    @staticmethod
    def tells_a_story(text: str, anchor: date | None) -> bool:
        """Whether the text is about a time years before its anchor (a history, a report on
        an old case), so that "am 3. März" belongs to the year it named last, not to the
        anchor's: most of the years it names lie well before the anchor."""
        if anchor is None:
            return False
        years = [int(y) for y in _YEAR.findall(text)]
        old = sum(year < anchor.year - STORY_GAP for year in years)
        return len(years) >= STORY_YEARS and old >= STORY_SHARE * len(years)

    def timeml_text(self, expression: str) -> str:
        """An expression as TimeML marks it ("am 6. Januar" -> "6. Januar"): for gold written
        with its preposition."""
        start, end = self._span(expression, 0, len(expression))
        return expression[start:end]

    def _span(self, sentence: str, start: int, end: int) -> tuple[int, int]:
        """The span TimeML marks: without a leading preposition ("am", "vor"; "on") or a
        trailing "lang"; fixed phrases ("vor kurzem") stay whole."""
        if sentence[start:end].lower() in self._whole:
            return start, end
        while self._preposition is not None and (
                match := self._preposition.match(sentence, start, end)):
            start = match.end()
        if self._trailing is not None and (match := self._trailing.search(sentence, start, end)):
            end = match.start()
        return start, end

    def _is_past(self, word: str) -> bool:
        if word in self._past:
            return True
        return (bool(self._past_suffixes) and len(word) > 4 and word.endswith(self._past_suffixes)
                and word not in self._not_past and not word.endswith(("ste", "sten")))

    def tense(self, sentence: str, start: int, end: int) -> Tense:
        """Past, present or future for the clause around a span, from marker words."""
        clause_start = max((m.end() for m in self._clause_split.finditer(sentence, 0, start)),
                           default=0)
        after = self._clause_split.search(sentence, end)
        clause_end = after.start() if after else len(sentence)
        following = self._clause_split.search(sentence, clause_end + 1) if after else None
        next_clause = sentence[clause_end + 1: following.start() if following else len(sentence)]
        # the marker nearest the expression counts ("said Monday that it intends to"); an
        # expression set off by a comma ("On Friday, the army ...") takes the next clause
        for scope_start, scope_end in ((clause_start, clause_end),
                                       (clause_end + 1, clause_end + 1 + len(next_clause))):
            nearest: tuple[int, Tense] | None = None
            before = ""
            for word in _WORD.finditer(sentence, scope_start, max(scope_start, scope_end)):
                lowered = word.group().lower()
                previous, before = before, lowered
                if start <= word.start() < end or previous in self._determiners:
                    continue  # "the plan", "its will": a noun, no tense
                if lowered in self._future:
                    tense: Tense = "future"
                elif lowered in self._past or (previous not in self._passive
                                               and self._is_past(lowered)):
                    tense = "past"  # not a participle after "be" (will be named)
                else:
                    continue
                distance = start - word.end() if word.end() <= start else word.start() - end
                if nearest is None or distance < nearest[0]:
                    nearest = (distance, tense)
            if nearest is not None:
                return nearest[1]
        if any(w.lower() in self._future for w in _WORD.findall(sentence)):
            return "future"
        return self._default_tense


@per_pack
def time_tagger(pack: LanguagePack) -> TimeTagger:
    """The time grammar of a language pack (its ``time.toml``), compiled once per pack."""
    return TimeTagger(TimeGrammar(pack.data_dir / "time.toml"))
