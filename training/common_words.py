"""``python -m training en-common-words``: the English words that are no names when
capitalised at the start of a sentence (``lang/en/data/common_words.tsv``).

A word is kept where its lowercase form is frequent (log probability at least
``MIN_LOGPROB``) and at least ``MARGIN`` (in natural log) more frequent than its
capitalised form: "visitors" and "crews" are, "Turkey", "Bush" and "North" are not. The
probabilities are spaCy's English lexeme table in ``spacy-lookups-data`` (MIT), which
is needed only here; the list is written anew, never edited by hand.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "src" / "lagebild" / "lang" / "en" / "data" \
    / "common_words.tsv"
MIN_LOGPROB = -15.0
MARGIN = 1.0
HEADER = ("# English words more frequent in lowercase than capitalised (see "
          "training/common_words.py);\n# written by `python -m training en-common-words` "
          "from spacy-lookups-data (MIT).\n")


def common_words(probs: dict[str, float]) -> list[str]:
    return sorted(word for word, logprob in probs.items()
                  if word.isalpha() and word.islower() and logprob >= MIN_LOGPROB
                  and logprob >= probs.get(word.capitalize(), -99.0) + MARGIN)


def lookups_table(name: str) -> dict:
    """A table of spacy-lookups-data (``en_lexeme_prob``, ``en_lemma_lookup``), which only
    these training commands need."""
    try:
        import spacy_lookups_data
    except ImportError:
        raise SystemExit("needs spacy-lookups-data: pip install spacy-lookups-data") from None
    path = Path(spacy_lookups_data.__file__).parent / "data" / f"{name}.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return json.load(stream)


def build(target: Path = TARGET) -> int:
    words = common_words(lookups_table("en_lexeme_prob"))
    target.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {target}")
    return 0
