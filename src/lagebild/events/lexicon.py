"""Event triggers of a language, read from its ``events.toml``, matched on spaCy tokens."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from ..errors import ConfigError
from ..lang.datafile import read_toml
from ..model import EVENT_TYPES
from ..tokens import sentence_of_tokens
from ..tokens import strings as token_strings

GAP = "…"
#: The type of the phrases in ``settings.ignore``: found like triggers, then dropped.
IGNORE = "-"
#: Words that may stand between the parts of a split trigger ("nahm … fest").
MAX_GAP = 8


@dataclass(frozen=True)
class Trigger:
    type: str
    parts: tuple[tuple[str, ...], ...]  # lowercase words; parts split at "…"
    recipient: tuple[str, ...]
    object: bool
    default_actor: str | None
    speaker_acts: bool


@dataclass(frozen=True)
class TriggerMatch:
    start: int  # first token
    end: int  # after the first part: the trigger shown
    last: int  # after the last part
    trigger: Trigger


class EventLexicon:
    def __init__(self, path: Path):
        data = read_toml(path)
        settings = data.get("settings", {})
        self.words = {key: {w.lower() for w in settings.get(key, [])}
                      for key in ("recipient", "prepositions", "agent", "passive", "relative",
                                  "impersonal", "negation", "future", "hypothetical",
                                  "subordinators", "coordinators", "locative", "possessive",
                                  "partitive", "conditions")}
        #: "svo": roles by English word order (subject before the trigger, object after);
        #: "free": by case and prepositions, as German needs (see events.coder)
        self.word_order = settings.get("word_order", "free")
        if self.word_order not in ("free", "svo"):
            raise ConfigError(f"{path}: unknown word_order {self.word_order!r}")
        #: the type an act announced for the future is coded as (PLOVER: AGREE, THREATEN)
        self.future_types: dict[str, str] = data.get("future", {})
        for key, value in self.future_types.items():
            if key not in EVENT_TYPES or value not in EVENT_TYPES:
                raise ConfigError(f"{path}: unknown event type in [future]: {key} = {value}")
        self.by_first: dict[str, list[Trigger]] = {}
        for entry in data.get("trigger", []):
            if entry.get("type") not in EVENT_TYPES:
                raise ConfigError(f"{path}: unknown event type {entry.get('type')!r}")
            recipient = tuple(w.lower() for w in entry.get("recipient", []))
            for form in entry.get("forms", []):
                parts = tuple(tuple(p.lower().split()) for p in form.split(GAP) if p.strip())
                trigger = Trigger(entry["type"], parts, recipient or tuple(self.words["recipient"]),
                                  entry.get("object", False), entry.get("default_actor"),
                                  entry.get("speaker_acts", False))
                self.by_first.setdefault(parts[0][0], []).append(trigger)
        if not self.by_first:
            raise ConfigError(f"{path}: no event triggers")
        for form in settings.get("ignore", []):  # phrases that hold a trigger word but name
            parts = tuple(tuple(p.lower().split()) for p in form.split(GAP) if p.strip())
            self.by_first.setdefault(parts[0][0], []).append(  # no event: "press release"
                Trigger(IGNORE, parts, (), False, None, False))

    def find(self, doc: Doc) -> list[TriggerMatch]:
        """Every trigger in the doc; where two overlap, the longer one."""
        found: list[TriggerMatch] = []
        words = token_strings(doc, "LOWER")  # plain strings: no Token objects per look
        _, sentence_end = sentence_of_tokens(doc)
        for i, word in enumerate(words):
            for trigger in self.by_first.get(word, ()):
                match = self._match(words, i, sentence_end[i], trigger)
                if match is not None:
                    found.append(match)
        found.sort(key=lambda m: (-(m.last - m.start), m.start))
        kept: list[TriggerMatch] = []
        for match in found:
            if not any(match.start < k.last and k.start < match.last for k in kept):
                kept.append(match)
        return sorted((m for m in kept if m.trigger.type != IGNORE), key=lambda m: m.start)

    @staticmethod
    def _match(words: list[str], i: int, sentence_end: int,
               trigger: Trigger) -> TriggerMatch | None:
        def part_at(j: int, part: tuple[str, ...]) -> bool:
            return j + len(part) <= sentence_end and tuple(words[j:j + len(part)]) == part

        if not part_at(i, trigger.parts[0]):
            return None
        end = last = i + len(trigger.parts[0])
        for part in trigger.parts[1:]:
            j = next((j for j in range(last, min(last + MAX_GAP, sentence_end))
                      if part_at(j, part)), None)
            if j is None:
                return None
            last = j + len(part)
        return TriggerMatch(i, end, last, trigger)
