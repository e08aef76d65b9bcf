"""Amounts layer: counts with the lemma of the noun they count, outside time expressions."""

from __future__ import annotations

from spacy.tokens import Doc

from ..amounts import amount_finder
from ..lang.base import LanguagePack
from ..model import Amount, Document


class AmountsAnnotator:
    name = "amounts"
    requires = ("times",)
    assigns = ("amounts",)
    amends = ()

    def __call__(self, doc: Doc, document: Document, pack: LanguagePack) -> None:
        dates = [(t.start, t.end) for t in document.times]
        for match in amount_finder(pack).find(document.text, dates):
            document.amounts.append(Amount(
                id=f"n{len(document.amounts) + 1}", text=match.text, start=match.start,
                end=match.end, value=match.value, unit=match.unit, approx=match.approx,
            ))
