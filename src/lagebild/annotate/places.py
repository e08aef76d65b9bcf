"""Places layer: each LOC mention resolved to a GeoNames place (id, centre, country, kind).

Candidates come from the shipped place gazetteer and are chosen in the
context of the whole article (``lagebild.places.resolve``). Mentions of one
place share one place record; a country actor gets its country's place, so
that later layers can place what an actor did (``actor_place``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from spacy.tokens import Doc, Span

from ..actors.lexicon import actor_lexicon
from ..countries import alpha2, alpha3
from ..lang.base import TOPONYMS, LanguagePack, per_pack
from ..model import Document, Place
from ..model import Span as TextSpan
from ..places import PlaceMention, PlaceRecord, link_containers, load_gazetteer, resolve
from ..places.patterns import POSITION_WORDS, misread_places
from ..places.peoples import region_peoples
from ..tokens import strings as token_strings

#: Entity labels of names whose words are no toponyms of a country (a person's name) or
#: are a place already.
NAME_LABELS = {"PER", "LOC"}
#: Top-level domains that are not the country code of the same name.
TLD_COUNTRY = {"uk": "GB"}
GENERIC_TLDS = {"tv", "fm", "io", "me", "co", "ai", "ly", "am", "cc", "ws", "to"}


def source_country(document: Document) -> str | None:
    """The alpha-2 country of the source's web domain (tagesschau.de -> DE), where it says."""
    for value in (document.url, document.source):
        if not value:
            continue
        host = urlsplit(value if "//" in value else f"//{value}").hostname or ""
        tld = host.rsplit(".", 1)[-1].lower()
        if len(tld) != 2 or tld in GENERIC_TLDS:
            continue
        code = TLD_COUNTRY.get(tld, tld.upper())
        if alpha3(code) is not None:
            return code
    return None


class PlacesAnnotator:
    name = "places"
    requires = ("entities", "actors")
    assigns = ("places",)
    amends = ("entities.place",)

    def __call__(self, doc: Doc, document: Document, pack: LanguagePack) -> None:
        gazetteer = load_gazetteer()
        hints = {(ent.start_char, ent.end_char): ent.ent_id_ for ent in doc.ents}
        mentions: dict[str, PlaceMention] = {}
        misread = misread_places(pack.data_dir)
        for entity in document.entities:
            if entity.label != "LOC" or _position_only(entity.text) or entity.text in misread:
                continue  # (a common word the name finder took for a place: "Kanton")
            hint = hints.get((entity.start, entity.end), "")
            country = alpha2(hint.partition(":")[2]) if hint.startswith("country:") else None
            mentions[entity.id] = PlaceMention(entity.text, entity.start, entity.end, country)
        for n, span in enumerate(toponyms(doc)):
            mentions[f"toponym {n}"] = PlaceMention(span.text, span.start_char, span.end_char)
        link_containers(list(mentions.values()), document.text)
        resolve(list(mentions.values()), gazetteer, pack.name_suffixes, source_country(document))
        by_key: dict[str, Place] = {}
        entities = {entity.id: entity for entity in document.entities}
        for entity_id, mention in mentions.items():
            if mention.place is None:
                continue
            place = self._place(by_key, mention.place)
            if entity_id in entities:
                place.mentions.append(entity_id)
                entities[entity_id].place = place.id
            else:
                place.toponyms.append(TextSpan(text=mention.text, start=mention.start,
                                               end=mention.end))
        for actor in document.actors:
            country = gazetteer.country(alpha2(actor.country))
            if country is not None:
                self._place(by_key, country)
        for span, record in demonyms(doc, pack):
            self._place(by_key, record).toponyms.append(
                TextSpan(text=span.text, start=span.start_char, end=span.end_char))
        document.places.extend(by_key.values())

    @staticmethod
    def _place(by_key: dict[str, Place], record: PlaceRecord) -> Place:
        place = by_key.get(record.key)
        if place is None:
            place = Place(id=f"p{len(by_key) + 1}", name=record.name, geonameid=record.geonameid,
                          lat=record.lat, lon=record.lon, country=record.country,
                          kind=record.kind if record.kind in ("country", "region", "city")
                          else "other")
            by_key[record.key] = place
        return place


def _position_only(name: str) -> bool:
    """A word of position alone ("North", "the West"), which no place of its name means."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return len(words) == 1 and words[0] in POSITION_WORDS


def toponyms(doc: Doc) -> list:
    """The gazetteer's place names of ``TOPONYMS`` that are no place entity: inside a
    longer name ("Mansfield Police Department", "Washington-based", "North Texas"), or
    where the NER read the place as a person, organisation or other name. Not inside a
    longer person's name ("Denzel Washington")."""
    found = doc.spans.get(TOPONYMS)
    if not found:
        return []
    kept = []
    for span in found:
        owner = doc[span.start].ent_type_ == "PER" and next(
            e for e in doc.ents if e.start <= span.start < e.end)
        if owner and (owner.start, owner.end) != (span.start, span.end):
            continue
        kept.append(span)
    return kept


@per_pack
def _people_words(pack: LanguagePack) -> tuple[dict, dict, dict, frozenset[str]]:
    """The pack's words for peoples (adjectives lowercased, nouns, peoples of regions) and
    the lowercase first words of those of two words ("sri" of "Sri Lankan")."""
    lexicon = actor_lexicon(pack)
    adjectives, nouns, peoples = lexicon.demonym_adjectives, lexicon.demonym_nouns, \
        region_peoples(pack)
    firsts = frozenset(word.split()[0].lower() for table in (adjectives, nouns, peoples)
                       for word in table if " " in word)
    return adjectives, nouns, peoples, firsts


def demonyms(doc: Doc, pack: LanguagePack) -> list[tuple[Span, PlaceRecord]]:
    """Words for a country's or a region's people or things ("Russian", "Palestinians",
    "Sri Lankan", "South Ossetians"), with the country's or region's place: its toponyms, as
    the geoparsing corpora count them, also inside an organisation's or other name ("the
    Georgian Interior Ministry", as "Mansfield" of "Mansfield Police Department") and a
    hyphenated word ("Egyptian-US relations"). Not inside a person's or place's name, not
    shouted."""
    gazetteer = load_gazetteer()
    adjectives, nouns, peoples, firsts = _people_words(pack)
    texts = token_strings(doc)  # strings: a Token per word costs more
    found = []
    i = 0
    while i < len(texts):
        text = texts[i]
        if not text[:1].isupper() or text.isupper() or not (
                text.lower() in adjectives or text in nouns or text in peoples
                or text.lower() in firsts):
            i += 1
            continue
        for end in (i + 2, i + 1):  # "Sri Lankan" before "Sri"
            if end > len(texts):
                continue
            span = doc[i:end]
            if any(t.ent_type_ in NAME_LABELS for t in span):
                continue
            iso3 = adjectives.get(span.text.lower()) or nouns.get(span.text)
            place = peoples.get(span.text) or (
                gazetteer.country(alpha2(iso3)) if iso3 is not None else None)
            if place is not None:
                found.append((span, place))
                i = end - 1
                break
        i += 1
    return found


def actor_place(document: Document, actor_id: str) -> str | None:
    """The id of the place of a country actor (its country), or None."""
    actor = next((a for a in document.actors if a.id == actor_id), None)
    country = alpha2(actor.country) if actor is not None else None
    for place in document.places:
        if country and place.kind == "country" and place.country == country:
            return place.id
    return None
