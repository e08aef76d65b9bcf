"""The annotator contract: read the spaCy Doc and the layers before, add one layer."""

from __future__ import annotations

from typing import ClassVar, Protocol

from spacy.tokens import Doc

from ..lang.base import LanguagePack
from ..model import Document

#: What the spaCy pipeline of every language pack provides before any annotator runs.
NLP_PROVIDES: tuple[str, ...] = ("tokens", "sentences", "ner")


class Annotator(Protocol):
    """One stage of the pipeline; ``requires`` and ``assigns`` name layers, ``amends`` the
    fields of earlier layers it fills (``"entities.actor"``) or a layer alone, to which it
    may add items but change none (``"actors"``: the events layer's inferred parties): a
    stage changes nothing else."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]
    amends: ClassVar[tuple[str, ...]]

    def __call__(self, doc: Doc, document: Document, pack: LanguagePack) -> None:
        """Fill ``document``'s layer(s) named in ``assigns``, in place."""
        ...
