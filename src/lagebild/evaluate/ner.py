"""Exact-span NER scoring on CoNLL / GermEval-style files.

Gold and predicted labels are both mapped to PER, LOC, ORG, MISC so that corpora
with other inventories (GermEval's OTH, *deriv, *part) compare with lagebild's
output. A span counts only when its start, end and label all match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .metrics import prf

LABELS = ("PER", "LOC", "ORG", "MISC")
CORE_LABELS = ("PER", "LOC", "ORG")

Span = tuple[int, int, str]  # token start, token end (exclusive), label


def map_label(label: str) -> str | None:
    """Coarse label for a raw type, or None when it is not a named entity for us.

    GermEval's derived forms ("deutsche": LOCderiv) and name parts ("EU-weit":
    ORGpart) are not entities in lagebild, and OTH is called MISC.
    """
    label = label.strip()
    if not label or label.endswith(("deriv", "part")):
        return None
    label = label.upper()
    aliases = {"OTH": "MISC", "PERSON": "PER", "GPE": "LOC", "LOCATION": "LOC",
               "ORGANIZATION": "ORG", "ORGANISATION": "ORG"}
    label = aliases.get(label, label)
    return label if label in LABELS else None


def bio_to_spans(
    tags: Sequence[str], mapper: Callable[[str], str | None] = map_label
) -> list[Span]:
    """Spans from BIO/IOB1 tags; an I- that does not continue its type starts a span."""
    spans: list[Span] = []
    start, current = 0, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, raw = tag.partition("-") if tag not in ("O", "", "_") else ("O", "", "")
        label = mapper(raw) if prefix in ("B", "I", "E", "S") else None
        continues = prefix in ("I", "E") and label is not None and label == current
        if current is not None and not continues:
            spans.append((start, i, current))
            current = None
        if label is not None and current is None:
            start, current = i, label
    return spans


@dataclass
class ConllSentence:
    """One sentence of a CoNLL-style file: its tokens and outer-level BIO tags."""

    words: list[str]
    tags: list[str]


def read_conll(path: str | Path) -> list[ConllSentence]:
    """Sentences of a GermEval TSV (idx, token, outer, inner) or a CoNLL file (token ... tag).

    GermEval files start a sentence with a ``#`` line; CoNLL files use the last
    column that reads as a tag (``O``, ``B-…``, ``I-…``), so that a trailing column of
    zeros ("EU B-ORG 0", as some CoNLL-2003 copies have) is passed over.
    ``-DOCSTART-`` lines and ``#`` comments are skipped.
    """
    sentences: list[ConllSentence] = []
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if words:
            sentences.append(ConllSentence(list(words), list(tags)))
        words.clear()
        tags.clear()

    germeval = None  # decided by the first line: GermEval files open with "#<TAB>url"
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\r\n")
            if not line.strip():
                flush()
                continue
            if germeval is None:
                germeval = line.startswith("#\t")
            if line.startswith("-DOCSTART-") or (
                line.startswith("#") and ("\t" in line or line.startswith("# "))
            ):
                flush()
                continue
            if germeval:
                cols = line.split("\t")
                if len(cols) >= 3:
                    words.append(cols[1])
                    tags.append(cols[2].strip())
                continue
            cols = [c for c in re.split(r"[\t ]", line) if c.strip()]
            if len(cols) >= 2:
                words.append(cols[0])
                tags.append(_tag_column(cols[1:]))
    flush()
    return sentences


_TAG = re.compile(r"^(O|[BIES]-\S+)$")


def _tag_column(columns: list[str]) -> str:
    """The last column that reads as a BIO tag; the last column when none does."""
    for column in reversed(columns):
        if _TAG.match(column.strip()):
            return column.strip()
    return columns[-1].strip()


@dataclass
class LabelScore:
    """Counts and P/R/F1 for one label (or for a group of labels)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return prf(self.tp, self.tp + self.fp, self.tp + self.fn)[2]

    def to_dict(self) -> dict:
        return {**asdict(self), "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class NerScores:
    """Per-label scores, micro over all labels, and micro over PER/LOC/ORG."""

    per_label: dict[str, LabelScore] = field(default_factory=dict)
    micro: LabelScore = field(default_factory=LabelScore)
    micro_core: LabelScore = field(default_factory=LabelScore)
    sentences: int = 0
    tokens: int = 0

    def to_dict(self) -> dict:
        return {
            "per_label": {k: v.to_dict() for k, v in self.per_label.items()},
            "micro": self.micro.to_dict(),
            "micro_core": self.micro_core.to_dict(),
            "sentences": self.sentences,
            "tokens": self.tokens,
        }

    def table(self) -> str:
        """Plain-text table, one row per label, for logs and docs."""
        rows = [f"{'label':<10}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}{'pred':>7}"]
        items = list(self.per_label.items())
        items += [("PER+LOC+ORG", self.micro_core), ("all", self.micro)]
        for name, s in items:
            rows.append(f"{name:<10}{s.precision:>8.4f}{s.recall:>8.4f}{s.f1:>8.4f}"
                        f"{s.tp + s.fn:>7}{s.tp + s.fp:>7}")
        return "\n".join(rows)


def score_spans(
    gold: Iterable[Iterable[Span]],
    predicted: Iterable[Iterable[Span]],
    labels: Sequence[str] = LABELS,
) -> NerScores:
    """Exact-match scores for parallel lists of per-sentence span sets."""
    scores = NerScores(per_label={label: LabelScore() for label in labels})
    core = [label for label in CORE_LABELS if label in labels]
    for gold_spans, pred_spans in zip(gold, predicted, strict=True):
        gold_set = {s for s in gold_spans if s[2] in scores.per_label}
        pred_set = {s for s in pred_spans if s[2] in scores.per_label}
        scores.sentences += 1
        for span in gold_set & pred_set:
            scores.per_label[span[2]].tp += 1
        for span in pred_set - gold_set:
            scores.per_label[span[2]].fp += 1
        for span in gold_set - pred_set:
            scores.per_label[span[2]].fn += 1
    for label, s in scores.per_label.items():
        for total in [scores.micro] + ([scores.micro_core] if label in core else []):
            total.tp += s.tp
            total.fp += s.fp
            total.fn += s.fn
    return scores


def predict_spans(nlp, words: Sequence[str]) -> list[Span]:
    """Run every pipe of ``nlp`` on the gold tokens and read back mapped entity spans."""
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=list(words))
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    spans = []
    for ent in doc.ents:
        label = map_label(ent.label_)
        if label is not None:
            spans.append((ent.start, ent.end, label))
    return spans


