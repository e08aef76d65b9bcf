"""German: genitive -s on names (Kasachstans, Russlands), parts of a country by a compass
word joined to its name (Nordsyrien), data in ``data/``."""

from pathlib import Path

from ..base import LanguagePack

PACK = LanguagePack(
    code="de",
    data_dir=Path(__file__).parent / "data",
    name_suffixes=("s",),
    no_suffix_after="sxzß",
    region_prefixes=("Nord", "Süd", "Ost", "West", "Nordost", "Nordwest", "Südost", "Südwest",
                     "Zentral"),
)
