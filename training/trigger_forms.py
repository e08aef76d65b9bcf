"""``python -m training en-trigger-forms``: the other inflected forms of the English
trigger lexicon's words (``lang/en/data/trigger_forms.tsv``).

The English lexicon lists word forms ("stabbed", "attacked"); English has no lemmatizer
in the pipeline. Each listed single word's lemma is read in spaCy's English lookup
table (``spacy-lookups-data``, MIT, needed only here), and every other form the table
gives that lemma and that ends in "-ing" or "-s" is written beside it ("stabbing", "stabs"
beside "stabbed"), where the listed form is a verb's ("-ed"), the lexicon lists none of
them itself, all its listed forms of that lemma are of one event type, and the form is
not one news uses more often in another sense (``AMBIGUOUS``). The file is written anew,
never edited by hand.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from pathlib import Path

from .common_words import lookups_table

DATA = Path(__file__).resolve().parents[1] / "src" / "lagebild" / "lang" / "en" / "data"
#: forms of trigger verbs that news uses more often in another sense (markets, goods)
AMBIGUOUS = {"easing", "eases", "lowering", "lowers", "shipping", "ships", "lifting", "lifts",
             "yielding", "yields", "supplies", "thanks", "summons", "permits", "sentences",
             "questions", "presses", "pressing", "pressures", "stones", "talking", "talks",
             "relaxing", "relaxes", "backs", "backing", "massing", "wounds", "blasts",
             "shares", "returns", "signs", "phones", "recalling", "consulting", "hanging",
             "hangs"}
HEADER = ("# form <TAB> the listed trigger form it inflects (see training/trigger_forms.py);\n"
          "# written by `python -m training en-trigger-forms` from spacy-lookups-data (MIT).\n")


def sibling_forms(listed: dict[str, set[str]], table: dict[str, str]) -> list[tuple[str, str]]:
    """(form, listed form) for each unlisted form of a listed word's lemma; ``listed``:
    single-word form -> the event types of the entries that list it."""
    by_lemma: dict[str, list[str]] = defaultdict(list)
    for form, lemma in table.items():
        if form.isalpha() and form.islower():
            by_lemma[lemma].append(form)
    lemmas: dict[str, list[str]] = defaultdict(list)
    for form in listed:
        lemmas[table.get(form, form)].append(form)
    out = []
    for lemma, forms in lemmas.items():
        if len({kind for form in forms for kind in listed[form]}) != 1:
            continue  # "strike" (a protest) and "struck" (an attack): left as listed
        verbs = [form for form in forms if form.endswith("ed")]
        if not verbs:  # a noun or a base form listed: its other forms are too often
            continue  # other words ("yields", "supplies", "according")
        for form in sorted(by_lemma.get(lemma, [])):
            if form not in listed and form.endswith(("ing", "s")) and form not in AMBIGUOUS:
                out.append((form, min(verbs)))
    return sorted(out)


def build(data: Path = DATA) -> int:
    table = lookups_table("en_lemma_lookup")
    lexicon = tomllib.loads((data / "events.toml").read_text(encoding="utf-8"))
    listed: dict[str, set[str]] = defaultdict(set)
    for entry in lexicon.get("trigger", []):
        for form in entry.get("forms", []):
            if " " not in form.strip() and "…" not in form:
                listed[form.lower()].add(entry["type"])
    for phrase in lexicon.get("settings", {}).get("ignore", []):
        if " " not in phrase:
            listed[phrase.lower()].add("-")
    pairs = sibling_forms(listed, table)
    (data / "trigger_forms.tsv").write_text(
        HEADER + "".join(f"{form}\t{anchor}\n" for form, anchor in pairs), encoding="utf-8")
    return len(pairs)


def main(args) -> int:
    print(f"{build()} forms -> {DATA / 'trigger_forms.tsv'}")
    return 0
