"""The place gazetteer shipped in ``data/places.tsv.gz``: GeoNames places by name.

One row per place (country, region, city) with its centre, country, admin1
code and population, then a sorted index of names. A name is either one of the
place's own or official names, or an alias (an alternate or shortened name,
less sure). Loaded once per process; a lookup is a binary search.
"""

from __future__ import annotations

import gzip
import math
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "places.tsv.gz"
NAMES_MARK = "#names"
#: What follows a town's short name in its official one when the rest only says which
#: town of that name it is: a bracket, or the river or region it lies on or in.
QUALIFIERS = (" (", " am ", " an der ", " an den ", " im ", " in der ", " ob der ",
              " upon ")


def is_short_name(name: str, own_name: str) -> bool:
    """Whether ``name`` is a place's own name without its qualifier ("Marburg" of "Marburg
    an der Lahn"): the place's own name as the news writes it, no alternate one."""
    return own_name.startswith(name) and own_name[len(name):].startswith(QUALIFIERS)


#: Index flags: ``n`` a place's own name, ``a`` an alias, ``s`` a short name written in
#: capitals that names a place of its own (NSW, NRW), an alias too.
ALIAS_FLAGS = frozenset("as")


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    """One gazetteer place."""

    key: str  # GeoNames id where known, else "CC.admin1" (regions)
    geonameid: int | None
    kind: str  # country | region | city | other (continents)
    feature: str  # PCLI, CONT, ADM1, ADM2, PPLC (capital), PPL
    country: str  # ISO 3166-1 alpha-2
    admin1: str  # GeoNames admin1 code, "" for countries
    lat: float
    lon: float
    population: int
    name: str

    def contains(self, other: PlaceRecord) -> bool:
        """True when ``other`` lies inside this country or admin1 region."""
        if other is self or other.country != self.country:
            return False
        if self.kind == "country":
            return other.kind != "country"
        return self.feature == "ADM1" and other.admin1 == self.admin1 and other.kind == "city"


@dataclass(frozen=True, slots=True)
class Match:
    """A place a name can stand for; ``alias`` when matched by an alternate name."""

    place: PlaceRecord
    alias: bool


class PlaceGazetteer:
    """Places by exact name, by key and by country code.

    The file is read as two lists of lines (places, then the sorted name
    index); rows are parsed only when a lookup needs them, so loading costs
    little more than decompressing the file.
    """

    def __init__(self, path: Path = DATA_FILE):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            text = handle.read()
        places, _, names = text.partition(f"\n{NAMES_MARK}\n")
        self._rows = places.split("\n")[1:]
        self._names = names.rstrip("\n").split("\n")
        self._parsed: dict[int, PlaceRecord] = {}
        self._keys: dict[str, int] | None = None
        self.country_of: dict[str, PlaceRecord] = {}
        for position, row in enumerate(self._rows):
            if "\tcountry\t" not in row:
                break
            place = self.record(position)
            self.country_of[place.country] = place

    def __len__(self) -> int:
        return len(self._rows)

    def record(self, position: int) -> PlaceRecord:
        place = self._parsed.get(position)
        if place is None:
            key, kind, feature, country, admin1, lat, lon, population, name = (
                self._rows[position].split("\t"))
            place = PlaceRecord(key, int(key) if key.isdigit() else None, kind, feature, country,
                                admin1, float(lat), float(lon), int(population), name)
            self._parsed[position] = place
        return place

    def _ids(self, name: str) -> list[str]:
        """The index entries (flag and row) of exactly that name."""
        probe = name + "\0"
        position = bisect_left(self._names, probe)
        if position == len(self._names) or not self._names[position].startswith(probe):
            return []
        return self._names[position][len(probe):].split(",")

    def lookup(self, name: str) -> list[Match]:
        """Places of exactly that name (case and diacritics count). A name that only adds
        a qualifier, in brackets or after a word of ``QUALIFIERS`` ("Halle (Saale)",
        "Frankfurt am Main", "Marburg an der Lahn"), is the place's own name, not an
        alternate one."""
        out = []
        for i in self._ids(name):
            place = self.record(int(i[1:]))
            alias = i[0] in ALIAS_FLAGS and not is_short_name(name, place.name)
            out.append(Match(place, alias))
        return out

    def names(self) -> Iterator[tuple[str, list[tuple[int, bool]]]]:
        """Every indexed name with its (row, alias) pairs, for building matchers."""
        for line in self._names:
            name, _, ids = line.partition("\0")
            yield name, [(int(i[1:]), i[0] in ALIAS_FLAGS) for i in ids.split(",")]

    def shouted(self, name: str) -> bool:
        """Whether a name in capitals names a place of its own (NSW, NRW): indexed with the
        flag ``s``; every other shouted word is no place name."""
        return any(i[0] == "s" for i in self._ids(name))

    def brief(self, position: int) -> tuple[str, str, str, int, str]:
        """Key, kind, feature, population and name of a row, without making its record
        (building matchers reads every row once)."""
        key, kind, feature, _, _, _, _, population, name = self._rows[position].split("\t")
        return key, kind, feature, int(population), name

    def by_key(self, key: str) -> PlaceRecord | None:
        if self._keys is None:
            self._keys = {row[: row.index("\t")]: i for i, row in enumerate(self._rows)}
        position = self._keys.get(key)
        return None if position is None else self.record(position)

    def country(self, alpha2: str | None) -> PlaceRecord | None:
        return self.country_of.get(alpha2 or "")


def region_is_likelier(population: int, largest_city: int) -> bool:
    """Whether a region is the likelier place of its name than the cities of that name, the
    largest of which has ``largest_city`` people: unless one is as populous ("Gaza" is the
    city of 410,000, not Mozambique's province of 385,000; "Bayern" is the region)."""
    return population == 0 or population > largest_city


@lru_cache(maxsize=1)
def load_gazetteer() -> PlaceGazetteer:
    """The shipped gazetteer, loaded on first use and kept for the process."""
    return PlaceGazetteer()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
