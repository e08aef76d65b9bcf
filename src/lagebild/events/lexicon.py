"""Event triggers of a language, read from its ``events.toml``, matched on spaCy tokens.

An entry lists ``lemmas`` (matched on the Doc's LEMMA array, which the pack's
lemmatizer fills: one entry finds every inflected form) or word ``forms`` (matched
on the lowercase words, for a pack without lemmas). A phrase split by "…" may
stand with its parts in either order when it has two: German puts the verb first
in a main clause and last in a subordinate one ("nahm ihn in Gewahrsam", "der ihn
in Gewahrsam nahm"). A noun the lexicon lacks is read by its head, the longest
lexicon noun it ends with ("Raketenangriff" -> Angriff), unless the entry says
``compound = false``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from spacy.tokens import Doc

from ..errors import ConfigError
from ..lang.base import LanguagePack, per_pack
from ..lang.datafile import read_toml, read_tsv
from ..lang.lemmas import table_lemmatizer
from ..model import EVENT_TYPES
from ..tokens import sentence_of_tokens
from ..tokens import strings as token_strings

GAP = "…"
#: The type of the phrases in ``settings.ignore``: found like triggers, then dropped.
IGNORE = "-"
#: Words that may stand between the parts of a split trigger ("nahm … fest").
MAX_GAP = 12
#: marks between clauses that the gap of a phrase does not cross
CLAUSE_MARKS = frozenset({",", ";"})


#: The shortest head a compound noun is read by ("Streik" in "Warnstreik").
MIN_HEAD = 5


@dataclass(frozen=True)
class Switch:
    """Another type and mode for a trigger where its clause holds one of ``words`` (by
    lemma or as a compound's head), or one of ``led`` within a few words after one of
    ``leaders``: "verurteilte ihn zu drei Jahren" is a sentence, "verurteilte die Gewalt
    im vergangenen Jahr" a condemnation."""

    type: str
    mode: str | None
    words: frozenset[str]
    led: frozenset[str] = frozenset()
    leaders: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Trigger:
    type: str
    parts: tuple[tuple[str, ...], ...]  # lowercase words; parts split at "…"
    recipient: tuple[str, ...]
    object: bool
    default_actor: str | None
    speaker_acts: bool
    mode: str | None = None
    #: a word with an everyday sense too ("treffen", "verletzen"): an event only where
    #: the clause names its actor
    weak: bool = False
    #: another (type, mode) where one of these lemmas stands in the clause: "verurteilen"
    #: is ACCUSE, with "Haft" or "Gericht" beside it SANCTION convict
    switch: Switch | None = None
    #: an event only where it names whom it is aimed at: "warnt die Regierung vor", not
    #: the public's "warnt vor Sturmböen"
    addressed: bool = False
    #: the second part may stand before the first (lemma phrases: German verb order)
    either: bool = False
    #: a strike: a name in the genitive or after ``employer_links`` right after its
    #: subject is whom it is aimed at ("Die Flugbegleiter der Lufthansa streikten")
    employer: bool = False
    #: a trip: the country of the place it goes to is whom it is aimed at ("besuchte
    #: Kiew", "die Reise nach Warschau")
    visit: bool = False
    #: a verb of meeting: a thing as its object ("ein Werk besuchen", "eine Entscheidung
    #: treffen") makes it no event
    party_object: bool = False
    #: a noun of an act done to someone: the genitive after it (or "von") names whom it
    #: is done to, not who does it ("die Festnahme des Kartellchefs"); such a noun after
    #: a preposition or as another verb's object is an event of its own with no actor
    patient_genitive: bool = False
    #: a phrase passive in sense, its subject whom the act is aimed at ("geriet in die
    #: Kritik", "steht in der Kritik"), its doer after "von" or unnamed
    passive_sense: bool = False
    #: an act that is an event only where a state, a body of one or an organisation of
    #: politics does it ("Deutschland liefert der Ukraine …"; a firm "liefert" goods)
    political: bool = False
    #: words of judging ("bezeichnete X als", "nannte X"): an accusation only where its
    #: clause holds a word of ``judgments`` ("eine Einmischung", "diskriminierend")
    judging: bool = False
    #: a modal of obligation ("must", "has to"): a request only in reported speech, by its
    #: speaker to the party that is the modal's subject ("X declared that China must …")
    obligation: bool = False
    #: prepositions after which, in a passive with no agent, the body that acts is named
    #: ("wurde ins Außenministerium einbestellt")
    place_agent: tuple[str, ...] = ()
    #: a phrase led by its noun that, found back to its verb, is the verb's act: the verb
    #: alone is no trigger of its own there ("hob die Haftbefehle auf": a release, not
    #: the ban lifted that "aufheben" alone is)
    takes_verb: bool = False
    #: where in the first part the word stands that the trigger is looked up by (its
    #: longest: "Gewahrsam" of "in Gewahrsam nehmen", not "in")
    offset: int = 0


@dataclass(frozen=True)
class TriggerMatch:
    start: int  # first token
    end: int  # after the first part: the trigger shown
    last: int  # after the last part
    trigger: Trigger
    #: where a part found before the shown one starts ("versetzte … in Alarmbereitschaft")
    before: int | None = None


class EventLexicon:
    def __init__(self, path: Path, is_word: Callable[[str], bool] | None = None,
                 lemma_of: Callable[..., str] | None = None, noun_tag: str = ""):
        #: whether a compound's first part is a word ("Rücklage" ends in "Klage", but
        #: "Rüc" is none); without it any first part is taken
        self.is_word = is_word or (lambda text: True)
        #: the lemma the text's words get, for the small words of phrases: "auf die Straße
        #: gehen" is found as "auf der Straße gehen", as the lemmatizer reads the text
        self.lemma_of = lemma_of
        #: the tag a noun of a phrase is lemmatized with, as the text's nouns are
        self.noun_tag = noun_tag
        data = read_toml(path)
        settings = data.get("settings", {})
        self.words = {key: {w.lower() for w in settings.get(key, [])}
                      for key in ("recipient", "prepositions", "agent", "origin", "passive",
                                  "relative", "object_relatives",
                                  "impersonal", "announcing", "complaint_subjects", "risking",
                                  "negation", "future", "hypothetical",
                                  "hearsay_modals", "perfect_infinitives",
                                  "official_protest",
                                  "subordinators", "subordinators_not_after",
                                  "clausal_subordinators", "clausal_not_after",
                                  "coordinators",
                                  "noun_coordinators",
                                  "locative", "possessive",
                                  "part_of_place", "part_of_place_links",
                                  "experiencer_verbs", "preventing",
                                  "partitive", "conditions", "threat_conditions", "ending",
                                  "deciding", "promising",
                                  "pronouns", "reciprocal", "prepositional_relatives",
                                  "call_prepositions",
                                  "instrumental", "between", "state_passive", "topic",
                                  "sein_perfect", "complementizers", "reflexive",
                                  "circumstance", "entering", "entering_prepositions",
                                  "employer_links", "claiming", "claim_prepositions",
                                  "blaming", "accident_prepositions", "joint",
                                  "score_not_before", "existential",
                                  "existential_subjects", "determiners",
                                  "genitive_articles", "nom_acc_articles",
                                  "nominative_articles", "oblique_articles",
                                  "speech_prepositions", "patient_prepositions",
                                  "patient_agents", "infinitive_markers",
                                  "genitive_prepositions", "addressee_prepositions",
                                  "mediating", "cause", "border", "border_with",
                                  "unstressed_prefixes", "origin_verbs",
                                  "speaker_pronouns")}
        #: types whose recipient is the subject of a "dass" clause after the trigger's
        #: clause where the clause names none: who is asked, urged or told to act
        self.addressed_types = frozenset(settings.get("addressed_types", ()))
        #: types of acts done with a partner or aimed at a party: no event where the clause
        #: names none, as recipient or as a second actor ("the meeting fulfilled her wish")
        self.partnered_types = frozenset(settings.get("partnered_types", ()))
        #: the type a negated act of a type is ("akzeptiert das Angebot nicht": no AGREE
        #: denied but a REJECT done)
        self.negated_types: dict[str, str] = dict(settings.get("negated_types", {}))
        #: tags of a verb whose negation may follow it in its clause (German main clauses:
        #: "stimmte dem Vorschlag nicht zu"), and the words after a negation that make it
        #: none of the act ("nicht nur", "nicht zuletzt")
        self.negated_after_tags = frozenset(settings.get("negated_after_tags", ()))
        self.not_negating = frozenset(settings.get("not_negating", ()))
        #: civilian role nouns of organised bodies and their officials: no private persons,
        #: whose weak acts ("stimmten zu") are no event ("die Gewerkschaft stimmte zu" is)
        self.organised = tuple(w.lower() for w in settings.get("organised", ()))
        #: types of an act whose noun after a preposition of cause (``cause``: "Nach
        #: Protesten der Anwohner hat der Bezirk …") is aimed at the clause's subject
        self.reaction_types = frozenset(settings.get("reaction_types", ()))
        #: types of acts of force whose place abroad, named after the trigger where the
        #: clause names no recipient, is aimed at ("drohte mit einer Offensive in
        #: Nordsyrien": Syria), as a trip's is
        self.place_recipient_types = frozenset(settings.get("place_recipient_types", ()))
        #: types of acts that a party may face or risk without anyone doing them yet
        self.risk_types = frozenset(settings.get("risk_types", ()))
        #: types that a ``joint`` word right before the trigger turns into COOPERATE
        self.joint_types = frozenset(settings.get("joint_types", ()))
        #: types whose joint actors act towards each other ("A und B unterzeichneten ein
        #: Abkommen": A with B and B with A); any type with a word of ``reciprocal``
        self.reciprocal_types = set(settings.get("reciprocal_types", []))
        #: types that are events also as a noun after a preposition with no actor named
        #: ("bei einer Kundgebung in Minsk", "nach Krawallen"): the protesters are the place's
        self.governed_types = frozenset(settings.get("governed_types", ()))
        #: types whose passive without a subject is done by the place's people ("In
        #: Frankfurt wird gestreikt")
        self.impersonal_types = frozenset(settings.get("impersonal_types", ()))
        #: types whose passive subject is the party that acts ("troops were deployed")
        self.force_types = frozenset(settings.get("force_types", ()))
        #: acts towards a border, whose other side is their recipient (``border``)
        self.border_types = frozenset(settings.get("border_types", ()))
        #: types that private persons named by a role noun alone do as well (PROTEST:
        #: "Landwirte blockierten"), where a weak word's event is otherwise dropped
        self.civilian_types = set(settings.get("civilian_types", []))
        #: brackets around one short word cut no clause ("Wolfgang Schäuble (CDU) begrüßte")
        #: nor do quote marks around a few words ("mit einer „harten Antwort“ gedroht")
        self.joins = (bool(settings.get("join_short_brackets", False)),
                      bool(settings.get("join_short_quotes", False)))
        #: a place after a member of a compound actor does not end it ("Die Regierung von
        #: Chile und die USA"); off for English, where it cost precision on PLOVER GSR
        self.join_across_places = bool(settings.get("join_across_places", False))
        #: tags of a participle, which with a form of "werden" makes a passive
        self.words["participle_tags"] = set(settings.get("participle_tags", []))
        #: tags of an infinitive, and the forms of "werden" that with a participle and no
        #: infinitive make a passive of the present, not the future ("wird ermittelt")
        self.words["infinitive_tags"] = set(settings.get("infinitive_tags", []))
        self.words["passive_auxiliaries"] = {w.lower() for w in
                                             settings.get("passive_auxiliaries", [])}
        #: tags the tagger gives a participle that has the form of the present
        self.words["present_participle_tags"] = set(settings.get("present_participle_tags",
                                                                 []))
        self.words["noun_tags"] = set(settings.get("noun_tags", []))
        self.words["clause_end_tags"] = set(settings.get("clause_end_tags", []))
        #: personal pronouns of an object and their number ("ihm": Sing)
        self.object_pronouns: dict[str, str] = dict(settings.get("object_pronouns", {}))
        #: tags of words that carry no event, whatever lemma they get ("Einige Mitglieder":
        #: a pronoun, not "einigen")
        self.words["no_trigger_tags"] = set(settings.get("no_trigger_tags", []))
        #: the types whose noun trigger takes its actor from an ``origin`` word after it
        self.origin_types = set(settings.get("origin_types", []))
        #: the types whose verb may take another act as its object, aimed then at whoever
        #: did it though no party is named ("condemned the bombing")
        self.act_object_types = set(settings.get("act_object_types", []))
        #: the types whose compound noun's prefixed party is its aim more often than its
        #: doer ("Nato-Kritik", "EU-Gegner"): no actor from the prefix
        self.prefix_aim_types = set(settings.get("prefix_aim_types", []))
        #: the types whose "mit" names the means where the verb has its object
        self.force_means_types = set(settings.get("force_means_types", []))
        #: the types whose noun, as the object of another trigger, is an act of its own
        #: where a genitive names who did it ("wies die Forderung der Kommunen zurück")
        self.reported_object_types = set(settings.get("reported_object_types", []))
        #: acts that hand something over: the party after an addressee preposition is
        #: the recipient, not the object (English: "supplied drones to Russia")
        self.transfer_types = set(settings.get("transfer_types", []))
        #: verbs of deciding, and the types whose noun as their object is the decider's
        #: act ("hat ein Einfuhrverbot beschlossen": the sanction, not the decision)
        self.decided_types = set(settings.get("decided_types", []))
        #: the types whose noun, as the object of a verb of ``promising``, is the act
        self.promised_types = set(settings.get("promised_types", []))
        self.words["adjective_tags"] = set(settings.get("adjective_tags", []))
        self.words["possessive_tags"] = set(settings.get("possessive_tags", []))
        self.possessive_stems = tuple(settings.get("possessive_stems", ()))
        #: nouns that may name the party an act is aimed at, where no list knows them:
        #: by their ending (persons and groups) or whole (places, bodies)
        self.party_endings = tuple(e.lower() for e in settings.get("party_endings", []))
        self.party_words = {w.lower() for w in settings.get("party_words", [])}
        #: lemmas of sentences where only events of named actors count (sports reports)
        self.sports = {w.lower() for w in settings.get("sports", [])}
        #: lemmas of a negative judgment, which make a ``judging`` word an accusation
        self.judgments = frozenset(w.lower() for w in settings.get("judgments", []))
        #: a score ("1:0", "3:0-Endstand") that makes a sentence a sports report too, unless
        #: a word of ``score_not_before`` follows it (a time: "18:30 Uhr")
        self.score = re.compile(settings["score"]) if settings.get("score") else None
        #: lemmas of accidents and disasters, where an ASSAULT needs a named actor
        self.accidents = {w.lower() for w in settings.get("accidents", [])}
        #: "svo": roles by English word order (subject before the trigger, object after);
        #: "free": by case and prepositions, as German needs (see events.coder)
        self.word_order = settings.get("word_order", "free")
        if self.word_order not in ("free", "svo"):
            raise ConfigError(f"{path}: unknown word_order {self.word_order!r}")
        #: the type PLOVER codes an act announced for the future as (AGREE, CONCEDE,
        #: THREATEN); lagebild keeps the act's own type with modality ``intended``, as the
        #: guide does, and reads the table to tell a promise from a threat and to score
        #: against gold coded by PLOVER's rule (``evaluate.events``)
        self.future_types: dict[str, str] = data.get("future", {})
        for key, value in self.future_types.items():
            if key not in EVENT_TYPES or value not in EVENT_TYPES:
                raise ConfigError(f"{path}: unknown event type in [future]: {key} = {value}")
        #: the learned trigger model beside the lexicon (events.learned): its weights file
        #: in the pack and the probabilities it acts on (``veto``: a lexicon trigger whose
        #: probability of no event is higher is left out; ``add``: a word the lexicon lacks
        #: is a trigger of the type the model gives it above this)
        model = data.get("model", {})
        self.model_path = path.parent / model["weights"] if "weights" in model else None
        self.model_veto = float(model.get("veto", 1.0))
        self.model_add = float(model.get("add", 1.0))
        #: the learned recipient chooser (events.recipients) and the probability its
        #: choice must reach
        self.recipients_path = path.parent / model["recipients"] if "recipients" in model \
            else None
        self.recipient_threshold = float(model.get("recipients_above", 1.0))
        #: the learned screen over coded events (events.screening) and the probability an
        #: event must reach to be kept
        self.screen_path = path.parent / model["screen"] if "screen" in model else None
        self.screen_threshold = float(model.get("screen_above", 0.0))
        self.by_first: dict[str, list[Trigger]] = {}  # word forms
        self.by_lemma: dict[str, list[Trigger]] = {}
        self.heads: dict[str, Trigger] = {}  # one-word noun lemmas that end compounds
        #: a listed word's other forms, where the pack lists forms and has them written out
        #: (``trigger_forms.tsv``: "stabbing" beside "stabbed")
        self.other_forms: dict[str, list[str]] = {}
        if (path.parent / "trigger_forms.tsv").is_file():
            for form, listed in read_tsv(path.parent / "trigger_forms.tsv", 2):
                self.other_forms.setdefault(listed, []).append(form)
        for entry in data.get("trigger", []):
            self._add_entry(path, entry)
        # a preposition ending a phrase and the pronominal adverbs that stand for it
        # ("sprach sich dafür aus" is "aussprechen … für"), where the lexicon has no
        # phrase of those words itself ("dagegen … stimmen")
        self._add_pronominal(settings.get("pronominal_adverbs", {}))
        if not (self.by_first or self.by_lemma):
            raise ConfigError(f"{path}: no event triggers")
        # phrases that hold a trigger word but name no event: "press release"
        for key, index in (("ignore", self.by_first), ("ignore_lemmas", self.by_lemma)):
            for phrase in settings.get(key, []):
                parts = _anchored(_parts(phrase, keep_case=True)) \
                    if index is self.by_lemma else _parts(phrase)
                ignored = Trigger(IGNORE, parts, (), False, None, False,
                                  either=index is self.by_lemma)
                _register(index, ignored)
                if index is self.by_lemma and " " not in phrase.strip() \
                        and phrase[:1].isupper():  # and the compounds it ends:
                    self.heads.setdefault(phrase.lower(), ignored)  # "Landtagswahlkampf"
        #: the last letters of every head, to pass over most nouns at once
        self.head_ends = {head[-MIN_HEAD:] for head in self.heads}  # as the lemmas end

    def _small_word(self, word: str) -> str:
        """A word inside a phrase as the lemmatizer reads it in a text ("die" -> "der",
        "freien" -> "frei", "Truppen" -> Truppe, "Schüsse" as the table spells its lemma);
        the verbs that end a phrase's parts are written as lemmas already."""
        if not word.islower():
            lemma = self.lemma_of(word, self.noun_tag) if word[:1].isupper() else word
            return lemma if lemma[:1].isupper() else word
        lemma = self.lemma_of(word)
        return lemma if lemma.islower() else word

    def _add_entry(self, path: Path, entry: dict) -> None:
        if entry.get("type") not in EVENT_TYPES:
            raise ConfigError(f"{path}: unknown event type {entry.get('type')!r}")
        switch = entry.get("switch")
        if switch is not None:
            if switch.get("type") not in EVENT_TYPES:
                raise ConfigError(f"{path}: unknown event type in switch: {switch}")
            switch = Switch(switch["type"], switch.get("mode"),
                            frozenset(w.lower() for w in switch.get("when", [])),
                            frozenset(w.lower() for w in switch.get("when_led", [])),
                            frozenset(w.lower() for w in switch.get("led_by", [])))
        recipient = tuple(w.lower() for w in entry.get("recipient", []))

        def trigger(parts) -> Trigger:
            return Trigger(entry["type"], parts, recipient or tuple(self.words["recipient"]),
                           entry.get("object", False), entry.get("default_actor"),
                           entry.get("speaker_acts", False), mode=entry.get("mode"),
                           switch=switch, weak=entry.get("weak", False),
                           addressed=entry.get("addressed", False),
                           either="lemmas" in entry, employer=entry.get("employer", False),
                           visit=entry.get("visit", False),
                           party_object=entry.get("party_object", False),
                           patient_genitive=entry.get("patient_genitive", False),
                           passive_sense=entry.get("passive_sense", False),
                           political=entry.get("political", False),
                           judging=entry.get("judging", False),
                           obligation=entry.get("obligation", False),
                           place_agent=tuple(entry.get("place_agent", ())),
                           takes_verb=entry.get("takes_verb", False))

        for form in entry.get("forms", []):
            _register(self.by_first, trigger(_parts(form)))
            if _INFIX_HYPHEN.search(form):  # "cease-fire": a tokenizer that splits
                _register(self.by_first, trigger(_parts(_INFIX_HYPHEN.sub(" - ", form))))
            for other in self.other_forms.get(form.lower(), ()):
                _register(self.by_first, trigger(_parts(other)))
        for lemma in entry.get("lemmas", []):
            # two parts: either order, found by the longer; lemmas keep their case, so
            # that the noun "Treffen" and the verb "treffen" are two entries
            parts = _parts(lemma, keep_case=True)
            if self.lemma_of is not None:  # not a part's last word, the verb ("einigen"),
                # unless it is a noun ("Truppen … verlegen")
                parts = tuple(tuple(self._small_word(w) for w in part[:-1])
                              + tuple(w if w.islower() else self._small_word(w)
                                      for w in part[-1:])
                              for part in parts if part)
            _register(self.by_lemma, trigger(_anchored(parts)))
            if " " not in lemma.strip() and lemma[:1].isupper() \
                    and entry.get("compound", True):
                self.heads.setdefault(lemma.lower(), trigger(_parts(lemma)))

    def _add_pronominal(self, pronominal: dict[str, list[str]]) -> None:
        """Each phrase of a verb and the preposition that ends it once more with the
        pronominal adverbs that stand for the preposition ("aussprechen … dafür")."""
        if not pronominal:
            return
        triggers = [t for index in self.by_lemma.values() for t in index]
        phrases = {frozenset(w for part in t.parts for w in part) for t in triggers}
        for t in triggers:
            if t.type == IGNORE or len(t.parts) != 2 or t.offset:
                continue
            verb, preposition = (t.parts[0], t.parts[1]) if len(t.parts[1]) == 1 \
                else (t.parts[1], t.parts[0])
            if len(preposition) != 1 or len(verb) != 1:
                continue
            for adverb in pronominal.get(preposition[0], ()):
                if frozenset((*verb, adverb)) not in phrases:
                    phrases.add(frozenset((*verb, adverb)))
                    _register(self.by_lemma, replace(t, parts=_anchored((verb, (adverb,)))))

    @cached_property
    def phrases_by_lemma(self) -> dict[str, list[Trigger]]:
        """The entries of several parts, by the lemma they are filed under."""
        return {key: phrases for key, triggers in self.by_lemma.items()
                if (phrases := [t for t in triggers if len(t.parts) > 1])}

    def party_noun(self, lemma: str) -> bool:
        """Whether a noun the lists lack may name a party ("Schlepper", "Dorf")."""
        lemma = lemma.lower()
        return lemma in self.party_words or lemma.endswith(self.party_endings) \
            or any(lemma.endswith(w) for w in self.party_words if len(w) >= MIN_HEAD)

    def find(self, doc: Doc) -> list[TriggerMatch]:
        """Every trigger in the doc; where two overlap, the longer one."""
        found: list[TriggerMatch] = []
        words = token_strings(doc, "LOWER")  # plain strings: no Token objects per look
        lemmas = token_strings(doc, "LEMMA") if self.by_lemma else []
        sentence_start, sentence_end = sentence_of_tokens(doc)
        closed = self.words["no_trigger_tags"]
        tags = token_strings(doc, "TAG") if closed else []
        for tokens, index in ((words, self.by_first), (lemmas, self.by_lemma)):
            for i in [i for i, word in enumerate(tokens) if word in index
                      and not (closed and tags[i] in closed)]:
                for trigger in index[tokens[i]]:
                    match = _match(tokens, i, sentence_start[i], sentence_end[i], trigger)
                    if match is not None:
                        found.append(match)
        # a phrase's noun also as the head of a hyphenated compound: "verlängerte das
        # Afghanistan-Mandat" is "Mandat … verlängern"
        heads = [lemma.rsplit("-", 1)[1].capitalize() if "-" in lemma[1:-1] else lemma
                 for lemma in lemmas]
        compounds = {i for i, head in enumerate(heads) if head != lemmas[i]}
        if compounds:
            phrases = self.phrases_by_lemma
            for i in [i for i, head in enumerate(heads) if head in phrases]:
                for trigger in phrases[heads[i]]:
                    match = _match(heads, i, sentence_start[i], sentence_end[i], trigger)
                    if match is not None and compounds & (
                            set(range(match.start, match.last)) | {match.before}):
                        found.append(match)
        if self.heads:  # nouns the lexicon lacks, by their head
            ends, by_lemma = self.head_ends, self.by_lemma
            for i, lemma in enumerate(lemmas):
                if lemma[-MIN_HEAD:] in ends and lemma not in by_lemma and len(lemma) > MIN_HEAD \
                        and lemma[:1].isupper():
                    head = self.head_of(lemma.lower())
                    if head is not None:
                        found.append(TriggerMatch(i, i + 1, i + 1, head))
        # the longer first; of two on the same words the phrase of content words ("kürzen
        # … Militärhilfe": SANCTION, not the noun's AID; not "zu" of "verurteilen … zu")
        found.sort(key=lambda m: (-(m.last - m.start), not _of_content_words(m.trigger),
                                  m.start))
        kept: list[TriggerMatch] = []
        taken: set[int] = set()
        for match in found:
            words = _words_of(match)
            if not any(match.start < k.last and k.start < match.last for k in kept
                       if k.trigger.type != IGNORE) and not words & taken:
                kept.append(match)
                taken |= words
        # a phrase found back from its noun to a verb that is a trigger of the same type
        # itself tells that verb's event again ("beriefen ihre Botschafter ab")
        verbs = {(k.start, k.trigger.type) for k in kept}
        return sorted((m for m in kept if m.trigger.type != IGNORE
                       and (m.before is None or (m.before, m.trigger.type) not in verbs)),
                      key=lambda m: m.start)

    def head_of(self, lemma: str) -> Trigger | None:
        """The trigger of the longest lexicon noun a compound ends with."""
        if lemma[-MIN_HEAD:] not in self.head_ends:  # most nouns: one look
            return None
        if "-" in lemma[1:-1]:  # "Verdi-Warnstreik": the last part, a compound itself
            rest = lemma.rsplit("-", 1)[1]
            if len(rest) >= MIN_HEAD:
                return self.heads.get(rest) or self.head_of(rest)
        for k in range(1, len(lemma) - MIN_HEAD + 1):
            trigger = self.heads.get(lemma[k:].lstrip("-"))
            # after a hyphen the first part may be a name or an abbreviation ("EU-Sanktion")
            if trigger is not None and (lemma[k - 1] == "-" or lemma[k] == "-"
                                        or self.is_word(lemma[:k])):
                return trigger
        return None



#: a hyphen between two letters, which English tokenizers split off ("cease - fire")
_INFIX_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def _parts(phrase: str, keep_case: bool = False) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple((p if keep_case else p.lower()).split())
                 for p in phrase.split(GAP) if p.strip())


