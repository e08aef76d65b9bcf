"""PLOVER events: triggers as data, roles from the clause, the layers before as evidence."""

from .coder import code_events
from .lexicon import EventLexicon

__all__ = ["EventLexicon", "code_events"]