def evaluate_conll(
    path: str | Path,
    nlp,
    *,
    select: slice | None = None,
    labels: Sequence[str] = LABELS,
) -> NerScores:
    """Score ``nlp`` on a CoNLL/GermEval file with the file's own tokenisation.

    ``select`` picks sentences in file order (``slice(1700, 2200)`` is GermEval
    dev sentences 1,701-2,200), so a held-out part can be scored on its own.
    """
    sentences = read_conll(path)
    if select is not None:
        sentences = sentences[select]
    gold = [bio_to_spans(s.tags) for s in sentences]
    predicted = [predict_spans(nlp, s.words) for s in sentences]
    scores = score_spans(gold, predicted, labels)
    scores.tokens = sum(len(s.words) for s in sentences)
    return scores


# --- CoNLL-2003 English validation, as lagebild runs it ---------------------------------

CONLL_EN_VALID = (Path(__file__).resolve().parents[3].parent / "shared" / "data"
                  / "conll2003_en" / "valid.txt")
#: validation sentences in file order: the part the English recipe was tuned on, the part
#: held out from all tuning (training/english.py), and both
CONLL_EN_PARTS = {"tuned": slice(0, 1625), "held-out": slice(1625, 3250), "all": None}


def conll_en_scores(nlp, path: str | Path = CONLL_EN_VALID) -> dict[str, NerScores]:
    """CoNLL-2003 English validation scored with ``nlp`` on each part (tuned, held-out, all)."""
    sentences = read_conll(path)
    gold = [bio_to_spans(s.tags) for s in sentences]
    predicted = [predict_spans(nlp, s.words) for s in sentences]
    results = {}
    for part, select in CONLL_EN_PARTS.items():
        chosen = slice(None) if select is None else select
        scores = score_spans(gold[chosen], predicted[chosen])
        scores.tokens = sum(len(s.words) for s in sentences[chosen])
        results[part] = scores
    return results


def main(argv: list[str] | None = None) -> int:
    import argparse
    import json

    parser = argparse.ArgumentParser(
        description="Exact-span NER scores on CoNLL-2003 English validation, as lagebild "
                    "runs its English pipeline (gazetteers in front of the model)")
    parser.add_argument("--lang", choices=["en"], default="en")
    parser.add_argument("--data", type=Path, default=CONLL_EN_VALID,
                        help="CoNLL-2003 validation file (token, tag per line)")
    parser.add_argument("--model-alone", action="store_true",
                        help="score the trained model without the gazetteer stage")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        parser.error(f"no such file: {args.data}")
    from ..lang import get_pack
    from ..nlp import build_nlp

    pack = get_pack(args.lang)
    if args.model_alone:
        import spacy

        nlp = spacy.load(pack.model_dir)
    else:
        nlp = build_nlp(pack)
    results = conll_en_scores(nlp, args.data)
    if args.json:
        print(json.dumps({part: s.to_dict() for part, s in results.items()}, indent=1))
        return 0
    titles = {"tuned": "sentences 1-1,625 (tuned on)",
              "held-out": "sentences 1,626-3,250 (held out)", "all": "all 3,250 sentences"}
    for part, scores in results.items():
        print(f"CoNLL-2003 English validation, {titles[part]}:")
        print(scores.table())
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
