"""English: possessives are split off by the tokenizer, so names need no suffixes.

The trained NER in ``model/`` (CoNLL-2003 English) runs with ``model="accurate"``
(``lagebild --model accurate``): it decides where names are and the gazetteers in
front of it give their ids (``names.py``, whose two pipes the pack registers here). The
default pipeline keeps the gazetteers alone, since the actor, place and event layers are
tuned to their names."""

from pathlib import Path

from ..base import LanguagePack
from . import names as _names  # noqa: F401 (registers lagebild_names_aside and _merge)

PACK = LanguagePack(code="en", data_dir=Path(__file__).parent / "data", model_decides=True,
                    model_by_default=False)
