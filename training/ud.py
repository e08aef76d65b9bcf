"""UD German treebanks as spaCy Docs for the tagger and morphologizer.

Only GSD dev+test and PUD are used for training; LIT (CC BY-NC-SA) is read for
evaluation only. Multi-word tokens ("zum" = "zu dem") stay one token, as the
tokenizer produces them: POS from the first word, Case/Number from the last.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin

from .corpora import DATA

FEATURES = ("Case", "Number")
TRAIN_FILES = [
    DATA / "ud_german_gsd" / "de_gsd-ud-dev.conllu",
    DATA / "ud_german_gsd" / "de_gsd-ud-test.conllu",
    DATA / "ud_german_pud" / "de_pud-ud-test.conllu",
]
# PUD's XPOS column holds Penn-style tags (NN, DT, VBC), not STTS: leave them out.
STTS_FILES = {"de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu", "de_lit-ud-test.conllu"}
EVAL_FILE = DATA / "ud_german_lit" / "de_lit-ud-test.conllu"


def _morph(feats: str) -> str:
    kept = [f for f in feats.split("|") if f.split("=")[0] in FEATURES] if feats != "_" else []
    return "|".join(kept)


def tokens(path: Path) -> Iterator[list[tuple[str, bool, list[list[str]]]]]:
    """Each sentence's tokens as the tokenizer makes them: form, whether a space follows,
    and the rows of its words (one, or several for a multi-word token: "zum" = "zu dem");
    empty nodes left out."""
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        rows = [line.split("\t") for line in block.splitlines()
                if line and not line.startswith("#")]
        rows = [row for row in rows if "." not in row[0]]  # no empty nodes
        out, i = [], 0
        while i < len(rows):
            row, parts = rows[i], [rows[i]]
            if "-" in row[0]:
                first, last = (int(x) for x in row[0].split("-"))
                parts = rows[i + 1:i + 2 + last - first]
                i += 1 + last - first
            out.append((row[1], "SpaceAfter=No" not in row[9], parts))
            i += 1
        if out:
            yield out


def read_conllu(path: Path, vocab) -> list[Doc]:
    """Docs with words, spaces, POS, STTS tag and Case/Number morphology."""
    docs = []
    for sentence in tokens(path):
        words, spaces, pos, tags, morphs = [], [], [], [], []
        for form, space, parts in sentence:
            words.append(form)
            spaces.append(space)
            pos.append(parts[0][3])
            if len(parts) > 1:
                xpos = [p[4] for p in parts]
                tags.append("APPRART" if xpos[0] == "APPR" and parts[-1][3] == "DET"
                            else xpos[0])
            else:
                tags.append(parts[0][4])
            morphs.append(_morph(parts[-1][5]))
        if path.name not in STTS_FILES:
            tags = [""] * len(words)
        docs.append(Doc(vocab, words=words, spaces=spaces, pos=pos, tags=tags, morphs=morphs))
    return docs


def build_tagger(out_dir: Path, vocab, seed: int, repeat: int = 4,
                 dev_share: float = 0.1) -> dict:
    """Write train/ud.spacy and dev/ud.spacy (random split of GSD dev+test and PUD).

    The UD sentences are repeated so that they are not swamped by the much
    larger NER mix they are trained with.
    """
    for part in ("train", "dev"):
        (out_dir / part).mkdir(parents=True, exist_ok=True)
    docs = [doc for path in TRAIN_FILES for doc in read_conllu(path, vocab)]
    random.Random(seed).shuffle(docs)
    n_dev = int(len(docs) * dev_share)
    attrs = ["ORTH", "POS", "TAG", "MORPH"]
    DocBin(docs=docs[n_dev:] * repeat, attrs=attrs).to_disk(out_dir / "train" / "ud.spacy")
    DocBin(docs=docs[:n_dev], attrs=attrs).to_disk(out_dir / "dev" / "ud.spacy")
    return {"train_sentences": len(docs) - n_dev, "repeat": repeat, "dev_sentences": n_dev,
            "train_tokens": sum(len(d) for d in docs[n_dev:])}


def evaluate_tagger(nlp, path: Path = EVAL_FILE) -> dict:
    """UPOS and STTS accuracy, and Case / Number accuracy where the gold token has the feature.

    LIT annotates morphology sparsely (many nouns carry no Number), so whole-string
    morphology matches would count every extra predicted feature as an error.
    """
    gold_docs = read_conllu(path, nlp.vocab)
    right = {"pos": 0, "tag": 0, "Case": 0, "Number": 0}
    seen = {"pos": 0, "tag": 0, "Case": 0, "Number": 0}
    for gold in gold_docs:
        doc = Doc(nlp.vocab, words=[t.text for t in gold],
                  spaces=[bool(t.whitespace_) for t in gold])
        for _, pipe in nlp.pipeline:
            doc = pipe(doc)
        for g, p in zip(gold, doc, strict=True):
            seen["pos"] += 1
            right["pos"] += g.pos_ == p.pos_
            if g.tag_:
                seen["tag"] += 1
                right["tag"] += g.tag_ == p.tag_
            for feature in FEATURES:
                value = g.morph.get(feature)
                if value:
                    seen[feature] += 1
                    right[feature] += p.morph.get(feature) == value
    return {"tokens": seen["pos"], **{k.lower(): right[k] / seen[k] for k in right if seen[k]},
            "case_tokens": seen["Case"], "number_tokens": seen["Number"]}
