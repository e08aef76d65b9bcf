"""A learned chooser of an event's recipient, where the rules name none.

The German rules read a recipient from a preposition the trigger takes, an object case
or a party noun; where none of them applies, an act aimed at a party the sentence names
in another way ("Nach Protesten der Anwohner verzichtet der Investor", "beendete den
Streik, nachdem die Bahn …") had no recipient. A binary logistic regression (trained by
``python -m training events-recipients`` on the team's event corpus) reads each other
actor mention of the sentence by where it stands from the trigger, its case and
preposition, what kind of actor it is and the event's type, and the events layer takes
the likeliest one above a threshold (``events.toml``: ``[model]`` ``recipients``,
``recipients_above``). A pack without the file codes by the rules alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .coder import _EventCoder
    from .lexicon import TriggerMatch
    from .roles import ActorMention


def candidates(coder: _EventCoder, match: TriggerMatch, actors: list,
               sentence: tuple[int, int]) -> list[ActorMention]:
    """The sentence's actor mentions that may receive the act: not its actor, not who
    says so, not a name in brackets (an affiliation), not the trigger's own words
    ("tauschten Gefangene aus": its last part)."""
    speakers = {q.speaker.actor for q in coder.document.quotes if q.speaker is not None}
    own = (coder.starts[match.start], coder.starts[match.last - 1])
    return [m for m in coder.mentions if sentence[0] <= m.start and m.end <= sentence[1]
            and m.actor not in actors and m.actor not in speakers and not coder.bracketed(m)
            and not any(m.start <= t < m.end for t in own)]


def _distance(gap: int) -> str:
    return str(gap) if gap < 3 else "3-5" if gap < 6 else "6-10" if gap < 11 else "far"


def features(coder: _EventCoder, match: TriggerMatch, clause: tuple[int, int],
             found: str, actors: list, mention: ActorMention,
             others: list[ActorMention]) -> list[str]:
    """What the model reads of one candidate mention of one event."""
    first, last = coder.token_range(mention.start, mention.end)
    after = first >= match.last
    gap = first - match.last if after else max(0, match.start - last)
    side = ">" if after else "<"
    kind = match.trigger.type
    verb = "V" if coder.tags[match.start][:1] == "V" else "N"
    case = (coder.cases[last - 1] or "-") if last > first else "-"
    preposition = mention.preposition or "-"
    actor = coder.actors.get(mention.actor)
    sectors = actor.sector if actor is not None else []
    rank = sum(1 for m in others if abs(coder.token_range(m.start, m.end)[0] - match.start)
               < abs(first - match.start))
    own = [coder.actors[a].country for a in actors if a in coder.actors]
    out = [
        f"side={side}", f"gap={side}{_distance(gap)}", f"rank={min(rank, 3)}",
        f"clause={clause[0] <= mention.start and mention.end <= clause[1]}",
        f"prep={preposition}", f"case={case}", f"cp={case}/{preposition}",
        f"type={kind}", f"ts={kind}/{side}", f"tp={kind}/{preposition}", f"tc={kind}/{case}",
        f"verb={verb}", f"vsc={verb}/{side}/{case}", f"vsp={verb}/{side}/{preposition}",
        f"taken={preposition in match.trigger.recipient}", f"object={match.trigger.object}",
        f"found={found}", f"n={min(len(others), 4)}",
        f"named={bool(actor and actor.mentions)}",
        f"inferred={bool(actor and actor.inferred)}",
        f"same={bool(actor and actor.country and actor.country in own)}",
        f"noactor={actors == [None]}",
        f"first={mention.start == min(m.start for m in others)}",
    ]
    # "die Gewerkschaft der Lokführer": a party of the actor's own phrase
    own_phrase = any(m.actor in actors and 0 <= first - coder.token_range(m.start, m.end)[1] <= 2
                     for m in coder.mentions if m.end <= mention.start)
    out += [f"of_actor={own_phrase}", f"of_actor_case={own_phrase}/{case}"]
    out += [f"sector={s}" for s in sectors] or ["sector=-"]
    out += [f"ks={kind}/{s}" for s in sectors]
    return out
