"""Words for the people of a region ("South Ossetians", "Südtiroler"), from the pack's
``region_peoples.tsv``: toponyms of the region, as the words for a country's people are
of the country.
"""

from __future__ import annotations

from ..errors import ConfigError
from ..lang.base import LanguagePack, per_pack
from ..lang.datafile import read_tsv
from .gazetteer import PlaceRecord, load_gazetteer

PEOPLES_FILE = "region_peoples.tsv"


@per_pack
def region_peoples(pack: LanguagePack) -> dict[str, PlaceRecord]:
    """Each word (as written) -> the region it names: of the places of the region's name,
    the region (or place of kind other) with the most people."""
    path = pack.data_dir / PEOPLES_FILE
    if not path.is_file():
        return {}
    gazetteer = load_gazetteer()
    found: dict[str, PlaceRecord] = {}
    for region, words in read_tsv(path, 2):
        places = [m.place for m in gazetteer.lookup(region) if m.place.kind in ("region", "other")]
        if not places:
            raise ConfigError(f"{path}: the gazetteer has no region {region!r}")
        place = max(places, key=lambda p: p.population)
        for word in words.split("|"):
            found[word] = place
    return found
