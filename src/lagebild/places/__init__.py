"""Places: GeoNames places for place names, in the context of the article."""

from .gazetteer import PlaceGazetteer, PlaceRecord, distance_km, load_gazetteer
from .resolve import PlaceMention, link_containers, resolve
from .salience import place_for_span

__all__ = [
    "PlaceMention", "PlaceGazetteer", "PlaceRecord", "distance_km", "link_containers",
    "load_gazetteer", "place_for_span", "resolve",
]
