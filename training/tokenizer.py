"""German news tokenizer: quotes split off, dates and abbreviations kept whole.

Everything is stored in the tokenizer's own rules (prefix/suffix/infix patterns and
special cases), so the saved pipeline loads with plain ``spacy.load``.
"""

from __future__ import annotations

import re

from spacy.util import compile_infix_regex

QUOTES = "„“”«»‹›‚‘’\""

# Frequent news abbreviations, kept as one token with their final period.
ABBREVIATIONS = """
Dr. Prof. Dipl. Ing. Hr. Fr. Hrsg. St. Nr. Abs. Art. Bd. Str. Tel. Jh. Jhd.
u.a. z.B. z.T. d.h. v.a. u.U. i.d.R. o.ä. u.ä. s.o. s.u. bzw. ca. vgl. ggf. evtl.
inkl. zzgl. usw. etc. sog. bspw. insb. Mio. Mrd. Tsd. Std. Min. Sek.
Jan. Feb. Mär. Apr. Jun. Jul. Aug. Sep. Sept. Okt. Nov. Dez.
e.V. GmbH. Co. Inc. Ltd. Corp. Gebr. Verf. Anm. Abb. Tab. Kap. Ziff.
""".split()

INFIXES = [
    rf"[{QUOTES}]",  # er.„Ja  ->  er . „ Ja
    rf"(?<=[\w])[.!?,;:](?=[{QUOTES}])",
]


def customize(nlp) -> None:
    """Adapt ``nlp.tokenizer`` in place for German news text."""
    tokenizer = nlp.tokenizer
    for abbreviation in ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    infixes = list(nlp.Defaults.infixes) + INFIXES
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    whole_words_by_pattern(tokenizer)


def whole_words_by_pattern(tokenizer) -> None:
    """Keep abbreviations ("Dr.", "z.B.") whole by ``token_match``, not by special cases.

    spaCy finds special cases that hold punctuation with a phrase matcher over every
    whole document, which cost more than all the rest of the tokenizer (6 ms of 7 for a
    700-token article once its words are cached). A special case that is one token of
    the same text is the same as a pattern that stops the splitting, so those become one
    ``token_match`` pattern; special cases without punctuation stay, since spaCy looks
    them up per word. The few that split a word into several tokens ("auf'm") and hold
    punctuation are dropped: rare in news, not worth the pass.
    """
    kept, whole = {}, []
    for text, tokens in tokenizer.rules.items():
        affixes = (tokenizer.find_prefix(text) or tokenizer.find_suffix(text)
                   or tokenizer.find_infix(text) or " " in text)
        if not affixes:
            kept[text] = tokens
        elif len(tokens) == 1 and text.strip():
            whole.append(text)
    tokenizer.rules = kept
    alternatives = "|".join(re.escape(t) for t in sorted(whole, key=len, reverse=True))
    tokenizer.token_match = re.compile(f"^(?:{alternatives})$").match


CHECKS = {
    "„Das ist gut“, sagte Dr. Müller am 06.01.2022 u.a. in Berlin.": [
        "„", "Das", "ist", "gut", "“", ",", "sagte", "Dr.", "Müller", "am", "06.01.2022",
        "u.a.", "in", "Berlin", "."],
    "Er kam z.B. am 6.1.2022 «ohne» Vorwarnung.": [
        "Er", "kam", "z.B.", "am", "6.1.2022", "«", "ohne", "»", "Vorwarnung", "."],
    "Er sagte.„Ja“, und »Nein«.": [
        "Er", "sagte", ".", "„", "Ja", "“", ",", "und", "»", "Nein", "«", "."],
}


def check(nlp) -> list[str]:
    """Sentences whose tokens differ from the expected ones (empty when all pass)."""
    failures = []
    for text, expected in CHECKS.items():
        got = [t.text for t in nlp.make_doc(text)]
        if got != expected:
            failures.append(f"{text!r}: {got}")
    return failures
