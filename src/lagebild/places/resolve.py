"""Which place a name stands for: candidates from the gazetteer, scored in context.

The score of a candidate adds up a prior and what the article says:

- prior: log10 of the population, plus a bonus by kind (a country before a
  region before a city of the same name), minus a little when only an
  alternate name matched;
- a city that lies in a region of the same name goes before it (Almaty);
- a country's capital goes before other places of its name (Washington);
- the other places of the article: their countries and first-level regions
  (the more of them, the more), the countries and regions named that a
  candidate lies in, the places that lie in a candidate region or country,
  and for a town the other towns within 250 km, twice within 50 km (Georgia
  next to Tbilisi is the country, next to Atlanta the US state);
- "X, Y" where Y is a region or country: X inside Y (Moscow, Idaho);
- the country the article's source is in, where known.

Mentions of the same name share one place. The first round of context uses
the names that are clear by themselves and what the other names may stand for
(their candidates within ``PLAUSIBLE_MARGIN`` of their best prior): a town
gains for each other name with a candidate in its state (Gainesville, Hall
County and Georgia all have one in Georgia) and more for one within
``CLOSE_KM`` (Athens next to Meigs County is the town in Ohio). Later rounds
use the choices of all names, each change seen at once; three rounds suffice.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .gazetteer import Match, PlaceGazetteer, PlaceRecord, distance_km, region_is_likelier

KIND_BONUS = {"country": 3.0, "region": 1.0, "city": 0.0, "other": 3.0}
ALIAS_PENALTY = 3.0
COUNTY_PENALTY = 1.0
EPONYM_BONUS = 1.5
CAPITAL_BONUS = 2.0
SAME_COUNTRY, SAME_COUNTRY_MAX = 1.0, 4
SAME_REGION, SAME_REGION_MAX = 1.5, 3
NEAR, NEAR_KM, NEAR_MAX = 1.0, 250.0, 3
#: A town within CLOSE_KM of another counts CLOSE times as near.
CLOSE, CLOSE_KM = 2.0, 50.0
IN_MENTIONED_REGION = 3.0
IN_MENTIONED_COUNTRY = 1.5
CONTAINS_MENTIONED = 3.0
CONTAINER = 8.0
SOURCE_COUNTRY = 1.5
HINTED_COUNTRY = 1.0
ROUNDS = 3
#: Candidates of another name that count as what it may stand for: within this of its best prior.
PLAUSIBLE_MARGIN = 4.0
COHERENT_REGION, COHERENT_REGION_MAX = 2.5, 3
COHERENT_COUNTRY, COHERENT_COUNTRY_MAX = 0.5, 4
COHERENT_CLOSE, COHERENT_CLOSE_MAX = 3.0, 3
#: A name whose best candidate leads by this much without context informs the first round.
SURE_MARGIN = 3.0


@dataclass
class PlaceMention:
    """A place name in the text; ``country_hint`` is an alpha-2 code the entity ruler gave."""

    text: str
    start: int
    end: int
    country_hint: str | None = None
    container: PlaceMention | None = None
    candidates: list[Match] = field(default_factory=list)
    place: PlaceRecord | None = None


def name_variants(text: str, suffixes: tuple[str, ...] = ()) -> list[str]:
    """The name as written, without an inflection suffix, and in title case when shouted;
    a final full stop is kept first (Ky., W.Va.), then left off (end of a sentence)."""
    text = " ".join(text.split()).strip(",;:\"'“”„«»")
    # a bracket of the sentence goes, the qualifier of "Halle (Saale)" stays
    if text.count("(") != text.count(")") or (text[:1] == "(" and text[-1:] == ")"):
        text = text.strip("()")
    variants = [text] if text.endswith(".") else []
    text = text.rstrip(".")
    variants.append(text)
    for suffix in (*suffixes, "'s", "’s"):
        if text.endswith(suffix) and len(text) > len(suffix) + 2:
            variants.append(text[: -len(suffix)])
    if text.isupper() and len(text) > 3:
        variants.append(text.title())
    return variants


def find_candidates(gazetteer: PlaceGazetteer, mention: PlaceMention,
                    suffixes: tuple[str, ...] = ()) -> list[Match]:
    """Gazetteer matches of the first variant of the name that has any."""
    matches: list[Match] = []
    for variant in name_variants(mention.text, suffixes):
        matches = gazetteer.lookup(variant)
        if matches:
            break
    hinted = gazetteer.country(mention.country_hint)
    if hinted is not None and all(m.place is not hinted for m in matches):
        matches = [*matches, Match(hinted, False)]
    return matches


def prior(match: Match, eponyms: set[tuple[str, str]], largest_city: int = 0) -> float:
    """How likely a place is for its name by itself; ``largest_city``: the population of
    the largest city of the name, which a region must exceed to keep its kind's bonus."""
    place = match.place
    score = math.log10(place.population + 10)
    if place.kind != "region" or region_is_likelier(place.population, largest_city):
        score += KIND_BONUS.get(place.kind, 0.0)
    if match.alias:
        score -= ALIAS_PENALTY
    if place.feature == "ADM2":
        score -= COUNTY_PENALTY
    if place.kind == "city" and (place.country, place.admin1) in eponyms:
        score += EPONYM_BONUS
    if place.feature == "PPLC":
        score += CAPITAL_BONUS
    return score


