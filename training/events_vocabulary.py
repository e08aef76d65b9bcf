"""Measure the written German event vocabulary on the event corpus's train part.

``training/events_vocabulary/*.tsv`` hold words and phrases of the sixteen PLOVER types
written from the manual's definitions and knowledge of German news, not from labelled
sentences: type, mode, the lemma as ``events.toml`` writes it, a risk ("low": almost
always the act; "high": often another sense) and an example the team made up.
``python -m training events-vocabulary`` looks each entry up in the train part's
sentences as the events layer looks up its lexicon, and prints how often it matches, how
often a gold trigger of its type lies under the match and how often one of another type,
and whether the rule takes it: an entry that never matches where its risk is low, one
whose matches are at least half gold triggers of its type. ``events.toml`` holds those
taken (its block "vocabulary written per PLOVER type"), less those it had already, a few
read again by hand (weapons and persons name no act) and the phrases that hold a word the
lexicon already has for the same type ("Vorstoß … begrüßen" would take the object away
from "begrüßen").
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path

from .events_corpus import load
from .events_measure import part_of

FOLDER = Path(__file__).resolve().parent / "events_vocabulary"
LEXICON = Path(__file__).resolve().parent.parent / "src" / "lagebild" / "lang" / "de" / "data" \
    / "events.toml"


def entries() -> list[tuple[str, str, str, str]]:
    """Type, mode, lemma and risk of every written entry."""
    out = []
    for path in sorted(FOLDER.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 4 and parts[0].isupper():
                out.append((parts[0], parts[1], parts[2], parts[3]))
    return out


def taken(risk: str, matches: int, same: int) -> bool:
    """The rule: never seen and low in risk, or gold triggers of its type at least half
    the times it matches."""
    return risk == "low" if matches == 0 else same / matches >= 0.5


def candidate_lexicon(written: list[tuple[str, str, str, str]], folder: Path):
    """A lexicon of the written entries alone, with the shipped settings; each entry its
    own trigger, its index kept as the mode."""
    from lagebild.events.lexicon import EventLexicon
    from lagebild.lang import get_pack
    from lagebild.lang.lemmas import lemmatizer

    text = LEXICON.read_text(encoding="utf-8")
    head = text[:text.index("[[trigger]]")].replace("[model]", "[unused_model]")
    body = [f'[[trigger]]\ntype = "{kind}"\nmode = "c{k}"\n'
            f"lemmas = [{json.dumps(lemma, ensure_ascii=False)}]\n"
            for k, (kind, _, lemma, _) in enumerate(written)]
    path = folder / "events.toml"
    path.write_text(head + "\n".join(body), encoding="utf-8")
    table = lemmatizer(get_pack("de").data_dir)
    return EventLexicon(path, table.is_word, table.lemma, min(table.noun_tags, default=""))


def measure(written: list[tuple[str, str, str, str]]) -> list[Counter]:
    """Per entry: its matches in the train part, and the gold triggers under them."""
    from lagebild.events import coder as coder_module
    from lagebild.pipeline import Pipeline

    seen: dict = {}
    code = coder_module._EventCoder.code

    def keep_doc(self):
        seen["doc"] = self.doc
        return code(self)

    counts = [Counter() for _ in written]
    with tempfile.TemporaryDirectory() as folder:
        lexicon = candidate_lexicon(written, Path(folder))
        pipeline = Pipeline()
        coder_module._EventCoder.code = keep_doc
        try:
            for record in (r for r in load() if part_of(r) == "train"):
                seen.clear()
                pipeline({"text": record["text"], "lang": "de"})
                doc = seen.get("doc")
                if doc is None:
                    continue
                for match in lexicon.find(doc):
                    start = doc[match.start].idx
                    end = doc[match.last - 1].idx + len(doc[match.last - 1])
                    under = [e for e in record["events"]
                             if e["trigger"][0] < end and start < e["trigger"][1]]
                    count = counts[int(match.trigger.mode[1:])]
                    count["matches"] += 1
                    count["same"] += any(e["type"] == match.trigger.type for e in under)
                    count["other"] += bool(under) and not any(
                        e["type"] == match.trigger.type for e in under)
        finally:
            coder_module._EventCoder.code = code
    return counts


def main(args) -> int:
    written = entries()
    counts = measure(written)
    total = Counter()
    for (kind, mode, lemma, risk), count in zip(written, counts, strict=True):
        take = taken(risk, count["matches"], count["same"])
        total["taken"] += take
        total["seen"] += count["matches"] > 0
        print("\t".join([kind, mode, lemma, risk, str(count["matches"]), str(count["same"]),
                         str(count["other"]), "taken" if take else "left out"]))
    print(f"{len(written)} entries, {total['seen']} of them matched in the train part, "
          f"{total['taken']} taken by the rule")
    return 0
