"""Actor coding: who the mentions are, as PLOVER country and sector codes."""

from .coder import code_actors
from .lexicon import ActorLexicon

__all__ = ["ActorLexicon", "code_actors"]