def _part_at(words: list[str], j: int, part: tuple[str, ...], end: int) -> bool:
    return j + len(part) <= end and words[j] == part[0] \
        and (len(part) == 1 or tuple(words[j:j + len(part)]) == part)


def _match(words: list[str], i: int, sentence_start: int, sentence_end: int,
           trigger: Trigger) -> TriggerMatch | None:
    """The trigger at token i (its first word is there), its other part within MAX_GAP
    words after it, or, where the trigger allows either order, before it."""
    first = trigger.parts[0]
    i -= trigger.offset
    if i < sentence_start or len(first) > 1 and not _part_at(words, i, first, sentence_end):
        return None
    end = last = i + len(first)
    for part in trigger.parts[1:]:
        # the gap stays in its clause: "zur Hilfe gerufen, das 2500 Soldaten entsandte"
        # is no "Hilfe … entsenden"
        stop = next((k for k in range(last, min(last + MAX_GAP, sentence_end))
                     if words[k] in CLAUSE_MARKS), min(last + MAX_GAP, sentence_end))
        j = next((j for j in range(last, stop) if _part_at(words, j, part, stop)), None)
        if j is None and trigger.either and len(trigger.parts) == 2:
            start = next((k + 1 for k in range(i - 1, max(sentence_start, i - MAX_GAP) - 1, -1)
                          if words[k] in CLAUSE_MARKS), max(sentence_start, i - MAX_GAP))
            j = next((j for j in range(i - len(part), start - 1, -1)
                      if _part_at(words, j, part, i)), None)
            if j is not None:  # "für … aussprechen": shown, kept
                return TriggerMatch(i, end, end, trigger, before=j)
        if j is None:
            return None
        last = j + len(part)
    return TriggerMatch(i, end, last, trigger)


