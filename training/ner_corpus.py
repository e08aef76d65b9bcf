"""The German name corpus: standoff PER/LOC/ORG/OTH spans by the GermEval 2014 rules.

``training/ner_de/*.jsonl`` holds one line per labelled sentence: where it is
(``corpus``, ``doc``, ``start``, ``end`` and the ``sha1`` of its text, as in
events_corpus) or, for sentences the team wrote, ``corpus: "own"`` and the ``text``
whole; ``spans`` lists the outer names as ``[start, end, label]`` character offsets
(``shared/gold/NER-GUIDE.md``: derived words and compounds with a name inside are no
name). ``python -m training ner-candidates OUT.jsonl`` writes the UD German sentences
with the current model's names as a first guess; ``ner-check`` checks labelled files.
"""

from __future__ import annotations

import json
from pathlib import Path

from .events_corpus import UD_FILES, Sources, _ud_sentences, sentence_text, sha1

LABELS = Path(__file__).resolve().parent / "ner_de"
NAME_LABELS = ("PER", "LOC", "ORG", "OTH")


def problems(record: dict, text: str) -> list[str]:
    out, last = [], 0
    for span in sorted(record.get("spans", []), key=lambda s: (s[0], s[1]) if
                       isinstance(s, list) and len(s) == 3 else (0, 0)):
        if not isinstance(span, list) or len(span) != 3 or span[2] not in NAME_LABELS:
            out.append(f"bad span {span!r}")
            continue
        start, end, _ = span
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            out.append(f"span {span!r} outside the sentence")
        elif start < last:
            out.append(f"span {span!r} overlaps the one before")
        elif text[start:end] != text[start:end].strip():
            out.append(f"span {span!r} starts or ends with a space")
        else:
            last = end
    return out


def load(paths: list[Path] | None = None) -> list[dict]:
    """Every labelled sentence with its ``text`` joined in, checked."""
    sources, out = Sources(), []
    for path in paths or sorted(LABELS.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            text = sentence_text(record, sources)
            bad = problems(record, text)
            if bad:
                raise ValueError(f"{path.name}:{number}: " + "; ".join(bad))
            out.append(dict(record, text=text))
    return out


def write_candidates(out: Path) -> int:
    """The UD German sentences, each with the shipped model's names as ``guess``."""
    from lagebild.pipeline import Pipeline

    records = [{"corpus": corpus, "doc": sent_id, "start": 0, "end": len(text),
                "sha1": sha1(text), "text": text}
               for corpus, path in UD_FILES.items() for sent_id, text in _ud_sentences(path)]
    nlp = Pipeline().nlp("de")
    with out.open("w", encoding="utf-8") as handle:
        for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
            record["guess"] = [[e.start_char, e.end_char, "OTH" if e.label_ == "MISC"
                                else e.label_] for e in doc.ents
                               if e.label_ in ("PER", "LOC", "ORG", "MISC")]
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(records)


def check(paths: list[Path]) -> int:
    status = 0
    for path in paths:
        try:
            records = load([path])
        except (ValueError, KeyError, json.JSONDecodeError) as error:
            print(f"{path}: {error}")
            status = 1
            continue
        names = sum(len(r.get("spans", [])) for r in records)
        print(f"{path}: {len(records)} sentences, {names} names")
    return status


def agreement() -> int:
    """Exact-span agreement of each second labelling (``ner_de/second/``) with the first:
    F1 on PER/LOC/ORG (the GermEval score) and on all four labels."""
    first = {(r["corpus"], r["doc"], r.get("start", 0)): r for r in load()}
    for path in sorted((LABELS / "second").glob("*.jsonl")):
        pairs = [(first[k], r) for r in load([path])
                 if (k := (r["corpus"], r["doc"], r.get("start", 0))) in first]
        print(f"{path.name}: {len(pairs)} sentences labelled twice")
        for name, labels in (("PER/LOC/ORG", {"PER", "LOC", "ORG"}),
                             ("all four", set(NAME_LABELS))):
            a = [{tuple(s) for s in x["spans"] if s[2] in labels} for x, _ in pairs]
            b = [{tuple(s) for s in y["spans"] if s[2] in labels} for _, y in pairs]
            same = sum(len(x & y) for x, y in zip(a, b, strict=True))
            total = sum(map(len, a)) + sum(map(len, b))
            print(f"  {name}: F1 {2 * same / total if total else 0:.3f} "
                  f"({sum(map(len, a))} and {sum(map(len, b))} names, {same} the same)")
    return 0
