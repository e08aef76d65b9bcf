"""Name gazetteers of a language pack: countries and organisations as data.

Each entry knows the actor it stands for, so the entity ruler and the actors
layer read the same table. Inflected forms come from the pack's suffixes,
not from listing every form by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from .. import countries
from .datafile import read_tsv


@dataclass(frozen=True)
class GazetteerEntry:
    """One named thing: the key used as the entity id, and its actor coding."""

    key: str  # "country:KAZ" or "org:CSTO"
    label: str  # entity label: LOC for countries, ORG for organisations
    name: str  # canonical English name
    country: str  # ISO 3166-1 alpha-3, or UNO, EUR, IGO, NGO
    org: str | None
    names: tuple[str, ...]
    sector: str | None = None  # where the name says it: BUS for a company


class Gazetteer:
    """Countries and organisations of one language, with their inflected forms."""

    def __init__(self, data_dir: Path, name_suffixes: tuple[str, ...] = (),
                 no_suffix_after: str = "", region_prefixes: tuple[str, ...] = ()):
        self.data_dir = data_dir
        self.name_suffixes = name_suffixes
        self.no_suffix_after = no_suffix_after
        self.region_prefixes = region_prefixes

    @cached_property
    def entries(self) -> dict[str, GazetteerEntry]:
        entries: dict[str, GazetteerEntry] = {}
        for alpha3, names in read_tsv(self.data_dir / "countries.tsv", 2):
            key = f"country:{alpha3}"
            entries[key] = GazetteerEntry(
                key, "LOC", countries.name(alpha3), alpha3, None, tuple(names.split("|"))
            )
        for org, country, name, names, *sector in read_tsv(self.data_dir / "organizations.tsv",
                                                           4):
            key = f"org:{org}"
            entries[key] = GazetteerEntry(key, "ORG", name, country, org, tuple(names.split("|")),
                                          sector[0] if sector else None)
        return self._with_regions(entries)

    def _with_regions(self, entries: dict[str, GazetteerEntry]) -> dict[str, GazetteerEntry]:
        """A country's one-word names with a compass word joined in front ("Nordsyrien",
        "Ostukraine"): a part of that country, where no entry has that name of its own
        ("Nordkorea", "Südsudan" and "Nordirland" are names of their own)."""
        if not self.region_prefixes:
            return entries
        taken = {name.lower() for entry in entries.values() for name in entry.names}
        out = dict(entries)
        for key, entry in entries.items():
            if entry.label != "LOC":
                continue
            parts = [prefix + name.lower() for name in entry.names
                     if name.isalpha() and name[:1].isupper() and len(name) > 3
                     for prefix in self.region_prefixes]
            parts = [name for name in parts if name.lower() not in taken]
            if parts:
                out[key] = replace(entry, names=entry.names + tuple(parts))
        return out

    @cached_property
    def by_name(self) -> dict[str, GazetteerEntry]:
        """Each name and inflected form -> its entry ("UN", "Russlands", "OVKS")."""
        names: dict[str, GazetteerEntry] = {}
        for entry in self.entries.values():
            for name in entry.names:
                for form in self.forms(name):
                    names.setdefault(form, entry)
        return names

    @cached_property
    def namesakes(self) -> dict[str, tuple[GazetteerEntry, ...]]:
        """A name organisations of several countries bear -> those organisations, in the
        table's order ("SVP": the Swiss People's Party, listed first, and the South
        Tyrolean one; "Grüne": the parties of four countries). The entity ruler gives the
        name the first; the actors layer picks the source's or the story's."""
        by_name: dict[str, list[GazetteerEntry]] = {}
        for entry in self.entries.values():
            if entry.label == "ORG":
                for name in entry.names:
                    by_name.setdefault(name, []).append(entry)
        return {name: tuple(entries) for name, entries in by_name.items()
                if len({entry.country for entry in entries}) > 1}

    def forms(self, name: str) -> list[str]:
        """The name and its inflected forms (German genitive: Kasachstans)."""
        forms = [name]
        if " " not in name and name[-1:].isalpha() and name[-1] not in self.no_suffix_after:
            forms.extend(name + suffix for suffix in self.name_suffixes)
        return forms

    def ruler_patterns(self) -> list[dict]:
        """Phrase patterns for spaCy's entity ruler, the entry key as the entity id."""
        patterns, taken = [], set()
        for entry in self.entries.values():
            for name in entry.names:
                if entry.label == "ORG":
                    if name in taken:
                        continue  # an organisation's shared name: the first entry's
                    taken.add(name)  # (``namesakes``)
                for form in self.forms(name) if entry.label == "LOC" else [name]:
                    patterns.append({"label": entry.label, "pattern": form, "id": entry.key})
        return patterns

    def get(self, key: str) -> GazetteerEntry | None:
        return self.entries.get(key)
