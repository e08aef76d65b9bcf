"""Time expressions: a TIMEX3 tagger and normaliser driven by per-language grammars."""

from .event_date import EventDate, event_date, governing_time
from .grammar import TimeGrammar
from .tagger import TimeMatch, TimeTagger, anchor_date, time_tagger

__all__ = ["EventDate", "TimeGrammar", "TimeMatch", "TimeTagger", "anchor_date", "event_date",
           "governing_time", "time_tagger"]
