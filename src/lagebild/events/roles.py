"""How an event's actor and recipient are found: one strategy per language, one interface.

A strategy gets the document's coder (its words, tags, cases and actor mentions) and
answers, for a trigger in its clause, the actor ids, the recipient ids and how the
actor was found. German reads case and prepositions (``roles_case``); English, with
its fixed order, reads positions (``OrderRoles``: the coder's word-order methods).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..model import Quote
    from .coder import _EventCoder
    from .lexicon import TriggerMatch

#: How an event's actor was found: named in the clause; not at all, as the trigger is a
#: noun governed by a preposition ("gegen die Proteste": no act of the clause); not
#: named, in a passive ("wurden festgenommen": the guide's null actor); not named
#: otherwise (a subject the actors layer does not know: the source's country stands in);
#: not named, by a noun of an act done to someone that names whom ("lobte die Festnahme
#: des Kartellchefs").
NAMED, GOVERNED, AGENTLESS, UNNAMED = "named", "governed", "agentless", "unnamed"
PATIENT = "patient"
#: How many words after a trigger its agent may start ("calls by X", "was attacked by X").
AGENT_REACH = 4


@dataclass(frozen=True)
class ActorMention:
    """An actor's mention: its characters and the preposition that governs it, if any."""

    start: int  # characters
    end: int
    actor: str
    preposition: str | None


Roles = tuple[list, list, str]


class RoleStrategy(Protocol):
    def roles(self, match: TriggerMatch, clause: tuple[int, int],
              quote: Quote | None) -> Roles: ...


class OrderRoles:
    """Roles by word order (``word_order = "svo"``: English). A passive without its agent
    keeps the guide's null actor ("three civilians were killed": whom, not by whom);
    otherwise an event without an actor is dropped, as before grammar read the roles."""

    def __init__(self, coder: _EventCoder):
        self.coder = coder

    def roles(self, match: TriggerMatch, clause: tuple[int, int], quote: Quote | None) -> Roles:
        return self.coder.roles_svo(match, clause, quote)
