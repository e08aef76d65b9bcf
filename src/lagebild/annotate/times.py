"""Times layer: TIMEX3 expressions, anchored on the article's publication date."""

from __future__ import annotations

from spacy.tokens import Doc

from ..lang.base import LanguagePack
from ..model import Document, Time
from ..timex import anchor_date, time_tagger


class TimesAnnotator:
    name = "times"
    requires = ("sentences",)
    assigns = ("times",)
    amends = ()

    def __call__(self, doc: Doc, document: Document, pack: LanguagePack) -> None:
        anchor = anchor_date(document.published)
        for match in time_tagger(pack).tag(document.text, document.sentences, anchor):
            document.times.append(Time(
                id=f"t{len(document.times) + 1}", text=match.text, start=match.start,
                end=match.end, type=match.type, value=match.value, mod=match.mod,
            ))