def _words_of(match: TriggerMatch) -> set[int]:
    """The tokens a match holds: all from its first to its last word; of a phrase that is
    no event only its own words ("strich wegen des Streiks 900 Flüge": "Flug … streichen"
    leaves the strike between its parts)."""
    if match.trigger.type != IGNORE:
        verb = {match.before} if match.trigger.takes_verb and match.before is not None \
            else set()
        return set(range(match.start, match.last)) | verb
    return set(range(match.start, match.end)) \
        | set(range(match.last - len(match.trigger.parts[-1]), match.last))


def _of_content_words(trigger: Trigger) -> bool:
    """A phrase of several parts, each of words longer than a preposition's."""
    return len(trigger.parts) > 1 and all(len(w) > 3 for part in trigger.parts for w in part)


def _register(index: dict[str, list[Trigger]], trigger: Trigger) -> None:
    """File a trigger under the longest word of its first part."""
    first = trigger.parts[0]
    offset = max(range(len(first)), key=lambda k: len(first[k]))
    index.setdefault(first[offset], []).append(replace(trigger, offset=offset))


def _anchored(parts: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """A phrase of two parts led by its longer first word (the content word: "aussprechen"
    of "aussprechen … für"), so that it is looked up there."""
    if len(parts) == 2 and len(parts[1][0]) > len(parts[0][0]):
        return parts[::-1]
    return parts


def lexicon_with_lemmas(path: Path, data_dir: Path) -> EventLexicon:
    """A trigger file read with a pack's lemma table, where the pack has one: its words
    tell a compound's last part and its lemmas the small words of phrases."""
    table = table_lemmatizer(data_dir)
    if table is None:
        return EventLexicon(path)
    return EventLexicon(path, table.is_word, table.lemma, min(table.noun_tags, default=""))


@per_pack
def event_lexicon(pack: LanguagePack) -> EventLexicon:
    """The triggers of a language pack (its ``events.toml``), read once per pack."""
    return lexicon_with_lemmas(pack.data_dir / "events.toml", pack.data_dir)
