"""Quotes and their speakers scored on PolNeAR, English political news with attributions.

PolNeAR (``../shared/data/polnear_en``; brat standoff, source / cue / content of every
attribution in 2016 US election news) marks far more than quotes: beliefs, plans,
reports and nominal attributions ("his claim that …"). The scores read it the way a
user reads lagebild's quotes:

- a quote is *found* where its text and a gold content overlap by at least half of
  each (quote marks, "that" and the final stop are not counted against it);
- its *speaker is right* where the speaker's words overlap the gold source (a pronoun
  counts as it stands: "he" for "he");
- precision is over lagebild's quotes, recall over the gold attributions with a verb cue
  of the pack (``cued``: what the finder is meant to find) and over all of them.

The dev split is the part rules are written on; the train split (840 articles, 919
annotations: an article annotated twice counts once per annotation) is never read and
gives the figure to trust.

Run: ``python -m lagebild.evaluate.quotes [--split dev|train] [--data DIR] [--limit N]``.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path

from .metrics import f1, prf

DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "polnear_en"
#: share of both spans the overlap must cover for a quote to count as found
MIN_OVERLAP = 0.5


@dataclass(frozen=True)
class Attribution:
    content: tuple[int, int]
    source: tuple[int, int] | None
    cue: str


@dataclass
class QuoteScores:
    articles: int = 0
    gold: int = 0
    cued: int = 0  # gold attributions whose cue is a verb of saying of the pack
    predicted: int = 0
    found: int = 0  # quotes that match a gold content
    found_cued: int = 0  # gold attributions with a verb cue found
    speaker_right: int = 0  # found quotes whose speaker overlaps the gold source
    speaker_right_cued: int = 0  # the same, of the attributions with a verb cue
    missed: list = field(default_factory=list)  # (text, attribution) with a verb cue

    def rows(self) -> list[tuple[str, float, float, float, float]]:
        """(figure, P, R over all gold, R over verb cues, F1 over verb cues)."""
        rows = []
        for name, right, right_cued in (("quote", self.found, self.found_cued),
                                        ("quote + speaker", self.speaker_right,
                                         self.speaker_right_cued)):
            p, r_all, _ = prf(right, self.predicted, self.gold)
            r_cued = right_cued / self.cued if self.cued else 0.0
            rows.append((name, p, r_all, r_cued, f1(p, r_cued)))
        return rows


def _span(field_text: str) -> tuple[int, int]:
    """The outer span of a brat text-bound field ("115 200;210 290" -> 115, 290)."""
    numbers = [int(n) for n in re.findall(r"\d+", field_text)]
    return min(numbers), max(numbers)


def read_attributions(path: Path) -> list[Attribution]:
    """The attribution relations of one brat ``.ann`` file."""
    spans: dict[str, tuple[int, int]] = {}
    texts: dict[str, str] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            spans[parts[0]] = _span(parts[1].split(" ", 1)[1])
            texts[parts[0]] = parts[2]
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    found = []
    for relation in relations:
        content = relation.get("Content")
        if content not in spans:
            continue
        source = relation.get("Source")
        found.append(Attribution(spans[content], spans.get(source),
                                 texts.get(relation.get("Cue", ""), "")))
    return found


def read_split(data: Path, split: str) -> list[tuple[str, list[Attribution]]]:
    """(text, attributions) of every annotation of a split (``<article>_<annotator>.ann``)."""
    articles = []
    for ann in sorted((data / split / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        text_path = data / split / "text" / f"{stem}.txt"
        if text_path.is_file():
            articles.append((text_path.read_text(encoding="utf-8"), read_attributions(ann)))
    return articles


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _core(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A content span without its quote marks, a leading "that" and the final stop."""
    start, end = span
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip(" \"'“”‘’`"))
    if chunk[lead:lead + 5].lower() == "that ":
        lead += 5
    trail = len(chunk) - len(chunk.rstrip(" \"'“”‘’`.,"))
    return start + lead, max(start + lead, end - trail)


def _matches(text: str, quote: tuple[int, int], gold: tuple[int, int]) -> bool:
    quote, gold = _core(text, quote), _core(text, gold)
    shared = _overlap(quote, gold)
    return shared >= MIN_OVERLAP * (quote[1] - quote[0]) and \
        shared >= MIN_OVERLAP * (gold[1] - gold[0]) and shared > 0


def score(articles: list[tuple[str, list[Attribution]]], pipeline, verbs: set[str]) -> QuoteScores:
    scores = QuoteScores()
    documents = pipeline.pipe({"text": text, "lang": "en"} for text, _ in articles)
    for (text, gold), document in zip(articles, documents, strict=True):
        scores.articles += 1
        scores.gold += len(gold)
        cued = [g for g in gold if set(g.cue.lower().split()) & verbs]
        scores.cued += len(cued)
        scores.predicted += len(document.quotes)
        used: set[int] = set()
        for quote in document.quotes:
            hit = next((n for n, g in enumerate(gold) if n not in used
                        and _matches(text, (quote.start, quote.end), g.content)), None)
            if hit is None:
                continue
            used.add(hit)
            scores.found += 1
            attribution = gold[hit]
            speaker = quote.speaker
            right = speaker is not None and attribution.source is not None and _overlap(
                (speaker.start, speaker.end), attribution.source) > 0
            scores.speaker_right += right
            if attribution in cued:
                scores.found_cued += 1
                scores.speaker_right_cued += right
        scores.missed += [(text, g) for n, g in enumerate(gold) if n not in used and g in cued]
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="the polnear_en folder (with dev/ and train/)")
    parser.add_argument("--split", choices=["dev", "train"], action="append")
    parser.add_argument("--limit", type=int, help="only the first N articles of each split")
    args = parser.parse_args(argv)
    from ..lang import get_pack
    from ..pipeline import Pipeline
    from ..quotes.finder import quote_finder

    pipeline = Pipeline({"languages": ("en",), "stages": ("entities", "actors", "quotes")})
    verbs = {v.lower() for v in quote_finder(get_pack("en")).verbs}
    for split in args.split or ["dev", "train"]:
        if not (args.data / split).is_dir():
            parser.error(f"no such folder: {args.data / split}")
        scores = score(read_split(args.data, split)[:args.limit], pipeline, verbs)
        print(f"PolNeAR {split}: {scores.articles} articles, {scores.gold} attributions "
              f"({scores.cued} with a verb cue), {scores.predicted} quotes")
        print(f"  {'':16} {'P':>6} {'R all':>7} {'R verb':>7} {'F1 verb':>8}")
        for name, p, r_all, r_cued, f in scores.rows():
            print(f"  {name:16} {p:6.3f} {r_all:7.3f} {r_cued:7.3f} {f:8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
