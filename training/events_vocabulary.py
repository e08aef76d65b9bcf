"""Measure the written event vocabulary on the train part of a language's event corpus.

``training/events_vocabulary/LANG_*.tsv`` hold words and phrases of the sixteen PLOVER
types written from the manual's definitions and knowledge of the language's news, not
from labelled sentences, first type by type (``LANG_types_*``), then in a second and a
third pass subject area by subject area (politics and diplomacy; conflict, crime and
labour; society, economy, institutions and local news): type,
mode, the entry as the pack's ``events.toml`` writes it (a German lemma, an English word
form), a risk ("low": almost always the act; "high": often another sense) and an example
the team made up. ``python -m training events-vocabulary [--lang en]`` looks each entry up
in the train part's sentences (the German event corpus, the English Reuters sentences) as
the events layer looks up its lexicon, and prints how often it matches, how often a gold
trigger of its type lies under the match and how often one of another type, and whether
the rule takes it: an entry that never matches where its risk is low, one whose matches
are at least half gold triggers of its type. The packs' ``events.toml`` hold those taken
(the blocks "vocabulary written per PLOVER type", "forms written per PLOVER type" and
those of the later passes), less those they had already, a few read again by hand (weapons
and persons name no act; "Verfahren … gegen" is also a case dropped) and the phrases that
hold a word the lexicon already has for the same type ("Vorstoß … begrüßen" would take the
object away from "begrüßen").
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path

from .events_corpus import load
from .events_measure import part_of

FOLDER = Path(__file__).resolve().parent / "events_vocabulary"
PACKS = Path(__file__).resolve().parent.parent / "src" / "lagebild" / "lang"


def lexicon_path(lang: str) -> Path:
    return PACKS / lang / "data" / "events.toml"


def entries(lang: str = "de") -> list[tuple[str, str, str, str]]:
    """Type, mode, entry and risk of every written entry of a language."""
    out = []
    for path in sorted(FOLDER.glob(f"{lang}_*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 4 and parts[0].isupper():
                out.append((parts[0], parts[1], parts[2], parts[3]))
    return out


def taken(risk: str, matches: int, same: int) -> bool:
    """The rule: never seen and low in risk, or gold triggers of its type at least half
    the times it matches."""
    return risk == "low" if matches == 0 else same / matches >= 0.5


def candidate_lexicon(written: list[tuple[str, str, str, str]], folder: Path, lang: str):
    """A lexicon of the written entries alone, with the shipped settings; each entry its
    own trigger, its index kept as the mode."""
    from lagebild.events.lexicon import lexicon_with_lemmas

    text = lexicon_path(lang).read_text(encoding="utf-8")
    head = text[:text.index("[[trigger]]")].replace("[model]", "[unused_model]")
    data = lexicon_path(lang).parent
    key = "lemmas" if (data / "lemmas.toml").is_file() else "forms"  # as the pack reads words
    body = [f'[[trigger]]\ntype = "{kind}"\nmode = "c{k}"\n'
            f"{key} = [{json.dumps(entry, ensure_ascii=False)}]\n"
            for k, (kind, _, entry, _) in enumerate(written)]
    path = folder / "events.toml"
    path.write_text(head + "\n".join(body), encoding="utf-8")
    return lexicon_with_lemmas(path, data)


def measure(written: list[tuple[str, str, str, str]], lang: str = "de") -> list[Counter]:
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
        lexicon = candidate_lexicon(written, Path(folder), lang)
        pipeline = Pipeline()
        coder_module._EventCoder.code = keep_doc
        try:
            for record in (r for r in load(lang=lang) if part_of(r) == "train"):
                seen.clear()
                pipeline({"text": record["text"], "lang": lang})
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
    written = entries(args.lang)
    counts = measure(written, args.lang)
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