class _Context:
    """What the current choices of all mentions say, minus one mention's own."""

    def __init__(self, chosen: list[PlaceRecord], km: dict | None = None):
        self.km: dict[tuple[int, int], float] = {} if km is None else km
        self.local: list[PlaceRecord] = []
        self.countries: Counter = Counter()
        self.admin1s: Counter = Counter()
        self.regions: Counter = Counter()
        self.inside_country: Counter = Counter()
        self.inside_region: Counter = Counter()
        self.named_countries: Counter = Counter()
        for place in chosen:
            self.add(place, 1)

    def add(self, p: PlaceRecord, count: int) -> None:
        """Count a chosen place in (1) or out (-1)."""
        if p.kind == "city" or p.feature == "ADM2":
            if count > 0:
                self.local.append(p)
            else:
                self.local.remove(p)
        self.countries[p.country] += count
        if p.kind == "country":
            self.named_countries[p.country] += count
        else:
            self.admin1s[p.country, p.admin1] += count
            self.inside_country[p.country] += count
        if p.feature == "ADM1":
            self.regions[p.country, p.admin1] += count
        if p.kind == "city":
            self.inside_region[p.country, p.admin1] += count

    def score(self, place: PlaceRecord, own: PlaceRecord | None) -> float:
        def others(counter: Counter, key, own_key) -> int:
            return counter[key] - (1 if own is not None and own_key == key else 0)

        own_country = own.country if own is not None else None
        score = SAME_COUNTRY * min(SAME_COUNTRY_MAX,
                                   others(self.countries, place.country, own_country))
        region = (place.country, place.admin1)
        if place.kind == "city" or place.feature == "ADM2":
            near = 0.0
            for p in self.local:
                # a degree of latitude is 111 km: most towns are ruled out without the haversine
                if p is not own and p is not place and abs(p.lat - place.lat) * 111 <= NEAR_KM:
                    pair = (id(p), id(place))
                    km = self.km.get(pair)
                    if km is None:
                        km = self.km[pair] = distance_km(p.lat, p.lon, place.lat, place.lon)
                    near += 0.0 if km > NEAR_KM else CLOSE if km <= CLOSE_KM else 1.0
            score += NEAR * min(NEAR_MAX, near)
            own_admin1 = (own.country, own.admin1) if own and own.kind != "country" else None
            score += SAME_REGION * min(SAME_REGION_MAX, others(self.admin1s, region, own_admin1))
        if place.kind != "country":
            own_named = own_country if own and own.kind == "country" else None
            if others(self.named_countries, place.country, own_named) > 0:
                score += IN_MENTIONED_COUNTRY
        if place.kind == "city":
            own_region = (own.country, own.admin1) if own and own.feature == "ADM1" else None
            if others(self.regions, region, own_region) > 0:
                score += IN_MENTIONED_REGION
        elif place.kind == "country":
            own_inside = own_country if own and own.kind != "country" else None
            if others(self.inside_country, place.country, own_inside) > 0:
                score += CONTAINS_MENTIONED
        elif place.feature == "ADM1":
            own_city = (own.country, own.admin1) if own and own.kind == "city" else None
            if others(self.inside_region, region, own_city) > 0:
                score += CONTAINS_MENTIONED
        return score


