"""What the actors layer knows of a language: demonyms, role nouns and the leaders table.

All of it is data: ``demonyms.tsv`` and ``roles.tsv`` in each language pack,
``lagebild/data/leaders.tsv`` for the persons who speak for their states, and
``lagebild/data/persons.tsv`` (derived from the Phoenix actor dictionary) for more of
them, read by the packs whose ``actors.toml`` asks for it (``persons``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from ..lang.base import LanguagePack, per_pack
from ..lang.datafile import read_toml, read_tsv
from ..places.peoples import PEOPLES_FILE

LEADERS = Path(__file__).resolve().parent.parent / "data" / "leaders.tsv"
PERSONS = LEADERS.with_name("persons.tsv")
ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
#: The office of a person of a country who holds no office of government (persons.tsv).
ELITE = "elite"
#: The codes of bodies of states and of no state, which no one belongs to for life.
BODIES = frozenset({"UNO", "EUR", "IGO", "NGO", "ISM", "IMG", "MNC"})
#: The codes of bodies of states: the UN, the EU, the others (NATO, the AU, ...).
INTERNATIONAL = frozenset({"UNO", "EUR", "IGO"})
#: The sector of a company: its seat's country is not where its staff or its story are.
FIRM = "BUS"
#: The sectors of a state's own bodies: its troops and police are no recipient of its acts,
#: and its country is no target of theirs.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


@dataclass(frozen=True)
class Term:
    """One person in one office for one period."""

    country: str
    office: str
    start: date
    end: date | None
    names: tuple[str, ...]

    @property
    def key(self) -> str:
        return self.names[0]

    def covers(self, day: date | None) -> bool:
        return day is None or (self.start <= day and (self.end is None or day <= self.end))


class ActorLexicon:
    """Demonyms, role nouns and leaders for one language pack."""

    def __init__(self, data_dir: Path, leaders: Path = LEADERS, persons: Path = PERSONS):
        self.data_dir = data_dir
        # asked of nearly every word of every text: the answers kept for the words met
        self.role_of = lru_cache(maxsize=1 << 16)(self._role_of)
        self.leaders_path = leaders
        self.persons_path = persons

    @cached_property
    def settings(self) -> dict:
        """The pack's ``actors.toml`` (country adjuncts, demonym and capital actors), if any."""
        path = self.data_dir / "actors.toml"
        return read_toml(path) if path.is_file() else {}

    @cached_property
    def demonym_adjectives(self) -> dict[str, str]:
        """Every inflected adjective form ("kasachische") -> country code."""
        forms: dict[str, str] = {}
        for iso3, stems, _ in read_tsv(self.data_dir / "demonyms.tsv", 3):
            for stem in filter(None, stems.split("|")):  # (a people of no adjective)
                for ending in ADJECTIVE_ENDINGS:
                    forms[(stem + ending).lower()] = iso3
        return forms

    @cached_property
    def demonym_nouns(self) -> dict[str, str]:
        """Nouns for a country's people ("Kasachen") -> country code; a noun of an ending
        of ``demonym_genitives`` in its genitive too ("des Syrers")."""
        genitives = self.settings.get("demonym_genitives", {})
        nouns: dict[str, str] = {}
        for iso3, _, listed in read_tsv(self.data_dir / "demonyms.tsv", 3):
            for noun in filter(None, listed.split("|")):
                nouns[noun] = iso3
                for ending, suffix in genitives.items():
                    if noun.endswith(ending):
                        nouns.setdefault(noun + suffix, iso3)
        return nouns

    @cached_property
    def peoples(self) -> frozenset[str]:
        """The words for a people, a country's or a region's, in the singular too
        ("Kurds", "Kurd"): no surname alone of the persons table stands for them."""
        words = set(self.demonym_nouns)
        path = self.data_dir / PEOPLES_FILE
        if path.is_file():
            words.update(word for _, forms in read_tsv(path, 2) for word in forms.split("|"))
        words.update(word.capitalize() for word in self.demonym_adjectives)
        return frozenset(words | {word[:-1] for word in words if word.endswith("s")})

    @cached_property
    def roles(self) -> dict[str, str]:
        """Role nouns, lowercased ("soldaten", "security forces") -> PLOVER sector."""
        return {form.lower(): sector for sector, forms in read_tsv(self.data_dir / "roles.tsv", 2)
                for form in forms.split("|")}

    @cached_property
    def role_first_words(self) -> frozenset[str]:
        """First words of the role nouns of two words or more ("security" of "security
        forces"): only after one of them is the next word looked at."""
        return frozenset(form.split(" ", 1)[0] for form in self.roles if " " in form)

    @staticmethod
    def _read_terms(path: Path) -> list[Term]:
        if not path.is_file():
            return []
        return [Term(iso3, office, date.fromisoformat(start),
                     date.fromisoformat(end) if end else None, tuple(names.split("|")))
                for iso3, office, start, end, names in read_tsv(path, 5)[1:]]

    @cached_property
    def leader_terms(self) -> list[Term]:
        return self._read_terms(self.leaders_path)

    @cached_property
    def person_terms(self) -> list[Term]:
        """The persons table as the pack's ``persons`` setting takes it: "all" names, or
        "full_names" only, where a surname alone may be a common noun (German capitalises
        its nouns: the table's "Frist" is Bill Frist); none without the setting."""
        taken = self.settings.get("persons")
        if taken not in ("all", "full_names"):
            return []
        terms = self._read_terms(self.persons_path)
        if taken == "all":  # but no surname alone that names a people ("Kurd", "Catalan")
            return [replace(term, names=tuple(name for name in term.names
                                              if " " in name or name not in self.peoples))
                    for term in terms]
        full = [replace(term, names=tuple(name for name in term.names if " " in name))
                for term in terms]
        return [term for term in full if term.names]

    @cached_property
    def leader_spellings(self) -> frozenset[str]:
        """Every spelling the leaders table gives its persons."""
        return frozenset(name for term in self.leader_terms for name in term.names)

    @cached_property
    def other_persons(self) -> list[Term]:
        """The persons the leaders table does not hold: its dated terms win over the persons
        table's, which ends in 2014 ("Angela Merkel" is no government in 2023)."""
        return [term for term in self.person_terms
                if self.leader_spellings.isdisjoint(term.names)]

    @cached_property
    def terms(self) -> list[Term]:
        """The leaders table, then the other persons."""
        return self.leader_terms + self.other_persons

    @cached_property
    def terms_by_key(self) -> dict[str, list[Term]]:
        by_key: dict[str, list[Term]] = {}
        for term in self.terms:
            by_key.setdefault(term.key, []).append(term)
        return by_key

    @cached_property
    def leader_names(self) -> dict[str, str]:
        """Every spelling of a leader's name -> the leader's key (first spelling)."""
        names: dict[str, str] = {}
        for term in self.terms:
            for name in term.names:
                names.setdefault(name, term.key)
        return names

    @cached_property
    def surname_countries(self) -> dict[str, str]:
        """A surname -> the country of three in four or more of the terms of the leaders
        of the lists who bear it ("Clinton": USA, though one term was a UN envoy's to
        Haiti), for a surname the name finder did not read."""
        counts: dict[str, Counter] = {}
        for term in self.terms:
            surnames = {name.split()[-1] for name in term.names if " " in name}
            for surname in surnames:
                if term.country:
                    counts.setdefault(surname, Counter())[term.country] += 1
        out = {}
        for surname, found in counts.items():
            country, n = found.most_common(1)[0]
            if n * 4 >= sum(found.values()) * 3:
                out[surname] = country
        return out

    def ruler_patterns(self, forms) -> list[dict]:
        """Entity-ruler patterns for the leaders' names (PER), ``forms`` adding inflections."""
        return [{"label": "PER", "pattern": form, "id": f"leader:{key}"}
                for name, key in self.leader_names.items() if name in self.leader_spellings
                for form in forms(name)]

    @cached_property
    def person_patterns(self) -> dict[str, str]:
        """The other persons' names -> ``leader:<key>``, for a dictionary matcher (too many
        for the entity ruler to load quickly)."""
        return {name: f"leader:{self.leader_names[name]}" for term in self.other_persons
                for name in term.names}

    def last_term(self, key: str | None) -> Term | None:
        """The person's latest term (none for a name the lists lack)."""
        return max(self.terms_by_key.get(key or "", []), key=lambda t: t.start, default=None)

    def nationality(self, key: str | None) -> str | None:
        """The country of the person's latest term in a state's office, for a day no term
        covers: out of office he is still his country's ("Sarkozy" in 2024 is French),
        an official of a body of states out of it no longer the body's."""
        held = [t for t in self.terms_by_key.get(key or "", []) if t.country not in BODIES]
        return max(held, key=lambda t: t.start).country if held else None

    @cached_property
    def surname_keys(self) -> dict[str, tuple[str, ...]]:
        """A surname -> the persons of the lists who bear it, for a pack that reads the
        persons table by full names: a name finder's person named by the surname alone
        ("Kouchner forderte"). None where it is also a given name of the lists ("Karl",
        "Dietrich") or shorter than four letters."""
        keys: dict[str, set[str]] = {}
        given: set[str] = set()
        for term in self.terms:
            for name in term.names:
                if " " in name:
                    keys.setdefault(name.split()[-1], set()).add(term.key)
                    given.update(name.split()[:-1])
        return {surname: tuple(sorted(found)) for surname, found in keys.items()
                if surname not in given and len(surname) >= 4}

    def surname_in_office(self, surname: str, day: date | None) -> str | None:
        """The one person of the lists bearing the surname who held an office of
        government on the day ("Bush" in 2008: George W. Bush, not his father; with no
        day known, the one person bearing it who ever did); None where none or several
        did."""
        held = [key for key in self.surname_keys.get(surname, ())
                if (term := self.term_of(key, day)) is not None and term.office != ELITE]
        return held[0] if len(held) == 1 else None

    def term_of(self, key: str, day: date | None) -> Term | None:
        """The office the person held on the day (any office, when no day is known)."""
        held = self.terms_by_key.get(key, [])
        return next((t for t in held if t.covers(day) and t.office != ELITE), None) \
            or next((t for t in held if t.covers(day)), None)

    def source_country(self, url: str | None) -> str | None:
        """The country of the source where ``actors.toml`` names one: the URL's top-level
        domain ("….de/…" -> DEU), else the pack's default for papers in its language."""
        settings = self.settings
        if "source_country" not in settings:
            return None
        host = (url or "").split("//")[-1].split("/")[0].split(" ")[0]
        tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
        return settings.get("source_domains", {}).get(tld) or settings["source_country"]

    def _role_of(self, word: str) -> str | None:
        """The sector of a role noun, also at the end of a compound ("Regierungssprecher");
        where the pack's ``compound_roles`` gives a length, a compound the list lacks by
        its longest role noun of at least that many letters ("Landwirtschaftsminister")."""
        lower = word.lower()
        sector = self.roles.get(lower)
        if sector is None and "-" in word:
            sector = self.roles.get(word.rsplit("-", 1)[1].lower())
        shortest = self.settings.get("compound_roles", 0)
        if sector is None and shortest and word[:1].isupper():
            sector = next((self.roles[lower[k:]] for k in range(1, len(lower) - shortest + 1)
                           if lower[k:] in self.roles), None)
        return sector


@per_pack
def actor_lexicon(pack: LanguagePack) -> ActorLexicon:
    """The demonyms, role nouns and persons of a language pack, read once per pack."""
    return ActorLexicon(pack.data_dir)
