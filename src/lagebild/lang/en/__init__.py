"""English: possessives are split off by the tokenizer, so names need no suffixes.

The trained NER in ``model/`` (CoNLL-2003 English) decides where names are and the
gazetteers in front of it give their ids (``names.py``, whose two pipes the pack
registers here). English has one model: ``fast`` and ``accurate`` both run it."""

from pathlib import Path

from ..base import LanguagePack
from . import names as _names  # noqa: F401 (registers lagebild_names_aside and _merge)

PACK = LanguagePack(code="en", data_dir=Path(__file__).parent / "data", model_decides=True)
