"""German news tokenizer: quotes split off, dates and abbreviations kept whole.

Everything is stored in the tokenizer's own rules (prefix/suffix/infix patterns and
special cases), so the saved pipeline loads with plain ``spacy.load``.
"""

from __future__ import annotations

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