class _Coherence:
    """What the other names may stand for: for each first-level region and country, how
    many other names have a plausible candidate there (Gainesville, Hall County and Georgia
    all have one in the US state of Georgia)."""

    def __init__(self, priors: dict[str, list[tuple[Match, float]]]):
        self.regions: Counter = Counter()
        self.countries: Counter = Counter()
        self.own: dict[str, tuple[set, set]] = {}
        self.cells: dict[tuple[int, int], list[tuple[str, PlaceRecord]]] = {}
        for text, scored in priors.items():
            best = max(score for _, score in scored)
            plausible = [m.place for m, score in scored if score >= best - PLAUSIBLE_MARGIN]
            regions = {(p.country, p.admin1) for p in plausible if p.kind != "country"}
            countries = {p.country for p in plausible}
            self.regions.update(regions)
            self.countries.update(countries)
            self.own[text] = (regions, countries)
            for p in plausible:
                if p.kind == "city" or p.feature == "ADM2":
                    self.cells.setdefault((round(p.lat), round(p.lon)), []).append((text, p))

    def close(self, place: PlaceRecord, text: str) -> int:
        """How many other names have a plausible town or county within ``CLOSE_KM``."""
        lat, lon = round(place.lat), round(place.lon)
        names = set()
        for dlat in (-1, 0, 1):
            for dlon in (-1, 0, 1):
                for other, p in self.cells.get((lat + dlat, lon + dlon), ()):
                    if other != text and other not in names and distance_km(
                            p.lat, p.lon, place.lat, place.lon) <= CLOSE_KM:
                        names.add(other)
        return len(names)

    def score(self, place: PlaceRecord, text: str) -> float:
        regions, countries = self.own[text]
        score = 0.0
        if place.kind != "country":
            key = (place.country, place.admin1)
            score += COHERENT_REGION * min(COHERENT_REGION_MAX,
                                           self.regions[key] - (key in regions))
        others = self.countries[place.country] - (place.country in countries)
        score += COHERENT_COUNTRY * min(COHERENT_COUNTRY_MAX, others)
        if place.kind == "city" or place.feature == "ADM2":
            score += COHERENT_CLOSE * min(COHERENT_CLOSE_MAX, self.close(place, text))
        return score


def _container_score(place: PlaceRecord, mention: PlaceMention) -> float:
    container = mention.container.place if mention.container else None
    if container is not None and container.contains(place):
        return CONTAINER
    return 0.0


def resolve(mentions: list[PlaceMention], gazetteer: PlaceGazetteer,
            suffixes: tuple[str, ...] = (), source_country: str | None = None) -> None:
    """Set ``mention.place`` for every mention that has a candidate."""
    groups: dict[str, list[PlaceMention]] = {}
    looked_up: dict[tuple[str, str | None], list[Match]] = {}
    for mention in mentions:
        key = (mention.text, mention.country_hint)
        if key not in looked_up:
            looked_up[key] = find_candidates(gazetteer, mention, suffixes)
        mention.candidates = looked_up[key]
        if mention.candidates:
            groups.setdefault(mention.text, []).append(mention)
    if not groups:
        return
    priors: dict[str, list[tuple[Match, float]]] = {}
    for text, group in groups.items():
        candidates = {id(m.place): m for mention in group for m in mention.candidates}
        eponyms = {(m.place.country, m.place.admin1) for m in candidates.values()
                   if m.place.feature == "ADM1"}
        hints = {mention.country_hint for mention in group}
        largest_city = max((m.place.population for m in candidates.values()
                            if m.place.kind == "city" and not m.alias), default=0)
        scored = []
        for match in candidates.values():
            score = prior(match, eponyms, largest_city)
            if source_country and match.place.country == source_country:
                score += SOURCE_COUNTRY
            if match.place.kind == "country" and match.place.country in hints:
                score += HINTED_COUNTRY
            scored.append((match, score))
        priors[text] = scored
    # containers first: "Idaho" decides before "Moscow" in "Moscow, Idaho"
    order = sorted(groups, key=lambda text: groups[text][0].container is not None)
    choice: dict[str, PlaceRecord] = {}
    sure: set[str] = set()
    coherence = _Coherence(priors) if len(priors) > 1 else None
    context = None
    for round_ in range(ROUNDS + 1):
        # the first context comes only from the names that are clear by themselves;
        # later rounds see each change of choice at once
        if round_ in (1, 2):
            context = _Context([choice[t] for t in (sure if round_ == 1 else choice)],
                               None if context is None else context.km)
        for text in order:
            group = groups[text]
            contained = [m for m in group if m.container is not None]
            own = choice.get(text) if round_ != 1 or text in sure else None
            ranked = []
            for match, score in priors[text]:
                if contained:
                    score += max(_container_score(match.place, m) for m in contained)
                if context is not None:
                    score += context.score(match.place, own)
                if round_ == 1 and coherence is not None:
                    score += coherence.score(match.place, text)
                ranked.append((score, match.place))
            ranked.sort(key=lambda item: -item[0])
            if round_ == 0 and (len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= SURE_MARGIN):
                sure.add(text)
            if round_ >= 2 and choice[text] is not ranked[0][1]:
                context.add(choice[text], -1)
                context.add(ranked[0][1], 1)
            choice[text] = ranked[0][1]
            for mention in group:
                mention.place = ranked[0][1]


def link_containers(mentions: list[PlaceMention], text: str) -> None:
    """Mark "X, Y" pairs: Y right after X and a comma is X's container."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for first, second in zip(ordered, ordered[1:], strict=False):
        between = text[first.end:second.start]
        if between.strip() == "," and len(between) <= 3:
            first.container = second
