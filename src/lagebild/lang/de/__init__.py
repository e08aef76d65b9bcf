"""German: genitive -s on names (Kasachstans, Russlands), data in ``data/``."""

from pathlib import Path

from ..base import LanguagePack

PACK = LanguagePack(
    code="de",
    data_dir=Path(__file__).parent / "data",
    name_suffixes=("s",),
    no_suffix_after="sxzß",
)
