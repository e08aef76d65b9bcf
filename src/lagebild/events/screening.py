"""A learned screen over the coded events: how likely an event is to be one a reader
would code, type and sides as given.

The rules and the trigger model each see one part of an event; most wrong events are
wrong as a whole (a background noun read as an act, a side taken from the wrong phrase)
and look it only when their parts are read together. A binary logistic regression
(trained by ``python -m training events-screen`` on the team's event corpus, where an
event is right when it matches a gold event by type, actor and recipient country) reads
each German event by its type, mode and modality, its trigger's lemma, tag and the word
before it, what the trigger model gives its word, how its actor was found, what kind of
actor and recipient it has, and how many events its sentence holds. The events layer
drops an event below the threshold (``events.toml``: ``[model]`` ``screen``,
``screen_above``); a pack without the file keeps every event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .learned import NONE

if TYPE_CHECKING:
    from ..model import Event
    from .coder import _EventCoder
    from .lexicon import TriggerMatch


def _tenth(p: float) -> int:
    return min(9, int(p * 10))


def features(coder: _EventCoder, event: Event, match: TriggerMatch, found: str,
             in_sentence: int) -> list[str]:
    """What the screen reads of one event."""
    kind = event.type
    actor, recipient = coder.actors.get(event.actor), coder.actors.get(event.recipient)
    i = match.start
    lemma = coder.lemmas[i]
    out = [
        f"type={kind}", f"mode={event.mode}", f"modality={event.modality}",
        f"quote={event.quote is not None}", f"found={found}",
        f"recipient={recipient is not None}", f"dated={event.date is not None}",
        f"actor_inferred={bool(actor and actor.inferred)}", f"no_actor={actor is None}",
        f"actor_named={bool(actor and actor.mentions)}",
        f"recipient_inferred={bool(recipient and recipient.inferred)}",
        f"lemma={lemma}", f"type_lemma={kind}/{lemma}", f"tag={coder.tags[i][:2]}",
        f"weak={match.trigger.weak}", f"parts={match.last - match.start > 1}",
        f"before={coder.lowers[i - 1] if i else '^'}", f"events={min(in_sentence, 4)}",
    ]
    out += [f"actor_sector={s}" for s in (actor.sector if actor else [])]
    out += [f"recipient_sector={s}" for s in (recipient.sector if recipient else [])]
    out += [f"type_actor_sector={kind}/{s}" for s in (actor.sector if actor else [])]
    probabilities = coder.trigger_probabilities.get(i)
    if probabilities is not None:  # what the trigger model reads of the word, in tenths
        classes = coder.trigger_classes
        out.append(f"none={_tenth(float(probabilities[classes.index(NONE)]))}")
        if kind in classes:
            out.append(f"as_type={_tenth(float(probabilities[classes.index(kind)]))}")
    return out
