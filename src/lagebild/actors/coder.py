"""Code the actors of a document: countries, organisations, persons and nominal groups.

- Named countries and organisations come coded from the gazetteer (KAZ, UNO, IGO + CSTO).
- Persons: a leader named in the table whose term covers the article date is his
  country's GOV; otherwise a title in front ("Russlands Präsident X", "der
  kasachische Minister X") gives country and sector; otherwise the country stays
  null. Later mentions by surname ("Tokajew", "Tokajews") join the same actor.
- Nominal groups: a role noun ("Soldaten", "Regierung") with a demonym adjective
  ("kasachische"), a country in the genitive ("Kasachstans", "der Regierung
  Kasachstans") or a country or organisation in a compound ("UN-Sprecherin",
  "US-Präsident"); a bare role noun takes the article's main country, marked
  ``inferred``.
- Where the pack's ``actors.toml`` says so (English): a country name in front of a role
  noun ("the Kenya government"), a demonym adjective alone ("Turkish air strikes")
  and a capital that is not a place ("Washington demanded") code actors too, and so
  does a place after a place preposition, for its country ("a bomb in Kabul").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

from spacy.tokens import Doc, Span, Token

from ..countries import alpha3
from ..lang.base import LanguagePack
from ..lang.gazetteer import GazetteerEntry
from ..lang.lemmas import table_lemmatizer
from ..model import Actor, Document, Entity
from ..model import Span as TextSpan
from ..places.gazetteer import load_gazetteer
from ..places.patterns import misread_places
from ..places.peoples import region_peoples
from ..tokens import sentence_of_tokens
from ..tokens import strings as token_strings
from .lexicon import BODIES, ELITE, FIRM, INTERNATIONAL, STATE_SECTORS, ActorLexicon, actor_lexicon

#: The sector of role nouns that take the actor they speak for ("Sprecherin").
NO_SECTOR = "-"
#: Tokens looked at before a role noun or a name for its country.
LOOK_BACK = 3
#: How alike two spellings of a first name are at least to be one name ("Wladimir",
#: "Vladimir"): difflib's ratio.
SAME_NAME = 0.6
#: Tokens at most between the comma after a person's name and a role noun in apposition.
APPOSITION_REACH = 6


@dataclass
class _Draft:
    name: str
    country: str | None
    sectors: list[str] = field(default_factory=list)
    org: str | None = None
    inferred: bool = False
    mentions: list[str] = field(default_factory=list)
    nominal: list[TextSpan] = field(default_factory=list)

    def code(self) -> str:
        return f"{self.country or ''}{self.sectors[0] if self.sectors else ''}" or "UNK"


#: The sector of private persons: their role nouns name different groups ("Mann", "Kunden").
PRIVATE = "CVL"


#: people a town must have for a name the NER alone read as a place to give its country
#: (as the gazetteer stage marks towns of this size)
TOWN_POPULATION = 15_000
#: words that join two demonyms before one role noun
COORDINATORS = {"und", "sowie", "and"}
#: tags between a place preposition and a demonym of one noun phrase ("in einer kleinen
#: britischen Gemeinde", "in sechs der neun deutschen")
SETTING_PHRASE_TAGS = {"ART", "CARD", "ADJA", "PIAT", "PIDAT", "PDAT", "ADV"}


def _is_people(key: tuple) -> bool:
    """A draft of a people named by its demonym ("Russen", "Kurds"), no role."""
    return key[0] == "nominal" and len(key) == 4 and key[2] is None and key[3] is None


def setting_country(lowers: list[str], tags: list[str], first: int, last: int,
                    demonyms: dict[str, str], prepositions: set[str],
                    phrase_tags: set[str]) -> str | None:
    """The country of a demonym adjective in a place phrase of tokens [first, last): "in
    einer kleinen britischen Gemeinde", "In sechs der neun deutschen Verteilzentren";
    where the story is set, not a party ("kritisierte die amerikanischen Zölle"), nor a
    phrase that goes on to name its place ("in der ehemaligen französischen Kolonie Mali")."""
    for i in range(first, last):
        country = demonyms.get(lowers[i])
        if country is None or tags[i] != "ADJA":
            continue
        noun = next((k for k in range(i + 1, last) if tags[k] != "ADJA"), last)
        if noun + 1 < last and tags[noun + 1] == "NE":
            continue
        j = i - 1
        while j >= first and tags[j] in phrase_tags:
            j -= 1
        if j >= first and lowers[j] in prepositions:
            return country
    return None


def _same_given_names(one: list[str], other: list[str]) -> bool:
    """Whether two first-name lists may name one person: either is empty, or the first
    names agree, an initial ("J.") with its name."""
    if not one or not other:
        return True
    a, b = one[0].rstrip("."), other[0].rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b


def _other_given_name(written: list[str], listed: list[str]) -> bool:
    """Whether the first names written before a listed person's surname are another
    person's: "Maria" for Angela Merkel; not a spelling of the same ("Wladimir",
    "Kassym-Schomart" for Vladimir Putin and Kassym-Jomart Tokayev), an initial, or a
    title beside the name ("President Joe Biden")."""
    if not written or not listed:
        return False
    listed = [name.rstrip(".").lower() for name in listed]
    for word in (name.rstrip(".").lower() for name in written):
        if any((len(word) == 1 or len(name) == 1) and word[0] == name[0]
               or SequenceMatcher(None, word, name).ratio() >= SAME_NAME for name in listed):
            return False
    return True


def prefix_entry(pack: LanguagePack, prefix: str):
    """The gazetteer's country or organisation a compound's first part names, by name or
    by the abbreviation the pack spells out (``compound_prefixes``: "US" -> USA)."""
    prefixes = actor_lexicon(pack).settings.get("compound_prefixes", {})
    return pack.gazetteer.by_name.get(prefixes.get(prefix, prefix))


class _Coder:
    def __init__(self, doc: Doc, document: Document, pack: LanguagePack, day: date | None):
        self.doc, self.document, self.pack, self.day = doc, document, pack, day
        self.lexicon: ActorLexicon = actor_lexicon(pack)
        self.texts = token_strings(doc)  # as strings once: the role scan reads every word
        self.lowers = token_strings(doc, "LOWER")
        # a role list may hold the lemma only: "Jugendlichen", "Fahrgäste" -> Jugendliche, Fahrgast
        self.lemmas = token_strings(doc, "LEMMA")
        self.sent_start, self.sent_end = sentence_of_tokens(doc)
        self.tags = token_strings(doc, "TAG")
        self.drafts: dict[tuple, _Draft] = {}
        self.entities = {(e.start, e.end): e for e in document.entities}
        self.in_entity: set[int] = set()
        self.in_place: set[int] = set()  # tokens of names the gazetteer reads as places
        self.coded: set[int] = set()  # tokens of the named mentions that became actors
        self.token_entry: dict[int, object] = {}  # token index -> gazetteer entry
        self.token_draft: dict[int, _Draft] = {}  # first token of a named mention -> actor
        self.place_countries: list[str] = []  # countries of the cities and regions named,
        # not as where someone goes
        self.place_at: dict[int, str] = {}  # the first token of such a name: its country
        #: the entities named as where someone goes ("schob … nach Afghanistan ab"): the
        #: story is not set there
        self.destinations: set[str] = set()
        self.settings = self.lexicon.settings
        self.capital_nouns = bool(self.settings.get("capital_nouns"))
        self.address_forms = set(self.settings.get("address_forms", ()))
        self.capitalised_adjectives = bool(self.settings.get("capitalised_adjectives"))
        self.in_role: set[int] = set()  # tokens of the role spans (their adjectives included)
        self.heads: list[tuple[int, str, str]] = []  # role spans with a country: first
        # token, the lemma of their noun, the country
        self._sentence_places: dict[int, str | None] | None = None  # sentence -> country
        # the prepositions of a place phrase whose demonym tells where a story is set
        self.setting_prepositions = set(self.settings.get("setting_prepositions", ()))
        #: words between a role noun and the country or organisation after it
        self.country_links = set(self.settings.get("country_links", ()))
        self.link_articles = set(self.settings.get("link_articles", ()))
        # capitals and states of a federation standing for their governments: the name,
        # its country and the key of its draft (a capital's is its country's government,
        # a state's its own)
        self.governments: list[tuple[Span, str, tuple]] = []
        self.places: list[tuple[Span, str]] = []  # places standing for their country
        self.titled: list[_Draft] = []  # persons after a title that names no country
        self.ents = ents = list(doc.ents)  # each doc.ents builds its spans anew
        # the countries the article names: a place name several places share is read as
        # the one in them ("Namanga", Tanzania, not Namangan in Uzbekistan)
        named = {ent.ent_id_[len("country:"):] for ent in ents
                 if ent.ent_id_.startswith("country:")}
        # and those it names by a demonym, where their place of the name is the larger
        # ("Cherbourg" beside "French dock workers"; "Görlitz" beside "sein polnischer
        # Amtskollege" stays the German town)
        by_demonym = {country for word in set(self.lowers)
                      if (country := self.lexicon.demonym_adjectives.get(word))}
        for ent in ents:
            self.in_entity.update(range(ent.start, ent.end))
            if ent.ent_id_.startswith(("place:", "country:")):
                self.in_place.update(range(ent.start, ent.end))
            if ent.ent_id_.startswith("place:"):
                record = self.place_record(ent, named, by_demonym)
                country = alpha3(record.country) if record else None
                capital = self.capital(ent)
                region = self.region(ent) if capital is None else None
                after_preposition = self.after_place_preposition(ent)
                if country and not self.destination(ent):  # where the story's parties
                    self.place_countries.append(country)  # are: not "reiste nach Warschau"
                    self.place_at[ent.start] = country
                if (capital or region) and not after_preposition \
                        and not self.before_role(ent) and not self.dateline(ent):
                    # (not "the Paris prosecutor": a role of the city); "Bayern klagt gegen
                    # den Bund": the state's government
                    self.governments.append((ent, capital, ("capital", capital)) if capital
                                            else (ent, region, ("region", ent.text)))
                elif country and after_preposition and self.settings.get("place_actors") \
                        and not (ent.end < len(doc) and doc[ent.end].text[:1].isupper()):
                    self.places.append((ent, country))  # not "of South Korean ..."
            elif ent.label_ == "LOC" and not ent.ent_id_ \
                    and ent.text not in misread_places(pack.data_dir):  # a place the NER
                record = self.town_of(ent.text, named)  # found and the gazetteer knows
                # ("Cherson"; not a common word it took for one: "Kanton")
                if record is not None and record.country and not self.destination(ent):
                    self.place_countries.append(alpha3(record.country))
                    self.place_at[ent.start] = alpha3(record.country)
        self.named_countries = named
        for ent in ents:  # once the story's places are known
            entry = self.local_entry(ent.text, pack.gazetteer.get(ent.ent_id_))
            if entry is not None:
                for i in range(ent.start, ent.end):
                    self.token_entry[i] = entry

    def local_entry(self, name: str, entry: GazetteerEntry | None) -> GazetteerEntry | None:
        """A name parties of several countries bear ("SVP", "Grüne", "SVP-Fraktion"):
        the party of ``local_country``; any other name: its entry."""
        namesakes = self.pack.gazetteer.namesakes.get(name)
        if entry is None or not namesakes:
            return entry
        country = self.local_country([namesake.country for namesake in namesakes])
        return next(namesake for namesake in namesakes if namesake.country == country)

    def local_country(self, countries: list[str]) -> str:
        """Of the countries a name or an office may be of, the usual one first: the
        source's, else the only one the story names, else the usual one (a Landeshauptmann
        is Austrian, in a paper of South Tyrol or beside Bozen Italian)."""
        if (source := self.source_country()) in countries:
            return source
        named = {country for country in countries
                 if country in self.named_countries or country in self.place_countries}
        return named.pop() if len(named) == 1 else countries[0]

    def destination(self, ent: Span) -> bool:
        """Whether a preposition of direction (``destination_prepositions``) opens the
        name's noun phrase: "reiste nach Warschau", "nach der polnischen Hauptstadt"."""
        return self.preposition_before(ent, self.settings.get("destination_prepositions", ()))

    def preposition_before(self, ent: Span, prepositions) -> bool:
        """Whether one of ``prepositions`` opens the name's noun phrase, over the words
        ``phrase_tags`` allows (``phrase_words`` and demonyms, where a pack's model tags no
        words: "in the Somali capital Mogadishu")."""
        phrase = set(self.settings.get("phrase_tags", ()))
        words = set(self.settings.get("phrase_words", ()))
        i = ent.start - 1
        while i >= 0 and ent.start - i <= 4 and self.doc[i].lower_ not in prepositions \
                and (self.doc[i].tag_ in phrase or not self.doc[i].tag_ and (
                    self.lowers[i] in words or self.lowers[i] in self.lexicon.demonym_adjectives)):
            i -= 1
        return i >= 0 and self.doc[i].lower_ in prepositions

    def after_place_preposition(self, ent: Span) -> bool:
        """Whether a place preposition opens the name's noun phrase: "in Moskau", also
        "in der kenianischen Hauptstadt Nairobi" over the words ``phrase_tags`` allows."""
        return self.preposition_before(ent, self.settings.get("place_prepositions", ()))

    @staticmethod
    def place_record(ent: Span, named: set[str], by_demonym: set[str] | frozenset = frozenset()):
        """The gazetteer place of a place name: the name matcher's, unless it lies outside
        the countries the article names and another place of that name lies inside, or a
        larger one lies in a country it names by a demonym; a capital by its own name stays
        itself ("London" in a story that names the United States is no town in Kentucky,
        "Moscow" none in Idaho)."""
        gazetteer = load_gazetteer()
        record = gazetteer.by_key(ent.ent_id_[len("place:"):])
        if record is None or alpha3(record.country) in named or not (named or by_demonym):
            return record
        matches = gazetteer.lookup(ent.text)
        if any(m.place.feature == "PPLC" and m.place.country == record.country and not m.alias
               for m in matches):  # the capital, or the region of its name (Moscow's
            return record  # federal city): not a town of that name elsewhere
        own_names = any(not m.alias for m in matches)  # not "Port Angeles" for Cherbourg
        for match in matches:
            if alpha3(match.place.country) in named and not (match.alias and own_names):
                return match.place
        if alpha3(record.country) in by_demonym:
            return record
        return max((m.place for m in matches if alpha3(m.place.country) in by_demonym
                    and m.place.population > record.population),
                   key=lambda place: place.population, default=record)

    @staticmethod
    def town_of(name: str, named: set[str]):
        """The gazetteer's town or region of a name the NER read as a place and no list
        marked (German exonyms: "Cherson", "Charkiw"): of those with at least
        ``TOWN_POPULATION`` people, one in a country the article names, else the largest. A
        country's own name is that country ("Kongo": not the town of Koungou that has it as
        another name); a genitive's "s" may be taken off ("Chersons")."""
        matches = load_gazetteer().lookup(name)
        if not matches and name.endswith("s"):
            matches = load_gazetteer().lookup(name[:-1])
        countries = [m.place for m in matches if m.place.feature.startswith("PCL") and not m.alias]
        if countries:
            return max(countries, key=lambda p: p.population)
        places = [m.place for m in matches if m.place.feature.startswith(("PPL", "ADM1"))
                  and m.place.population >= TOWN_POPULATION]
        inside = [p for p in places if alpha3(p.country) in named]
        return max(inside or places, key=lambda p: p.population, default=None)

    def dateline(self, ent: Span) -> bool:
        """A place that opens its sentence as a dateline does, followed by a date or an
        agency in brackets ("Berlin, 13.01.2009: …", "Kiew (dpa) - …"): where the report is
        from, no government acting."""
        doc = ent.doc
        if ent.start != self.sent_start[ent.start] or ent.end + 1 >= len(doc):
            return False
        mark, after = doc[ent.end].text, doc[ent.end + 1].text
        return mark == "(" or mark == "," and after[:1].isdigit()

    def capital(self, ent: Span) -> str | None:
        """The country whose capital (or seat of government) the name is, where the pack
        codes capitals as actors: "Moscow" -> RUS, "Washington" -> USA (``[seats]``)."""
        if not self.settings.get("capital_actors"):
            return None
        seat = self.settings.get("seats", {}).get(ent.text)
        if seat:
            return seat
        matches = load_gazetteer().lookup(ent.text)
        for match in sorted(matches, key=lambda m: m.alias):  # own names before exonyms
            if match.place.feature == "PPLC" and (not match.alias or self.settings.get(
                    "capital_exonyms")):  # "Peking", "Moskau"
                return alpha3(match.place.country)
        return None

    def region(self, ent: Span) -> str | None:
        """The country of a state of a federation named without a place preposition,
        where the pack codes such states as their governments ("Bayern klagt gegen den
        Bund", "Das Land NRW übernimmt die Kosten": ``region_actors``): a first-level
        region of the gazetteer, under its own name or an alias."""
        if not self.settings.get("region_actors") \
                or ent.start and ent.doc[ent.start - 1].tag_ == "ART":
            return None  # "die Bayern": a team or the people, not the state
        matches = load_gazetteer().lookup(ent.text)
        region = next((m for m in matches if m.place.feature == "ADM1"), None)
        if region is None or any(m.place.feature.startswith("PPL") and not m.alias
                                 for m in matches):  # "Zürich", "Salzburg": the city too
            return None
        return alpha3(region.place.country)

    # -- drafts ---------------------------------------------------------------

    def draft(self, key: tuple, **values) -> _Draft:
        if key not in self.drafts:
            self.drafts[key] = _Draft(**values)
        return self.drafts[key]

    def link(self, draft: _Draft, entity: Entity | None, span: Span | None = None) -> None:
        if entity is not None:
            draft.mentions.append(entity.id)
        elif span is not None:
            draft.nominal.append(TextSpan(text=span.text, start=span.start_char,
                                          end=span.end_char))

    # -- context around a word ------------------------------------------------

    def genitive_country(self, i: int, adjunct: bool = True) -> str | None:
        """The country of a token in the genitive: "Russlands", "Russia 's"; where the pack
        has country adjuncts and ``adjunct`` is true, also a bare name ("Kenya")."""
        entry = self.token_entry.get(i)
        if entry is None or entry.label != "LOC":
            return None
        first = i  # the whole name: "Saudi Arabia", not its last word alone
        while first > 0 and self.token_entry.get(first - 1) is entry:
            first -= 1
        written = self.doc[first:i + 1].text
        following = self.doc[i + 1].text if i + 1 < len(self.doc) else ""
        if written not in entry.names or following in ("'s", "’s", "'", "’") \
                or adjunct and self.settings.get("country_adjuncts"):
            return entry.country
        return None

    def country_before(self, index: int) -> str | None:
        """A demonym adjective or a genitive country just before a token, adjectives between."""
        sentence_start = self.sent_start[index]
        for i in range(index - 1, max(sentence_start, index - LOOK_BACK) - 1, -1):
            token = self.doc[i]
            if token.lower_ in self.settings.get("led_by", ()) and i - 2 >= sentence_start \
                    and self.doc[i - 1].text == "-":  # "US-led forces", "Saudi-led coalition"
                leader = self.doc[i - 2]
                return self.lexicon.demonym_adjectives.get(leader.lower_) \
                    or self.genitive_country(i - 2)
            iso3 = self.lexicon.demonym_adjectives.get(token.lower_)
            if iso3 is None and i == index - 1:  # "Schweizer Soldaten", "Hamburger Polizei"
                iso3 = self.lexicon.demonym_nouns.get(token.text) or self.city_demonym(token.text)
            if i > sentence_start:  # "South Korean", "North Korean"
                iso3 = self.lexicon.demonym_adjectives.get(
                    f"{self.lowers[i - 1]} {token.lower_}") or iso3
            while iso3 and i - 1 >= sentence_start and i == index - 1 \
                    and self.lowers[i - 1] in self.lexicon.demonym_adjectives:
                i -= 1  # "Bosnian Serb policemen", "Iraqi Kurdish fighters": the first is the
                iso3 = self.lexicon.demonym_adjectives[self.lowers[i]]  # state, then a people
            if iso3:
                return iso3
            if token.text in ("'s", "’s") and i > sentence_start:
                continue
            country = self.genitive_country(i, adjunct=i == index - 1)
            if country:
                return country
            if (token.is_punct or i in self.in_entity or not token.is_lower) \
                    and self.demonym_through_capitals(i) is None:
                break
        return None

    def demonym_through_capitals(self, i: int) -> int | None:
        """The demonym adjective before a run of capitalised words that ends at token i,
        where the language capitalises adjectives of faiths and parties ("Russian Orthodox
        pilgrims", "French Socialist lawmakers"); None elsewhere."""
        if not self.capitalised_adjectives:
            return None
        first = self.sent_start[i]
        for j in range(i, max(first, i - 2) - 1, -1):
            if j == first or j in self.coded or j in self.token_entry \
                    or not self.texts[j][:1].isupper() or not self.texts[j].isalpha() \
                    or self.lowers[j] in self.lexicon.demonym_adjectives:
                break  # a name ("Red Cross") or a demonym of its own
            before = j - 1
            if before >= first and self.lowers[before] in self.lexicon.demonym_adjectives \
                    and self.texts[before][:1].isupper():
                return before
        return None

    def context_country(self, i: int) -> str | None:
        """The country of a role noun that its sentence's words tell (``context_roles``:
        "die Kommission" beside "Vertragsverletzungsverfahren" or "EU-Staaten": EUR)."""
        rule = self.settings.get("context_roles", {}).get(self.lowers[i])
        if rule is None:
            return None
        words = set(rule.get("when", ()))
        sentence = range(self.sent_start[i], self.sent_end[i])
        return rule["country"] if any(self.texts[j] in words
                                       or self.texts[j].split("-")[0] in words
                                       for j in sentence) else None

    def city_demonym(self, word: str) -> str | None:
        """The country of a city or region named by its adjective in -er, where the pack
        reads them: "Hamburger" -> Hamburg -> DEU, "Münchner" -> München, "Tiroler" (the
        pack's region peoples) -> Tyrol -> AUT."""
        suffix = self.settings.get("city_demonym_suffix")
        if not suffix or not word.endswith(suffix) or not word[:1].isupper():
            return None
        region = region_peoples(self.pack).get(word)  # "Tiroler Landesregierung": Tyrol
        if region is not None and region.country:
            return alpha3(region.country)
        stem = word[: -len(suffix)]
        irregular = self.settings.get("city_demonyms", {}).get(word)
        # "Basler" -> Basel, "Kasseler"/"Kassler" -> Kassel: an "e" the adjective drops
        dropped_e = stem[:-1] + "e" + stem[-1] if stem[-1:] in ("l", "r") else None
        for name in (irregular, stem, stem + "en",
                     stem[:-1] + "en" if stem.endswith("n") else None, dropped_e):
            places = load_gazetteer().lookup(name) if name else []
            cities = [m.place for m in places if (not m.alias or name == irregular)
                      and m.place.feature.startswith("PPL")]  # "Moskauer": an exonym
            if cities:  # "Pariser": Paris in France, not in Ontario
                return alpha3(max(cities, key=lambda place: place.population).country)
        return None

    def country_after(self, index: int) -> str | None:
        """A genitive country after a role noun, or the country of a genitive organisation:
        "der Regierung Kasachstans", "die Abgeordneten des Europäischen Parlaments", or of
        a city or region after "in", "von", "aus": "die Regierung in Caracas"."""
        i = self.name_after(index)
        if i is None:
            return None
        entry = self.token_entry.get(i)
        linked = i > index + 1
        if entry is None:  # "die Regierung in Caracas", "die Bürgermeisterin von Lampedusa"
            if not linked:
                return None
            demonym = self.lexicon.demonym_adjectives.get(self.lowers[i]) \
                if i + 1 < self.sent_end[i] else None
            if demonym is not None and i not in self.place_at:
                self.in_role.add(i)  # "inhabitants of the Syrian Golan": the demonym tells
                return demonym  # whose the place is, and is no party of its own
            return self.place_at.get(i)
        if entry.label == "ORG":  # "die Abgeordneten des Europäischen Parlaments": EUR;
            # a firm works in many countries ("die Beschäftigten von Amazon" in Leipzig)
            return entry.country if linked and entry.sector != FIRM else None
        if entry.label != "LOC":
            return None
        return entry.country if linked or self.genitive_country(i, adjunct=False) else None

    def name_after(self, index: int) -> int | None:
        """Where a name may stand after the role noun ending at token ``index``: past
        one link word and an article ("the government of Kenya", "groups in the United
        States", "Flüchtlinge aus dem Irak"), or right after it ("Kasachstans"); None
        where more words or the sentence's end come first."""
        sentence_end = self.sent_end[index]
        i = index + 1
        while i < sentence_end and self.lowers[i] in self.country_links:
            i += 1
        if i > index + 1 and i < sentence_end and self.lowers[i] in self.link_articles:
            i += 1
        if i >= sentence_end or i > index + 2 and not (
                i == index + 3 and self.lowers[i - 1] in self.link_articles):
            return None
        return i

    def compound_entry(self, token: Token):
        """The country or organisation in front of a compound: "UN-Sprecherin" -> UN."""
        if "-" not in token.text:
            return None
        prefix = token.text.rsplit("-", 1)[0]
        return self.local_entry(prefix, prefix_entry(self.pack, prefix))

    # -- passes ---------------------------------------------------------------

    def named(self) -> None:
        for ent in self.ents:
            entity = self.entities.get((ent.start_char, ent.end_char))
            if entity is None:
                continue
            if ent.label_ == "LOC" and self.settings.get("destinations_elsewhere") \
                    and self.destination(ent):
                self.destinations.add(entity.id)
            entry = self.token_entry.get(ent.start)
            body = self.body_of_country(ent, entry)
            if body is not None:  # "US Congress": a body of the country, not the country
                draft = self.draft(("nominal", entry.country, None, body), name=ent.text,
                                   country=entry.country, sectors=[body])
                self.link(draft, entity)
            elif entry is not None:
                draft = self.draft(("entry", entry.key), name=entry.name, country=entry.country,
                                   org=entry.org)
                # "Bundeswehr": a body with a sector; "Lufthansa": a company
                sector = entry.sector or self.lexicon.role_of(ent.text)
                if sector and sector != NO_SECTOR and sector not in draft.sectors:
                    draft.sectors.append(sector)
                self.link(draft, entity)
            elif self.listed_surname(ent, entity):  # "Kouchner" read as a place
                draft = self.person(ent, entity)
            elif entity.label == "ORG" and (placed := self.body_of_town(ent)) is not None:
                sector, country = placed  # "Staatsanwaltschaft Bozen": the town's body
                draft = self.draft(("nominal", country, None, sector), name=ent.text,
                                   country=country, sectors=[sector])
                self.link(draft, entity)
            elif entity.label == "ORG" and self.settings.get("unlisted_organisations") \
                    and not self.lexicon.role_of(ent.text.split()[-1]) \
                    and ent.text.lower() not in self.lexicon.demonym_adjectives:
                # a party, union, company the lists lack: domestic unless named otherwise
                # ("das britische Label EMI": British); "Hamburger Polizei" is a role
                country = self.country_before(ent.start)
                if country is None and ent.start and self.doc[ent.start - 1].tag_ == "NN":
                    country = self.country_before(ent.start - 1)
                prefix = self.compound_entry(self.doc[ent.start])  # "EU-Kommission", "UN-..."
                org = prefix.org if prefix is not None else None
                if prefix is not None:
                    country = prefix.country
                if country is None:  # "Der Österreichische Alpenverein": its own name says
                    country = next((self.lexicon.demonym_adjectives[t.lower_] for t in ent
                                    if t.lower_ in self.lexicon.demonym_adjectives), None)
                draft = self.draft(("org", ent.text), name=ent.text, country=country, org=org)
                self.link(draft, entity)
            elif entity.label == "PER" and not (
                len(ent) == 1 and (self.lexicon.role_of(ent.text)
                                   or ent.text in self.lexicon.demonym_nouns)
            ) and not self.modifies_role(ent):  # a role noun the NER took for a name is
                draft = self.person(ent, entity)  # read as a role below
            else:
                continue
            self.token_draft[ent.start] = draft
            self.coded.update(range(ent.start, ent.end))
        self.international_appositions()
        for ent, country in self.places:  # "a bomb in Kabul": AFG as the place hit
            draft = self.draft(("place", country), name=ent.text, country=country)
            self.link(draft, self.entities.get((ent.start_char, ent.end_char)), ent)
        for ent, country, key in self.governments:
            draft = self.draft(key, name=ent.text, country=country, sectors=["GOV"])
            self.link(draft, self.entities.get((ent.start_char, ent.end_char)), ent)
            self.token_draft[ent.start] = draft
            self.coded.update(range(ent.start, ent.end))

    def body_of_town(self, ent: Span) -> tuple[str, str] | None:
        """The sector and country of a name the NER read as an organisation that is a role
        noun and a town the gazetteer knows ("Staatsanwaltschaft Bozen", "Polizei Zürich"):
        a body of that town, not an organisation of the source's country."""
        if len(ent) < 2:
            return None
        sector, end = self.role_at(ent.start)
        if sector in (None, NO_SECTOR) or end >= ent.end:
            return None
        town = self.town_of(self.doc[end:ent.end].text, self.named_countries)
        return (sector, alpha3(town.country)) if town is not None and town.country else None

    def listed_surname(self, ent: Span, entity: Entity) -> bool:
        """A one-word name the name finder took for a place (an unknown foreign name at a
        sentence's start: "Kouchner forderte") that is the surname of a person of the
        lists in office on the day, and no name of a place or body: that person."""
        return entity.label == "LOC" and len(ent) == 1 and ent[0].tag_ in ("NE", "PROPN") \
            and not ent.ent_id_ and self.listed_in_office(ent.text) is not None \
            and not self.lexicon.role_of(ent.text) and ent.text not in self.lexicon.demonym_nouns

    def listed_in_office(self, text: str) -> str | None:
        """The one person of the lists bearing a one-word name as surname who held an
        office of government on the day (``persons = "full_names"``, which reads the table
        by full names; not a word the lemma table knows, "Stein"): of a surname alone,
        only such a person is sure enough to code."""
        if " " in text or text in self.lexicon.leader_names \
                or self.settings.get("persons") != "full_names" \
                or text not in self.lexicon.surname_keys or self.known_word(text):
            return None
        return self.lexicon.surname_in_office(text, self.day)

    def known_word(self, text: str) -> bool:
        """Whether the pack's lemma table knows the word ("Stein", "Arena", "Wolf"): a
        surname that is also a noun or a place is left to the name finder (not one the
        table holds only as a name's genitive: "Bushs")."""
        table = table_lemmatizer(self.pack.data_dir)
        return table is not None and table.knows_as_word(text)

    def person_ending_at(self, end: int) -> _Draft | None:
        """The draft of the person whose name ends before token ``end``."""
        return next((self.token_draft.get(ent.start) for ent in self.ents
                     if ent.end == end and ent.label_ == "PER"), None)

    def person_before(self, start: int) -> _Draft | None:
        """A person named right before a role noun of government, whose office it is: "the
        Obama administration" (``country_adjuncts``)."""
        if not self.settings.get("country_adjuncts"):
            return None
        draft = self.person_ending_at(start)
        if draft is None or not self.is_person(draft):
            return None
        if draft.country is None:  # out of office on the day: his last office's country
            last = self.lexicon.last_term(self.lexicon.leader_names.get(draft.name))
            if last is None:
                return None
            draft.country = last.country
        return draft

    def leader_before(self, start: int) -> str | None:
        """The country of the leaders of a surname before a role noun, where no person is
        coded there: "the Clinton administration" (``country_adjuncts``)."""
        i = start - 1
        if not self.settings.get("country_adjuncts") or i < self.sent_start[start] \
                or i in self.coded or not self.texts[i][:1].isupper():
            return None  # (a one-word name of no list before a role noun is not coded:
        return self.lexicon.surname_countries.get(self.texts[i])  # ``modifies_role``)

    def international_appositions(self) -> None:
        """A person named with an office of a body of states in apposition acts for that
        body, whatever country the persons table gives ("X, the United Nations relief
        coordinator,": the UN; ``international_bodies``): the text tells the office held
        then, the table another one."""
        bodies = set(self.settings.get("international_bodies", ()))
        if not bodies:
            return
        for ent in self.ents:
            draft = self.token_draft.get(ent.start)
            if draft is None or ent.label_ != "PER" or draft.org is not None \
                    or ent.end >= len(self.texts) or self.texts[ent.end] != ",":
                continue
            i = ent.end + 1
            while i < min(ent.end + 4, len(self.texts)) and self.doc[i].is_lower:
                i += 1  # "the", "a", "head of the"
            entry = self.token_entry.get(i)
            if entry is None or entry.country not in bodies:
                continue
            j = i
            while j < len(self.texts) and self.token_entry.get(j) is entry:
                j += 1
            if any(self.texts[k] in (",", ")") or self.doc[k].is_sent_end
                   for k in range(j, min(j + APPOSITION_REACH, len(self.texts)))):
                draft.country = entry.country  # the apposition closes after the body

    def body_of_country(self, ent: Span, entry) -> str | None:
        """The sector of an organisation name that holds a country of the lists and ends on
        a role noun: "US Congress" -> LEG, "Iraqi Army" -> MIL (the name's own id is the
        country's)."""
        if entry is None or entry.label != "LOC" or ent.label_ == "LOC" or len(ent) < 2 \
                or ent.text in entry.names:
            return None
        sector = self.lexicon.role_of(ent[-1].text)
        return sector if sector not in (None, NO_SECTOR, PRIVATE) else None

    def before_role(self, ent: Span) -> bool:
        """Whether a lowercase role noun follows a name right away ("Moscow police")."""
        return ent.end < len(self.doc) and self.doc[ent.end].is_lower \
            and self.role_at(ent.end)[0] is not None

    def modifies_role(self, ent: Span) -> bool:
        """A one-word person of no list before a lowercase role noun, which it qualifies
        ("Druze inhabitants"): no person."""
        return len(ent) == 1 and not ent.ent_id_ and self.before_role(ent)

    def person(self, ent: Span, entity: Entity) -> _Draft:
        names = self.lexicon.leader_names
        text = ent.ent_id_[len("leader:"):] if ent.ent_id_.startswith("leader:") else ent.text
        if ent.text not in names and _other_given_name(ent.text.split()[:-1],
                                                       text.split()[:-1]):
            text = ent.text  # "Maria Merkel": a surname of the list, another person
        for suffix in self.pack.name_suffixes:  # genitive: "Tokajews"
            if text not in names and text.endswith(suffix) and text[: -len(suffix)] in names:
                text = text[: -len(suffix)]
        listed = self.listed_in_office(text)
        if listed:  # "Kouchner": the one person of the lists so named, in office on the day
            text = listed
        surname = text.split()[-1]
        given = text.split()[:-1]
        # the same surname is the same person unless both give other first names
        # ("Matteo Dolzan" and "Renzo Dolzan", "Grace Otieno" and "Dalmas Otieno")
        known = [key for key in self.drafts if key[0] == "person" and key[2] == surname
                 and _same_given_names(given, key[1].split()[:-1])]
        key = names.get(text)
        term = self.lexicon.term_of(key, self.day) if key else None
        if term is not None:
            draft = self.draft(("person", term.key, term.key.split()[-1]), name=term.key,
                               country=term.country,
                               sectors=[] if term.office == ELITE else ["GOV"])
        elif known:
            draft = self.drafts[known[0]]
        else:  # a title in front may still give country and sector (see nominal)
            draft = self.draft(("person", text, surname), name=text, country=None)
            sector, end = self.role_at(ent.start)
            if sector not in (None, NO_SECTOR) and end < ent.end and not draft.sectors:
                draft.sectors = [sector]  # the NER's name holds the title: "King Hassan"
                draft.country = self.country_before(ent.start)
                if draft.country is None:
                    self.titled.append(draft)
            if draft.country is None:  # "King Hassan of Morocco"
                draft.country = self.country_after(ent.end - 1)
        if len(ent.text) > len(draft.name) and term is None:
            draft.name = ent.text
        self.link(draft, entity)
        return draft

    def role_at(self, i: int) -> tuple[str | None, int]:
        """The sector of a role noun starting at token i ("security forces", "secretary of
        state") and its end."""
        texts = self.texts
        if self.capital_nouns and not texts[i][:1].isupper():
            return None, i + 1  # "verletzte Polizisten": an adjective, not the role noun
        if self.lowers[i] in self.address_forms and i + 1 < len(texts) \
                and (i + 1 in self.in_entity or self.tags[i + 1] == "NE"):
            return None, i + 1  # "Frau Huber": how a person is addressed, no role
        if i + 1 < len(texts) and texts[i].lower() in self.lexicon.role_first_words:
            for length in (3, 2):  # "secretary of state", "security forces"
                sector = self.lexicon.roles.get(" ".join(texts[i:i + length]).lower())
                if sector and i + length <= len(texts):
                    return sector, i + length
        sector = self.lexicon.role_of(texts[i])
        if sector is None and self.lemmas[i] and self.lemmas[i] != texts[i] \
                and texts[i][:1].isupper() \
                and self.lemmas[i] not in self.settings.get("written_only_roles", ()):
            sector = self.lexicon.role_of(self.lemmas[i])
        return sector, i + 1

    def role_compound_end(self, end: int, limit: int) -> int:
        """Where a role noun's phrase ends when role nouns follow it in one compound
        (``role_compounds``, English): "opposition candidates", "army officers" are one
        party, named by the first noun's sector, not two."""
        if not self.settings.get("role_compounds"):
            return end
        while end < limit and self.texts[end][:1].islower():
            sector, after = self.role_at(end)
            if sector is None:
                break
            end = after
        return end

    def apposed_person(self, start: int) -> _Draft | None:
        """The person a role noun's phrase at token ``start`` follows in apposition, where a
        comma stands right after that person's name and only small words, a country's
        genitive or demonyms stand between: "Karim Haddad, Morocco's veteran union
        activist, said", "Karl Huber, der bayerische Innenminister, sagte"."""
        comma = start - 1
        while comma > self.sent_start[start] and start - comma <= APPOSITION_REACH and (
                self.doc[comma].is_lower or self.texts[comma] in ("'s", "’s")
                or self.lowers[comma] in self.lexicon.demonym_adjectives
                or comma in self.in_entity and self.token_entry.get(comma) is not None):
            comma -= 1
        if self.texts[comma] != "," or comma <= self.sent_start[start]:
            return None
        person = self.person_ending_at(comma)
        return person if person is not None and person.org is None else None

    def person_after_genitive(self, end: int) -> _Draft | None:
        """The person named after a role noun's country and a comma, the role noun
        ending before token ``end``: "der oberste Führer des Irans, Ali Chamenei,", "the
        leader of Peru, Ana Ruiz,"."""
        last = self.sent_end[end]
        i = self.name_after(end - 1)
        entry = self.token_entry.get(i) if i is not None else None
        if entry is None or entry.label != "LOC":
            return None
        while i < last and self.token_entry.get(i) is entry:
            i += 1
        if i + 1 >= last or self.texts[i] != ",":
            return None
        person = self.token_draft.get(i + 1)
        return person if person is not None and self.is_person(person) else None

    def is_person(self, draft: _Draft) -> bool:
        return draft.org is None and any(key[0] == "person" and found is draft
                                         for key, found in self.drafts.items())

    def nominal(self) -> list[tuple[str, Span]]:
        """Role nouns with their country; the bare ones are returned for the context pass."""
        bare: list[tuple[str, Span]] = []
        i = 0
        while i < len(self.texts):
            if i in self.coded or i in self.in_place:  # part of a named actor or a place
                i += 1  # ("the West Bank": no bank); other entities may hold roles
                continue
            people = self.lexicon.demonym_nouns.get(self.texts[i])
            if people and i + 1 < len(self.texts) and self.role_at(i + 1)[0] is not None:
                people = None  # "Schweizer Sicherheitskräfte": says whose the role is
            sector, end = (None, i + 1) if people else self.role_at(i)
            if not people and sector is None:
                i += 1
                continue
            if not people:
                end = self.role_compound_end(end, self.sent_end[i])
            token = self.doc[i]
            if people:
                named = self.token_draft.get(i + 1) if i + 1 < self.sent_end[i] else None
                if named is not None and self.is_person(named):
                    named.country = people  # "des Pakistaners Usman Khan": his nationality,
                    self.link(named, None, self.doc[i:i + 1])  # no people of its own (and
                    # more than a place after the name: "den Syrer X in Köln")
                    i += 1
                    continue
                start = i
                if self.settings.get("demonym_actors") and i > self.sent_start[i] \
                        and self.doc[i - 1].text[:1].isupper() \
                        and self.lowers[i - 1] in self.lexicon.demonym_adjectives:
                    start = i - 1  # "Bosnian Serbs": the people of the first country named
                    people = self.lexicon.demonym_adjectives[self.lowers[i - 1]]
                    self.in_role.add(start)
                draft = self.draft(("nominal", people, None, None),
                                   name=self.doc[start:i + 1].text, country=people)
                self.link(draft, None, self.doc[start:i + 1])
                i += 1
                continue
            start = i
            while start > self.sent_start[i] and (
                self.lowers[start - 1] in self.lexicon.demonym_adjectives
                or self.genitive_country(start - 1)
                or start == i and self.texts[start - 1] in self.lexicon.demonym_nouns
            ):
                start -= 1
            if start == i and start > self.sent_start[i]:  # "Russian Orthodox pilgrims"
                adjective = self.demonym_through_capitals(start - 1)
                start = start if adjective is None else adjective
            entry = self.compound_entry(token)
            before = self.token_entry.get(start - 1) if start > self.sent_start[i] else None
            if entry is None and before is not None and before.label == "ORG" \
                    and self.settings.get("country_adjuncts"):  # "NATO troops"
                entry = before
                while start > self.sent_start[i] and self.token_entry.get(start - 1) is before:
                    start -= 1
            span = self.doc[start:end]
            self.in_role.update(range(start, end))
            named = self.token_draft.get(end) if end < self.sent_end[i] else None
            if named is None and self.settings.get("country_adjuncts"):
                # "President Ana Ruiz" with only the surname known: a given name between
                gap = end
                while gap < min(end + 2, self.sent_end[i]) and gap not in self.in_entity \
                        and self.doc[gap].text[:1].isupper() and self.doc[gap].is_alpha:
                    gap += 1
                draft = self.token_draft.get(gap) if gap > end else None
                if draft is not None and draft.org is None:
                    named = draft
            if named is None and sector == "GOV":
                named = self.person_before(start)  # "the Obama administration": his
            of_country = self.country_after(end - 1) if end < self.sent_end[i] else None
            if named is None and end < self.sent_end[i] and (self.texts[end] == ","
                                                             or of_country is not None):
                named = self.apposed_person(start)  # "Karim Haddad, Morocco's activist,",
                # "Ramon Quispe, leader of Peru's CGTP union,"
            if of_country is not None and (named is None or named.org is None
                                           and not self.is_person(named)):
                named = self.person_after_genitive(end) or named  # "der oberste Führer
                # des Irans, Ali Chamenei"
            is_person = named is not None and self.is_person(named)
            sectors = [] if sector == NO_SECTOR else [sector]
            if is_person or (named is not None and named.org is not None and entry is None):
                # apposition: "Präsident Tokajew", "das Militärbündnis OVKS"
                if named.country is None:  # "US-Präsident Bill Clinton": the compound's
                    named.country = entry.country if entry is not None \
                        else self.country_before(i) or of_country
                if named.country is None and sectors:  # "President Omar El Bashir"
                    self.titled.append(named)
                if not named.sectors and named.org is None:
                    named.sectors = sectors
                self.link(named, None, span)
                i = end
                continue
            if entry is not None and not sectors:  # "UN-Sprecherin": the UN itself speaks
                draft = self.draft(("entry", entry.key), name=entry.name, country=entry.country,
                                   org=entry.org, sectors=[entry.sector] if entry.sector else [])
                self.link(draft, None, span)
                i = end
                continue
            if not sectors:  # a spokesman of no one named
                i = end
                continue
            if entry is not None and entry.sector == FIRM and sectors != [FIRM]:
                # "die Amazon-Beschäftigten in Leipzig": the firm's staff, of the place
                # they work in, not of its seat; the firm in front is an actor of its own
                org = None
                country = self.country_before(i) or self.country_after(end - 1)
                firm = self.draft(("entry", entry.key), name=entry.name,
                                  country=entry.country, org=entry.org, sectors=[FIRM])
                prefix = token.text.rsplit("-", 1)[0]
                firm.nominal.append(TextSpan(text=prefix, start=token.idx,
                                             end=token.idx + len(prefix)))
            elif entry is not None:
                country, org = entry.country, entry.org
            else:
                org = None  # an office of one country wherever it is named: "Papst" (VAT)
                fixed = self.settings.get("role_countries", {})
                office = fixed.get(self.lowers[i]) or fixed.get(token.lemma_.lower())
                if isinstance(office, list):  # an office of several countries
                    office = self.local_country(office)
                country = office or self.country_before(i) \
                    or sector == "GOV" and self.leader_before(start) \
                    or of_country or self.context_country(i)
            if country is None:
                bare.append((sector, span))
            else:
                draft = self.draft(("nominal", country, org, sector), name=span.text,
                                   country=country, sectors=sectors, org=org)
                self.link(draft, None, span)
                self.heads.append((span.start, self.head_word(end - 1), country))
                if org is None:
                    self.coordinated_demonym(start, end, sector, sectors, country)
            i = end
        return bare

    def coordinated_demonym(self, start: int, end: int, sector: str | None,
                            sectors: list[str], country: str) -> None:
        """A demonym joined to the one before a role noun names a second party of that
        role: "indische und pakistanische Soldaten", "Israeli and Palestinian negotiators"."""
        first = self.sent_start[start]
        if start - 2 < first or self.lowers[start - 1] not in COORDINATORS:
            return
        other = self.lexicon.demonym_adjectives.get(self.lowers[start - 2])
        if other is None or other == country or start - 2 in self.coded:
            return
        word = self.doc[start - 2:start - 1]
        draft = self.draft(("nominal", other, None, sector),
                           name=f"{word.text} {self.doc[start:end].text.split(maxsplit=1)[-1]}",
                           country=other, sectors=sectors)
        self.link(draft, None, word)
        self.in_role.add(start - 2)

    def head_word(self, i: int) -> str:
        return (self.lemmas[i] or self.lowers[i]).lower()  # English reads no lemmas

    def earlier_head(self, span: Span) -> str | None:
        """The country of the same role noun named with one before: "the fishermen" after
        "Indian fishermen" are the Indian ones."""
        head = self.head_word(span.end - 1)
        return next((country for start, word, country in reversed(self.heads)
                     if start < span.start and word == head), None)

    def demonyms(self) -> None:
        """Demonym adjectives outside a role span: "Turkish air strikes" -> TUR."""
        if not self.settings.get("demonym_actors"):
            return
        texts, adjectives = self.texts, self.lexicon.demonym_adjectives
        for i, lower in enumerate(self.lowers):  # strings: a Token per word costs more
            iso3 = adjectives.get(lower)
            if iso3 is None or not texts[i][:1].isupper() or i in self.in_role \
                    or i in self.coded or i in self.token_entry:
                continue  # a place of that name does not count: "Australian" is one
            if i and texts[i - 1] == "-":
                continue  # "pro-Russian", "anti-American": no actor
            if i + 1 < len(texts) and texts[i + 1] == "-":
                continue  # "Iranian-backed", "German-made"
            draft = self.draft(("nominal", iso3, None, None), name=texts[i], country=iso3)
            self.link(draft, None, self.doc[i:i + 1])

    def main_country(self) -> str | None:
        """The country the article is about: the most mentioned one, first on a tie.

        Peoples named ("drei Russen") count only where no place is named: a bare
        "die Polizei" of "Die Polizei hat in Istanbul drei Russen festgenommen" is
        the police of the place, not of the people it arrested. Neither count a country
        named as where someone goes ("schoben Asylbewerber nach Afghanistan ab") nor a
        counterpart ("mit seinem chinesischen Amtskollegen": ``counterpart_roles``), whose
        country is by that word not the story's."""
        counterparts = set(self.settings.get("counterpart_roles", ()))
        counts = [(sum(m not in self.destinations for m in d.mentions)
                   + sum(n.text.split()[-1] not in counterparts for n in d.nominal), -i, d.country)
                  for i, (key, d) in enumerate(self.drafts.items()) if key[0] != "place"
                  and not (self.place_countries and _is_people(key))
                  and not self.only_bracketed(d)
                  and not (d.org and d.sectors == [FIRM])  # a firm's seat is no story's place
                  if d.country and len(d.country) == 3
                  and d.country not in BODIES]
        counts = [count for count in counts if count[0] > 0]
        if counts:
            return max(counts)[2]
        if self.place_countries:  # "Police in Lima ...": the country of the places named
            return max(self.place_countries, key=self.place_countries.count)
        return None

    def only_bracketed(self, draft: _Draft) -> bool:
        """Named only in brackets, as a news agency after a dateline is: "Frankfurt
        (Reuters) -", "(dpa/lby)"; the story is not about it."""
        spans = [e for e in self.document.entities if e.id in draft.mentions]
        return bool(spans) and not draft.nominal and all(
            self._after_bracket(e.start) for e in spans)

    def _after_bracket(self, start: int) -> bool:
        """Whether an opening bracket stands before ``start``, spaces between or not
        (read back from it, not by copying the text before it)."""
        text, i = self.document.text, start
        while i and text[i - 1].isspace():
            i -= 1
        return i > 0 and text[i - 1] == "("

    def source_country(self) -> str | None:
        return self.lexicon.source_country(self.document.url)

    def context(self, bare: list[tuple[str, Span]]) -> None:
        source = self.source_country()
        story = self.main_country()
        country = story or source
        for draft in self.titled:  # a title before a name no list knows: as a bare title,
            own = self.sentence_place(draft) or country  # of the sentence's place first
            if draft.country is None and own is not None:
                draft.country, draft.inferred = own, True
        domestic = tuple(self.settings.get("domestic_prefixes", []))
        home = set(self.settings.get("domestic_countries", []))
        foreign = tuple(self.settings.get("foreign_words", []))
        abroad_sectors = set(self.settings.get("abroad_sectors", []))
        weapons = set(self.settings.get("named_only_roles", []))
        faced = self.counterpart_countries()
        aimed = self.aimed_countries()
        members = set(self.settings.get("member_roles", []))
        for sector, span in bare:
            if span[-1].text in weapons:
                continue  # "schoss 20 Drohnen ab": weapons are a party only with the
                # country named with them ("US-Drohnen"), not the story's
            # "In Kabul protestierten Hunderte": the sentence's place; "die Bundesregierung"
            # in a story about Iran: the source's; rebels of a story that names no country
            # are of none (``abroad_sectors``: a paper's own country has none)
            fallback = story if sector in abroad_sectors else country
            place = self.place_in_sentence(span.start)
            if place in faced.get(self.sent_start[span.start], ()):
                # "Der Außenminister traf in Peking seinen chinesischen Amtskollegen": the
                # place is the counterpart's; the minister is the source's, else unknown
                place = fallback = source if source != place else None
            own = self.earlier_head(span) or place or (
                self.only_country_in_sentence(span.start) if source is None else None) \
                or fallback
            if own in aimed.get(self.sent_start[span.start], ()) and own != place \
                    and sector in STATE_SECTORS:
                # "Die Regierung will die Sanktionen gegen Russland verlängern": the story's
                # country is the one a state's body acts against, not its own (but citizens
                # protest against their own state)
                own = source if source != own else None
            if span[-1].text in members:  # "forderte die Mitgliedstaaten auf": the union's
                own = self.union_of(span.start) or own
            if domestic and span[-1].text.startswith(domestic) and country not in home:
                own = source or country
            before = self.doc[max(span.start - 2, 0):span.start]
            if foreign and any(t.lower_.startswith(foreign) for t in before):
                own = None  # "ein ausländischer Kameramann": of no country the story names
            # "ein Mann … die Kunden", "der Landrat … die Bundesregierung": two parties
            key: tuple = ("nominal", own, None, sector, self.head_word(span.end - 1))
            draft = self.draft(key, name=span.text,
                               country=own, sectors=[sector], inferred=own is not None)
            self.link(draft, None, span)
        if source is not None:  # persons and organisations of no country named: in a
            # story set abroad that names nothing of the source's country, of its places (the
            # mayor in a report from Odessa), else the source's (the minister of a German
            # paper's story that names Germany); not of the sentence's place, which is often
            # where they speak of ("hat die Luftangriffe mit den Anschlägen in Paris
            # verglichen")
            named = {d.country for d in self.drafts.values()} | set(self.place_countries)
            abroad = max(self.place_countries, key=self.place_countries.count) \
                if self.place_countries and source not in named else None
            for key, draft in self.drafts.items():
                if draft.country is None and key[0] in ("person", "org"):
                    # (one the lists know, out of office on the day: still his country's)
                    draft.country = key[0] == "person" and self.lexicon.nationality(
                        self.lexicon.leader_names.get(draft.name)) or abroad or source
                    draft.inferred = True
        else:  # a wire story with no source country: a person of no country named is of
            # the place the sentence names, else of the story's country; one the lists
            # know, out of office on the day, of his last office's country ("the Obama
            # administration" in 2024 is no Egyptian's); a surname alone that the lists'
            # persons of one country bear ("Clinton urged Israel …"), of that country
            for key, draft in self.drafts.items():
                if draft.country is None and key[0] == "person":
                    last = self.lexicon.last_term(self.lexicon.leader_names.get(draft.name))
                    surname = key[2] if " " not in draft.name else None
                    draft.country = last.country if last is not None \
                        else self.lexicon.surname_countries.get(surname or "") \
                        or self.sentence_place(draft) or country
                    draft.inferred = draft.country is not None

    def union_of(self, token: int) -> str | None:
        """The body of states a sentence names, else the story ("die Mitgliedstaaten" of a
        report on the EU are the Union's): EUR, UNO or IGO."""
        start = self.doc[self.sent_start[token]].idx
        end = self.doc[self.sent_end[token] - 1].idx + len(self.doc[self.sent_end[token] - 1])
        where = {e.id: e.start for e in self.document.entities}
        named = sorted((at, draft.country) for draft in self.drafts.values()
                       if draft.country in INTERNATIONAL
                       for at in [where[m] for m in draft.mentions if m in where]
                       + [n.start for n in draft.nominal])
        in_sentence = [country for at, country in named if start <= at < end]
        if in_sentence:
            return in_sentence[0]
        return named[0][1] if named else None

    def counterpart_countries(self) -> dict[int, set[str]]:
        """The countries of the counterparts each sentence names ("seinen chinesischen
        Amtskollegen"), by the sentence's first token."""
        roles = set(self.settings.get("counterpart_roles", ()))
        faced: dict[int, set[str]] = {}
        for draft in self.drafts.values():
            for span in draft.nominal:
                token = self.doc.char_span(span.start, span.end, alignment_mode="expand")
                if draft.country and token is not None and span.text.split()[-1] in roles:
                    faced.setdefault(self.sent_start[token.start], set()).add(draft.country)
        return faced

    def aimed_countries(self) -> dict[int, set[str]]:
        """The countries each sentence names right after a preposition of aim ("gegen
        Russland", "against Iran"; ``aim_prepositions``), by the sentence's first token."""
        prepositions = set(self.settings.get("aim_prepositions", ()))
        articles = set(self.settings.get("link_articles", ()))
        aimed: dict[int, set[str]] = {}
        if not prepositions:
            return aimed
        for i, entry in self.token_entry.items():
            if entry.label != "LOC" or not entry.country or self.token_entry.get(i - 1) is entry:
                continue
            before = i - 1 if i and self.lowers[i - 1] not in articles else i - 2
            if before >= 0 and self.lowers[before] in prepositions:  # ("gegen die Ukraine")
                aimed.setdefault(self.sent_start[i], set()).add(entry.country)
        return aimed

    def only_country_in_sentence(self, token: int) -> str | None:
        """The one country a sentence names by name, where it names one only: in a wire
        story, whose bare role nouns it tells ("X, leader of Peru's CGTP union, criticised
        the government")."""
        first, end = self.sent_start[token], self.sent_end[token]
        named = {entry.country for i, entry in self.token_entry.items()
                 if first <= i < end and entry.label == "LOC"}
        return next(iter(named)) if len(named) == 1 else None

    def sentence_place(self, draft: _Draft) -> str | None:
        """The country of a city or region named in the sentence of a draft's first mention."""
        entity = next((e for e in self.document.entities if e.id in draft.mentions), None)
        if entity is None:
            return None
        span = self.doc.char_span(entity.start, entity.start, alignment_mode="expand")
        return self.place_in_sentence(span.start) if span is not None else None

    def place_in_sentence(self, token: int) -> str | None:
        """The country of the first city or region named in the sentence of a token, else
        of a demonym in one of its place phrases ("in einer britischen Gemeinde")."""
        if self._sentence_places is None:
            self._sentence_places = {}
            for start, country in sorted(self.place_at.items()):
                self._sentence_places.setdefault(self.sent_start[start], country)
        first = self.sent_start[token]
        if first not in self._sentence_places:
            self._sentence_places[first] = setting_country(
                self.lowers, self.tags, first, self.sent_end[token],
                self.lexicon.demonym_adjectives, self.setting_prepositions,
                SETTING_PHRASE_TAGS) if self.setting_prepositions else None
        return self._sentence_places[first]

    def actors(self) -> list[Actor]:
        actors = []
        entity_by_id = {e.id: e for e in self.document.entities}
        for draft in self.drafts.values():
            actor = Actor(id=f"a{len(actors) + 1}", name=draft.name, country=draft.country,
                          sector=draft.sectors, org=draft.org, code=draft.code(),
                          mentions=draft.mentions, nominal=draft.nominal,
                          inferred=draft.inferred)
            for entity_id in draft.mentions:
                entity_by_id[entity_id].actor = actor.id
            actors.append(actor)
        return actors


def code_actors(doc: Doc, document: Document, pack: LanguagePack, day: date | None) -> None:
    """Fill ``document.actors`` and each entity's ``actor``."""
    coder = _Coder(doc, document, pack, day)
    coder.named()
    bare = coder.nominal()
    coder.demonyms()
    coder.context(bare)
    document.actors.extend(coder.actors())
