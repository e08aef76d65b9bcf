"""English: possessives are split off by the tokenizer, so names need no suffixes."""

from pathlib import Path

from ..base import LanguagePack

PACK = LanguagePack(code="en", data_dir=Path(__file__).parent / "data")
