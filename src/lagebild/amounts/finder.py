"""Find counts in text: "2500 Soldaten", "2,5 Millionen Euro", "Tausende Demonstranten".

What a language writes as numbers (separators, number words, multipliers,
vague plurals, hedges like "rund") and which nouns it counts come from the
pack's ``amounts.toml``; the finding itself is the same for every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from ..lang.base import LanguagePack, per_pack
from ..lang.datafile import read_toml

_WORD = re.compile(r"\s*([^\W\d_][\w-]*|[€$£%])", re.UNICODE)
#: Modifiers allowed between a number and its noun ("2500 russische Soldaten").
MAX_MODIFIERS = 2


@dataclass(frozen=True)
class AmountMatch:
    start: int
    end: int
    text: str
    value: float
    unit: str | None
    approx: bool


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len,
                                                                         reverse=True))


class AmountFinder:
    """Counts and their counted nouns in one language."""

    def __init__(self, path: Path):
        data = read_toml(path)
        settings = data.get("settings", {})
        self.decimal = settings.get("decimal", ".")
        self.thousands = settings.get("thousands", ",")
        self.capitalised_nouns = settings.get("capitalised_nouns", False)
        self.not_nouns = {w.lower() for w in settings.get("not_nouns", [])}
        self.linkers = {w.lower() for w in settings.get("linkers", [])}
        self.numbers = {k.lower(): v for k, v in data.get("numbers", {}).items()}
        self.multipliers = {k.lower(): v for k, v in data.get("multipliers", {}).items()}
        self.vague = {k.lower(): v for k, v in data.get("vague", {}).items()}
        self.hedges = [w.lower() for w in data.get("approx", {}).get("words", [])]
        self.units: dict[str, str] = {}
        for lemma, forms in data.get("units", {}).items():
            for form in forms:
                self.units[form.lower()] = lemma
        if not self.units:
            raise ConfigError(f"amount grammar {path} lists no units")
        sep, dec = re.escape(self.thousands), re.escape(self.decimal)
        digits = rf"\d{{1,3}}(?:{sep}\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+)?"
        number = rf"(?P<digits>{digits})|(?P<word>{_alternation(self.numbers)})(?!\w)"
        self.pattern = re.compile(
            rf"(?<![\w.,])(?:(?P<hedge>{_alternation(self.hedges)})\s+)?"
            rf"(?:(?P<currency>[€$£])\s?)?"
            rf"(?:(?P<vague>{_alternation(self.vague)})(?!\w)|(?:{number})"
            rf"(?:\s*(?P<mult>{_alternation(self.multipliers)})(?!\w))?)(?![\w,.]\d)",
            re.IGNORECASE,
        )

    def _value(self, match: re.Match) -> float | None:
        if match.group("vague"):
            return float(self.vague[match.group("vague").lower()])
        if match.group("digits"):
            raw = match.group("digits").replace(self.thousands, "").replace(self.decimal, ".")
            value = float(raw)
        else:
            value = float(self.numbers[" ".join(match.group("word").lower().split())])
        if match.group("mult"):
            value *= self.multipliers[match.group("mult").lower()]
        return value

    def _unit(self, text: str, position: int) -> tuple[str | None, int]:
        """The counted noun after ``position``: its lemma (or form) and where it ends."""
        cursor, fallback = position, None
        link = _WORD.match(text, cursor)
        if link is not None and link.group(1).lower() in self.linkers:
            cursor = link.end()  # "thousands of people", "Tausende von Menschen"
        for _ in range(MAX_MODIFIERS + 1):
            word = _WORD.match(text, cursor)
            if word is None:
                break
            form = word.group(1)
            lemma = self.units.get(form.lower())
            if lemma is not None:
                return lemma, word.end()
            if self.capitalised_nouns and form[:1].isupper():
                return form, word.end()  # a German noun the table does not know
            if form.lower() in self.not_nouns:
                break
            if fallback is None and not self.capitalised_nouns and form.isalpha():
                fallback = (form.lower(), word.end())
            cursor = word.end()
        return fallback if fallback else (None, position)

    def find(self, text: str, skip: list[tuple[int, int]] = ()) -> list[AmountMatch]:
        """Amounts in ``text``, leaving out any that overlap a span in ``skip`` (dates)."""
        found = []
        for match in self.pattern.finditer(text):
            start, end = match.span()
            if any(start < s_end and s_start < end for s_start, s_end in skip):
                continue
            if match.group("digits") and text[end:end + 1] == "." and self.decimal == ",":
                if re.match(r"\.\s*[A-ZÄÖÜ]?[a-zäöü]", text[end:end + 4]):
                    continue  # German ordinal: "am 6. Januar", "der 3. Platz"
            value = self._value(match)
            if value is None:
                continue
            if match.group("currency"):
                unit, unit_end = self.units.get(match.group("currency")), end
            else:
                unit, unit_end = self._unit(text, end)
            if unit is None and not match.group("digits"):
                continue  # a number word without a noun is no amount ("eine", "one")
            if match.group("word") and not match.group("mult") and unit_end == end:
                continue
            found.append(AmountMatch(
                start, unit_end, text[start:unit_end], value, unit,
                approx=bool(match.group("hedge") or match.group("vague")),
            ))
        return found


@per_pack
def amount_finder(pack: LanguagePack) -> AmountFinder:
    """The amounts of a language pack (its ``amounts.toml``), read once per pack."""
    return AmountFinder(pack.data_dir / "amounts.toml")
