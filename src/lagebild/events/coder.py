"""Code events: a trigger, its actor and recipient, and when, where, how many, and who says so.

Triggers come from the language's lexicon (events.lexicon); roles from the language's
strategy (events.roles): German by case and prepositions (events.roles_case), English
by word order (below). Where a German subject is in no list, an actor of the country
of the sentence's city or region, else of the source (the URL's domain, else the
pack's country) stands in, as the guide codes domestic actors; weak triggers (words
with an everyday sense) and sentences of sports reports keep only events of named actors.
Languages with a fixed subject-verb-object order (English: ``word_order = "svo"`` in
the pack's events.toml) read the roles by position instead:
- the actor is the first ungoverned mention before the trigger in its clause part (a
  clause part ends at a subordinating word: "that", "where", "after"); a relative
  pronoun opening the part points back to the mention before it; a clause that opens
  with the trigger (", demanded") takes the subject before the comma; a passive
  ("was attacked by X") or a noun ("calls by X") takes the agent after "by";
- the recipient is the first mention after the trigger that is ungoverned (the object)
  or governed by one of the trigger's prepositions ("to", "with", "between"), else one
  after a place preposition ("a curfew in Lagos"), else the first after it; "of"
  just after the trigger marks its object ("the blockade of Gaza"); in a
  passive, the subject; for a threat, the subject of its condition ("unless Israel
  withdrew"); "of" after a quantity or a group does not govern ("thousands
  of Kurds");
- a trigger in the complement of an earlier trigger of the same clause part ("agreed to
  withdraw", "rejected the ultimatum") is the content of that event, not an event.
Date, place and quantity are the clause's; modality is negated, hypothetical,
intended, reported (inside a quote) or asserted.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from itertools import product

from spacy.tokens import Doc

from ..actors.coder import NO_SECTOR, SETTING_PHRASE_TAGS, prefix_entry, setting_country
from ..actors.lexicon import FIRM, INTERNATIONAL, STATE_SECTORS, actor_lexicon
from ..clauses import clause_of, sentence_of
from ..countries import alpha3
from ..lang.base import LanguagePack
from ..model import Actor, Document, Event, Quote
from ..model import Span as TextSpan
from ..places.salience import place_for_span, place_index
from ..timex import event_date
from ..tokens import bounds as token_bounds
from ..tokens import cases as token_cases
from ..tokens import lower_lemmas as token_lower_lemmas
from ..tokens import strings as token_strings
from .learned import binary_model, learned_trigger, trigger_model
from .lexicon import EventLexicon, Switch, TriggerMatch, event_lexicon
from .recipients import candidates as recipient_candidates
from .recipients import features as recipient_features
from .roles import (
    AGENT_REACH,
    AGENTLESS,
    GOVERNED,
    NAMED,
    PATIENT,
    UNNAMED,
    ActorMention,
    OrderRoles,
)
from .roles_case import FINITE_VERBS, CaseRoles
from .screening import features as screen_features

#: What joins the members of a compound actor: "Russland und China", "Israel and the
#: Palestinians", "Belarus, Armenien"; an article alone joins nothing ("griffen
#: Demonstranten die Polizei an": subject and object), nor does nothing: names side by
#: side are one party ("die Armee Myanmars" is the army, whose country the actors layer
#: read off the genitive).
_CONJUNCTION = r"(?:,|und|and|sowie|oder|or)"
_JOIN = re.compile(rf"^\s*{_CONJUNCTION}\s*(?:the|die|der|das|sein|seine|ihr|ihre)?\s*$", re.I)
#: a genitive's article between a member of a list and whose it is ("die Staaten der EU")
_GENITIVE_LINK = re.compile(r"^\s*(?:der|des)\s*$")
#: Only a preposition and an article between a mention and the place after it.
_ATTACHED = re.compile(r"^\s*\w+\s+(?:(?:the|der|des|dem|den|die|das)\s+)?$", re.I)
#: A possessor between its name and the name it owns: "X's al-Qaeda", "Putin's aide Y";
#: the rest of a name the name finder cut may stand before the "'s" ("Osama bin Laden's").
_POSSESSOR = re.compile(r"^(?:\s+[\w-]+){0,2}\s*['’]s?\s+(?:[\w-]+\s+){0,2}$")
#: Endings of an English participle ("wounded", "taken", "shown").
_PARTICIPLE_ENDINGS = ("ed", "en", "wn")
#: Marks after which a capitalised word may open a sentence of its own.
_OPENERS = frozenset({'"', "'", "``", ":", ";", "-", "--", "(", "[", "“", "‘", "„", "—", "–",
                      "*", "."})
#: A number in digits between a preposition and its noun.
_NUMBER = re.compile(r"^\d[\d.,]*$")
#: the sectors of a state's armed forces and police
FORCE_SECTORS = {"MIL", "COP"}
#: a noun after a number and a hyphen, which taggers read as a number: "34-Jährigen"
_NUMBER_NOUN = re.compile(r"^\d+-[A-ZÄÖÜ]\w+$")
#: A conjunction between two mentions: the second shares the first one's preposition.
_CONJOINED = re.compile(rf"^\s*{_CONJUNCTION}\s*(?:the|die|der|das|dem|den|des)?\s*$", re.I)
#: The same with personal names between, which the pipeline may not have found as
#: entities: "Chilean President Ana Ruiz and Peruvian President ...".
_JOIN_NAMED = re.compile(r"^(?:\s+[A-Z][\w.'-]*){0,4}\s*(?:,|and|or)?\s*(?:the)?\s*$")
#: How far back from a mention a governing preposition is looked for.
PREPOSITION_REACH = 3
#: tokens at most between a verb of facing and the act faced, a list's words among them
RISK_REACH = 6
QUOTE_MARKS = frozenset('"„“”«»‚‘’‹›\'')
#: How many words of a list of participles may stand between an auxiliary and a participle
#: trigger ("were beaten, robbed and taken hostage").
PARTICIPLE_LIST = 4
#: How many words after a clausal "as" may hold its subject and verb ("as police in the
#: capital cracked down").
AS_CLAUSE_REACH = 5
#: How many words may stand between an auxiliary and its participle ("was reportedly
#: attacked") or between a clause start and a trigger that opens it.
AUX_REACH = 2
#: A subject pronoun's person is looked for in its sentence and the two before it.
PRONOUN_SENTENCES = 3
#: How many words after a switch's leader may hold its led word ("zu drei Jahren und
#: sechs Monaten Haft").
SWITCH_LED = 6



#: STTS tags inside a noun phrase before its noun: articles, numbers, adjectives,
#: possessives and other determiners ("auf die drei größten Städte").
NOUN_PHRASE_TAGS = {"ART", "CARD", "ADJA", "PPOSAT", "PIAT", "PDAT", "PIDAT", "ADV"}


#: Sectors of the state and of politics: their acts are events even in a sports report.
POLITICAL_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "IGO", "NGO"}
#: Sectors of a state that act at home: whom they act on is of their country.
HOME_SECTORS = {"COP", "JUD"}


#: STTS tags of the words before an attributive participle that no finite verb follows:
#: articles, numerals, determiners and possessives ("zwei verurteilte Journalisten")
ATTRIBUTE_DETERMINERS = frozenset({"ART", "CARD", "PIAT", "PIDAT", "PDAT", "PPOSAT"})


class _EventCoder:
    def __init__(self, doc: Doc, document: Document, lexicon: EventLexicon,
                 source: str | None = None, demonyms: dict[str, str] | None = None,
                 screen: bool = True, setting_prepositions: list[str] | None = None,
                 stands_in: Callable[[str], bool] | None = None,
                 prefix_party: Callable[[str], tuple[str, str, str | None] | None] | None = None,
                 abroad_sectors: list[str] | None = None):
        self.doc, self.document, self.lexicon = doc, document, lexicon
        #: sectors of parties that are abroad where no country is named ("Rebellen")
        self.abroad_sectors = set(abroad_sectors or ())
        #: the party an abbreviation or organisation in front of a compound names ("US",
        #: "Nato"): (name, country, organisation)
        self.prefix_party = prefix_party or (lambda prefix: None)
        #: whether a noun speaks for the party in the genitive after it ("Sprecher")
        self.stands_in = stands_in or (lambda word: False)
        self.screen = screen  # whether the learned screen may drop events
        self.demonyms = demonyms or {}  # "israelische" -> ISR
        # the prepositions of a place phrase whose demonym tells where a story is set
        self.setting_prepositions = set(setting_prepositions or ())
        self.source = source  # the source's country, for subjects no list knows
        self.unnamed: dict[str, str] = {}  # role:country -> actor made for unknown parties
        self.text = document.text
        # the words once, as strings: the roles and modality read them for every trigger
        self.lowers = token_strings(doc, "LOWER")
        self.lemmas = token_lower_lemmas(doc)
        self.tags = token_strings(doc, "TAG")
        self.cases = token_cases(doc)
        self.texts = token_strings(doc)
        self.starts, self.ends = token_bounds(doc)
        self.entities = {e.id: e for e in document.entities}  # (the layer adds none)
        self.mentions = self._mentions()
        self.matches: list[TriggerMatch] = []  # the document's triggers, set by code()
        self.cues: dict[str, TriggerMatch | None] = {}  # quote id -> its request's verb
        self.cue_words: set[str] = set()  # the quotes' cues
        #: English: the trigger that is another's content, by the other's start ("agreed
        #: to withdraw", "condemned the bombing"), left out of ``matches``
        self.contents: dict[int, TriggerMatch] = {}
        self.unlikely: set[int] = set()  # triggers the trigger model reads as no event
        self.decided: set[int] = set()  # verbs of deciding whose object is the act coded
        #: the trigger model's class probabilities of the lexicon's triggers, by token
        self.trigger_probabilities: dict = {}
        self.trigger_classes: list[str] = []
        self.actors = {a.id: a for a in document.actors}
        self.entity_labels = {e.id: e.label for e in document.entities}
        #: the entities of places, whose actors are states named by their country's name
        self.places = {e.id for e in document.entities if e.label == "LOC"}
        self.named = [e for e in document.entities if e.actor]
        #: the cue of each quote by where its speaker begins: a noun of the cue names the
        #: source of what is said ("nach Angaben des Militärs"), no party an act is aimed at
        self.speaker_cues = {q.speaker.start: q.cue for q in document.quotes
                             if q.speaker and q.cue}
        #: the language's role strategy: German by case, English by word order
        self.strategy = OrderRoles(self) if lexicon.word_order == "svo" else CaseRoles(self)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """The tokens a character span touches (spaCy's ``alignment_mode="expand"``)."""
        first = bisect_right(self.ends, start)
        return first, max(first, bisect_left(self.starts, end))

    def lemmas_in(self, start: int, end: int) -> set[str]:
        first, last = self.token_range(start, end)
        return set(self.lemmas[first:last])

    def sports(self, sentence: tuple[int, int]) -> bool:
        """Whether a sentence is a sports report: a word of ``sports`` outside a name (not
        the "Tor" of "Brandenburger Tor"), or a score ("traf zum 1:0", not "18:30 Uhr")."""
        first, last = self.token_range(*sentence)
        score, after = self.lexicon.score, self.lexicon.words["score_not_before"]
        return any((self.lemmas[i] or self.lowers[i]) in self.lexicon.sports
                   and not self.doc[i].ent_type
                   or score is not None and score.match(self.texts[i])
                   and (i + 1 >= last or self.lowers[i + 1] not in after)
                   or score is not None and self.score_in_three(i, first, last)
                   for i in range(first, last))

    def score_in_three(self, i: int, first: int, last: int) -> bool:
        """A score the tokenizer cut in three ("2", "-", "1"), not a part of a date
        ("1996-08-22": "08", "-", "22")."""
        texts = self.texts
        return i + 2 < last and texts[i + 1] == "-" and (i == first or texts[i - 1] != "-") \
            and (i + 3 >= last or texts[i + 3] != "-") \
            and bool(self.lexicon.score.match("".join(texts[i:i + 3])))

    def switched(self, switch: Switch, clause: tuple[int, int]) -> bool:
        """Whether the clause has a lemma of the switch's words, or a compound of one of
        five letters or more ("Autobahnzufahrten": Zufahrt, "Taschenmesser": Messer), or
        one of its led words within SWITCH_LED words after a leader ("zu drei Jahren")."""
        lemmas = self.lemmas_in(*clause)
        if lemmas <= {""}:  # a pack without a lemma table: the forms
            lemmas = self.words_in(*clause)
        if _holds(lemmas, switch.words):
            return True
        first, last = self.token_range(*clause)
        for i in range(first, last):
            if self.lowers[i] in switch.leaders:
                led = {self.lemmas[k] or self.lowers[k]
                       for k in range(i + 1, min(i + 1 + SWITCH_LED, last))}
                if _holds(led, switch.led):
                    return True
        return False

    def judged(self, clause: tuple[int, int]) -> bool:
        """Whether a clause holds a word of ``judgments``: by lemma, by form without an
        adjective's ending ("überhöhte"), as a compound's head ("Skandalurteil"), or as
        a phrase ("politisch motiviert")."""
        judgments = self.lexicon.judgments
        first, last = self.token_range(*clause)
        words = set(self.lemmas[first:last])
        for form in self.lowers[first:last]:
            words |= {form, form[:-1], form[:-2]} if form[-1:] in "enrsm" else {form}
        return _holds(words, judgments) or any(
            " " in j and j in self.text[clause[0]:clause[1]].lower() for j in judgments)

    def bracketed(self, mention: ActorMention) -> bool:
        """A name alone in brackets: an affiliation or an acronym of the name before it
        ("Wolfgang Schäuble (CDU) begrüßte"), no party of its own to an act."""
        return self.text[mention.start - 1:mention.start] == "(" \
            and self.text[mention.end:mention.end + 1] == ")"

    def words_in(self, start: int, end: int) -> set[str]:
        first, last = self.token_range(start, end)
        return set(self.lowers[first:last])

    def _mentions(self) -> list[ActorMention]:
        entities = self.entities
        spans = []
        for actor in self.document.actors:
            spans += [(entities[m].start, entities[m].end, actor.id) for m in actor.mentions
                      if m in entities]
            spans += [(n.start, n.end, actor.id) for n in actor.nominal]
        mentions = []
        for start, end, actor in sorted(spans, key=lambda s: (s[0], -s[1])):
            if mentions and start < mentions[-1].end:
                continue  # nested in a longer mention ("Russlands" in "Russlands Präsident")
            preposition = self._preposition(start)
            if preposition is None and mentions \
                    and _CONJOINED.match(self.text[mentions[-1].end:start]) \
                    and not self.nominative(start, end) \
                    and not self.after_opening_phrase(mentions[-1], start, end):
                preposition = mentions[-1].preposition  # "zwischen Russland und der Ukraine"
                # (not "die Regierung von Chile und die USA": no preposition takes a subject)
            mentions.append(ActorMention(start, end, actor, preposition))
        return mentions

    def after_opening_phrase(self, before: ActorMention, start: int, end: int) -> bool:
        """An English mention after the comma that closes a phrase opening its sentence,
        and no list's member: the subject ("In southern Somalia, militants killed …"; but
        "In Poland, Hungary and Slovakia, judges …" lists three places)."""
        if self.lexicon.word_order != "svo" or self.text[before.end:start].strip() != "," \
                or before.preposition is None:
            return False
        sentence = sentence_of(self.document.sentences, before.start, before.end, len(self.text))
        opening = self.text[sentence[0]:before.start].lstrip().lower()
        if not opening.startswith(before.preposition + " ") or "," in opening:
            return False
        return not re.match(rf"\s*{_CONJUNCTION}\s", self.text[end:end + 8], re.I)

    def case_at(self, start: int, end: int) -> str | None:
        """The case the morphologizer reads for a mention's last word ("der Hamburger
        Polizei": Polizei's)."""
        first, last = self.token_range(start, end)
        return self.cases[last - 1] if last > first else None

    def nominative(self, start: int, end: int) -> bool:
        return self.case_at(start, end) == "Nom"

    def _preposition(self, start: int) -> str | None:
        span = self.doc.char_span(start, start, alignment_mode="expand")
        i = span.start if span is not None else None
        if i is None or self.doc[i].tag_.startswith("V") and self.doc[i].text[:1].islower():
            return None  # a preposition governs no verb: "zu lockern" is an infinitive
        # quote marks do not count: "von einer „breiten Zustimmung“"
        before = [j for j in range(i - 1, max(-1, i - 1 - 2 * PREPOSITION_REACH), -1)
                  if self.tags[j] != "$(" or self.lowers[j] not in QUOTE_MARKS][:PREPOSITION_REACH]
        determiners = self.lexicon.words["determiners"]
        for j in before:
            word = self.lowers[j]
            if word in self.lexicon.words["prepositional_relatives"]:
                return None  # "bei denen Gewerkschafter X kritisierten", "in which Chile
                # attacked": the preposition governs the pronoun, the name is the subject
            if word in self.lexicon.words["prepositions"]:
                if j and self.lowers[j - 1] in self.lexicon.words["partitive"]:
                    return None  # "a group of Moroccan diplomats", "thousands of Kurds"
                return word
            if not (word in determiners or self.doc[j].is_lower or _NUMBER.match(word)) \
                    or self.doc[j].is_punct:  # "gegen rund 300 Demonstranten"
                return None
        return None

    def source_actor(self, sentence: tuple[int, int]) -> str | None:
        """An actor for a subject no list knows ("Der Landesverband forderte"), as the
        guide codes a domestic one: the country of a city or region the sentence names,
        else the source's. One actor per country."""
        if self.source is None:
            return None
        return self.domestic_actor("subject", sentence)

    def domestic_actor(self, role: str, sentence: tuple[int, int],
                       country: str | None = None) -> str:
        """The inferred actor of the sentence's place's country, else the source's (or
        the country given), one per role and country (a subject and an object of no list
        are two parties)."""
        country = country or self.place_country(sentence) or self.source
        key = f"{role}:{country}"
        if key not in self.unnamed:
            self.unnamed[key] = self.new_actor(name=country, country=country, code=country,
                                               inferred=True).id
        return self.unnamed[key]

    def body_abroad(self, actor_id: str | None, recipient_id: str | None,
                    match: TriggerMatch, sentence: tuple[int, int]) -> str | None:
        """A state's bare body acting towards a country the sentence names only as that
        party, or visiting a place, is not of that country: "sagte Litauen weitere Soldaten
        zu", "Der Minister besuchte Kiew" (the minister took the country of the sentence's
        place). It is the source's, where the source's country is another."""
        actor, recipient = self.actors.get(actor_id or ""), self.actors.get(recipient_id or "")
        if actor is None or recipient is None or not actor.inferred or actor.mentions \
                or not set(actor.sector) & STATE_SECTORS or self.source is None \
                or actor.country in (None, self.source) or recipient.country != actor.country:
            return actor_id
        entities = self.entities
        named = [(m, place.kind) for place in self.document.places  # (its mentions, kind)
                 if place.country and alpha3(place.country) == actor.country
                 for m in place.mentions
                 if m in entities and sentence[0] <= entities[m].start < sentence[1]]
        if match.trigger.visit and recipient.inferred and not recipient.mentions:
            # the places of that country are where the visit goes, after its word
            trigger_start = self.starts[match.start]
            if not named or any(entities[m].start < trigger_start for m, _ in named):
                return actor_id
        elif not named or any(m not in recipient.mentions or kind != "country"
                              or self.after_place_preposition(entities[m].start)
                              for m, kind in named):
            return actor_id  # (a body of a region named: "Kataloniens Ministerpräsident";
            # the country where it acts: "im Süden des Sudan")
        key = f"abroad:{actor.code}"
        if key not in self.unnamed:
            sector = actor.sector[0]
            self.unnamed[key] = self.new_actor(
                name=actor.name, country=self.source, sector=list(actor.sector),
                code=f"{self.source}{sector}", nominal=list(actor.nominal), inferred=True).id
        return self.unnamed[key]

    def visited(self, match: TriggerMatch, clause: tuple[int, int], actor_ids: list,
                place_of: dict) -> str | None:
        """The country of the first place named after a trip's trigger in its clause, where
        it is not the actors' own ("besuchte am Montag Kiew": UKR). ``place_of``:
        ``place_index`` of the document."""
        after = self.starts[match.start]
        named = [e for e in self.document.entities if e.id in place_of
                 and after < e.start < clause[1] and place_of[e.id].country]
        if not named:
            return None
        country = alpha3(place_of[min(named, key=lambda e: e.start).id].country)
        if country is None or any(a in self.actors and self.actors[a].country == country
                                  for a in actor_ids):
            return None
        return self.country_actor(country)

    def accident(self, sentence: tuple[int, int], named: bool) -> bool:
        """Harm the sentence tells as an accident's: an accident word with no one named who
        did it, or whoever is named, an accident verb ("prallte gegen einen Baum") or an
        accident noun after "bei", "durch" (``accident_prepositions``: "wurde bei dem Unfall
        von einem Lastwagen erfasst"; not "nach dem Unfall griff er die Sanitäter an")."""
        first, last = self.token_range(*sentence)
        words = [i for i in range(first, last)
                 if (self.lemmas[i] or self.lowers[i]) in self.lexicon.accidents]
        if not words:
            return False
        prepositions = self.lexicon.words["accident_prepositions"]
        return not named or any(self.tags[i][:1] == "V"
                                or self.governor(i, first) in prepositions for i in words)

    def mention_ranges(self, clause: tuple[int, int]) -> list[tuple[int, int]]:
        """The token ranges of the actor mentions that start in a clause."""
        return [self.token_range(m.start, m.end) for m in self.mentions
                if clause[0] <= m.start < clause[1]]

    def thing_object(self, match: TriggerMatch, clause: tuple[int, int]) -> bool:
        """A verb whose object is a thing, no party and no place: "hat ein Werk in
        Grünheide besucht", "werden eine Veranstaltung besuchen", "traf eine Entscheidung"."""
        if self.tags[match.start][:1] != "V":
            return False
        first, last = self.token_range(*clause)
        named = self.mention_ranges(clause)
        # after the finite verb a noun no list knows is the object ("ein Werk" may read as
        # a nominative), where the subject is a party
        verb = next((i for i in range(first, last) if self.tags[i] in FINITE_VERBS), last)
        return any(
            self.tags[i] == "NN" and self.governor(i, first) is None
            and (self.cases[i] == "Acc" or i > verb and self.cases[i] not in ("Gen", "Dat"))
            and not self.lexicon.party_noun(self.lemmas[i]) and not self.in_time(i)
            and not any(a <= i < b for a, b in named)
            for i in range(first, last) if not match.start <= i < match.last)

    def domestic(self, actor_ids: list, sentence: tuple[int, int]) -> bool:
        """Whether the actors are all of the country a domestic party of the sentence takes
        (its place's, else the source's)."""
        country = self.place_country(sentence) or self.source
        return country is not None and all(
            a in self.actors and self.actors[a].country == country for a in actor_ids)

    def object_actor(self, match: TriggerMatch, clause: tuple[int, int],
                     sentence: tuple[int, int], any_noun: bool = False,
                     abroad: list | None = None) -> str | None:
        """A recipient no list knows ("nahm 34 Personen fest", "bombardierte ein Dorf",
        "Anschlag auf eine Synagoge"): the common noun after one of the trigger's
        recipient prepositions or, for a transitive trigger, the nearest one in an object
        case that no preposition governs and that may name a party (a person or group by
        its ending, a place: ``party_endings``, ``party_words`` in events.toml; not "ein
        Abkommen"), or that a genitive follows ("die Pläne der Regierung"); coded as the
        guide codes a domestic actor (the country of a place the sentence names, else the
        source's). One per country. Where the actors are ``abroad`` (of a country not the
        source's, or rebels of none) and the sentence names no place, the village Russia
        bombed is of no country the sentence tells: none; whom police or courts act on, of
        their country."""
        if self.source is None:
            return None
        first, last = self.token_range(*clause)
        trigger = match.trigger
        # in a passive the subject is the one acted on: "ein 23-Jähriger wurde geschlagen"
        passive = isinstance(self.strategy, CaseRoles) and self.strategy.passive(
            match, set(self.lowers[first:last]))
        verb = self.tags[match.start][:1] == "V"
        mentioned = self.mention_ranges(clause)
        triggers = {k for m in self.matches for k in range(m.start, m.last)} if any_noun \
            else set()  # an act's own noun is no party of any_noun's
        best = None
        for i in range(first, last):
            if match.start <= i < match.last or not (
                    self.tags[i] == "NN" and self.texts[i][:1].isupper()
                    or _NUMBER_NOUN.match(self.texts[i])) or self.in_time(i) \
                    or any(a <= i < b for a, b in mentioned):
                continue
            if self.cue_word(i):
                continue  # "nach Angaben des Militärs": whose words, not whom the act hits
            if not (self.lexicon.party_noun(self.lemmas[i]) or self.genitive_follows(i)
                    or self.demonym_before(i)  # "philippinische Versorgungsschiffe"
                    or self.party_prefixed(i)  # "die Nato-Pläne"
                    or any_noun and i not in triggers):
                continue
            governor = self.governor(i, first)
            # a verb's recipient may stand before it ("hat an die Parteien appelliert"), a
            # noun's after it ("Kritik an der Regierung")
            if governor in trigger.recipient and (i > match.start or verb) or (
                    governor is None and trigger.object and (
                        self.object_case(i, first) or passive
                        # "ein Dorf" may be either case: an object where the clause names a
                        # party
                        or mentioned and self.cases[i] != "Gen")):
                if best is None or abs(i - match.start) < abs(best - match.start):
                    best = i
        if best is None:
            return None
        prefixed = self.prefix_actor(best)  # "Kritik an den US-Plänen": the USA's plans
        if prefixed is not None:
            return prefixed
        country = self.demonym_before(best)
        # "einen französischen Staatsbürger": the adjective's country
        if country:
            return self.country_actor(country)
        if abroad and self.place_country(sentence) is None:
            # police and courts act at home: "die Wiener Polizei nahm einen Schlepper fest"
            home = next((self.actors[a].country for a in abroad if self.actors[a].country
                         and set(self.actors[a].sector) & HOME_SECTORS), None)
            return self.domestic_actor("object", sentence, home) if home else None
        return self.domestic_actor("object", sentence)

    def cue_word(self, i: int) -> bool:
        """Whether token ``i`` is a word of a quote's cue before its speaker ("Angaben" of
        "nach Angaben des Militärs")."""
        return any(start > self.starts[i] and cue.endswith(
            self.text[self.starts[i]:start].strip()) for start, cue in self.speaker_cues.items())

    def demonym_before(self, i: int) -> str | None:
        """The country of a demonym adjective before the German noun at token i."""
        return self.strategy.demonym_before(i) if isinstance(self.strategy, CaseRoles) \
            else None

    def governor(self, i: int, first: int) -> str | None:
        """The preposition that governs the noun at token i (over its article, numbers and
        adjectives), or None."""
        for j in range(i - 1, max(first - 1, i - 1 - PREPOSITION_REACH), -1):
            if self.lowers[j] in self.lexicon.words["prepositions"]:
                return self.lowers[j]
            if self.tags[j] not in NOUN_PHRASE_TAGS:
                return None
        return None

    def genitive_follows(self, i: int) -> bool:
        """A genitive after the noun names its party: "die Pläne der Landesregierung"."""
        return i + 1 < len(self.cases) and self.cases[i + 1] == "Gen" \
            and self.tags[i + 1] in NOUN_PHRASE_TAGS | {"NN", "NE"}

    def object_case(self, i: int, first: int) -> bool:
        """The noun at token i or its article in an object case ("ein Dorf": the article
        says accusative where the noun's own reading says nominative)."""
        j = i
        while j >= first and (j == i or self.tags[j] in NOUN_PHRASE_TAGS):
            if self.cases[j] in ("Acc", "Dat"):
                return True
            j -= 1
        return False

    def in_time(self, i: int) -> bool:
        start = self.starts[i]
        return any(t.start <= start < t.end for t in self.document.times)

    def place_country(self, sentence: tuple[int, int]) -> str | None:
        """The country of a city or region the sentence names, else of a country it names
        as a place ("die Fluglotsen in Frankreich"; not "kritisierte Frankreich")."""
        entities = self.entities
        named_country = None
        for place in self.document.places:
            starts = [entities[m].start for m in place.mentions if m in entities
                      and sentence[0] <= entities[m].start < sentence[1]]
            country = alpha3(place.country) if place.country else None
            if not starts or country is None:
                continue
            if place.kind != "country":
                return country
            if named_country is None and any(map(self.after_place_preposition, starts)):
                named_country = country
        return named_country or self.setting_adjective(sentence)

    def setting_adjective(self, sentence: tuple[int, int]) -> str | None:
        """The country of a demonym in a place phrase of the sentence (actors.coder)."""
        if not self.setting_prepositions:
            return None
        first, last = self.token_range(*sentence)
        return setting_country(self.lowers, self.tags, first, last, self.demonyms,
                               self.setting_prepositions, SETTING_PHRASE_TAGS)

    def after_place_preposition(self, start: int) -> bool:
        """Whether a name at ``start`` follows a word of place (``locative``: "in", "aus"),
        an article between or not, or a part of a place and its link ("im Norden von
        Mosambik": ``part_of_place``, ``part_of_place_links``)."""
        before = self.text[max(0, start - 30):start].split()
        words = [w.lower() for w in before[-3:]]
        lists = self.lexicon.words
        locative, determiners = lists["locative"], lists["determiners"]
        if len(words) == 3 and words[2] in lists["part_of_place_links"] \
                and words[1] in lists["part_of_place"] and words[0] in locative | determiners:
            return True
        words = words[-2:]
        return bool(words) and (words[-1] in locative or len(words) == 2
                                and words[0] in locative and words[1] in determiners)

    # -- roles ------------------------------------------------------------------

    def quote_at(self, start: int) -> Quote | None:
        return next((q for q in self.document.quotes if q.start <= start < q.end), None)

    def demanded(self, quote: Quote, match: TriggerMatch, clause: tuple[int, int]) -> bool:
        """Whether a trigger tells what a quote demands, not what was done: in a quote
        whose cue is a request's verb outside it ("„Die Truppen müssen abgezogen werden“,
        forderte der Präsident"; in English a direct quote only: "demanded the withdrawal"
        is the request's object), or in a clause whose modal of obligation is a request of
        the speaker ("Israel müsse die Angriffe einstellen, sagte Guterres")."""
        if match.trigger.type == "REQUEST" or match.trigger.obligation:
            return False
        if self.cue_of(quote) is not None and (quote.kind == "direct"
                                               or isinstance(self.strategy, CaseRoles)):
            return True
        return any(other.trigger.obligation
                   and clause[0] <= self.starts[other.start] < clause[1]
                   and quote.start <= self.starts[other.start] < quote.end
                   and self.roles(other, clause, quote)[1] != [None]
                   for other in self.matches)

    def cue_of(self, quote: Quote) -> TriggerMatch | None:
        """The request whose verb is the quote's cue, outside its words in its sentence
        ("…, verlangte die Opposition", "Der Präsident forderte: „…“"); looked up once."""
        if quote.id not in self.cues:
            self.cues[quote.id] = next(
                (other for other in self.matches if other.trigger.type == "REQUEST"
                 and self.texts[other.start] == quote.cue
                 and not quote.start <= self.starts[other.start] < quote.end
                 and self.sentence_at(self.starts[other.start])
                 == self.sentence_at(quote.start)), None) if quote.cue else None
        return self.cues[quote.id]

    def sentence_at(self, start: int) -> int:
        return sentence_of(self.document.sentences, start, start + 1, len(self.text))

    def cued(self, match: TriggerMatch) -> Quote | None:
        """The quote whose cue the request is, where the quote has a speaker: the speaker
        asks, the quote's subject is asked ("Die Ministerin solle zurücktreten, verlangte
        die Opposition": not the minister's request). German only: an English cue's
        object is the request's own ("demanded the withdrawal of Serbian forces")."""
        if not isinstance(self.strategy, CaseRoles) or match.trigger.type != "REQUEST" \
                or self.texts[match.start] not in self.cue_words:
            return None
        return next((q for q in self.document.quotes if q.speaker is not None
                     and q.speaker.actor is not None and self.cue_of(q) is match), None)

    def roles(self, match: TriggerMatch, clause: tuple[int, int], quote: Quote | None):
        """Actor ids, recipient ids and how the actor was found (NAMED, or why not), by
        the language's strategy: case and prepositions, or word order."""
        return self.strategy.roles(match, clause, quote)

    def bordering(self, clause: tuple[int, int], actor_ids: list) -> str | None:
        """The country across a border the clause names: "an die Grenze zur Ukraine", "the
        border with Guyana", "an die ukrainische Grenze", "to the Ukrainian border" (not the
        actor's own)."""
        first, last = self.token_range(*clause)
        own = {self.actors[a].country for a in actor_ids if a in self.actors}
        words = self.lexicon.words
        for i in range(first, last):
            if (self.lemmas[i] or self.lowers[i]).lower() not in words["border"]:
                continue
            country = self.demonyms.get(self.lowers[i - 1]) if i > first else None
            if country is None and i + 1 < last and self.lowers[i + 1] in words["border_with"]:
                start = self.starts[i + 1]
                mention = next((m for m in self.mentions if m.start > start), None)
                if mention is not None and self.text[start:mention.start].count(" ") <= 2:
                    country = self.actors[mention.actor].country  # "zur Ukraine"
            if country is not None and country not in own:
                return self.country_actor(country)
        return None

    def party_prefixed(self, index: int) -> bool:
        """Whether an abbreviation or organisation of a party stands in front of the noun
        ("Nato-Pläne", "US-Vorschlag"; see prefix_actor)."""
        text = self.texts[index]
        return "-" in text[1:-1] and text[:1].isupper() \
            and self.prefix_party(text.split("-", 1)[0]) is not None

    def prefix_actor(self, index: int) -> str | None:
        """The actor an abbreviation or organisation in front of a noun names ("US-
        Luftangriffe", "Nato-Angriff", "EU-Gipfel"), found or made with the prefix as its
        words; None for a country's full name, more often the act's place or aim than
        its doer ("Irak-Einsatz", "Russland-Sanktionen")."""
        if not self.party_prefixed(index):
            return None
        prefix = self.texts[index].split("-", 1)[0]
        name, country, org = self.prefix_party(prefix)
        start = self.starts[index]
        actor = self.party_actor(country, org, name)
        if not any(span.start == start for span in actor.nominal):
            actor.nominal.append(TextSpan(text=prefix, start=start, end=start + len(prefix)))
        return actor.id

    def act_object(self, match: TriggerMatch, clause: tuple[int, int]) -> bool:
        """Whether a trigger of ``act_object_types`` has another act as its object, right
        after it over an article, a possessive or a name and one more word ("condemned the
        bombing", "condemned Sunday's deadly attack"): aimed at whoever did that act."""
        if match.trigger.type not in self.lexicon.act_object_types:
            return False
        last = self.token_range(*clause)[1]
        content = self.contents.get(match.start)
        determiners = self.lexicon.words["determiners"]
        for other in ([content] if content else []) + self.matches:
            if other is not match and match.last <= other.start < min(last, match.last + 4) \
                    and other.trigger.type not in self.lexicon.partnered_types:
                between = range(match.last, other.start)
                free = [k for k in between if self.lowers[k] not in determiners
                        and not self.texts[k][:1].isupper() and self.texts[k] not in ("'s", "’s")]
                joins = self.lexicon.words["coordinators"] | self.lexicon.words["subordinators"]
                return len(free) <= 1 and not any(self.lowers[k] in joins for k in free) \
                    and all(self.texts[k][:1].isalpha() or self.texts[k] in ("'s", "’s")
                            for k in between)
        return False

    def country_actor(self, country: str) -> str:
        """The document's actor of that country alone, or a new one."""
        return self.party_actor(country).id

    def party_actor(self, country: str, org: str | None = None,
                    name: str | None = None) -> Actor:
        """The document's actor of that country and organisation (none: the country
        alone) with no sector, or a new one named ``name`` (else by the country)."""
        for actor in self.document.actors:
            if actor.country == country and (actor.org or None) == org and not actor.sector:
                return actor
        return self.new_actor(name=name or country, country=country, org=org, code=country)

    def new_actor(self, **fields) -> Actor:
        """An actor the events layer adds to the document (a party the actors layer had
        no mention for), with the next free id."""
        actor = Actor(id=f"a{len(self.document.actors) + 1}", **fields)
        self.document.actors.append(actor)
        self.actors[actor.id] = actor
        return actor

    # -- roles by word order (English) ---------------------------------------

    def part_of_clause(self, match: TriggerMatch, clause: tuple[int, int]) -> tuple[int, int]:
        """The stretch of the clause between the subordinating words around the trigger:
        "Chad closed the border with Sudan | where refugees had fled". A "that"
        after the trigger stays in: its subject is the recipient ("demanded that the US")."""
        span = self.doc.char_span(*clause, alignment_mode="expand")
        left, right = clause
        if span is None:
            return clause
        subordinators = self.lexicon.words["subordinators"]
        adverbial = self.lexicon.words["subordinators_not_after"]
        for token in span:
            opens = token.lower_ in subordinators and not (  # "have since launched": an
                token.i > 0 and self.doc[token.i - 1].lower_ in adverbial)  # adverb
            opens = opens or self.opens_clause(token, span)
            if token.i < match.start and opens:
                left = token.idx + len(token)
            elif token.i >= match.last and opens and token.lower_ != "that":
                right = token.idx
                break
        return left, right

    def opens_clause(self, token, span) -> bool:
        """A word of ``clausal_subordinators`` with a subject and its finite verb after it
        in the clause: a pronoun right after it, or a few words and then a past form or
        an auxiliary ("as clashes raged", "as police were"); "such as armed
        groups", "as expected", "quoted as saying he would" open none."""
        words = self.lexicon.words
        if token.lower_ not in words["clausal_subordinators"] or token.i + 1 >= span.end \
                or token.i > span.start \
                and self.doc[token.i - 1].lower_ in words["clausal_not_after"]:
            return False
        following = self.doc[token.i + 1:min(span.end, token.i + 1 + AS_CLAUSE_REACH)]
        if following[0].lower_ in words["impersonal"]:
            return True
        if following[0].lower_.endswith(("ing", "ed")):
            return False  # "as saying he would", "as expected"
        finite = words["passive"] | words["future"] | words["hypothetical"]
        return any(t.is_alpha and t.is_lower and (t.lower_.endswith("ed") or t.lower_ in finite)
                   for t in following[1:])

    def opening_subject(self, mention: ActorMention, part: tuple[int, int]) -> ActorMention:
        """A mention right after the subordinator that opens the clause part is its
        subject, not governed by that word: "after Israel lifted the ban"."""
        determiners = self.lexicon.words["determiners"]
        if mention.preposition in self.lexicon.words["subordinators"] and all(
                word in determiners for word in self.text[part[0]:mention.start].lower().split()):
            return replace(mention, preposition=None)
        return mention

    def passive_at(self, match: TriggerMatch) -> bool:
        """A form of "be" just before a participle trigger, or before a list of participles
        that ends in it: "was attacked", "have been freed", "were beaten and robbed"."""
        if not self.doc[match.end - 1].lower_.endswith(("ed", "en", "wn", "t", "d")):
            return False  # "is suing", "is ready to": no participle
        listed = 0  # participles of a list before it: "were beaten, robbed and taken"
        for j in range(match.start - 1, -1, -1):
            if match.start - 1 - j > AUX_REACH + listed:
                return False
            word = self.doc[j].lower_
            if word in self.lexicon.words["passive"]:
                return True
            if word in (",", *self.lexicon.words["noun_coordinators"]) or self.doc[j].is_lower \
                    and word.endswith(("ed", "en", "wn")) and listed < PARTICIPLE_LIST:
                listed += 1
                continue
            if not (word.endswith("ly") or word in self.lexicon.words["negation"]):
                return False
        return False

    def obliged(self, match: TriggerMatch, quote: Quote | None) -> tuple[list, list]:
        """A modal of obligation in reported speech: the speaker asks it of the party
        right before the modal and those joined to it ("The administration declared that
        China must drop …"); no event where either is missing ("the process must go on")."""
        if quote is None or quote.speaker is None or quote.speaker.actor is None:
            return [None], [None]
        t_start = self.doc[match.start].idx
        subject = next((m for m in reversed(self.mentions) if quote.start <= m.start
                        and m.end <= t_start and m.preposition is None), None)
        if subject is None or not all(  # the subject stands right before its modal, or
                word.isalpha() and word.islower()  # its list: "the US and other nations"
                for word in self.text[subject.end:t_start].split()):
            return [None], [None]
        speaker = quote.speaker.actor
        pool = [m for m in self.mentions if quote.start <= m.start and m.end <= t_start]
        recipients = [m.actor for m in self.members(subject, pool) if m.actor != speaker]
        return [speaker], recipients or [None]

    def roles_svo(self, match: TriggerMatch, clause: tuple[int, int], quote: Quote | None):
        trigger = match.trigger
        if trigger.obligation:
            return (*self.obliged(match, quote), GOVERNED)
        if trigger.type in self.lexicon.risk_types and self.risked(match):
            return [None], [None], GOVERNED  # "where they face imprisonment": no one
            # imprisoned them
        t_start = self.doc[match.start].idx
        last = self.doc[match.last - 1]
        t_end = last.idx + len(last)
        part = self.part_of_clause(match, clause)
        in_part = [m for m in self.mentions if part[0] <= m.start and m.end <= part[1]
                   and not (m.start <= t_start < m.end)]
        speech = self.speech_start(quote, t_start)
        floor = part[0] if speech is None else max(part[0], speech)
        before = [self.opening_subject(m, part) for m in in_part  # not an agency after
                  if floor <= m.start and m.end <= t_start  # a dateline: "LISBON (Reuters)"
                  and not self.bracketed(m)]
        first_end = self.doc[match.end - 1].idx + len(self.doc[match.end - 1])
        after = [m for m in in_part if m.start >= first_end  # "expelled two diplomats"
                 and not self.bracketed(m)]  # not "the force in Lebanon (UNIFIL)"
        agent = self.lexicon.words["agent"]
        near = self.doc[match.last:match.last + AGENT_REACH]
        near_end = near[-1].idx + len(near[-1]) if len(near) else t_end
        by_agent = next((m for m in after if m.preposition in agent and m.start <= near_end),
                        None)
        actor = recipient = None
        governed = self.governed(match) and not (trigger.speaker_acts and quote)
        passive = self.passive_at(match) or by_agent is not None \
            and self.lowers[match.last - 1].endswith(_PARTICIPLE_ENDINGS) \
            and match.last < len(self.lowers) and self.lowers[match.last] in agent
        # (a participle with its agent right after it is a passive without "be":
        # "Two Thai police wounded by Burmese gunmen")
        opener = self.opening_words(floor, match.start)
        # the subject of the reported speech, where the trigger's part names none of its
        # own ("said it would provide 40 million kroner in development aid")
        subject = self.opening_words(speech, match.start)[:1] \
            if speech is not None and part[0] > speech and len(opener) <= AUX_REACH \
            else opener[:1]
        if governed:
            pass  # "against the unrest": the clause's subject did not do it
        elif passive:
            actor = by_agent  # the subject is the patient, also inside a longer phrase
            recipient = next((m for m in before if m.preposition is None), None) \
                or (before[0] if before else None)  # "a convoy of refugees was attacked"
            if actor is None and trigger.type in self.lexicon.force_types:
                actor, recipient = recipient, None  # "troops were deployed": theirs
        else:
            actor = next((m for n, m in enumerate(before) if m.preposition is None
                          and not self.possessor(m, before[n + 1:n + 2])), None)
            if actor is None and opener and opener[0].lower() in self.lexicon.words["relative"]:
                earlier = [m for m in self.mentions if m.end <= part[0]]
                actor = earlier[-1] if earlier else None  # "forces who attacked"
            elif actor is None and len(self.text[part[0]:t_start].split()) <= AUX_REACH \
                    and part[0] == clause[0] > 0:
                actor = self.earlier_subject(part, t_start, t_end, speech)
            pronoun = subject and subject[0].lower() in self.lexicon.words["pronouns"] \
                or len(opener) > 1 and opener[-1].lower() in self.lexicon.words["pronouns"]
            if actor is None and pronoun:  # "He accused X", "On Sunday he accused X": who
                actor = self.person_before(t_start)  # "he" is
            if actor is None or by_agent is not None and self.staged_by(match, by_agent):
                actor = by_agent  # "calls by X", "an attack by X", "the protest staged by X"
        speaker = quote.speaker.actor if quote and quote.speaker else None
        actor_id = actor.actor if actor else None
        agentless = passive and actor is None and not governed
        # the speaker is the actor of his own accusation, where the clause names no other
        # ("…, the newspaper said" reports the police's investigation), and of a passive
        # act without agent, but for an assault ("…were killed, police said": the guide's
        # null actor)
        if speaker and (trigger.speaker_acts and (actor is None or quote.kind == "direct")
                        or agentless and trigger.type != "ASSAULT" or actor is not None and (
            self.text[actor.start:actor.end].lower() in self.lexicon.words["impersonal"]
        ) or actor is None and not passive and not governed and subject  # "announced that
                and subject[0].lower() in self.lexicon.words["impersonal"]):  # it would …"
            actor_id, actor = speaker, None
        if actor_id is None and trigger.default_actor and not passive:
            actor_id = next((a.id for a in self.document.actors
                             if trigger.default_actor in a.sector), None)
        actors = self.members(actor, in_part + self.listed_states(actor, clause)) \
            if actor is not None else []
        actor_ids = {m.actor for m in actors} | {actor_id}
        if recipient is None:
            wanted = set(trigger.recipient) | self.lexicon.words["recipient"]
            candidates = [m for m in after if m.actor not in actor_ids
                          and not (m is by_agent and actor is by_agent)
                          and not self.own(m, actor_ids)
                          and not (trigger.type in self.lexicon.force_types
                                   and self.own_force(m, actor_ids))]
            together = len({m.actor for m in actors}) > 1 \
                and self.done_together(trigger.type, clause)
            if together:  # parties acting together act towards each other, not towards
                # where they meet or who brokered it: "Serbia and Kosovo resumed talks in
                # Brussels", "exchanged prisoners in a deal brokered by the Emirates"
                candidates = [m for m in candidates
                              if m.preposition not in self.lexicon.words["locative"]
                              and m.preposition not in agent]
            recipient = next((m for m in candidates
                              if m.preposition is None or m.preposition in wanted
                              or m.preposition in self.lexicon.words["genitive_prepositions"]
                              and m.start <= near_end), None)
            if recipient is None and not together:
                recipient = next((m for m in candidates
                                  if m.preposition in self.lexicon.words["locative"]), None) \
                    or next(iter(candidates), None)  # "against abuses by the police"
            if trigger.type in self.lexicon.transfer_types:  # "supplied drones to Russia":
                # what is handed over is the object, the party it goes to follows "to"
                recipient = next((m for m in candidates if m.preposition in
                                  self.lexicon.words["addressee_prepositions"]), recipient)
            if recipient is not None and self.forum(recipient):
                # a complaint to a body of states is aimed at whom it is about: "complained
                # to the African Union about Somali shelling"
                recipient = next((m for m in candidates if m.start > recipient.start and
                                  m.preposition in self.lexicon.words["complaint_subjects"]),
                                 recipient) if trigger.type == "ACCUSE" else recipient
        if recipient is None and trigger.type == "THREATEN":
            recipient = self.condition_subject(match, clause, actor_ids)
        if recipient is not None and recipient.actor in actor_ids:
            recipient = None
        ids = [m.actor for m in actors] if any(m.actor == actor_id for m in actors) \
            else [actor_id]
        recipients = [m.actor for m in self.members(recipient, in_part)
                      if m.actor not in actor_ids] if recipient else [None]
        # an actor from outside the clause part of a trigger that is its subject (the
        # subject before it, the speaker) is no side where "between" names both: "…, as
        # clashes raged between rebels and the army" (not "it would host talks between")
        outside = (actor is None and ids != [None] or actor is not None
                   and actor not in before) and not self.verb_words(opener)
        if (ids == [None] or outside) and len(recipients) > 1 and recipient.preposition \
                in self.lexicon.words["between"]:
            if trigger.type in self.lexicon.reciprocal_types:
                return recipients, [None], GOVERNED  # "talks between Chile and Peru": both
            if outside:
                return recipients[:1], recipients[1:], GOVERNED
        # the guide's null actor of a passive without its agent ("three civilians were
        # killed"); otherwise no named actor drops the event
        return ids, recipients or [None], AGENTLESS if agentless and ids == [None] else GOVERNED

    def alleged(self, match: TriggerMatch, clause: tuple[int, int], events: list[Event],
                made: dict[int, tuple]) -> str | None:
        """Who is accused of the act a trigger noun names, where a verb of alleging
        (ACCUSE, mode ``allege``) before it in its clause names whom it accuses: "Kiew wirft
        Moskau Kriegsverbrechen vor", "beschuldigte die Rebellen des Mordes"."""
        if self.tags[match.start] not in self.lexicon.words["noun_tags"]:
            return None
        for k in range(len(events) - 1, -1, -1):
            event, verb = events[k], made[k][0]
            if event.type == "ACCUSE" and event.mode == "allege" and event.recipient \
                    and self.tags[verb.start][:1] == "V" and verb.start < match.start \
                    and clause[0] <= event.trigger.start < clause[1]:
                return event.recipient
        return None

    def called_for(self, preposition: str | None, start: int, sentence: tuple[int, int],
                   events: list[Event]) -> str | None:
        """Who is to do an act a request before it in its sentence calls for ("rief die
        Arbeiter zum Streik auf": the workers; "rief zu einem Generalstreik auf": the caller),
        where the act's noun at ``start`` follows a preposition of what is called for
        (``call_prepositions``)."""
        if preposition not in self.lexicon.words["call_prepositions"]:
            return None
        request = next((e for e in reversed(events) if e.type == "REQUEST"
                        and e.sentence == sentence and e.trigger.start < start), None)
        if request is None:
            return None
        # the request's recipient named after the act's noun is of the act's own phrase
        # ("ruft zu Warnstreiks bei der Lufthansa auf": struck, not called on): the caller
        called = [m for m in self.mentions if m.actor == request.recipient
                  and sentence[0] <= m.start < sentence[1]]
        if request.recipient and called and all(m.start > start for m in called):
            return request.actor
        return request.recipient or request.actor

    def person_before(self, at: int) -> ActorMention | None:
        """The person a subject pronoun at character ``at`` points back to: the last one
        named before it, in its sentence or the two before (as a quote's pronoun speaker
        is found)."""
        sentences = [s for s in self.document.sentences if s[0] <= at]
        floor = sentences[-PRONOUN_SENTENCES][0] if len(sentences) >= PRONOUN_SENTENCES \
            else 0
        persons = [m for m in self.mentions if floor <= m.start and m.end <= at
                   and m.preposition is None and self.is_person(m.actor)]
        return persons[-1] if persons else None

    def is_person(self, actor_id: str | None) -> bool:
        """Whether an actor is a person: one the name finder named as one."""
        actor = self.actors.get(actor_id or "")
        return actor is not None and any(
            self.entity_labels.get(m) == "PER" for m in actor.mentions)

    def earlier_subject(self, part: tuple[int, int], t_start: int, t_end: int,
                        speech: int | None) -> ActorMention | None:
        """The first ungoverned mention of the sentence before a clause that opens with its
        trigger: the subject the clause shares ("X, a close ally of Y, demanded")."""
        sentence = sentence_of(self.document.sentences, t_start, t_end, len(self.text))
        lower = max(sentence[0], speech or 0)  # not the speaker of reported speech
        earlier = [m for m in self.mentions if lower <= m.start and m.end <= part[0]
                   and m.preposition is None and not self.bracketed(m)]
        return earlier[0] if earlier else None

    def speech_start(self, quote: Quote | None, t_start: int) -> int | None:
        """Where the reported speech around a trigger starts, its subject inside it and not
        the speaker before it ("France said protests in the capital were peaceful"); None
        outside reported speech, and for an act the speaker announces ("Egypt announced a
        suspension of all flights": the cue's object, a few small words before it)."""
        if quote is None or quote.start > t_start:
            return None
        # (an amount between counts as no word: "announced a new $2 billion aid package")
        text = self.text[:t_start]
        for amount in self.document.amounts:
            if quote.start <= amount.start and amount.end <= t_start:
                text = text[:amount.start] + " " * (amount.end - amount.start) + text[amount.end:]
        words = text[quote.start:t_start].split()
        if (quote.cue or "").lower() in self.lexicon.words["announcing"] \
                and len(words) <= AUX_REACH and all(w.islower() for w in words):
            return None
        return quote.start

    def risked(self, match: TriggerMatch) -> bool:
        """Whether an English trigger noun is what someone faces or risks, alone or in a
        list: "would face arrest and torture at home", "risks arrest"."""
        for j in range(match.start - 1, max(-1, match.start - 1 - RISK_REACH), -1):
            word = self.doc[j].lower_
            if word in self.lexicon.words["risking"]:
                return True
            if not (self.doc[j].is_lower or word == ",") or word in self.lexicon.words[
                    "prepositions"]:
                return False
        return False

    def without_repeats(self, events: list[Event]) -> list[Event]:
        """The events but those that only repeat another one without its recipient: they
        add nothing. Told in another sentence ("Verdi ruft zum Streik gegen die Lufthansa
        auf. … Der Streik soll 24 Stunden dauern."), such a repeat is the same event told
        again, and its words are kept in that event's ``retold``."""
        aimed: dict[tuple, list[Event]] = {}
        for event in events:
            if event.recipient:
                aimed.setdefault((event.type, event.mode, event.actor, event.date),
                                 []).append(event)
                aimed.setdefault((event.type, event.sentence, event.actor, event.date),
                                 []).append(event)
        kept = []
        for event in events:
            told = [] if event.recipient else aimed.get(
                (event.type, event.mode, event.actor, event.date), [])
            if not told and not event.recipient and event.trigger.text[:1].isupper():
                # a noun beside a verb of its clause, whatever their modes: "hat
                # Strafzölle auf chinesische Elektroautos verhängt" (not "nahm drei Männer
                # fest und durchsuchte Wohnungen": two acts, two verbs; nor "setzte ihre
                # Offensive fort: … tötete sie", two clauses)
                told = [other for other in aimed.get(
                    (event.type, event.sentence, event.actor, event.date), [])
                    if other.trigger.text[:1].islower() and self.one_clause(event, other)]
            twin = next((other for other in kept if other.sentence == event.sentence
                         and (other.type, other.actor, other.recipient)
                         == (event.type, event.actor, event.recipient)), None)
            if twin is not None:  # "verhängte neue Sanktionen gegen X": one act, two words
                _retell(twin, event.trigger)
            elif not told:
                kept.append(event)
            elif all(other.sentence != event.sentence for other in told):
                for span in (event.trigger, *event.retold):
                    _retell(told[0], span)
        return kept

    def one_clause(self, event: Event, other: Event) -> bool:
        """Whether the other event's words stand in the clause of the event's."""
        left, right = clause_of(self.text, event.sentence, event.trigger.start,
                                event.trigger.end, *self.lexicon.joins)
        return left <= other.trigger.start and other.trigger.end <= right

    def subsumed(self, event: Event, events: list[Event]) -> bool:
        """Whether another event of the same trigger and type names the same parties, one
        of them more closely: a party coded by its country alone beside one of that country
        with a sector ("Iraqi Kurd refugees": Iraq and its refugees, one party)."""
        def covers(general: str | None, special: str | None) -> bool:
            one, other = self.actors.get(general or ""), self.actors.get(special or "")
            return general == special or one is not None and other is not None \
                and not one.sector and not one.org and bool(other.sector) \
                and one.country is not None and one.country == other.country
        return any(other is not event and other.trigger.start == event.trigger.start
                   and other.type == event.type and (other.actor, other.recipient)
                   != (event.actor, event.recipient) and covers(event.actor, other.actor)
                   and covers(event.recipient, other.recipient) for other in events)

    def forum(self, mention: ActorMention) -> bool:
        """Whether a mention is a body of states addressed ("to the United Nations")."""
        actor = self.actors.get(mention.actor)
        return mention.preposition in self.lexicon.words["addressee_prepositions"] \
            and actor is not None \
            and actor.country in INTERNATIONAL

    def opening_words(self, start: int, before: int) -> list[str]:
        """The words from a character offset to token ``before``, but for time expressions
        and their prepositions ("said on Friday it would …": "it would")."""
        first, _ = self.token_range(start, self.starts[before])
        return [self.texts[i] for i in range(first, before) if not (
            self.in_time(i) or i + 1 < before and self.in_time(i + 1)
            and self.lowers[i] in self.lexicon.words["prepositions"])]

    def capitalised_inside(self, match: TriggerMatch) -> bool:
        """Whether an English trigger is written capitalised inside a sentence in small
        letters: a month or part of a name ("in February/March", "Lee's Summit"), no act.
        A headline in capitals throughout keeps its triggers."""
        token = self.doc[match.start]
        if not token.text[:1].isupper() or token.text.isupper() or token.is_sent_start \
                or self.doc[match.start - 1].text in _OPENERS:
            return False
        words = [t.text for t in token.sent if t.is_alpha]
        return sum(w[:1].isupper() for w in words) * 2 < len(words)

    def staged_by(self, match: TriggerMatch, agent: ActorMention) -> bool:
        """Whether a participle and "by" right after a noun trigger name its agent: "the
        demonstration staged by students", "an attack carried out by the rebels"."""
        i = match.last  # a phrase with words between its parts ("broke up … protest") is
        if match.end != i or i >= len(self.lowers) \
                or not self.lowers[i].endswith(_PARTICIPLE_ENDINGS):  # a verb's
            return False
        for j in range(i + 1, min(i + 3, len(self.lowers))):
            if self.lowers[j] in self.lexicon.words["agent"]:
                end = self.starts[j] + len(self.texts[j])
                return agent.start >= end and len(self.text[end:agent.start].split()) <= 1
        return False

    def verb_words(self, opener: list[str]) -> bool:
        """Whether the words before a trigger in its clause part make it a verb: a
        pronoun subject, an auxiliary, a modal, "to" ("it would host", "were killed")."""
        words = self.lexicon.words
        return bool({w.lower() for w in opener} & (words["impersonal"] | words["future"]
                                                    | words["passive"]
                                                    | words["infinitive_markers"]))

    def possessor(self, mention: ActorMention, following: list[ActorMention]) -> bool:
        """Whether a mention owns the next one, which is then the subject: "X's al-Qaeda
        network threatened", "Putin's spokesman Peskov said"."""
        return bool(following) and following[0].preposition is None and bool(
            _POSSESSOR.match(self.text[mention.end:following[0].start]))

    def condition_subject(self, match: TriggerMatch, clause: tuple[int, int],
                          actor_ids: set, words: str = "conditions") -> ActorMention | None:
        """Whom a threat is aimed at: the subject of its condition ("threatened to strike
        unless Israel withdrew"); None where no word of ``words`` follows the trigger."""
        span = self.doc.char_span(*clause, alignment_mode="expand")
        if span is None:
            return None
        condition = next((t for t in span if t.i >= match.last
                          and t.lower_ in self.lexicon.words[words]), None)
        if condition is None:
            return None
        return next((m for m in self.mentions if condition.idx < m.start and m.end <= clause[1]
                     and m.preposition is None and m.actor not in actor_ids), None)

    def own_force(self, mention: ActorMention, actor_ids: set) -> bool:
        """Armed forces or police of the actor's country, which a mobilisation moves, not
        aims at: "the military in Venezuela has moved tanks to the border"."""
        other = self.actors[mention.actor]
        return other.country is not None and bool(set(other.sector) & FORCE_SECTORS) \
            and any(self.actors[a].country == other.country
                    for a in actor_ids if a in self.actors)

    def own(self, mention: ActorMention, actor_ids: set) -> bool:
        """The actor's own people, not a recipient: "its troops", or a bare role noun of
        a named actor's country ("Russia deployed troops"); "his Russian counterpart", of
        another country than the actor's, is none."""
        other = self.actors[mention.actor]
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.start and \
                self.doc[span.start - 1].lower_ in self.lexicon.words["possessive"]:
            return not any(self.actors[a].country not in (None, other.country)
                           for a in actor_ids if a in self.actors) or other.country is None
        return other.inferred and any(  # named by a name, not a role noun ("police in X"),
            self.actors[a].country == other.country and not self.actors[a].inferred
            and self.actors[a].mentions and self.state(self.actors[a])
            for a in actor_ids if a in self.actors)

    def state(self, actor: Actor) -> bool:
        """A state or one of its bodies: not a person of no office ("Moroccan activist X
        criticised the police"), nor an organisation of no state sector ("the PKK
        attacked a police post")."""
        sectors = set(actor.sector)
        return not sectors - STATE_SECTORS and (bool(sectors) or actor.org is None)

    def actor_named(self, found: str, actors: list) -> bool:
        """Whether the roles name the event's actor: the German ones say so (``NAMED``);
        the English ones, read by position, name one wherever they found one."""
        return found == NAMED or self.lexicon.word_order == "svo" and actors != [None]

    def listed_states(self, actor: ActorMention | None, clause: tuple[int, int]
                      ) -> list[ActorMention]:
        """The states or organisations listed before a comma that opens a clause whose
        subject is one too: "China, Japan agree to resume talks" (a headline's list; not
        an apposition, "Kenzo Oshima, the UN's coordinator, demanded")."""
        def state(mention: ActorMention) -> bool:
            found = self.actors.get(mention.actor)
            return found is not None and not found.sector and bool(found.mentions) \
                and self.entity_labels.get(found.mentions[0]) in ("LOC", "ORG")
        if actor is None or not state(actor) or actor.start > clause[0] + 1:
            return []
        listed: list[ActorMention] = []
        start = actor.start
        for other in sorted((m for m in self.mentions if m.end <= start), key=lambda m: -m.start):
            if other.end > start or not state(other) \
                    or not _CONJOINED.match(self.text[other.end:start]):
                break
            listed.insert(0, other)
            start = other.start
        return listed

    def reciprocal(self, match: TriggerMatch, clause: tuple[int, int], actors: list,
                   recipients: list, found: str) -> list[tuple[str, str]]:
        """Joint named actors and no recipient, of a type done together (AGREE, CONSULT,
        COOPERATE) or with "gegenseitig", "each other": each acts towards each other one
        ("Russland und China unterzeichneten ein Abkommen": RUS → CHN and CHN → RUS)."""
        named = list(dict.fromkeys(a for a in actors if a is not None))
        if not self.actor_named(found, actors) or recipients != [None] or len(named) < 2:
            return []
        if not self.done_together(match.trigger.type, clause):
            return []
        return [(a, b) for a in named for b in named if a != b]

    def paired_countries(self, match: TriggerMatch) -> list[str]:
        """The countries of two demonyms joined by a hyphen right before a trigger noun
        ("deutsch-französische Gespräche", "Israeli-Palestinian talks"), else none."""
        i = match.start - 1
        if i >= 0 and "-" in self.lowers[i][1:-1]:
            parts = self.lowers[i].split("-")  # one token: "russisch-ukrainischen"
        elif i >= 2 and self.lowers[i - 1] == "-":
            parts = [self.lowers[i - 2], self.lowers[i]]  # "Israeli - Palestinian"
        else:
            return []
        countries = [self.demonyms.get(part) for part in parts]
        if len(countries) != 2 or None in countries or countries[0] == countries[1]:
            return []
        return countries

    def done_together(self, kind: str, clause: tuple[int, int]) -> bool:
        """Whether joint actors of an act do it towards each other: a type done together
        (AGREE, CONSULT, COOPERATE), or any with a reciprocal word in its clause
        ("gegenseitig", "exchanged")."""
        return kind in self.lexicon.reciprocal_types \
            or bool(self.words_in(*clause) & self.lexicon.words["reciprocal"])

    def complement(self, match: TriggerMatch, earlier: TriggerMatch) -> bool:
        """Whether a trigger is the content of an earlier one: same clause part, nothing but
        its object or a "that" between them ("agreed to withdraw", "rejected an ultimatum",
        "demanded that X withdraw")."""
        if earlier.last > match.start:
            return False
        between = self.doc[earlier.last:match.start]
        stops = (self.lexicon.words["subordinators"] | self.lexicon.words["coordinators"]) \
            - {"that"}  # "demanded that Iran release ...": the release is what was demanded
        return not any(t.lower_ in stops or (t.is_punct and t.text not in "-'’")
                       for t in between)

    def members(self, mention: ActorMention, pool: list[ActorMention]) -> list[ActorMention]:
        """A mention and those joined to it by "und", "and", commas: a compound actor
        ("Die Europäische Union und Japan": both, whichever of them the roles chose)."""
        join = _JOIN_NAMED if self.lexicon.word_order == "svo" else _JOIN
        ordered = sorted(pool, key=lambda m: m.start)
        group = [mention]
        # a place after the last member is of its phrase: "die Regierung von Chile und die
        # USA" (German: ``join_across_places``)
        attaching = self.lexicon.words["locative"] | self.lexicon.words["agent"] \
            if self.lexicon.join_across_places else set()
        end = mention.end
        for other in ordered:
            if other.start < end:
                continue
            between = self.text[end:other.start]
            if other.actor == group[-1].actor and not between.strip():
                end = other.end  # a role and its name: "der polnische Regierungschef Tusk"
                continue
            if join is _JOIN and _GENITIVE_LINK.match(between) and other.preposition is None \
                    and self.case_at(other.start, other.end) == "Gen":
                end = other.end  # whose the member is: "die Staaten der EU sowie Norwegen"
                continue
            if attaching:
                between = self.without_place(between, attaching)
                if other.preposition in attaching and _ATTACHED.match(between):
                    end = other.end
                    continue
            if not join.match(between):
                break
            group.append(other)
            end = other.end
        for other in reversed(ordered):
            if other.end > group[0].start:
                continue
            if other.preposition is not None \
                    or not _CONJOINED.match(self.text[other.end:group[0].start]):
                break
            group.insert(0, other)
        return group

    def without_place(self, between: str, prepositions: set[str]) -> str:
        """The words between two mentions without a place named after the first one, which
        no actor holds: " von Frankfurt und sein " -> " und sein " ("Der Bürgermeister von
        Frankfurt und sein Amtskollege"), after one of ``prepositions``."""
        words = between.split()
        if not words or words[0].lower() not in prepositions:
            return between
        determiners = self.lexicon.words["determiners"]
        i = 2 if len(words) > 1 and words[1].lower() in determiners else 1
        name = i
        while name < min(len(words), i + 2) and words[name][:1].isupper():
            name += 1
        return between if name == i else " " + " ".join(words[name:]) + " "

    def governed(self, match: TriggerMatch) -> bool:
        """An English trigger noun after a preposition ("against the violence") names no
        act of the clause's subject; only determiners may stand between ("with its allies
        demanded" is a verb after a phrase). German: ``_preposition`` in ``roles``."""
        reach = PREPOSITION_REACH
        for j in range(match.start - 1, -1, -1):
            if j < match.start - reach:
                return False
            word = self.doc[j].lower_
            if word in self.lexicon.words["infinitive_markers"] and j == match.start - 1:
                return False  # "continued to send": an infinitive
            if word in self.lexicon.words["noun_coordinators"] and j > 0 \
                    and self.doc[j - 1].is_lower:
                reach += 2  # the noun before it shares the preposition: "a pact on
                continue  # trade and cooperation"
            if self.doc[j + 1].lower_ in self.lexicon.words["noun_coordinators"]:
                continue
            if word in self.lexicon.words["prepositions"]:
                # "were engaged in ethnic cleansing", "took part in the riots": the act
                # the subject enters into is its own; so is the act an amount measures
                # ("sent $50 million in aid", "pledged 500 tonnes of food aid")
                return not (word in self.lexicon.words["entering_prepositions"] and j
                            and self.doc[j - 1].lower_ in self.lexicon.words["entering"]
                            or j and self.measured(self.starts[j - 1]))
            if word not in self.lexicon.words["determiners"]:
                return False
        return False

    def measured(self, at: int) -> bool:
        """Whether the word at character ``at`` is part of an amount the amounts layer
        found ("$50 million" before "in aid")."""
        return any(a.start <= at < a.end for a in self.document.amounts)

    def attributive(self, match: TriggerMatch) -> bool:
        """A participle before a common noun that the tagger reads as an adjective (STTS
        ADJA, NN), in a sentence with a finite verb of its own, is no verb of the clause:
        "die von der Bundeswehr unterstützten Luftangriffe gingen weiter". The tagger also
        reads some finite verbs so ("In Kasachstan demonstrierten Tausende"): those have
        no other finite verb beside them. After an article or a numeral a participle the
        tagger reads as a finite verb is one too ("begnadigte zwei verurteilte
        Journalisten")."""
        i, tags = match.start, self.tags
        determined = i > 0 and tags[i - 1] in ATTRIBUTE_DETERMINERS
        if match.last - i != 1 or not (tags[i] == "ADJA" or tags[i] == "VVFIN" and determined):
            return False  # (a finite verb does not follow an article or a numeral: "zwei
            # verurteilte Journalisten")
        noun = i + 1  # after an article, the noun over the adjectives between ("eine
        # verletzte 23-jährige Frau"; not "Im Mai erschossen tschechische Grenzsoldaten")
        while determined and noun < len(tags) and tags[noun] in ("ADJA", "CARD"):
            noun += 1
        if noun >= len(tags) or tags[noun] != "NN" or self.doc[noun].ent_type:
            return False
        sentence = self.doc[i].sent
        return any(t.tag_ in FINITE_VERBS for t in sentence if t.i != i)

    def modality(self, match: TriggerMatch, clause: tuple[int, int], quote: Quote | None,
                 negation: bool = True):
        """The event's modality; ``negation`` false: the modality but for a negation."""
        if self.lexicon.word_order == "svo":
            return self.modality_svo(match, clause, quote, negation)
        # the clause and the one before it: "man sei bereit, die Zusammenarbeit zu verstärken"
        sentence = sentence_of(self.document.sentences, clause[0], clause[1], len(self.text))
        before = clause_of(self.text, sentence, max(sentence[0], clause[0] - 2),
                           max(sentence[0], clause[0] - 2), *self.lexicon.joins)
        words = self.words_in(min(before[0], clause[0]), clause[1])
        if negation and self.negated_after(match, clause):
            return "negated"
        if quote is None and isinstance(self.strategy, CaseRoles) \
                and self.strategy.verb_first_condition(*self.token_range(*clause)):
            return "hypothetical"  # "…, sollte die Nato Truppen stationieren"
        modality = self._modality_of(words, match, quote, negation)
        if modality == "intended" and self.hearsay(match, words):
            return "reported"
        if modality == "intended" and self.passive_present(words, clause):
            return "reported" if quote is not None else "asserted"
        return modality

    def prevented(self, match: TriggerMatch, clause: tuple[int, int], start: int) -> bool:
        """Whether a trigger noun is the object of a verb of preventing in its clause
        ("will Anschläge verhindern", "Missbrauch vorbeugen"): what is prevented is no act,
        and not one of the clause's subject (but "nach dem Anschlag": no object)."""
        preventing = self.lexicon.words["preventing"]
        if not preventing or self.tags[match.start] not in self.lexicon.words["noun_tags"] \
                or match.last - match.start != 1 or self._preposition(start) is not None:
            return False
        first, last = self.token_range(*clause)
        return any(self.lemmas[i] in preventing for i in range(first, last))

    def passive_present(self, words: set[str], clause: tuple[int, int]) -> bool:
        """Whether the clause's only word of the future is the auxiliary of a passive: "Gegen
        den Mann wird ermittelt", "Der Vertrag wird unterzeichnet" (a participle and no
        infinitive: not "wird unterzeichnet werden", "wird die Hilfe erhöhen")."""
        auxiliaries = self.lexicon.words["passive_auxiliaries"]
        if not auxiliaries or not words & self.lexicon.words["future"] <= auxiliaries:
            return False
        first, last = self.token_range(*clause)
        tags = self.tags[first:last]
        return any(t in self.lexicon.words["participle_tags"] for t in tags) \
            and not any(t in self.lexicon.words["infinitive_tags"] for t in tags)

    def hearsay(self, match: TriggerMatch, words: set[str]) -> bool:
        """Whether "sollen" and a perfect infinitive right after the trigger report what
        others say happened: "sollen Dörfer angegriffen haben", "soll verübt worden sein"."""
        after = match.last
        return bool(words & self.lexicon.words["hearsay_modals"]) and after < len(self.lowers) \
            and self.lowers[after] in self.lexicon.words["perfect_infinitives"] \
            and self.tags[match.last - 1] in self.lexicon.words["participle_tags"]

    def negated_after(self, match: TriggerMatch, clause: tuple[int, int]) -> bool:
        """Whether a main clause's finite verb is negated after it ("akzeptiert das Angebot
        nicht", "stimmte dem Vorschlag nicht zu"), not by "nicht nur", "nicht zuletzt"."""
        if self.tags[match.start] not in self.lexicon.negated_after_tags:
            return False
        last = self.token_range(*clause)[1]
        negation, other = self.lexicon.words["negation"], self.lexicon.not_negating
        return any(self.lowers[i] in negation
                   and (i + 1 >= last or self.lowers[i + 1] not in other)
                   for i in range(match.start + 1, last))

    def modality_svo(self, match: TriggerMatch, clause: tuple[int, int], quote: Quote | None,
                     negation: bool = True):
        """English: the words of the clause part before the trigger ("would not blockade",
        "if they attacked"), not a condition after it ("threatened ..., if X")."""
        part = self.part_of_clause(match, clause)
        words = self.words_in(part[0], self.starts[match.start]) | {self.lowers[match.start]}
        return self._modality_of(words, match, quote, negation)

    def _modality_of(self, words: set[str], match: TriggerMatch, quote: Quote | None,
                     negation: bool = True):
        """The modality from the clause's words and the six words before the trigger."""
        near = set(self.lowers[max(0, match.start - 6):match.start])
        if negation and near & self.lexicon.words["negation"]:
            return "negated"
        if quote is None and words & self.lexicon.words["hypothetical"]:
            return "hypothetical"
        if words & self.lexicon.words["future"]:
            return "intended"
        return "reported" if quote is not None else "asserted"

    # -- events -----------------------------------------------------------------

    def learned(self, matches: list[TriggerMatch], in_name: set[int]) -> list[TriggerMatch]:
        """The lexicon's triggers the trigger model does not rule out, and the words it
        reads as triggers that the lexicon lacks (see events.learned)."""
        lexicon = self.lexicon
        model = trigger_model(lexicon.model_path) if lexicon.model_path else None
        if model is None:
            return matches
        probabilities = model.read(self.doc, matches, every_word=lexicon.model_add < 1.0)
        self.trigger_probabilities, self.trigger_classes = probabilities, model.classes
        self.unlikely = {m.start for m in matches if m.start in probabilities
                         and probabilities[m.start][model.none] > lexicon.model_veto}
        kept = list(matches)
        if lexicon.model_add < 1.0:
            taken = {i for m in matches for i in range(m.start, m.last)}
            for i, p in probabilities.items():
                if i in taken or i in in_name:
                    continue
                best = max((k for k in range(len(p)) if k != model.none), key=p.__getitem__)
                if p[best] > lexicon.model_add:
                    kept.append(TriggerMatch(i, i + 1, i + 1, learned_trigger(
                        model.classes[best], self.tags[i][:1] == "V", lexicon)))
            kept.sort(key=lambda m: m.start)
        return kept

    def learned_recipient(self, match: TriggerMatch, clause: tuple[int, int],
                          sentence: tuple[int, int], actors: list, found: str) -> list:
        """The sentence's mention the recipient model finds likeliest to receive the act
        and those joined to it, where it is likely enough (see events.recipients)."""
        path = self.lexicon.recipients_path
        model = binary_model(path) if path else None
        if model is None:
            return [None]
        others = recipient_candidates(self, match, actors, sentence)
        scored = [(model.probability(recipient_features(self, match, clause, found, actors,
                                                        m, others)), m) for m in others]
        best = max(scored, key=lambda s: s[0], default=None)
        if best is None or best[0] < self.lexicon.recipient_threshold:
            return [None]
        return [m.actor for m in self.members(best[1], others)]  # "der Ukraine und Moldau"

    def screened(self, events: list[Event], made: dict[int, tuple]) -> list[Event]:
        """The events the screen finds likely enough, and those of states and political
        bodies (see events.screening). The screen's probability that an event is right as
        coded becomes its confidence, also where nothing is dropped (``screen`` off)."""
        path = self.lexicon.screen_path
        model = binary_model(path) if path else None
        if model is None:
            return events
        per_sentence = Counter(e.sentence for e in events)
        kept = []
        for k, event in enumerate(events):
            p = model.probability(screen_features(self, event, *made[k],
                                                  per_sentence[event.sentence]))
            event.confidence = round(p, 2)
            if not self.screen or self.state_act(event) or p >= self.lexicon.screen_threshold:
                kept.append(event)
        return kept

    def official_protest(self, match: TriggerMatch, actors: list) -> bool:
        """Whether a word of protest (``official_protest``) is a state's: a country named,
        a body of states or a sector of the state."""
        word = self.lemmas[match.start] or self.lowers[match.start]
        if word not in self.lexicon.words["official_protest"]:
            return False
        return any(actor is not None and (
            set(actor.sector) & STATE_SECTORS or actor.country in INTERNATIONAL
            or not actor.sector and any(m in self.places for m in actor.mentions))
            for actor in (self.actors.get(a or "") for a in actors))

    def state_act(self, event: Event) -> bool:
        """An event a state, a body of one or an organisation of politics does: the rules'
        reading stands (on the corpus the screen knew no better of these)."""
        return event.actor is not None and self.political([event.actor])

    def verb_tail(self, match: TriggerMatch, clause: tuple[int, int],
                  sentence: tuple[int, int]) -> tuple[int, int]:
        """A German clause that opens with its verb trigger after a comma and names no
        one, after an inserted clause that ends with its verb, is the end of the clause that
        one cut: "Die Firma hat den Vorwurf, Löhne gedrückt zu haben, zurückgewiesen" (the
        firm rejected it)."""
        if self.lexicon.word_order != "free" or clause[0] == sentence[0] \
                or self.text[clause[0]:self.starts[match.start]].strip() \
                or self.tags[match.start][:1] != "V" \
                or not self.text[sentence[0]:clause[0]].rstrip().endswith(","):
            return clause
        if any(clause[0] <= m.start and m.end <= clause[1] for m in self.mentions):
            return clause
        # the clause before ends with its verb: an inserted clause, not an apposition ("Der
        # Sprecher der Fraktion, Max Muster, fordert")
        before = self.doc.char_span(sentence[0], self.text.rindex(",", sentence[0], clause[0]),
                                    alignment_mode="contract")
        if before is None or not len(before) or before[-1].tag_[:1] != "V":
            return clause
        return sentence[0], clause[1]

    def struck_firm(self, actors: list, sentence: tuple[int, int]) -> tuple[list, list]:
        """A strike is aimed at the firm its sentence names, where its clause names none:
        "Lufthansa streicht wegen des Streiks 900 Flüge", "der Streik bei der Post". A firm
        read as the striker ("der Streik der Lufthansa": its staff strike) is the one
        struck, and the strikers are the sentence's domestic workers."""
        firms = self.firms_in(sentence)
        if not firms:
            return actors, [None]
        if all(self.firm(a) for a in actors):  # "der Streik der Lufthansa"
            return [self.source_actor(sentence)], [firms[0]]
        struck = next((f for f in firms if f not in actors), None)
        return actors, [struck]

    def firms_in(self, sentence: tuple[int, int]) -> list[str]:
        """The firms a sentence names, in their order, also in front of a compound
        ("die Lufthansa-Flugbegleiter")."""
        starts = {e.id: e.start for e in self.document.entities}
        found = sorted((start, a.id) for a in self.document.actors if self.firm(a.id)
                       for start in [starts[m] for m in a.mentions if m in starts]
                       + [n.start for n in a.nominal]
                       if sentence[0] <= start < sentence[1])
        return list(dict.fromkeys(a for _, a in found))

    def firm(self, actor_id: str | None) -> bool:
        """Whether an actor is a company (the lists' BUS)."""
        actor = self.actors.get(actor_id) if actor_id else None
        return actor is not None and actor.sector == [FIRM]

    def political(self, actor_ids: list) -> bool:
        """Whether an actor is a state, a body of one or an organisation of politics: a
        country named (a place's name), an organisation of the lists that is no company,
        or a sector of the state."""
        for a in actor_ids:
            actor = self.actors.get(a) if a else None
            if actor is not None and (actor.org and FIRM not in actor.sector
                                      or set(actor.sector) & POLITICAL_SECTORS
                                      or any(m in self.places for m in actor.mentions)):
                return True
        return False

    def private(self, actor_id: str | None) -> bool:
        """A group of private persons named by a role noun only ("Zuschauer", "Kinder"), not
        an organised body's ("Gewerkschaft", "Betriebsrat": ``organised``)."""
        actor = self.actors.get(actor_id) if actor_id else None
        return actor is not None and not actor.mentions and actor.sector == ["CVL"] \
            and not (actor.name or "").lower().endswith(self.lexicon.organised)

    def code(self) -> list[Event]:
        events: list[Event] = []
        seen: dict[tuple, Event] = {}  # an event's key -> the event that told it first
        made: dict[int, tuple] = {}  # event index -> its trigger match and how its actor was found
        in_name: set[int] = set()  # tokens starting inside a name: "Amnesty" is no trigger
        for entity in self.named:
            in_name.update(range(bisect_left(self.starts, entity.start),
                                 bisect_left(self.starts, entity.end)))
        # who says so is no act: "nach Angaben der katarischen Vermittler"
        speakers = [(q.speaker.start, q.speaker.end) for q in self.document.quotes
                    if q.speaker is not None]
        matches = [m for m in self.lexicon.find(self.doc)
                   if m.start not in in_name and not self.attributive(m)
                   and not self.in_time(m.start)  # "in March": a month, no march
                   and not any(a <= self.starts[m.start] < b for a, b in speakers)]
        matches = self.learned(matches, in_name)
        if self.lexicon.word_order == "svo":
            # "Russian-occupied", "UN-backed": a compound adjective, no act of the clause
            matches = [m for m in matches if not (m.start and self.doc[m.start - 1].text == "-")
                       and not self.capitalised_inside(m)]
            kept: list[TriggerMatch] = []
            for i, m in enumerate(matches):
                if not (i and self.complement(m, matches[i - 1])):
                    kept.append(m)
                    continue
                self.contents[matches[i - 1].start] = m  # "condemned the bombing"
                if kept and kept[-1] is matches[i - 1] and kept[-1].trigger.type == "AGREE" \
                        and self.lexicon.future_types.get(m.trigger.type) == "THREATEN" \
                        and not (m.start and self.lowers[m.start - 1]
                                 in self.lexicon.words["ending"]):
                    kept[-1] = m  # "prepared to impose martial law": a threat, not a promise
                    # (but "agreed to lift embargoes" is a promise)
            matches = kept
        self.matches = matches
        self.cues = {}
        self.cue_words = {q.cue for q in self.document.quotes if q.cue}
        place_of = place_index(self.document)
        for match in matches:
            first, last = self.doc[match.start], self.doc[match.end - 1]
            start, end = first.idx, last.idx + len(last)
            sentence = sentence_of(self.document.sentences, start, end, len(self.text))
            clause = clause_of(self.text, sentence, start, end, *self.lexicon.joins)
            clause = self.verb_tail(match, clause, sentence)
            quote = self.quote_at(start)
            if quote is not None and self.demanded(quote, match, clause):
                continue  # "„Die Sanktionen müssen aufgehoben werden“, forderte X": what
                # is demanded, not done
            if self.prevented(match, clause, start):
                continue  # "Die Polizei will Anschläge verhindern": no attack, and not hers
            actors, recipients, found = self.roles(match, clause, quote)
            cued = self.cued(match)
            if cued is not None and cued.speaker.actor not in actors:
                told = [a for a in actors if any(  # the quote's subject was read as actor
                    m.actor == a and cued.start <= m.start < cued.end for m in self.mentions)]
                if told:  # the speaker asks it of them
                    actors, recipients = [cued.speaker.actor], told
            if cued is not None and recipients == [None]:  # "Der Präsident forderte: „Die
                recipients = self.strategy.asked(cued)  # Truppen müssen …“": of them
            if match.trigger.type in self.lexicon.reciprocal_types \
                    and all(a is None or self.actors[a].inferred for a in actors):
                paired = self.paired_countries(match)  # "deutsch-französische Gespräche":
                if paired:  # the two sides, each towards the other
                    actors, found = [self.country_actor(c) for c in paired], NAMED
                    recipients = [None]
            if match.start in self.unlikely and found != NAMED:
                continue  # the trigger model reads no event here, and no actor is named
            kind, mode = match.trigger.type, match.trigger.mode
            switch = match.trigger.switch
            if switch and found != PATIENT and self.switched(switch, clause):  # "zu drei
                # Jahren Haft verurteilt" (not "verurteilte die Festnahme": another's verb)
                kind, mode = switch.type, switch.mode
            if kind in self.lexicon.joint_types and match.start \
                    and self.lemmas[match.start - 1] in self.lexicon.words["joint"]:
                kind, mode = "COOPERATE", None  # "gemeinsame Ermittlungen"
            if kind == "PROTEST" and self.official_protest(match, actors):
                kind, mode = "ACCUSE", "disapprove"  # "Die chinesische Regierung protestierte
                # gegen das Treffen": a state's protest is a complaint, no demonstration
            if match.trigger.weak:
                civilian = kind in self.lexicon.civilian_types
                # a crime with no one named who did it has a victim: "wurde am Bahnhof ein
                # 30-Jähriger mit einem Messer verletzt"
                victim = civilian and found in (AGENTLESS, UNNAMED)
                if victim and recipients == [None]:
                    recipients = [self.object_actor(match, clause, sentence)]
                if victim and any(e.type == kind and e.recipient in recipients
                                  and e.sentence == sentence for e in events):
                    continue  # "X war getötet und Y verletzt worden": one assault told already
                if found != NAMED and not (victim and recipients != [None]) \
                        or not civilian and all(self.private(a) for a in actors):
                    continue  # "traf sich", "Zuschauer stimmen zu": no act of a political or
                    # social actor (but "Landwirte blockierten die Zufahrten"), and a wound
                    # with no one wounded named is none ("wurde verletzt")
            if match.trigger.judging and not self.judged(clause):
                continue  # "nannte ihn einen Freund": a judgment, but no accusation
            if match.trigger.political and not self.political(actors):
                continue  # "Der Händler liefert Waren an Kunden": commerce, no aid
            if self.sports(sentence) \
                    and (found != NAMED or match.trigger.weak or not self.political(actors)):
                continue  # "traf zum 1:0", "der verletzte Stürmer": play, not politics, and
                # a club named is no political actor ("Der Stürmer des Vereins traf"); English
                # names no actor so (found by word order): there a country is a team too
                # ("Peru beat Chile 2-1"), and every event of a sports report is play
            if kind == "ASSAULT" and self.accident(sentence, self.actor_named(found, actors)):
                continue  # "bei dem Unfall wurden drei Menschen verletzt": no one attacked
            accused = self.alleged(match, clause, events, made)
            if accused is not None:  # "warf Israel Völkermord vor": the genocide Israel is
                actors, found = [accused], NAMED  # accused of, not the accuser's
                recipients = [r for r in recipients if r != accused] or [None]
            governing = None  # the preposition before a trigger no actor is named for
            if found in (UNNAMED, GOVERNED) and actors == [None]:
                governing = self._preposition(start)
                caller = self.called_for(governing, start, sentence, events)
                if caller is not None:  # "rief zu einem Generalstreik auf": the strike of
                    actors, found = [caller], NAMED  # those called on, or of the caller
            if found == UNNAMED or found == GOVERNED and actors == [None] \
                    and kind in self.lexicon.governed_types \
                    and governing in self.lexicon.words["circumstance"]:
                actors = [self.source_actor(sentence)]  # "bei einer Kundgebung in X"
            elif found == GOVERNED and actors == [None]:
                continue  # (a noun of an act done to someone that names whom: PATIENT)
            if match.trigger.employer and recipients == [None]:
                actors, recipients = self.struck_firm(actors, sentence)
                if recipients == [None] and isinstance(self.strategy, CaseRoles):
                    # "ruft die Beschäftigten der Kölner Verkehrsbetriebe zum Streik auf":
                    # the employer of the workers the sentence names
                    recipients = [self.strategy.workers_employer(sentence, actors)]
                if recipients == [None] and self.lexicon.word_order == "free":
                    # what is struck stands for its employer: "Welche Betriebe bestreikt
                    # werden", "bestreikt Werkstätten und Kontrollen" (the sentence's place)
                    recipients = [self.object_actor(match, clause, sentence,
                                                    any_noun=True)]
            if recipients == [None] and match.trigger.party_object \
                    and self.thing_object(match, clause):
                continue  # "besuchte ein Werk", "traf eine Entscheidung": no party met
            pairs = self.reciprocal(match, clause, actors, recipients, found)
            free_order = self.lexicon.word_order == "free" and not pairs
            if recipients == [None] and kind in self.lexicon.border_types and not pairs:
                recipients = [self.bordering(clause, actors)]  # "verlegte Truppen an die
                # Grenze zur Ukraine": towards whom the border is
            if recipients == [None] and free_order:
                recipients = [self.object_actor(match, clause, sentence, abroad=[
                    a for a in actors if a in self.actors and (
                        self.actors[a].country not in (None, self.source)
                        or set(self.actors[a].sector) & self.abroad_sectors)])]
            if recipients == [None] and match.trigger.visit and not pairs:
                recipients = [self.visited(match, clause, actors, place_of)]
            placed = False  # the recipient is where the act takes place
            if recipients == [None] and kind in self.lexicon.place_recipient_types \
                    and not pairs and any(a in self.actors and self.actors[a].country
                                          for a in actors):
                recipients = [self.visited(match, clause, actors, place_of)]  # "eine
                # Offensive in Nordsyrien": aimed at Syria
                placed = True
            if match.trigger.addressed and recipients == [None] and not pairs:
                continue  # "Der Wetterdienst warnt vor Sturmböen": a warning to the public
            if kind in self.lexicon.partnered_types and recipients == [None] and not pairs \
                    and not match.trigger.judging \
                    and not self.act_object(match, clause):  # ("called the vote a sham"
                # judges an act; "condemned the bombing" accuses whoever did it)
                continue  # "the Brussels meeting", "a partnership": no partner named
            if recipients == [None] and free_order and found == NAMED \
                    and self.domestic(actors, sentence):
                # what a domestic actor's act is aimed at, a thing of a party no list knows
                # ("kritisierte das Vorgehen der Beamten"): that party, coded as the guide
                # codes a domestic one (abroad, whose the thing is the sentence may not say)
                recipients = [self.object_actor(match, clause, sentence, any_noun=True)]
            if recipients == [None] and free_order:  # aimed at a party named otherwise
                recipients = self.learned_recipient(match, clause, sentence, actors, found)
            if found == AGENTLESS and actors == recipients == [None] \
                    and kind in self.lexicon.impersonal_types:
                actors = [self.source_actor(sentence)]  # "In Frankfurt wird gestreikt": the
                # strikers are the place's, as the guide codes a domestic actor
            dated = event_date(self.document, start, end)
            place = place_for_span(self.document, start, end, place_of)
            quantity = next((a.id for a in self.document.amounts
                             if clause[0] <= a.start and a.end <= clause[1]), None)
            attributed = quote.speaker.actor if quote and quote.speaker else None
            modality = self.modality(match, clause, quote)  # "will visit": CONSULT,
            # intended, as the guide codes a planned act (PLOVER's AGREE: ``future_types``)
            if (match.trigger.obligation or cued is not None) and modality != "negated":
                modality = "asserted"  # the demand was made; what it asks for is to come
            if accused is not None and modality == "asserted":
                modality = "reported"  # an act one is accused of is the accuser's claim
            if modality == "negated" and kind in self.lexicon.negated_types:
                # "akzeptiert das Angebot nicht": a refusal done, as planned or reported
                kind, mode = self.lexicon.negated_types[kind], None
                modality = self.modality(match, clause, quote, negation=False)
            if modality in ("intended", "hypothetical") and kind != "THREATEN" \
                    and self.lexicon.words["threat_conditions"]:
                # an act announced on a condition the other side must meet is a threat:
                # "will withdraw its force unless the president arranges a ceasefire"
                party = self.condition_subject(match, clause, set(actors), "threat_conditions")
                if party is not None:
                    kind, mode, recipients = "THREATEN", None, [party.actor]
            for actor, recipient in pairs or product(actors, recipients):  # one per member
                if not placed:
                    actor = self.body_abroad(actor, recipient, match, sentence)
                key = (kind, mode, actor, recipient, dated.value)
                told = seen.get(key)
                if told is not None:  # told already: the words of another telling kept
                    if told.sentence != sentence:
                        _retell(told, TextSpan(text=self.text[start:end], start=start, end=end))
                    continue
                if actor is not None and actor == recipient or actor is None and recipient is None:
                    continue  # the same party on both sides, or no party at all ("Es wird
                    # verlangt, dass …": who did what to whom is not told)
                made[len(events)] = (match, found)
                confidence = 0.4 + 0.3 * (recipient is not None) + 0.2 * (not dated.inferred) \
                    + 0.1 * (actor is not None and not self.actors[actor].inferred)
                events.append(Event(
                    id=f"v{len(events) + 1}", type=kind, mode=mode, actor=actor,
                    recipient=recipient, trigger=TextSpan(text=self.text[start:end],
                                                          start=start, end=end),
                    sentence=sentence, date=dated.value, time=dated.time, place=place,
                    quantity=quantity, modality=modality, attributed_to=attributed,
                    quote=quote.id if quote else None, confidence=round(confidence, 2),
                ))
                seen[key] = events[-1]
        if self.decided:  # "hat ein Einfuhrverbot beschlossen": the sanction, no decision
            kept_at = [k for k, e in enumerate(events) if made[k][0].start not in self.decided]
            events, made = [events[k] for k in kept_at], {i: made[k] for i, k in enumerate(kept_at)}
        events = self.screened(events, made)
        kept = self.without_repeats(events)
        kept = [e for e in kept if not self.subsumed(e, kept)]
        for i, event in enumerate(kept):
            event.id = f"v{i + 1}"
        return kept


def _retell(event: Event, span: TextSpan) -> None:
    """Keep ``span`` among the words that tell ``event`` again, once."""
    if all(told.start != span.start for told in (event.trigger, *event.retold)):
        event.retold.append(span)


def _holds(words: set[str], vocabulary: frozenset[str]) -> bool:
    """Whether ``words`` hold a word of ``vocabulary``, or a compound whose head is one of
    five letters or more."""
    return bool(words & vocabulary) or any(  # a word's endings, not the vocabulary, walked
        word[-length:] in vocabulary for word in words for length in range(5, len(word)))


def code_events(doc: Doc, document: Document, pack: LanguagePack, screen: bool = True) -> None:
    """Fill ``document.events`` from the trigger lexicon of the language pack (``screen``
    false: every event the rules code, none dropped by the learned screen)."""
    actors = actor_lexicon(pack)
    document.events.extend(_EventCoder(doc, document, event_lexicon(pack),
                                       actors.source_country(document.url),
                                       actors.demonym_adjectives, screen,
                                       actors.settings.get("setting_prepositions"),
                                       lambda word: actors.role_of(word) == NO_SECTOR,
                                       lambda prefix: _prefix_party(pack, prefix),
                                       actors.settings.get("abroad_sectors")).code())


def _prefix_party(pack: LanguagePack, prefix: str) -> tuple[str, str, str | None] | None:
    """The party an abbreviation of a country (the actors' ``compound_prefixes``: "US")
    or an organisation of the gazetteer ("Nato", "EU", "Hamas"; no company: the
    "Lufthansa-Streik" is against it) names in front of a compound."""
    entry = prefix_entry(pack, prefix)
    abbreviated = prefix in actor_lexicon(pack).settings.get("compound_prefixes", {})
    if entry is None or not entry.country or entry.sector == FIRM \
            or not abbreviated and entry.org is None:
        return None
    return entry.name, entry.country, entry.org
