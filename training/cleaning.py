"""Bring silver NER annotation closer to the GermEval 2014 guidelines.

WikiANN labels every linked word, common nouns included ("Reformation",
"Kirchen"), and keeps brackets, commas and titles inside spans; SmartData marks
adjectives ("italienische") as locations. GermEval tags neither, so such spans
would teach the model the wrong boundaries. The rules here cut spans at
punctuation, drop lowercase and common-noun spans, and strip leading titles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .corpora import Sentence

SEPARATORS = set("()[]{},;:/|\"'`„“”«»‹›‚‘’") | {"''", "``", "-", "–", "—", "--", "..."}
ABSTRACT_SUFFIXES = ("ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften",
                     "ismus", "tion", "tionen", "tät", "täten", "nisse", "ment", "mente")
ADJECTIVE_SUFFIXES = ("isch", "ische", "ischen", "ischer", "isches", "ischem")


class Lexicon:
    """How often a word form is outside vs. inside entities (sentence-initial words skipped).

    A capitalised word that is mostly outside entities is a German common noun
    (or a title such as "Präsident"); as a one-word span it is not a name.
    """

    def __init__(self, sentences: Iterable[Sentence]):
        self.outside: Counter[str] = Counter()
        self.inside: Counter[str] = Counter()
        for sentence in sentences:
            tagged = set()
            for start, end, _ in sentence.spans:
                tagged.update(range(start, end))
            for start, end in sentence.missing:
                tagged.update(range(start, end))
            for i, word in enumerate(sentence.words):
                if i == 0:
                    continue
                (self.inside if i in tagged else self.outside)[word] += 1

    def known_share(self, words: list[str]) -> float:
        """Share of alphabetic words seen at least twice in all corpora (OCR noise is not)."""
        alpha = [w for w in words if w.isalpha()]
        if not alpha:
            return 0.0
        return sum(self.outside[w] + self.inside[w] >= 2 for w in alpha) / len(alpha)

    def is_common(self, word: str) -> bool:
        """True for words seen mostly outside entities."""
        out, ins = self.outside[word], self.inside[word]
        return out >= 3 and out >= 2 * ins


def _is_name_start(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isalpha() for c in word))


def clean_span(words: list[str], span, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """The GermEval-compatible parts of one silver span (possibly none)."""
    start, end, label = span
    parts, part_start = [], start
    for i in range(start, end + 1):
        if i == end or words[i] in SEPARATORS:
            if i > part_start:
                parts.append((part_start, i))
            part_start = i + 1
    kept = []
    for s, e in parts:
        while s < e and not any(c.isalnum() for c in words[s]):
            s += 1
        while e > s and not any(c.isalnum() for c in words[e - 1]):
            e -= 1
        while s < e and words[s][:1].islower():
            s += 1  # "die Linke" -> "Linke" is still wrong less often than keeping "die"
        if label == "PER":
            while e - s > 1 and lexicon.is_common(words[s]):
                s += 1  # "Präsident Joe Biden" -> "Joe Biden"
        if s >= e or not _is_name_start(words[s]):
            continue
        if e - s == 1:
            word = words[s]
            if lexicon.is_common(word) or len(word) < 2 or word.isdigit():
                continue
            lower = word.lower()
            if lower.endswith(ABSTRACT_SUFFIXES) and not word.isupper():
                continue
            if label == "LOC" and lower.endswith(ADJECTIVE_SUFFIXES):
                continue
            if label == "LOC" and lower.endswith("er") and e < len(words) and \
                    words[e][:1].isupper() and lexicon.is_common(words[e]):
                continue  # "Berliner Polizei": an adjective, GermEval's LOCderiv
        kept.append((s, e, label))
    return kept


def clean_sentence(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """A copy of ``sentence`` with every span passed through ``clean_span``."""
    spans = []
    for span in sentence.spans:
        spans.extend(clean_span(sentence.words, span, lexicon))
    return Sentence(sentence.words, spans, sentence.source, sentence.missing)


def mark_unlabelled_names(sentence: Sentence, lexicon: Lexicon, misc_words: set[str]) -> Sentence:
    """Leave likely names outside the silver spans unannotated instead of O.

    WikiANN only tags linked mentions and no silver corpus has MISC, so a word
    that is mostly inside entities elsewhere, or inside a GermEval MISC span
    ("Euro", "Transrapid"), is more likely a missed name than a true O.
    """
    covered = set()
    for start, end, _ in sentence.spans:
        covered.update(range(start, end))
    for start, end in sentence.missing:
        covered.update(range(start, end))
    missing = list(sentence.missing)
    for i, word in enumerate(sentence.words):
        if i in covered or not word[:1].isupper():
            continue
        if word in misc_words or lexicon.inside[word] > max(2, lexicon.outside[word]):
            missing.append((i, i + 1))
    return Sentence(sentence.words, sentence.spans, sentence.source, missing)


_WORD = re.compile(r"\w")


def is_fragment(sentence: Sentence, min_tokens: int = 5) -> bool:
    """Short fragments and lists (mostly entity tokens) teach little about running text."""
    words = [w for w in sentence.words if _WORD.search(w)]
    if len(words) < min_tokens:
        return True
    in_entity = sum(e - s for s, e, _ in sentence.spans)
    return in_entity > 0.6 * len(sentence.words)
