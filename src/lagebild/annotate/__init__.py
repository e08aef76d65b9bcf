"""Annotators, one per layer, in the order the pipeline runs them."""

from __future__ import annotations

from ..layers import LAYERS
from .actors import ActorsAnnotator
from .amounts import AmountsAnnotator
from .base import NLP_PROVIDES, Annotator
from .entities import EntitiesAnnotator
from .events import EventsAnnotator
from .places import PlacesAnnotator
from .quotes import QuotesAnnotator
from .times import TimesAnnotator

#: The layers of the Document in pipeline order (DESIGN.md).
LAYER_ORDER: tuple[str, ...] = LAYERS

#: Annotators that exist, by the layer they fill.
ANNOTATORS: dict[str, type[Annotator]] = {
    EntitiesAnnotator.name: EntitiesAnnotator,
    ActorsAnnotator.name: ActorsAnnotator,
    PlacesAnnotator.name: PlacesAnnotator,
    TimesAnnotator.name: TimesAnnotator,
    AmountsAnnotator.name: AmountsAnnotator,
    QuotesAnnotator.name: QuotesAnnotator,
    EventsAnnotator.name: EventsAnnotator,
}

DEFAULT_STAGES: tuple[str, ...] = tuple(name for name in LAYER_ORDER if name in ANNOTATORS)

__all__ = ["ANNOTATORS", "DEFAULT_STAGES", "LAYER_ORDER", "NLP_PROVIDES", "Annotator"]
