"""A language's time grammar, read from its ``time.toml``: vocabularies and rules.

Rules are regular expressions written with placeholders: ``{month}`` stands
for every word of the ``month`` vocabulary and captures it as the group
``month``; built-in placeholders give digits (``{day}``, ``{year}``,
``{hour}``, ``{minute}``, ``{monthnum}``) and counts (``{num}``: digits or a
number word). A vocabulary word ending in ``*`` takes the language's
inflection endings (``vergangen*``: vergangene, vergangenen, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ahocorasick

from ..errors import ConfigError
from ..lang.datafile import read_toml
from .normalize import NORMALISERS

BUILTIN = {
    "day": r"(?P<day>0?[1-9]|[12]\d|3[01])",
    "monthnum": r"(?P<monthnum>0?[1-9]|1[0-2])",
    "year": r"(?P<year>1[5-9]\d\d|20\d\d)",
    "year2": r"(?P<year2>\d\d)",
    "hour": r"(?P<hour>[01]?\d|2[0-4])",
    "minute": r"(?P<minute>[0-5]\d)",
    "digits": r"(?P<digits>\d+(?:[.,]\d+)?)",
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_DIGIT = re.compile(r"\d")
RULE_KEYS = {"id", "pattern", "type", "norm", "value", "mod", "unit", "direction", "params",
             "case_sensitive", "cue"}


@dataclass(frozen=True)
class Rule:
    id: str
    regex: re.Pattern
    type: str
    norm: str
    params: dict[str, Any] = field(default_factory=dict)
    lowercase: bool = True  # ignores case: runs as ``lowered`` on lowercased text
    lowered: re.Pattern | None = None
    requires: tuple[str, ...] = ()  # placeholders every match contains
    cue: frozenset[str] | None = None  # else: every match holds one of these words ...
    digits: bool = False  # ... or a digit
    given_cue: bool = False  # the cue is the rule's own (``cue = [...]``), checked always


def _lower_literals(source: str) -> str:
    """A pattern with its literal letters lowercased; escapes (\\W, \\S) and group names kept."""
    out, i = [], 0
    while i < len(source):
        char = source[i]
        if char == "\\" and i + 1 < len(source):
            out.append(source[i:i + 2])
            i += 2
            continue
        if source.startswith("(?P<", i):
            close = source.index(">", i)
            out.append(source[i:close + 1])
            i = close + 1
            continue
        out.append(char.lower())
        i += 1
    return "".join(out)


def required_placeholders(pattern: str) -> set[str]:
    """Placeholders that every match of a rule pattern contains.

    A placeholder counts unless it sits in an optional or repeated group, in a
    lookaround, or in a group (or the whole pattern) with alternatives.
    """

    def walk(i: int) -> tuple[set[str], int, bool]:
        found: set[str] = set()
        alternatives = False
        while i < len(pattern):
            char = pattern[i]
            if char == "\\":
                i += 2
                continue
            if char == "[":
                i = pattern.index("]", i + 2) + 1
                continue
            if char == "{":
                close = pattern.index("}", i)
                name = pattern[i + 1:close]
                i = close + 1
                if name.isidentifier() and not _optional(pattern, i):
                    found.add(name)
                continue
            if char == "(":
                lookaround = pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i)
                inner, i, inner_alternatives = walk(i + 1)
                if not (lookaround or inner_alternatives or _optional(pattern, i)):
                    found |= inner
                continue
            if char == ")":
                return found, i + 1, alternatives
            if char == "|":
                alternatives = True
            i += 1
        return found, i, alternatives

    found, _, alternatives = walk(0)
    return set() if alternatives else found


def _optional(pattern: str, i: int) -> bool:
    return pattern[i:i + 1] in ("?", "*") or pattern.startswith(("{0,", "{0}"), i)


class CueWords:
    """Which of the rules' cue words a text holds, anywhere inside its words ("tag" in
    "Montag"), found in one Aho-Corasick pass instead of a regex search per rule."""

    def __init__(self, word_sets: list[frozenset[str]]):
        self.automaton = ahocorasick.Automaton()
        for word in set().union(*word_sets):
            self.automaton.add_word(word, word)
        if len(self.automaton):
            self.automaton.make_automaton()

    def within(self, lowered: str) -> set[str]:
        if not len(self.automaton):
            return set()
        return {word for _, word in self.automaton.iter(lowered)}


class Vocabulary:
    """Words to values, exact or by stem plus an inflection ending."""

    def __init__(self, name: str, entries: dict[str, Any], endings: tuple[str, ...]):
        if not entries:
            raise ConfigError(f"time vocabulary {name!r} is empty")
        self.name = name
        self.exact: dict[str, Any] = {}
        self.stems: dict[str, Any] = {}
        for word, value in entries.items():
            if word.endswith("*"):
                self.stems[word[:-1].lower()] = value
            else:
                self.exact[word.lower()] = value
        self.endings = endings
        # any word of it, lowercase, found anywhere in a text: see ``CueWords``
        self.cue = frozenset({w.split()[0] for w in self.exact} | set(self.stems))

    def regex(self) -> str:
        words = sorted(self.exact, key=len, reverse=True)
        alternatives = [re.escape(w).replace(r"\ ", r"\s+") for w in words]
        if self.stems:
            ending = "(?:" + "|".join(sorted(self.endings, key=len, reverse=True)) + ")?"
            stems = sorted(self.stems, key=len, reverse=True)
            alternatives.append(
                "(?:" + "|".join(re.escape(s) for s in stems) + ")" + ending
            )
        return "|".join(alternatives)

    def get(self, word: str | None) -> Any:
        if word is None:
            return None
        key = " ".join(word.lower().split())
        if key in self.exact:
            return self.exact[key]
        for stem, value in self.stems.items():
            if key.startswith(stem) and key[len(stem):] in ("", *self.endings):
                return value
        return None


class TimeGrammar:
    """Compiled rules and vocabularies of one language."""

    def __init__(self, path: Path):
        data = read_toml(path)
        settings = data.get("settings", {})
        endings = tuple(settings.get("inflection_endings", []))
        self.vocab = {name: Vocabulary(name, entries, endings)
                      for name, entries in data.get("vocab", {}).items()}
        self.lists = {name: [w.lower() for w in words]
                      for name, words in data.get("lists", {}).items()}
        self.settings = settings
        number = self.vocab.get("number")
        num_words = f"|{number.regex()}" if number else ""
        self._placeholders = {**BUILTIN, "num": rf"(?P<num>\d+(?:[.,]\d+)?{num_words})"}
        self.rules = [self._compile(rule) for rule in data.get("rule", [])]
        if not self.rules:
            raise ConfigError(f"time grammar {path} has no rules")
        self.cue_words = CueWords(
            [rule.cue for rule in self.rules if rule.cue] + [v.cue for v in self.vocab.values()])
        # rules by what must be in a text for them to match: a cue word, or a digit
        self._by_word: dict[str, list[int]] = {}
        self._by_digit: set[int] = set()
        for i, rule in enumerate(self.rules):
            words, digit = self._trigger(rule)
            for word in words:
                self._by_word.setdefault(word, []).append(i)
            if digit:
                self._by_digit.add(i)

    def _compile(self, rule: dict) -> Rule:
        unknown = set(rule) - RULE_KEYS
        if unknown:
            raise ConfigError(f"time rule {rule.get('id')}: unknown keys {sorted(unknown)}")
        if rule.get("norm") not in NORMALISERS:
            raise ConfigError(f"time rule {rule.get('id')}: unknown norm {rule.get('norm')!r}")

        seen: dict[str, int] = {}

        def expand(match: re.Match) -> str:
            name = match.group(1)
            seen[name] = seen.get(name, 0) + 1
            group = name if seen[name] == 1 else f"{name}__{seen[name]}"  # merged in groups()
            if name in self._placeholders:
                return self._placeholders[name].replace(f"(?P<{name}>", f"(?P<{group}>", 1)
            if name in self.vocab:
                return f"(?P<{group}>{self.vocab[name].regex()})"
            raise ConfigError(f"time rule {rule['id']}: unknown placeholder {{{name}}}")

        source = rf"(?:{_PLACEHOLDER.sub(expand, rule['pattern'])})(?!\w|-[^\W\d])"
        if rule["pattern"].startswith("(?<"):
            # a match starts a word (``candidates``); a pattern that opens with a look
            # behind gives the engine no first character to skip ahead to, so it tries the
            # whole pattern at every position: said first, this leaves a word at once
            source = rf"(?<![\w.]){source}"
        lowercase = not rule.get("case_sensitive")
        try:
            regex = re.compile(source, re.IGNORECASE if lowercase else 0)
            lowered = re.compile(_lower_literals(source)) if lowercase else regex
        except re.error as exc:
            raise ConfigError(f"time rule {rule['id']}: {exc}") from None
        params = dict(rule.get("params", {}))
        for key in ("value", "mod", "unit", "direction"):
            if key in rule:
                params[key] = rule[key]
        if "cue" in rule:  # words one of which every match holds, given by hand
            cue, digits = self._given_cue(rule), False
        else:
            cue, digits = self._cue(rule["pattern"], set(seen))
        requires = tuple(sorted(required_placeholders(rule["pattern"])))
        return Rule(rule["id"], regex, rule["type"], rule["norm"], params, lowercase, lowered,
                    requires, cue, digits, "cue" in rule)

    def _present(self, name: str, words: set[str], has_digit: bool) -> bool:
        """Whether a placeholder can match anywhere in a text holding the cue ``words``."""
        if name == "num":
            return has_digit or self._present("number", words, has_digit)
        table = self.vocab.get(name)
        if table is None:
            return has_digit  # the built-in placeholders are all digits
        return not table.cue.isdisjoint(words)

    def _may_match(self, rule: Rule, words: set[str], has_digit: bool, seen: dict) -> bool:
        """A cheap test that spares a rule's full pattern on text it cannot match."""
        if rule.given_cue and rule.cue is not None and rule.cue.isdisjoint(words):
            return False
        if rule.requires:
            for name in rule.requires:
                if name not in seen:
                    seen[name] = self._present(name, words, has_digit)
                if not seen[name]:
                    return False
            return True
        return (rule.digits and has_digit) or (
            rule.cue is not None and not rule.cue.isdisjoint(words)
        )

    def _given_cue(self, rule: dict) -> frozenset[str]:
        """A rule's ``cue``: words (lowercase) and {vocabularies}, one of which every match
        holds; for patterns whose literal words are too common to spare them anything."""
        words: set[str] = set()
        for word in rule["cue"]:
            name = word[1:-1] if word.startswith("{") and word.endswith("}") else None
            if name is None:
                words.add(word.lower())
            elif name in self.vocab:
                words.update(w.split()[0] for w in self.vocab[name].exact)
                words.update(self.vocab[name].stems)
            else:
                raise ConfigError(f"time rule {rule['id']}: unknown cue {word}")
        return frozenset(words)

    def _cue(self, pattern: str, placeholders: set[str]) -> tuple[frozenset[str] | None, bool]:
        """Words one of which every match must contain: its vocabularies' and its literals."""
        words: set[str] = set()
        digits = bool(placeholders - set(self.vocab)) or "\\d" in pattern
        for name in placeholders & set(self.vocab) | ({"number"} & set(self.vocab)
                                                      if "num" in placeholders else set()):
            table = self.vocab[name]
            words.update(w.split()[0] for w in table.exact)
            words.update(table.stems)
        literal = re.sub(r"\[[^\]]*\]|\(\?P<\w+>|\\[A-Za-z]", " ", _PLACEHOLDER.sub(" ", pattern))
        words.update(w.lower() for w in re.findall(r"[^\W\d_]{2,}", literal))
        if not words:
            return None, digits
        return frozenset(words), digits

    def _trigger(self, rule: Rule) -> tuple[frozenset[str], bool]:
        """Cue words one of which, or whether a digit, a text needs before ``_may_match``
        can pass the rule (a necessary condition, checked by index for many rules)."""
        if rule.given_cue:
            return rule.cue or frozenset(), False
        if rule.requires:
            name = rule.requires[0]
            if name == "num":
                number = self.vocab.get("number")
                return (number.cue if number else frozenset()), True
            table = self.vocab.get(name)
            return (table.cue, False) if table else (frozenset(), True)
        return rule.cue or frozenset(), rule.digits

    def _triggered(self, words: set[str], has_digit: bool) -> list[int]:
        """Indices of the rules a text with these cue words (and digits) may hold, in order."""
        found = set(self._by_digit) if has_digit else set()
        for word in words:
            found.update(self._by_word.get(word, ()))
        return sorted(found)

    def active_rules(self, text: str) -> list[tuple[int, Rule]]:
        """The rules that may match somewhere in a text, with their order."""
        words, seen = self.cue_words.within(text.lower()), {}
        has_digit = _DIGIT.search(text) is not None
        return [(i, self.rules[i]) for i in self._triggered(words, has_digit)
                if self._may_match(self.rules[i], words, has_digit, seen)]

    def candidates(self, text: str, rules: list[tuple[int, Rule]] | None = None,
                   ) -> list[tuple[int, int, int, Rule, dict[str, str]]]:
        """(start, end, rule index, rule, groups) of every rule match starting a word.

        Rules that ignore case run on the lowercased text with lowercased patterns: the
        regex engine can then skip ahead on the first letters, some ten times faster.
        A placeholder used twice in a rule comes back under one name, its first value.
        """
        lowered = text.lower()
        same_length = len(lowered) == len(text)
        has_digit = _DIGIT.search(text) is not None
        words = self.cue_words.within(lowered)
        seen: dict[str, bool] = {}
        found = []
        allowed = None if rules is None else {i for i, _ in rules}
        for i in self._triggered(words, has_digit):
            rule = self.rules[i]
            if allowed is not None and i not in allowed \
                    or not self._may_match(rule, words, has_digit, seen):
                continue
            regex, subject = rule.regex, text
            if rule.lowercase and same_length:
                regex, subject = rule.lowered, lowered
            for match in regex.finditer(subject):
                start, end = match.span()
                if end <= start or (start and (text[start - 1].isalnum()
                                               or text[start - 1] in "._")):
                    continue
                groups: dict[str, str] = {}
                for name, value in match.groupdict().items():
                    if value is not None:
                        groups.setdefault(name.split("__")[0],
                                          text[match.start(name):match.end(name)])
                found.append((start, end, i, rule, groups))
        return found

    def lookup(self, vocab: str, word: str | None) -> Any:
        table = self.vocab.get(vocab)
        return table.get(word) if table else None
