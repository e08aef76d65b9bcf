"""German roles from grammar: the morphologizer's case, prepositions, passives.

- the actor is the antecedent of a relative clause ("…OVKS, das … entsandte"), the
  agent of a passive ("von X festgenommen"), else the subject: the mention in the
  nominative, else the first not in an object case, else the mention a subject
  pronoun points back to ("Er warf dem Hersteller … vor"); inside a quote a pronoun,
  an agentless passive or the speaker's own accusation give the speaker;
- the recipient is a mention after one of the trigger's prepositions, else for
  transitive triggers the nearest other ungoverned mention (in a passive its subject);
- a trigger noun after a preposition is an event only where its actor is named: a
  genitive after it, a demonym adjective or a possessive before it;
- an agentless passive keeps no actor (the guide's null actor); a subject the lists
  do not know is left to the coder (UNNAMED: the source's country stands in).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..clauses import clause_of, sentence_of
from .roles import AGENT_REACH, AGENTLESS, GOVERNED, NAMED, PATIENT, UNNAMED, ActorMention, Roles

if TYPE_CHECKING:
    from ..model import Quote
    from .coder import _EventCoder
    from .lexicon import TriggerMatch

#: STTS tags of finite verbs.
FINITE_VERBS = {"VVFIN", "VAFIN", "VMFIN"}
#: Endings of a participle with no "ge" ("beworfen", "verhaftet")
PARTICIPLE_ENDINGS = ("en", "t")
#: Tags of the determiner of a noun phrase that may open a clause as its subject: articles,
#: demonstratives, possessives, indefinites ("Mehrere Länder haben der Türkei …")
SUBJECT_DETERMINER_TAGS = ("ART", "PDAT", "PPOSAT", "PIAT", "PIDAT")
#: Tags of the words between a topic's "über" and a preposition after its noun ("über die
#: aktuelle Lage in"), and how many of them at most.
TOPIC_PHRASE_TAGS = {"ART", "ADJA", "NN", "PPOSAT", "CARD"}
TOPIC_REACH = 4
#: Tags of a pronoun that may be a subject ("ich", "wir", "man").
PERSONAL_PRONOUNS = {"PPER", "PIS"}
#: How many adjectives may stand between a noun trigger and a demonym or possessive.
ADJECTIVE_REACH = 3
#: The morphologizer's cases of an object: a mention in one is no subject.
OBJECT_CASES = ("Acc", "Dat")
#: tags of a dative that says who faces something ("Dem Verein", "ihm")
DATIVE_TAGS = {"ART", "PPER", "PRF", "NN", "NE"}
#: tags between a noun of an act done to someone and the head of whom it names ("des
#: mutmaßlichen Kartellchefs", "von drei jungen Männern")
PATIENT_PHRASE_TAGS = {"ART", "ADJA", "ADJD", "CARD", "PIAT", "PIDAT", "PPOSAT"}
#: How many words the noun phrase of a main clause's subject after its article may have.
MAIN_CLAUSE_PHRASE = 3
#: How many words (article, adjectives) an object's noun phrase may hold before its noun.
OBJECT_PHRASE = 3
#: The words that open a genitive without an article by their ending ("russischer").
BARE_GENITIVE_TAGS = {"ADJA", "CARD", "PIAT", "PIDAT", "PPOSAT"}
#: how many words after whom such a noun names a place of theirs may end
PATIENT_PLACE_REACH = 4
#: STTS tags of numbers and quantifiers that open a noun phrase ("vier", "mehrere")
COUNTING_TAGS = {"CARD", "PIAT", "PIDAT"}
#: How many clauses before a threat's clause its condition may stand.
CONDITION_REACH = 3


def _zu_infix(form: str, lemma: str) -> bool:
    """A separable verb's infinitive with "zu" inside, whatever the tagger read:
    "abzuziehen" of abziehen."""
    at = form.find("zu", 1)
    return at > 0 and form != lemma and form[:at] + form[at + 2:] == lemma


class CaseRoles:
    """Roles of a German clause (``word_order = "free"``)."""

    def __init__(self, coder: _EventCoder):
        self.coder = coder

    def roles(self, match: TriggerMatch, clause: tuple[int, int], quote: Quote | None) -> Roles:
        """Actor ids, recipient ids and how the actor was found (NAMED, or why not)."""
        c = self.coder
        trigger = match.trigger
        if trigger.obligation:
            return self.obliged(match, clause, quote)
        t_start = c.doc[match.start].idx
        # the trigger's own words are no party: "tauschten Gefangene aus" (its last part)
        own = {t_start, c.starts[match.last - 1]}
        in_clause = [m for m in c.mentions if clause[0] <= m.start and m.end <= clause[1]
                     and not any(m.start <= t < m.end for t in own)]
        mediators = self.mediators(match, clause, in_clause)
        if mediators:  # "Unter Vermittlung Katars haben Israel und die Hamas …": no side
            in_clause = [m for m in in_clause if m.actor not in mediators]
        if quote is not None and quote.speaker is not None:  # "nach Angaben der Stadt": who
            said = quote.speaker  # says so is no party to the act (it may be its speaker)
            in_clause = [m for m in in_clause if not (m.start < said.end and said.start < m.end)]
        first, last = c.token_range(*clause)
        words = set(c.lowers[first:last])
        actor = recipient = fronted = None
        opener = c.lowers[first] if first < last else ""
        free = [m for m in in_clause if m.preposition is None]
        passive = self.passive(match, self.verb_words(first, last, words, clause)) \
            or trigger.passive_sense
        # an object of another trigger's verb: no actor of the clause, nor a default one
        verbs = self.governing_verbs(match, first, last)
        deciding = self.deciding(match, verbs)
        c.decided.update(v.start for v in deciding)
        objected = bool(verbs) and not deciding
        # a trigger noun after a preposition ("gegen die Unruhen") is no act of the
        # clause's subject, unless it is a speaker's accusation: "sprach von einem
        # Staatsstreich", or in a quote
        # (not the preposition of a phrase that ends in its verb: "unter staatliche
        # Aufsicht gestellt" is the clause's act, nor of one whose verb stands first:
        # "versetzte die Einheiten in Alarmbereitschaft")
        phrase_verb = match.last - match.end > 0 and c.tags[match.last - 1][:1] == "V" \
            or match.before is not None and c.tags[match.before][:1] == "V" \
            and not any(m.start == match.before for m in c.matches)  # (a trigger itself)
        preposition = None if phrase_verb else c._preposition(c.doc[match.start].idx)
        accusation = trigger.speaker_acts and (
            quote or preposition in c.lexicon.words["speech_prepositions"])
        # "Israel reagierte mit Luftangriffen", "Mit einem Appell wandte sich X an …": the
        # means is the subject's act, where no other trigger of the clause takes it in
        # (in front of the clause's verb too: "Mit einem Pfeifkonzert empfingen
        # Demonstranten den Minister", but not a threat's content: "Mit Streiks drohen …")
        others = [other for other in c.matches if other is not match
                  and first <= other.start < last]
        instrumental = preposition in c.lexicon.words["instrumental"] and (
            not others or c.lowers[first] == preposition
            and all(other.trigger.type != "THREATEN" for other in others))
        governed = preposition is not None and not accusation and not instrumental \
            and not self.entered(preposition, first, last) \
            and not self.claimed(preposition, first, last) or objected and not instrumental
        if self.faces(match, first) or self.at_risk(match, last):
            return [None], [None], GOVERNED  # "Dem Verein droht der Abstieg", "Die Fusion
            # droht zu scheitern": no one threatens
        faced = self.facing(match, clause)
        if faced is not None:  # "Den Schmugglern drohen Geldstrafen": what they face is
            # the act, they its recipients; who imposes it only after "von"
            agent = self.agent_mention(in_clause)
            return ([agent.actor] if agent else [None]), \
                [m.actor for m in c.members(faced, c.mentions)], NAMED
        between = self.between(match, in_clause, last)
        if between is not None:  # "Kämpfe zwischen Armee und Rebellen": the two sides
            return between
        after_comma = c.text[:clause[0]].rstrip().endswith(",")
        # an infinitive clause after another trigger is its content: "forderte X auf, den
        # Platz zu räumen", "drohte, die Truppen abzuziehen" (a request, a threat)
        infinitive = after_comma and self.infinitive(match)
        if infinitive and self.trigger_before(clause):
            governed = True
        # a "dass" clause after a request or threat is what is asked for: "fordert, dass
        # der Minister zurücktritt" (no resignation happened); its start may lie before
        # the commas of a list ("verbot, dass Kirchen, Arbeitgeber und Staat …")
        lead = self.list_start(clause) if after_comma else clause
        if c.text[:lead[0]].rstrip().endswith(",") \
                and c.lowers[c.token_range(*lead)[0]] in c.lexicon.words["complementizers"] \
                and self.trigger_before(lead, c.lexicon.addressed_types):
            governed = True
        if governed:
            pass  # "gegen die Unruhen": the clause's subject did not do it
        elif opener in c.lexicon.words["relative"] and after_comma and not passive \
                and not self.main_clause(first, last):
            actor, fronted = self.relative_roles(match, clause, free)
        elif passive:  # "von X festgenommen"; without an agent the subject is the patient
            actor = self.agent_mention(in_clause) or next(  # "ins Außenministerium
                (m for m in in_clause if self.after(m, trigger.place_agent)), None)
        elif self.verb_first_condition(first, last) and free:
            actor = free[0]  # "…, sollte die Nato Truppen stationieren": its own subject
        elif (shared := self.shared_subject(match, clause)) is not None:
            actor = shared
        elif (origin := self.origin(match, first, last, in_clause)) is not None:
            actor = origin  # "Kritik am Vorgehen der Polizei kam von der Opposition"
        elif free:
            actor = self.subject(free, first, last)
        elif self.pronoun_subject(first, last):  # "Er verurteilte den Anschlag": the
            actor = self.antecedent(first, free)  # clause names no one else
        elif infinitive:  # "X kündigte an, die Sperre zu lockern": X is to do it
            actor = self.controller(clause)
        if actor is None and not governed and not passive \
                and any(c.tags[k] in c.lexicon.words["noun_tags"]
                        for k in range(match.start, match.end)) \
                and words & c.lexicon.words["existential_subjects"] \
                and not c.lexicon.words["existential"].isdisjoint(c.lemmas[first:last]):
            # "Von der Opposition gab es scharfe Kritik": whose the act is says "von"
            actor = self.agent_mention(in_clause)
        speaker = quote.speaker.actor if quote and quote.speaker else None
        actor_id = actor.actor if actor else None
        agentless = passive and actor is None and not governed
        if speaker and (trigger.speaker_acts or agentless and trigger.type != "ASSAULT"
                        or actor is not None and (
            c.text[actor.start:actor.end].lower() in c.lexicon.words["impersonal"]
        ) or actor is None and not passive
                and any(c.tags[k][:1] == "V" for k in range(match.start, match.last))
                and not words.isdisjoint(c.lexicon.words["speaker_pronouns"])):
            # his own accusation, his side's unnamed doing, his "we" ("„Wir werden das
            # nicht hinnehmen“, sagte der Minister"; not an attack: "Nach Angaben der
            # Polizei wurden 20 Menschen verletzt" has the guide's null actor, as in English)
            actor_id, actor = speaker, None
        if actor_id is None and trigger.default_actor and not passive and not objected:
            actor_id = next((a.id for a in c.document.actors
                             if trigger.default_actor in a.sector), None)
        actors = c.members(actor, self.listed_before(clause) + in_clause) \
            if actor is not None else [actor_id]
        actor_ids = [m.actor for m in actors] if actor is not None else actors
        # "mit" names the means of force where the verb has its object ("hat die Ukraine
        # mit Drohnen angegriffen"), the partner where it has none ("Gefechte mit Rebellen")
        objects = trigger.object and trigger.type in c.lexicon.force_means_types \
            and any(o.preposition is None and o.actor not in actor_ids and o not in actors
                    for o in in_clause)
        for m in in_clause:
            if m.preposition in trigger.recipient and m.actor not in actor_ids \
                    and not self.of_other_act(m, match) and not self.topical(m) \
                    and not (objects and m.preposition in c.lexicon.words["instrumental"]):
                recipient = m
                break
        if recipient is None and trigger.object and fronted is not None \
                and fronted.actor not in actor_ids:
            recipient = fronted  # "der Minister, den die Opposition kritisierte"
        if recipient is None and trigger.object:  # "X pflichtete ihm bei"
            recipient = self.object_pronoun_antecedent(
                match, actor_ids, actors if actor is not None else [])
        if recipient is None and trigger.object:  # the nearest other ungoverned mention,
            # (not a mention inside the actors' list: "die Staaten der EU sowie Norwegen")
            inside = (actors[0].start, actors[-1].end) if actor is not None else (0, 0)
            others = [m for m in free if m.actor not in actor_ids and m not in actors
                      and not c.bracketed(m) and not inside[0] <= m.start < inside[1]
                      and not (actor is not None
                               and any(self.attribute(m, a) for a in actors))]
            # in a passive its subject first ("X wurde … vorgeworfen": X); the case of
            # objects is too often wrong ("das Bündnis OVKS zur Hilfe gerufen": Nom)
            objects = [m for m in others if passive and self.case_of(m) == "Nom"]
            if objects or others:
                recipient = min(objects or others, key=lambda m: abs(m.start - t_start))
        if recipient is None and trigger.type == "THREATEN" and not governed:
            recipient = self.condition_subject(clause, actor_ids)
        if recipient is None and trigger.employer and actor is not None:
            recipient = self.employer(actor, in_clause, actor_ids)
        if recipient is None and trigger.type in c.lexicon.addressed_types \
                and not governed:  # "fordert, dass die Regierung zurücktritt"
            addressee = self.addressee(clause)
            if addressee is not None and addressee.actor not in actor_ids:
                recipient = addressee
        if actor_id is not None and actor is not None and actor_id != actor.actor:
            actor_ids = [actor_id]  # the speaker stands in
        recipients = [m.actor for m in c.members(recipient, in_clause)] if recipient else [None]
        if recipients == [None] and trigger.object and not passive:
            acted = self.prefixed_object(match, last)  # "verurteilte die US-Luftangriffe":
            if acted is not None and acted not in actor_ids:  # aimed at their doer
                recipients = [acted]
        if passive and recipient is None and opener in c.lexicon.words["relative"] \
                and after_comma:  # "der Präsident, der von X kritisiert worden war"
            before = [m for m in c.mentions if m.end <= clause[0]]
            recipients = [before[-1].actor] if before else recipients
        if trigger.patient_genitive and c.tags[match.start] in c.lexicon.words["noun_tags"]:
            patient = self.patient(match, clause)  # "lobte die Festnahme des Kartellchefs",
            if patient is not None:  # "Die Abschiebung der Familie sorgte für Proteste":
                agents = c.lexicon.words["patient_agents"]  # done to them
                agent = next((m for m in in_clause if m.start >= c.ends[match.last - 1]
                              and m.preposition in agents), None)
                if not (governed or objected):  # the noun's phrase is the subject:
                    actor_ids = [a for a in actor_ids if a != patient] or [None]  # not
                    # its patient's act ("Neu-Delhi reagierte mit der Ausweisung …": India's)
                return ([agent.actor] if agent else actor_ids), [patient], \
                    NAMED if agent or actor_ids != [None] else PATIENT
        prefixed = self.prefix_actor(match) if actor_ids == [None] or governed or objected \
            else None  # (the subject's own act: "hat sich den EU-Sanktionen angeschlossen")
        if prefixed is not None:  # "nach den US-Luftangriffen", "kritisierte die EU-
            # Sanktionen": the party in front does it, not the clause's subject
            return [prefixed], [r for r in recipients if r != prefixed
                                and (r not in actor_ids or not (governed or objected))] \
                or [None], NAMED
        if actor_ids != [None]:
            if governed and recipients == [None]:
                recipients = self.reacting(match, preposition, actor_ids, free, first, last)
            return actor_ids, recipients, NAMED
        # a noun after a preposition of circumstance, or another trigger's object of a
        # type told as an act of its own, is an event where its actor is named: "seit dem
        # Einmarsch der Amerikaner", "wies die Forderung der Kommunen zurück" (not what a
        # request asks for, which did not happen: "forderten den Rücktritt des Ministers";
        # nor a decision reacted to: "distanzierte sich von dem Beschluss des Rates")
        as_object = objected and preposition not in c.lexicon.words["circumstance"]
        reported = not as_object or trigger.type in c.lexicon.reported_object_types \
            and not any(other is not match and first <= other.start < last
                        and c.texts[other.start][:1].islower()
                        and other.trigger.type == "REQUEST" for other in c.matches)
        if governed and reported:
            following = self.genitive_after(match, in_clause)
            if following is not None and not (  # "von" after the subject of a passive
                    as_object and following.preposition  # is the verb's agent
                    and words & c.lexicon.words["passive"]):
                recipients = [r for r in recipients if r != following.actor] or [None]
                if governed and recipients == [None]:
                    recipients = self.reacting(match, preposition, [following.actor], free,
                                               first, last)
                return [following.actor], recipients, NAMED
            country = self.adjective_country(match) or self.genitive_demonym(match)
            if country is not None:  # "nach dem israelischen Abzug", "wegen eines Streiks
                return [c.country_actor(country)], recipients, NAMED  # der Fluglotsen"
        if governed and not objected:
            if self.possessive_before(match) and free and not trigger.patient_genitive:
                # "mit seiner Forderung" (but "nach seiner Festnahme": he was arrested)
                subject = self.subject(free, first, last)
                if subject is not None:  # (not also whom: "Bei seinem Besuch in Peking
                    # kritisierte der Kanzler …" was the chancellor's visit to himself)
                    return [subject.actor], [r for r in recipients
                                             if r != subject.actor] or [None], NAMED
            return actor_ids, recipients, GOVERNED
        if actor_ids == [None] and not passive:  # "amerikanische Luftangriffe"
            country = self.adjective_country(match) or self.genitive_demonym(match)
            if country is None and not governed and not trigger.weak:
                country = self.subject_adjective_country(first, last)
            if country is not None:
                return [c.country_actor(country)], recipients, NAMED
        if governed:
            return actor_ids, recipients, GOVERNED
        if passive and not self.agent_phrase(first, last):
            return actor_ids, recipients, AGENTLESS
        return actor_ids, recipients, UNNAMED

    def shared_subject(self, match: TriggerMatch,
                       clause: tuple[int, int]) -> ActorMention | None:
        """The subject a verb trigger that opens its clause after a comma shares with the
        clause before ("Die Polizei stürmte das Haus, nahm drei Männer fest"), where that
        one has a verb of its own (an apposition's parts have none) and no subject follows
        the trigger ("…, drohte der Regierungschef")."""
        c = self.coder
        opening, end = c.token_range(*clause)
        # (a verb trigger the tagger misread: "…, rief zu Protesten auf" as an adverb; its
        # lemma, the lexicon's verb, tells it)
        misread = opening == match.start and c.texts[opening].islower() \
            and c.lemmas[opening] not in ("", c.lowers[opening])
        if opening >= end or (c.tags[opening] not in FINITE_VERBS
                              or c.tags[match.start][:1] != "V") and not misread \
                or not c.text[:clause[0]].rstrip().endswith(",") \
                or self.list_start(clause) != clause:
            return None
        if any(self.case_of(m) == "Nom" and m.preposition is None for m in c.mentions
               if clause[0] <= m.start and m.end <= clause[1]):
            return None
        return self.subject_of_clause_before(clause) or self.relative_antecedent(clause)

    def relative_roles(self, match: TriggerMatch, clause: tuple[int, int],
                       free: list[ActorMention]) -> tuple[ActorMention | None,
                                                          ActorMention | None]:
        """The subject of a relative clause and, where that is not its antecedent, the
        antecedent as the object. The antecedent is the party named right before the
        comma ("…die OVKS, das … entsandte"); it is the object where the pronoun has an
        object's form ("der Minister, den die Opposition kritisierte") or the verb agrees
        in number with a party of the clause and not with it ("die Stadt, die syrische
        Truppen eroberten"). Where it points back to a thing, the last party before it
        is taken, as a thing's author acts ("hat eine Motion eingereicht, die … fordert")."""
        c = self.coder
        first, last = c.token_range(*clause)
        before = [m for m in c.mentions if m.end <= clause[0]]
        verb = next((k for k in range(last - 1, first, -1) if c.tags[k] in FINITE_VERBS), None)
        if verb is None:  # ", den Präsidenten zu ermorden": an article, no relative clause
            return (before[-1] if before else None), None
        # (the main clause's verb may stand between: "nahm drei Männer fest, die …")
        end = c.token_range(before[-1].start, before[-1].end)[1] if before else first
        antecedent = before[-1] if before and all(
            c.tags[k] in c.lexicon.words["clause_end_tags"] or not c.texts[k].strip(",\"“”»«'")
            for k in range(end, first)) else None
        inside = [m for m in free if m.end <= c.doc[match.start].idx]
        if antecedent is None or not inside:  # (a thing's author acts: "hat eine Motion
            return (before[-1] if before else None), None  # eingereicht, die … fordert")
        if c.lowers[first] in c.lexicon.words["object_relatives"]:
            return self.subject(inside, first, last), antecedent
        number = c.doc[verb].morph.get("Number")
        own = self.number_of(antecedent)
        if number and own and number != own:
            agreeing = [m for m in inside if self.number_of(m) == number]
            if agreeing:
                return agreeing[0], antecedent
        return antecedent, None

    def relative_antecedent(self, clause: tuple[int, int]) -> ActorMention | None:
        """The subject a main clause's verb takes back over a relative clause that stands
        between them: "Die Opposition, die die Wahl boykottiert hatte, rief zu Protesten
        auf" (the opposition called; the clause before is the relative one)."""
        c = self.coder
        relative = self.clause_before(clause)
        if relative is None:
            return None
        first, last = c.token_range(*relative)
        if first >= last or c.lowers[first] not in c.lexicon.words["relative"] \
                or c.tags[last - 1] not in FINITE_VERBS | c.lexicon.words["participle_tags"]:
            return None
        head = self.clause_before(relative)
        if head is None:
            return None
        free = self.free_in(head)
        return free[-1] if free and not c.text[free[-1].end:relative[0]].strip(" ,") else None

    def subject_of_clause_before(self, clause: tuple[int, int]) -> ActorMention | None:
        """The subject of the clause before this one, where that one names one."""
        c = self.coder
        before = self.clause_before(clause)
        if before is None:
            return None
        first, last = c.token_range(*before)
        free = self.free_in(before)
        return self.subject(free, first, last) if free else None

    def free_in(self, clause: tuple[int, int]) -> list[ActorMention]:
        """The mentions of a clause that no preposition governs."""
        return [m for m in self.coder.mentions if clause[0] <= m.start and m.end <= clause[1]
                and m.preposition is None]

    def listed_before(self, clause: tuple[int, int]) -> list[ActorMention]:
        """The mentions of the clause's sentence before it: the members of a list that the
        clause's commas cut off ("Polen, Ungarn, Tschechien und die Slowakei lehnten ab":
        the clause holds the last two)."""
        c = self.coder
        sentence = sentence_of(c.document.sentences, clause[0], clause[1], len(c.text))
        return [m for m in c.mentions if sentence[0] <= m.start and m.end <= clause[0]]

    def entered(self, preposition: str, first: int, last: int) -> bool:
        """A trigger noun after "in" in a clause of a verb of entering: the subject's act
        ("Die Lokführer traten in einen Warnstreik")."""
        c = self.coder
        words = c.lexicon.words
        return preposition in words["entering_prepositions"] \
            and not words["entering"].isdisjoint(c.lemmas[first:last])

    def claimed(self, preposition: str, first: int, last: int) -> bool:
        """A trigger noun after "für"/"zu" in a clause that claims it: the subject's act
        ("Der IS bekannte sich zu dem Anschlag", "Die Miliz soll für den Anschlag
        verantwortlich sein"); not where the subject blames another ("machte die Miliz
        für den Anschlag verantwortlich")."""
        c = self.coder
        words = c.lexicon.words
        lemmas = set(c.lemmas[first:last])
        return preposition in words["claim_prepositions"] \
            and not words["claiming"].isdisjoint(lemmas) and words["blaming"].isdisjoint(lemmas)

    def verb_words(self, first: int, last: int, words: set[str],
                   clause: tuple[int, int]) -> set[str]:
        """The words that may hold the clause's auxiliary: its own, and where it has no
        finite verb, those of its sentence before it ("Deshalb sind Polizisten, aber
        auch Lehrer aufgerufen": a list's comma cut the clause from "sind")."""
        c = self.coder
        if any(c.tags[i].endswith("FIN") for i in range(first, last)):
            return words
        sentence = sentence_of(c.document.sentences, clause[0], clause[1], len(c.text))
        start, _ = c.token_range(sentence[0], clause[0])
        return words | set(c.lowers[start:first])

    def passive(self, match: TriggerMatch, words: set[str]) -> bool:
        """A form of "werden" among the clause's words with the trigger as its participle:
        "wurden festgenommen" (not "würden zustimmen"; "wird kritisiert werden" is one
        too), also one the tagger read as a present form ("werden … bestreikt"); or of
        "sein", where the verb's perfect takes "haben": "sind aufgerufen" (a state
        passive). A reflexive verb has none: "wenn sich die Parteien verbünden würden" (an
        infinitive, whatever the tagger read)."""
        c = self.coder
        participle = c.tags[match.start] in c.lexicon.words["participle_tags"] \
            or self.misread_participle(match.start) \
            or self.placed_in(match)
        reflexive = bool(words & c.lexicon.words["reflexive"])
        werden = bool(words & c.lexicon.words["passive"])
        if not participle:
            return werden and not reflexive and self.present_form_participle(match.start)
        return not reflexive and (werden or (
            bool(words & c.lexicon.words["state_passive"])
            and c.doc[match.start].lemma_.lower() not in c.lexicon.words["sein_perfect"]))

    def placed_in(self, match: TriggerMatch) -> bool:
        """A phrase that puts its object somewhere, its participle at its end: "wurden in
        Haft genommen" (a passive whose subject is the patient; not "wurde Kritik geübt",
        whose subject is the act)."""
        c = self.coder
        prepositions = c.lexicon.words["prepositions"]
        return match.last - match.start > 1 \
            and c.tags[match.last - 1] in c.lexicon.words["participle_tags"] \
            and (c.lowers[match.start] in prepositions
                 or match.start > 0 and c.lowers[match.start - 1] in prepositions)

    def asked(self, quote: Quote) -> list:
        """The parties a quote's modal of obligation asks ("forderte: „Die Truppen müssen
        …“": the troops), for the request its cue tells; [None] where it has none."""
        c = self.coder
        for match in c.matches:
            start = c.starts[match.start]
            if match.trigger.obligation and quote.start <= start < quote.end:
                sentence = sentence_of(c.document.sentences, start, start + 1, len(c.text))
                clause = clause_of(c.text, sentence, start, start + 1, *c.lexicon.joins)
                return self.obliged(match, clause, quote, asking=True)[1]
        return [None]

    def obliged(self, match: TriggerMatch, clause: tuple[int, int],
                quote: Quote | None, asking: bool = False) -> Roles:
        """A modal of obligation in reported speech ("Russland müsse seine Truppen
        abziehen, sagte die Ministerin"): the speaker asks it of the modal's subject and
        those joined to it. No event where the speaker or the subject is not a party ("man
        müsse …"), nor for a need denied ("müsse nicht zurücktreten") or a guess ("müsse
        davon gewusst haben")."""
        c = self.coder
        if quote is None or quote.speaker is None or quote.speaker.actor is None \
                or c.cue_of(quote) is not None and not asking \
                or not self.demanding(match, clause):
            # (a request's verb as the cue tells the request: "…, forderte der Verband")
            return [None], [None], GOVERNED
        speaker, said = quote.speaker.actor, quote.speaker
        start, end = max(clause[0], quote.start), min(clause[1], quote.end)
        free = [m for m in self.free_in((start, end))
                if not (m.start < said.end and said.start < m.end)]
        first, last = c.token_range(start, end)
        beside = (match.start - 1, match.last)  # "Ich muss Andy gratulieren": the pronoun
        if any(first <= k < last and c.tags[k] in PERSONAL_PRONOUNS for k in beside):
            return [None], [None], GOVERNED  # is the subject
        subject = self.subject(free, first, last) if free else None
        if subject is None or subject.actor == speaker or self.generic(subject):
            return [None], [None], GOVERNED  # ("Kunden sollten überlegen": advice to all)
        parties = [m.actor for m in c.members(subject, free) if m.actor != speaker]
        return [speaker], parties or [None], NAMED

    def generic(self, mention: ActorMention) -> bool:
        """Whether a mention is a common noun without an article, a kind and not a party
        ("Kunden", "deutsche Unternehmen"; not "die Regierung", "Israel")."""
        c = self.coder
        k, j = c.token_range(mention.start, mention.end)
        i = k
        while i < j and c.tags[i] in c.lexicon.words["adjective_tags"]:
            i += 1
        while k > 0 and c.tags[k - 1] in c.lexicon.words["adjective_tags"]:
            k -= 1
        return i < j and c.tags[i] == "NN" and not (
            k > 0 and c.lowers[k - 1] in c.lexicon.words["determiners"])

    def demanding(self, match: TriggerMatch, clause: tuple[int, int]) -> bool:
        """Whether a modal of obligation asks for an act: not negated after it in its
        clause, and no perfect infinitive (a participle, then "haben") after it."""
        c = self.coder
        _, last = c.token_range(*clause)
        words = c.lexicon.words
        for k in range(match.last, last):
            if c.lowers[k] in words["negation"] or c.lowers[k] in words["perfect_infinitives"] \
                    and c.tags[k - 1] in words["participle_tags"]:
                return False
        return True

    def faces(self, match: TriggerMatch, first: int) -> bool:
        """A verb that also says what someone faces ("drohen", ``experiencer_verbs``) after
        a dative that opens its clause: "Den Schmugglern drohen Geldstrafen" is a penalty
        they face, not a threat anyone makes ("mit einer Antwort gedroht" is one)."""
        c = self.coder
        return c.doc[match.start].lemma_.lower() in c.lexicon.words["experiencer_verbs"] \
            and first < match.start and c.cases[first] == "Dat" and c.tags[first] in DATIVE_TAGS

    def at_risk(self, match: TriggerMatch, last: int) -> bool:
        """A verb that says what someone faces with an infinitive in its own clause: "Die
        Fusion droht zu scheitern", "Der Verein droht die Lizenz zu verlieren" (a threat has
        its infinitive after a comma: "drohte, die Truppen abzuziehen")."""
        c = self.coder
        return c.doc[match.start].lemma_.lower() in c.lexicon.words["experiencer_verbs"] \
            and any(c.tags[i] in ("VVIZU", "PTKZU") for i in range(match.last, last))

    def facing(self, match: TriggerMatch, clause: tuple[int, int]) -> ActorMention | None:
        """The dative that opens a sentence whose verb says what it faces, for a noun
        trigger after that verb with no other finite verb between: "Den Polizisten drohen
        Disziplinarverfahren und eine Degradierung" (the police; a list's commas split no
        clause here)."""
        c = self.coder
        sentence = sentence_of(c.document.sentences, clause[0], clause[1], len(c.text))
        first, _ = c.token_range(*sentence)
        if not c.texts[match.start][:1].isupper() or c.cases[first] != "Dat" \
                or c.tags[first] not in DATIVE_TAGS:
            return None
        faced = [i for i in range(first, match.start)
                 if c.doc[i].lemma_.lower() in c.lexicon.words["experiencer_verbs"]]
        if not faced or any(c.tags[i].endswith("FIN") for i in range(faced[0] + 1, match.start)):
            return None
        return next((m for m in c.mentions if m.preposition is None
                     and sentence[0] <= m.start < c.doc[faced[0]].idx
                     and self.case_of(m) == "Dat"), None)

    def misread_participle(self, i: int) -> bool:
        """A participle the tagger read as an infinitive: its form is not its lemma and
        has the "ge" of a participle ("zusammengeschlagen" of zusammenschlagen), or is a
        participle of a verb with a prefix that takes none ("beworfen" of bewerfen,
        "erschossen"), as the lemma table reads it."""
        c = self.coder
        form, lemma = c.lowers[i], c.doc[i].lemma_.lower()
        if c.tags[i] != "VVINF" or form == lemma or _zu_infix(form, lemma):
            return False
        return "ge" in form or form[:2] == lemma[:2] and form.endswith(PARTICIPLE_ENDINGS) \
            and lemma.startswith(tuple(c.lexicon.words["unstressed_prefixes"]))

    def present_form_participle(self, i: int) -> bool:
        """A participle with no "ge" that has the form of the present, read by the tagger
        as a finite verb or an adverb: "wird der Flughafen bestreikt", "werden Behörden
        kritisiert", "wurde verhaftet" (a stem in -t takes -et; with a form of "werden" in
        the clause, the passive check's)."""
        c = self.coder
        form, lemma = c.lowers[i], c.doc[i].lemma_.lower()
        return c.tags[i] in c.lexicon.words["present_participle_tags"] \
            and lemma.endswith("en") and form in (lemma[:-2] + "t", lemma[:-2] + "et")

    def prefix_actor(self, match: TriggerMatch) -> str | None:
        """The party named in front of a noun trigger's compound ("US-Luftangriffe",
        ``_EventCoder.prefix_actor``), where its type makes that party the doer."""
        c = self.coder
        if c.tags[match.start] not in c.lexicon.words["noun_tags"] \
                or match.trigger.type in c.lexicon.prefix_aim_types or match.trigger.employer:
            return None
        return c.prefix_actor(match.start)

    def prefixed_object(self, match: TriggerMatch, last: int) -> str | None:
        """The doer named in front of a noun trigger that is the trigger's object, right
        after it over its article and adjectives ("verurteilte die US-Luftangriffe")."""
        c = self.coder
        k = match.end
        while k < last and k < match.end + OBJECT_PHRASE and c.tags[k] in PATIENT_PHRASE_TAGS:
            k += 1
        other = next((m for m in c.matches if m.start == k and m is not match), None)
        return self.prefix_actor(other) if other is not None and k < last else None

    def adjective_country(self, match: TriggerMatch) -> str | None:
        """The country of a demonym adjective before a noun trigger: "der israelische
        Abzug", "amerikanische Luftangriffe"."""
        return self.demonym_before(match.start)

    def demonym_before(self, at: int) -> str | None:
        """The country of a demonym adjective among those before the token at ``at``."""
        c = self.coder
        i = at - 1
        while i >= 0 and i >= at - ADJECTIVE_REACH and c.tags[i] in \
                c.lexicon.words["adjective_tags"]:
            country = c.demonyms.get(c.lowers[i])
            if country is not None:
                return country
            i -= 1
        return None

    def patient(self, match: TriggerMatch, clause: tuple[int, int]) -> str | None:
        """Whom a noun of an act done to someone names right after it, in the genitive or
        after "von" ("die Festnahme des mutmaßlichen Kartellchefs", "die Abschiebung von
        drei Männern"): its actor where a list knows it, else a party of the country of
        a demonym before it or, as the guide codes a domestic one, of the sentence's
        place or the source."""
        c = self.coder
        _, last = c.token_range(*clause)
        i = match.last
        if i < last and c.lowers[i] in c.lexicon.words["patient_prepositions"]:
            i += 1
        elif i >= last or c.lowers[i] not in c.lexicon.words["genitive_articles"] \
                and not self.bare_genitive(i):
            return None
        while i < last and i < match.last + 2 + ADJECTIVE_REACH \
                and c.tags[i] in PATIENT_PHRASE_TAGS:
            i += 1
        if i >= last or c.tags[i] not in c.lexicon.words["noun_tags"]:
            return None
        mention = next((m for m in c.mentions if m.start <= c.starts[i] < m.end), None)
        if mention is not None:
            return mention.actor
        if c.tags[i] != "NN" or c.in_time(i):  # whom an arrest or a killing is done to
            return None  # is a party, whatever the noun
        country = self.demonym_before(i)
        if country:
            return c.country_actor(country)
        if c.source is None:
            return None
        # a place right after it is its own ("des Kartellchefs in Mexiko"), else the
        # sentence's
        phrase = (c.starts[i], c.ends[min(i + PATIENT_PLACE_REACH, last) - 1])
        if c.place_country(phrase) is None:
            phrase = sentence_of(c.document.sentences, clause[0], clause[1], len(c.text))
        return c.domestic_actor("object", phrase)

    def bare_genitive(self, i: int) -> bool:
        """A genitive without an article, told by its adjective's or numeral's strong
        ending: "die Ausweisung russischer Diplomaten", "die Festnahme mehrerer
        Journalisten", "die Freilassung zweier Geiseln"."""
        c = self.coder
        return c.tags[i] in BARE_GENITIVE_TAGS and c.lowers[i].endswith("er") \
            and c.cases[i] not in ("Acc", "Dat")

    def genitive_demonym(self, match: TriggerMatch) -> str | None:
        """The country of a demonym adjective in a genitive right after a noun trigger:
        "ein Streik der italienischen Zugbegleiter" (ITA), whom no list knows."""
        c = self.coder
        i = match.last
        if not c.texts[match.start][:1].isupper() or i >= len(c.lowers) \
                or c.lowers[i] not in c.lexicon.words["genitive_articles"]:
            return None
        for j in range(i + 1, min(len(c.lowers), i + 1 + ADJECTIVE_REACH)):
            if c.tags[j] not in c.lexicon.words["adjective_tags"]:
                return None
            country = c.demonyms.get(c.lowers[j])
            if country is not None:
                return country
        return None

    def possessive_before(self, match: TriggerMatch) -> bool:
        """A possessive before a noun trigger ("seiner Forderung"): the subject's act."""
        c = self.coder
        i = match.start - 1
        while i >= 0 and i >= match.start - ADJECTIVE_REACH and c.tags[i] in \
                c.lexicon.words["adjective_tags"]:
            i -= 1
        return i >= 0 and c.tags[i] in c.lexicon.words["possessive_tags"] \
            and c.lowers[i].startswith(c.lexicon.possessive_stems)

    def agent_mention(self, in_clause: list[ActorMention],
                      after: int = -1) -> ActorMention | None:
        """The clause's first party after an agent's preposition ("von", "durch"), of those
        starting after character ``after``."""
        agent = self.coder.lexicon.words["agent"]
        return next((m for m in in_clause if m.preposition in agent and m.start > after),
                    None)

    def agent_phrase(self, first: int, last: int) -> bool:
        """An agent the lists do not know: "von"/"durch" before a noun ("von
        Gewerkschaftern kritisiert")."""
        c = self.coder
        agent = c.lexicon.words["agent"]
        return any(c.lowers[i] in agent and any(
            c.tags[j] in c.lexicon.words["noun_tags"] for j in range(i + 1, min(i + 4, last)))
            for i in range(first, last))

    def reacting(self, match: TriggerMatch, preposition: str | None, actor_ids: list,
                 free: list[ActorMention], first: int, last: int) -> list:
        """Whom a protest, criticism, demand or threat named after a preposition of cause
        is aimed at: the clause's subject, who reacts to it ("Nach Protesten der Anwohner
        hat die Stadt den Bau gestoppt"; ``cause``, ``reaction_types``); else no one."""
        c = self.coder
        if preposition not in c.lexicon.words["cause"] \
                or match.trigger.type not in c.lexicon.reaction_types:
            return [None]
        subject = self.subject([m for m in free if m.actor not in actor_ids], first, last)
        return [subject.actor] if subject is not None else [None]

    def mediators(self, match: TriggerMatch, clause: tuple[int, int],
                  in_clause: list[ActorMention]) -> set[str]:
        """The parties another trigger of the clause names as go-betweens (``mediating``
        modes, right after the noun or its genitive article or "von": "unter Vermittlung der
        EU", "Vermittlung Katars"): no side of the talks or the deal they broker."""
        c = self.coder
        first, last = c.token_range(*clause)
        links = c.lexicon.words["genitive_articles"] | c.lexicon.words["patient_prepositions"]
        found = set()
        for other in c.matches:
            if other is match or not first <= other.start < last \
                    or other.trigger.mode not in c.lexicon.words["mediating"] \
                    or c.tags[other.start] not in c.lexicon.words["noun_tags"]:
                continue
            end = c.ends[other.last - 1]
            after = next((m for m in in_clause if m.start >= end), None)
            if after is None:
                continue
            between = c.text[end:after.start].lower().split()
            if len(between) <= 1 and all(w in links for w in between):
                found.add(after.actor)
        return found

    def genitive_after(self, match: TriggerMatch,
                       in_clause: list[ActorMention]) -> ActorMention | None:
        """The mention in the genitive or after "von"/"durch" (or an ``origin`` word: "aus
        Italien") just after a noun trigger: "der Einmarsch der Amerikaner", "die Festnahme
        von X", "Kritik aus Italien"."""
        c = self.coder
        end = c.ends[match.last - 1]
        near = c.ends[min(len(c.ends), match.last + AGENT_REACH) - 1]
        words = c.lexicon.words
        # none after a verb: "Nach Kritik trat der Minister zurück" (the subject)
        near = next((c.starts[i] for i in range(match.last, min(len(c.tags),
                     match.last + AGENT_REACH)) if c.tags[i][:1] == "V"), near)
        return next((m for m in in_clause if end <= m.start <= near and (
            m.preposition in words["agent"]
            or m.preposition in words["origin"] and c.tags[match.start][:1] == "N"
            and match.trigger.type in c.lexicon.origin_types
            and c.lowers[match.last] in words["origin"]  # not "Verbot für Waren aus X"
            or m.preposition is None and self.case_of(m) == "Gen")), None)

    def after(self, mention: ActorMention, words: tuple[str, ...]) -> bool:
        """Whether one of ``words`` stands before a mention, over its article ("ins
        Auswärtige Amt", "in das Außenministerium"): words the prepositions need not list."""
        c = self.coder
        i = c.token_range(mention.start, mention.end)[0] - 1
        while i >= 0 and c.lowers[i] in c.lexicon.words["determiners"]:
            i -= 1
        return bool(words) and i >= 0 and c.lowers[i] in words

    def attribute(self, mention: ActorMention, head: ActorMention) -> bool:
        """A genitive that names whose the actor is, right before or after its mention
        ("Die Regierung Südafrikas ersuchte den Gerichtshof", "Kasachstans Regierung"):
        part of the actor's phrase, no recipient."""
        c = self.coder
        if mention.start >= head.end:
            between = c.text[head.end:mention.start].strip().lower()
            genitive = c.case_at(mention.start, mention.end) == "Gen"
            if not between:  # a name's genitive "-s", which the morphologizer often misreads
                return genitive or c.text[mention.start:mention.end].endswith("s")
            # right after the actor's noun, "der"/"des" opens its genitive whatever case the
            # morphologizer reads ("die Außenminister der EU": EU as Nom)
            return between in c.lexicon.words["genitive_articles"]
        return not c.text[mention.end:head.start].strip() \
            and c.text[mention.start:mention.end].endswith(("s", "'"))

    def number_of(self, mention: ActorMention) -> list[str]:
        """The number the morphologizer reads for a mention's last word."""
        c = self.coder
        return c.doc[c.token_range(mention.start, mention.end)[1] - 1].morph.get("Number")

    def case_of(self, mention: ActorMention) -> str | None:
        """The case of a mention: its last token's ("der Hamburger Polizei": Polizei), or
        for a party in the genitive after a noun that speaks for it, that noun's ("Ein
        Sprecher des Kreml wies … zurück": the Kremlin's nominative)."""
        c = self.coder
        i, _ = c.token_range(mention.start, mention.end)
        j = i - 1
        while j > 0 and c.tags[j] in c.lexicon.words["adjective_tags"]:
            j -= 1
        if j > 0 and c.lowers[j] in c.lexicon.words["genitive_articles"] \
                and c.stands_in(c.texts[j - 1]):
            return c.cases[j - 1]
        case = c.case_at(mention.start, mention.end)
        if case == "Gen" and j > 0 and c.lowers[j] in c.lexicon.words["nominative_articles"] \
                and c.tags[j - 1] in FINITE_VERBS:
            return "Nom"  # no genitive plural follows the finite verb: "Am Montag
            # kritisierte der Arbeitgeber die Gewerkschaft" (read as "der Arbeitgeber" of many)
        if case == "Nom" and j >= 0 and c.lowers[j] in c.lexicon.words["oblique_articles"]:
            # "Dem Bürgermeister warfen die Grünen … vor": no nominative after "dem"
            return c.cases[j] if c.cases[j] in OBJECT_CASES + ("Gen",) else None
        return case

    def subject(self, free: list[ActorMention], first: int, last: int) -> ActorMention | None:
        """The clause's subject among its ungoverned mentions: the one in the nominative;
        else the first not in an object case; else, where a pronoun is the subject ("Er
        warf dem Hersteller … vor"), the mention it points back to; else the first."""
        c = self.coder
        speaking = c.lexicon.words["speaker_pronouns"]
        if c.lowers[first] in c.lexicon.words["pronouns"] | speaking and first + 1 < last \
                and (c.tags[first + 1] in FINITE_VERBS  # "Sie forderten X auf": X is no
                     or any(m.start == first + 1 for m in c.matches)):  # subject, the
            # pronoun's antecedent is; "Ich fordere die Regierung auf": the speaker is
            return None if c.lowers[first] in speaking else self.antecedent(first, free)
        pronoun = self.pronoun_after_verb(free, first, last)
        if pronoun is not None:  # "Am Sonntag kritisierte er den Kanzler": the pronoun
            # is the subject, the name its object
            return None if c.lowers[pronoun] in speaking else self.antecedent(pronoun, free)
        prefield = self.prefield(free, first, last)
        if prefield is not None:
            return prefield
        if self.unknown_subject(free, first, last):
            return None
        nominative = [m for m in free if self.case_of(m) == "Nom"]
        if nominative:
            return nominative[0]
        subjects = [m for m in free if self.case_of(m) not in OBJECT_CASES + ("Gen",)]
        if subjects:
            return subjects[0]
        pronoun = next((i for i in range(first, last) if c.cases[i] == "Nom"
                        and c.lowers[i] in c.lexicon.words["pronouns"]), None)
        if pronoun is None:  # "Bagdad bestellte den türkischen Botschafter ein": no subject
            if all(self.oblique(m) for m in free):
                return None
            # a genitive is a noun's attribute, no subject ("Im Streit um die Auslieferung
            # des Managers hat das Außenministerium …": the ministry, read as accusative)
            return next((m for m in free if self.case_of(m) != "Gen"), free[0])
        return self.antecedent(pronoun, free)

    def topical(self, mention: ActorMention) -> bool:
        """Whether a mention's preposition follows a noun of a topic ("berieten über die
        Lage in Afghanistan": what was spoken of, not where or with whom; ``topic``)."""
        c = self.coder
        i = c.token_range(mention.start, mention.end)[0] - 1  # the preposition
        j = i - 1
        while j > 0 and i - j <= TOPIC_REACH and c.tags[j] in TOPIC_PHRASE_TAGS:
            j -= 1
        return j < i - 1 and c.lowers[j] in c.lexicon.words["topic"]

    def of_other_act(self, mention: ActorMention, match: TriggerMatch) -> bool:
        """Whether a mention's preposition follows another trigger noun (or its genitive),
        whose phrase it belongs to: "beschuldigte die Rebellen des Mordes an Zivilisten"
        (the civilians are the murder's, not the accusation's), "lehnt die Sanktionen der EU
        gegen Russland ab" (Russia is the sanctions')."""
        c = self.coder
        i = c.token_range(mention.start, mention.end)[0] - 1  # the preposition
        while i > 0 and c.tags[i] in PATIENT_PHRASE_TAGS:
            i -= 1  # (its article: "an den Zivilisten")
        noun = i - 1
        if noun < 0 or c.tags[noun] not in c.lexicon.words["noun_tags"]:
            return False
        nouns = [noun]
        j = noun - 1  # or of the noun a genitive follows: "die Sanktionen der EU gegen"
        while j > 0 and c.tags[j] in PATIENT_PHRASE_TAGS \
                and c.lowers[j] not in c.lexicon.words["genitive_articles"]:
            j -= 1
        if j > 0 and c.lowers[j] in c.lexicon.words["genitive_articles"] \
                and c.tags[j - 1] in c.lexicon.words["noun_tags"]:
            nouns.append(j - 1)
        return any(other is not match and other.start <= k < other.last
                   for other in c.matches for k in nouns)

    def origin(self, match: TriggerMatch, first: int, last: int,
               in_clause: list[ActorMention]) -> ActorMention | None:
        """Whose a noun trigger's act is where its clause says where it comes from: the
        party after "von" with a verb of coming ("Kritik kam von der Opposition", "Der
        Vorschlag stammt vom Landrat"; ``origin_verbs``)."""
        c = self.coder
        if c.tags[match.start] not in c.lexicon.words["noun_tags"] \
                or c.lexicon.words["origin_verbs"].isdisjoint(c.lemmas[first:last]):
            return None
        return self.agent_mention(in_clause, after=c.starts[match.start])

    def pronoun_after_verb(self, free: list[ActorMention], first: int,
                           last: int) -> int | None:
        """A subject pronoun right after the clause's finite verb, where no name stands
        before that verb ("Am Sonntag warf er dem Kanzler Versagen vor", "Dabei hat sie die
        Regierung kritisiert"): German puts an unstressed subject pronoun there, before the
        objects; its index."""
        c = self.coder
        verb = next((i for i in range(first + 1, last) if c.tags[i] in FINITE_VERBS), None)
        if verb is None or verb + 1 >= last or c.lowers[verb + 1] not in \
                c.lexicon.words["pronouns"] | c.lexicon.words["speaker_pronouns"]:
            return None
        if any(c.token_range(m.start, m.end)[0] < verb for m in free):
            return None  # "Die Regierung kritisierte sie": who is subject, the case tells
        return verb + 1

    def pronoun_subject(self, first: int, last: int) -> bool:
        """Whether a clause opens with a subject pronoun and its finite verb ("Er warf",
        "Sie forderten")."""
        c = self.coder
        return first + 1 < last and c.lowers[first] in c.lexicon.words["pronouns"] \
            and c.tags[first + 1] in FINITE_VERBS

    def antecedent(self, pronoun: int, free: list[ActorMention]) -> ActorMention | None:
        """The mention a subject pronoun at token ``pronoun`` points back to: the last one
        before it that no preposition governs."""
        c = self.coder
        before = [m for m in c.mentions if m.end <= c.starts[pronoun]
                  and m.preposition is None and m not in free]
        return before[-1] if before else None

    def object_pronoun_antecedent(self, match: TriggerMatch, actor_ids: list,
                                  heads: list[ActorMention]) -> ActorMention | None:
        """The party an object pronoun of the trigger's verb points back to (right before
        or after the verb, or inside its parts): the last one before it, no preposition's,
        not the actor nor the actor's own genitive, of the pronoun's number ("Pinkwart
        plädierte dafür, Rüttgers pflichtete ihm bei": Pinkwart)."""
        c = self.coder
        numbers = c.lexicon.object_pronouns
        near = [match.start - 1, *range(match.start + 1, max(match.last, match.start + 2))]
        at = next((k for k in near if 0 < k < len(c.lowers) and c.lowers[k] in numbers
                   and c.tags[k] == "PPER" and c.tags[k - 1][:4] != "APPR"), None)
        if at is None:
            return None
        before = [m for m in c.mentions if m.end <= c.starts[at] and m.preposition is None
                  and m.actor not in actor_ids and not any(self.attribute(m, h) for h in heads)
                  and self.number_of(m) == [numbers[c.lowers[at]]]]
        return before[-1] if before else None

    def infinitive(self, match: TriggerMatch) -> bool:
        """A verb trigger with its "zu" ("zu lockern", "abzuziehen"; the verb may end a
        phrase: "die Truppen abzuziehen")."""
        c = self.coder
        return any(c.tags[i] == "VVIZU" or (i > 0 and c.tags[i - 1] == "PTKZU")
                   or _zu_infix(c.lowers[i], c.doc[i].lemma_.lower())
                   for i in {match.start, match.last - 1})

    def clause_before(self, clause: tuple[int, int]) -> tuple[int, int] | None:
        """The clause before this one in its sentence, if any."""
        c = self.coder
        sentence = sentence_of(c.document.sentences, clause[0], clause[1], len(c.text))
        if clause[0] - 2 < sentence[0]:
            return None
        return clause_of(c.text, sentence, clause[0] - 2, clause[0] - 2,
                         *c.lexicon.joins)

    def list_start(self, clause: tuple[int, int]) -> tuple[int, int]:
        """The clause with the parts before it that a list's commas cut off, which have
        no verb ("dass Kirchen, Arbeitgeber und Staat Daten austauschen")."""
        c = self.coder
        while True:
            before = self.clause_before(clause)
            if before is None:
                return clause
            first, last = c.token_range(*before)
            if first >= last or any(c.tags[i][:1] == "V" for i in range(first, last)) \
                    or not c.text[before[1]:clause[0]].strip().startswith(","):
                return clause
            clause = (before[0], clause[1])

    def clause_after(self, clause: tuple[int, int]) -> tuple[int, int] | None:
        """The clause after this one in its sentence, if any."""
        c = self.coder
        sentence = sentence_of(c.document.sentences, clause[0], clause[1], len(c.text))
        start = clause[1] + 1
        while start < sentence[1] and c.text[start] in " ,;–-":
            start += 1
        if start >= sentence[1]:
            return None
        return clause_of(c.text, sentence, start, start, *c.lexicon.joins)

    def addressee(self, clause: tuple[int, int]) -> ActorMention | None:
        """The subject of a "dass" clause after a request's clause: who is asked to act
        ("verlangt die Behörde, dass die Mieterin ihre Kosten senkt": the tenant)."""
        c = self.coder
        after = self.clause_after(clause)
        if after is None:
            return None
        first, last = c.token_range(*after)
        if first >= last or c.lowers[first] not in c.lexicon.words["complementizers"]:
            return None
        free = [m for m in c.mentions if after[0] <= m.start and m.end <= after[1]
                and m.preposition is None]
        return self.subject(free, first + 1, last) if free else None

    def trigger_before(self, clause: tuple[int, int],
                       types: frozenset[str] | None = None) -> bool:
        """Whether the clause before this one holds a trigger (of one of ``types``)."""
        c = self.coder
        before = self.clause_before(clause)
        if before is None:
            return False
        first, _ = c.token_range(*clause)
        start, _ = c.token_range(*before)
        return any(start <= m.start < first and (types is None or m.trigger.type in types)
                   for m in c.matches)

    def controller(self, clause: tuple[int, int]) -> ActorMention | None:
        """The subject of the clause before an infinitive clause without one: who announces,
        promises or threatens to act is who is to act."""
        c = self.coder
        before = self.clause_before(clause)
        if before is None:
            return None
        free = [m for m in c.mentions if before[0] <= m.start and m.end <= before[1]
                and m.preposition is None]
        if not free:
            return None
        first, last = c.token_range(*before)
        return self.subject(free, first, last)

    def between(self, match: TriggerMatch, in_clause: list[ActorMention],
                last: int) -> Roles | None:
        """A noun trigger followed by "zwischen A und B": A acts towards B, and B towards A
        in an act done together (as English reads "between")."""
        c = self.coder
        if match.last >= last or c.lowers[match.last] not in c.lexicon.words["between"] \
                or not c.texts[match.start][:1].isupper():
            return None
        after = c.starts[match.last]
        sides = [m for m in in_clause if m.start > after]
        if len(sides) < 2:
            return None
        group = c.members(sides[0], sides)
        if len(group) < 2:
            return None
        if match.trigger.type in c.lexicon.reciprocal_types:  # "Gespräche zwischen Chile
            return [m.actor for m in group[:2]], [None], NAMED  # und Peru": each to each
        return [group[0].actor], [group[1].actor], NAMED

    def oblique(self, mention: ActorMention) -> bool:
        """A mention after an article that no subject has ("den", "dem", "einem" …; adjectives
        between): an object, whatever case the morphologizer reads."""
        c = self.coder
        i, _ = c.token_range(mention.start, mention.end)
        for j in range(i - 1, max(-1, i - 1 - ADJECTIVE_REACH), -1):
            if c.lowers[j] in c.lexicon.words["oblique_articles"]:
                return True
            if c.tags[j] not in c.lexicon.words["adjective_tags"]:
                return False
        return False

    def subject_adjective_country(self, first: int, last: int) -> str | None:
        """The country of a demonym adjective in a clause's subject that names no actor:
        "Ukrainische Drohnen griffen … an" (UKR), the adjective and its noun in the
        nominative before the finite verb."""
        c = self.coder
        for i in range(first, last):
            if c.tags[i] in FINITE_VERBS:
                return None
            if c.tags[i] in c.lexicon.words["adjective_tags"] and c.cases[i] == "Nom":
                country = c.demonyms.get(c.lowers[i])
                noun_is_trigger = any(m.start == i + 1 for m in c.matches)  # its own act
                if country is not None and not noun_is_trigger \
                        and not c._preposition(c.starts[i]):
                    return country
        return None

    def prefield(self, free: list[ActorMention], first: int, last: int) -> ActorMention | None:
        """A name that opens the clause and stands right before its finite verb ("Die
        Europäische Union hatte Moldau … zugesagt"): the subject, whatever case the
        morphologizer reads on it, as German news puts the subject there far more often
        than an object."""
        c = self.coder
        if not free:
            return None
        opens, _ = c.token_range(free[0].start, free[0].end)
        adjectives = c.lexicon.words["adjective_tags"]
        if opens > first and not (  # only its determiner and adjectives before it
                c.tags[first] in ("ART", "PDAT", "PPOSAT")
                and all(c.tags[i] in adjectives for i in range(first + 1, opens))):
            return None
        if c.lowers[first] in c.lexicon.words["oblique_articles"]:
            return None  # "Den Demonstranten hatte die Polizei …"
        _, end = c.token_range(free[0].start, free[0].end)
        return free[0] if end < last and c.tags[end] in FINITE_VERBS else None

    def unknown_subject(self, free: list[ActorMention], first: int, last: int) -> bool:
        """A noun phrase no list knows opens the clause in the nominative, right before its
        finite verb, and every name comes after that verb: the subject is that phrase ("Der
        Kontrolldienst rügte das Ministerium"), and the names after the verb are its
        objects, not its subject."""
        c = self.coder
        if c.tags[first] not in SUBJECT_DETERMINER_TAGS \
                or c.lowers[first] in c.lexicon.words["oblique_articles"]:
            return False
        noun = first + 1
        while noun < last and c.tags[noun] in c.lexicon.words["adjective_tags"]:
            noun += 1
        if noun + 1 >= last or c.tags[noun] not in c.lexicon.words["noun_tags"] \
                or c.tags[noun + 1] not in FINITE_VERBS or c.cases[noun] != "Nom":
            return False
        verb_end = c.starts[noun + 1]
        if not all(m.start > verb_end for m in free):
            return False
        # "Die Kosten übernimmt der Bund": "die" may be an accusative, "der Bund" after
        # the verb may only be a nominative, so the name is the subject
        return c.lowers[first] not in c.lexicon.words["nom_acc_articles"] \
            or not any(self.nominative_by_article(m) for m in free)

    def nominative_by_article(self, mention: ActorMention) -> bool:
        """A mention read as nominative after an article that then leaves no other case
        ("der Bund", "ein Verband")."""
        c = self.coder
        i, _ = c.token_range(mention.start, mention.end)
        return i > 0 and c.lowers[i - 1] in c.lexicon.words["nominative_articles"] \
            and self.case_of(mention) == "Nom"

    def condition_subject(self, clause: tuple[int, int],
                          actor_ids: list) -> ActorMention | None:
        """Whom a threat is aimed at: the subject of the condition clause beside the
        threat's ("drohte mit Streiks, falls die Arbeitgeber …", "Sollte die Bahn kein
        Angebot vorlegen, werde man …")."""
        c = self.coder
        others, before = [self.clause_after(clause)], clause
        for _ in range(CONDITION_REACH):  # "Sollte X …, werde man …, drohte er"
            before = self.clause_before(before)
            if before is None:
                break
            others.append(before)
        for other in others:
            if other is None:
                continue
            first, last = c.token_range(*other)
            if first >= last or c.lowers[first] not in c.lexicon.words["conditions"]:
                continue
            free = [m for m in self.free_in(other) if m.actor not in actor_ids]
            if free and self.verb_first_condition(first, last):
                return free[0]  # "sollte die Nato …": the subject right after the verb
            if free:
                return self.subject(free, first + 1, last) or free[0]
        return None

    def verb_first_condition(self, first: int, last: int) -> bool:
        """A condition opened by its finite verb ("sollte die Nato weitere Truppen
        stationieren"), whose subject follows the verb: the morphologizer often reads that
        subject's case wrong."""
        c = self.coder
        return first < last and c.lowers[first] in c.lexicon.words["conditions"] \
            and c.tags[first] in FINITE_VERBS

    def employer(self, subject: ActorMention, in_clause: list[ActorMention],
                 actor_ids: list) -> ActorMention | None:
        """The name right after a striking subject, in the genitive or after "von"/"bei"
        (``employer_links``): whom the strike is aimed at ("Die Flugbegleiter der Lufthansa",
        "Beschäftigte bei Amazon")."""
        c = self.coder
        links = c.lexicon.words["employer_links"]
        after = next((m for m in in_clause if m.start >= subject.end), None)
        if after is None or after.actor in actor_ids:
            return None
        between = c.text[subject.end:after.start].split()
        if not between or len(between) > 2 or any(w.lower() not in links for w in between):
            return None
        # a genitive article right before it says its case where the noun's may not ("der
        # Kölner Verkehrsbetriebe": plural)
        return after if after.preposition is not None or self.case_of(after) == "Gen" \
            or between[-1].lower() in c.lexicon.words["genitive_articles"] else None

    def workers_employer(self, sentence: tuple[int, int], actor_ids: list) -> str | None:
        """The employer a sentence names right after workers, by the ``employer_links`` of
        ``employer``: "die Beschäftigten der Kölner Verkehrsbetriebe"."""
        c = self.coder
        named = [m for m in c.mentions if sentence[0] <= m.start and m.end <= sentence[1]]
        for workers in named:
            actor = c.actors.get(workers.actor)
            if actor is None or actor.sector != ["CVL"]:
                continue
            employer = self.employer(workers, named, actor_ids)
            if employer is not None:
                return employer.actor
        return None

    def main_clause(self, first: int, last: int) -> bool:
        """An article, a noun phrase and a finite verb open the clause: a main clause of its
        own (", die Polizei nahm viele fest", ", die IG Metall kündigte Widerstand an"),
        not a relative one (", die am Donnerstag … entsandte" ends with its verb)."""
        c = self.coder
        i = first + 1  # the noun phrase: names of several words ("die IG Metall kündigte")
        while i < min(last, first + MAIN_CLAUSE_PHRASE + 1) and c.tags[i] in ("NN", "NE", "ADJA"):
            i += 1
        return i < last and i > first + 1 and c.tags[i - 1] in ("NN", "NE") \
            and c.tags[i] in FINITE_VERBS

    def counted(self, i: int, first: int) -> bool:
        """A noun after a number or a quantifier, adjectives between ("drei Geiseln",
        "mehrere mutmaßliche Schlepper"): a noun phrase as one after an article is."""
        c = self.coder
        j = i - 1
        while j > first and c.tags[j] in c.lexicon.words["adjective_tags"]:
            j -= 1
        return j >= first and c.tags[j] in COUNTING_TAGS

    def governing_verbs(self, match: TriggerMatch, first: int, last: int) -> list[TriggerMatch]:
        """The other triggers whose object or subject a trigger noun after its article is,
        in a clause whose verb they are: "Die USA haben den Anschlag verurteilt" (ACCUSE by
        the USA, no ASSAULT by them), "Die Proteste wurden von der Polizei niedergeschlagen"
        (the police put down, not protested)."""
        c = self.coder
        word = c.texts[match.start]
        if match.last - match.start != 1 or not word[:1].isupper() or match.start == first:
            return []
        if c.lowers[match.start - 1] not in c.lexicon.words["determiners"] \
                and not self.counted(match.start, first):  # or right after the verb, as in a
            return [other for other in c.matches  # headline: "verurteilt Angriff auf …"
                    if other.last == match.start and c.texts[other.start][:1].islower()]
        return [other for other in c.matches if other is not match
                and first <= other.start < last and c.texts[other.start][:1].islower()]

    def deciding(self, match: TriggerMatch, verbs: list[TriggerMatch]) -> list[TriggerMatch]:
        """The verbs of deciding among those that take a sanction, a concession or a
        coercive act as object: "hat ein Einfuhrverbot beschlossen" is the subject's
        sanction, and the decision no event of its own; so are the verbs of promising
        that take aid or support ("sicherte ihm die Unterstützung zu")."""
        c = self.coder
        kind, words = match.trigger.type, c.lexicon.words
        return [v for v in verbs
                if kind in c.lexicon.decided_types and c.lemmas[v.start] in words["deciding"]
                or kind in c.lexicon.promised_types and c.lemmas[v.start] in words["promising"]]
