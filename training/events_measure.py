"""Measure on the event corpus: annotator agreement, and the pipeline's events by part.

``python -m training events-agreement``: the second labellings in ``events_de/second/``
and ``events_de_news/second/`` against the first, by the matching rule of
``shared/gold/score_events.py`` (type + actor country + recipient country; a side
without a country constrains nothing).

``python -m training events-score [--part train|test|all] [--lang de|en] [--in-story]``:
the pipeline on a language's corpus sentences, P/R/F1 by the same rule. Documents are
split by a hash of their id (``part_of``) so that the trigger model trains on one part
and is measured on the other; the dev gold of the evaluation module is never among
them. Each sentence is read alone, or, with ``--in-story``, within the labelled
sentences of its story or document, as lagebild reads an article (an earlier sentence
names the country, the person "er" is).

``python -m training events-score --news [--part dev|held-out|all] [--in-story]``: the
same on the German newspaper sentences labelled for measuring (``events_de_news/``),
whose articles are split in two halves by a hash of their id: "dev" to read the misses
of, "held-out" to be measured on only.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter

from lagebild.evaluate.metrics import f1

from .events_corpus import LABELS, NEWS_LABELS, language_of, load, load_news

PARTS = ("train", "test")
NEWS_PARTS = ("dev", "held-out")


def part_of(record: dict) -> str:
    """The corpus part of a labelled sentence: a fifth of the documents (of the stories,
    where sentences name theirs) are "test"; a translation is in its source's part."""
    document = record.get("story") or record.get("translated_from") or record["doc"]
    key = f"{record['corpus']}/{document}"
    return "test" if zlib.crc32(key.encode("utf-8")) % 5 == 0 else "train"


def news_part(record: dict) -> str:
    """The half of a measuring corpus's articles a labelled sentence is in."""
    key = f"{record['corpus']}/{record['doc']}"
    return NEWS_PARTS[zlib.crc32(key.encode("utf-8")) % 2]


def fold_of(record: dict) -> int:
    """Which fifth of a part's documents a labelled sentence belongs to, for the
    cross-validation of the models trained on the train part."""
    return zlib.crc32(record["doc"].encode("utf-8")) % 5


def guide_events(record: dict) -> list[dict]:
    """Events in the guide's format (type, actor and recipient countries, trigger text)."""
    text, out = record["text"], []
    for event in record.get("events", []):
        sides = {}
        for side in ("actor", "recipient"):
            value = event.get(side)
            if value is None:
                sides[side] = None
                continue
            span = value.get("span")
            sides[side] = {"text": text[span[0]:span[1]] if span else None,
                           "country": value.get("country"), "sector": value.get("sector")}
        start, end = event["trigger"]
        out.append({"type": event["type"], "trigger": text[start:end], **sides,
                    "modality": event.get("modality", "asserted")})
    return out


def _match(gold: list[dict], predicted: list[tuple[str, set, set]]) -> int:
    used: set[int] = set()
    found = 0
    for event in gold:
        actor = (event.get("actor") or {}).get("country")
        recipient = (event.get("recipient") or {}).get("country")
        for k, (kind, actors, recipients) in enumerate(predicted):
            if k in used or kind != event["type"] or (actor and actor not in actors) \
                    or (recipient and recipient not in recipients):
                continue
            used.add(k)
            found += 1
            break
    return found


def _as_predicted(events: list[dict]) -> list[tuple[str, set, set]]:
    def keys(side):
        return {side["country"]} if side and side.get("country") else set()
    return [(e["type"], keys(e.get("actor")), keys(e.get("recipient"))) for e in events]


def prf(found: int, gold: int, predicted: int, matched: int | None = None) -> str:
    matched = found if matched is None else matched
    p = matched / predicted if predicted else 0.0
    r = found / gold if gold else 0.0
    return (f"P {p:.3f}  R {r:.3f}  F1 {f1(p, r):.3f}  "
            f"({found} of {gold} gold found, {predicted} predicted)")


def agreement() -> int:
    """Agreement of each second labelling with the first one of the same sentences (of
    the training corpus and of the newspaper sentences for measuring)."""
    first = {(r["corpus"], r["doc"], r.get("start", 0)): r for r in (*load(), *load_news())}
    for path in sorted([*(LABELS / "second").glob("*.jsonl"),
                        *(NEWS_LABELS / "second").glob("*.jsonl")]):
        second = load([path])
        pairs = [(first[k], r) for r in second
                 if (k := (r["corpus"], r["doc"], r.get("start", 0))) in first]
        a = [guide_events(x) for x, _ in pairs]
        b = [guide_events(y) for _, y in pairs]
        a_in_b = sum(_match(x, _as_predicted(y)) for x, y in zip(a, b, strict=True))
        b_in_a = sum(_match(y, _as_predicted(x)) for x, y in zip(a, b, strict=True))
        n_a, n_b = sum(map(len, a)), sum(map(len, b))
        p = b_in_a / n_b if n_b else 0.0
        r = a_in_b / n_a if n_a else 0.0
        typed = sum(_match([{"type": e["type"]} for e in x], _as_predicted(y))
                    for x, y in zip(a, b, strict=True))
        same_any = sum(bool(x) == bool(y) for x, y in zip(a, b, strict=True))
        print(f"{path.name}: {len(pairs)} sentences, first {n_a} events, second {n_b}")
        print(f"  type + actor + recipient: F1 {f1(p, r):.3f}"
              f" (P {p:.3f} R {r:.3f}, the first labelling as gold)")
        print(f"  type alone: {typed} of {n_a} first events have a second of the same type")
        print(f"  event or none: the same on {same_any} of {len(pairs)} sentences")
    return 0


def documents(records: list[dict]) -> list[dict]:
    """Articles for the pipeline: one per labelled sentence, the source URL where known."""
    out = []
    for record in records:
        out.append({"id": f"{record['corpus']}/{record['doc']}/{record.get('start', 0)}",
                    "text": record["text"], **_source(record), "lang": language_of(record)})
    return out


def stories(records: list[dict]) -> list[tuple[dict, list[tuple[dict, int, int]]]]:
    """Articles for the pipeline, one per story (or document) of labelled sentences: its
    sentences in their order, a blank line between them, each with its character range."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for record in records:
        groups.setdefault((record["corpus"], record.get("story") or record["doc"]),
                          []).append(record)
    out = []
    for (corpus, story), members in groups.items():
        members.sort(key=lambda r: (int(re.sub(r"\D", "", r["doc"])[:12] or 0)
                                    if not r["doc"].startswith("http") else 0,
                                    r.get("start", 0)))
        text, spans = "", []
        for record in members:
            if text:
                text += "\n\n"
            spans.append((record, len(text), len(text) + len(record["text"])))
            text += record["text"]
        out.append(({"id": f"{corpus}/{story}", "text": text, **_source(members[0]),
                     "lang": language_of(members[0])}, spans))
    return out


def _source(record: dict) -> dict:
    """Where and when a labelled sentence's article appeared, where known: the URL a
    SmartData id begins with, else the record's own ``url`` and ``published``."""
    doc = record["doc"]
    url = doc.split("@", 1)[0] if doc.startswith("http") else record.get("url")
    return {"url": url, "published": record.get("published")}


def _read_alone(records: list[dict], pipeline):
    """(record, Document) for each sentence read alone."""
    return zip(records, pipeline.pipe(documents(records)), strict=True)


def _read_in_story(records: list[dict], pipeline):
    """(record, Document) for each sentence read within its story: the story's Document
    with the events whose trigger, or whose words told again (``retold``), lie in the
    sentence."""
    grouped = stories(records)
    for (_, spans), document in zip(grouped, pipeline.pipe([a for a, _ in grouped]),
                                    strict=True):
        for record, start, end in spans:
            events = [e for e in document.events if any(
                start <= told.start < end for told in (e.trigger, *e.retold))]
            yield record, document.model_copy(update={"events": events})


def score(part: str = "all", pipeline=None, lang: str = "de",
          in_story: bool = False, news: bool = False) -> dict[str, Counter]:
    """The pipeline's events against a language's corpus labels (``news``: the newspaper
    sentences labelled for measuring), per source corpus and in all; each sentence read
    alone or (``in_story``) within its story."""
    from lagebild.evaluate.events import match_sentence
    from lagebild.pipeline import Pipeline

    if news:
        records = [r for r in load_news() if part == "all" or news_part(r) == part]
    else:
        records = [r for r in load(lang=lang) if part == "all" or part_of(r) == part]
    pipeline = pipeline or Pipeline()
    counts: dict[str, Counter] = {}
    read = _read_in_story if in_story else _read_alone
    for record, document in read(records, pipeline):
        gold = guide_events(record)
        found, predicted = match_sentence(document, gold)
        for name in ("all", record["corpus"].split("/")[0]):
            c = counts.setdefault(name, Counter())
            c["gold"] += len(gold)
            c["predicted"] += predicted
            c["found"] += len(found)
            c["negatives"] += not gold
            c["false_on_negative"] += not gold and predicted > 0
    for name, c in counts.items():
        print(f"{part} {name:14} {prf(c['found'], c['gold'], c['predicted'])}; "
              f"{c['false_on_negative']}/{c['negatives']} event-free sentences with an event")
    return counts


#: the upper bounds of the confidence bins the calibration report prints
CONFIDENCE_BINS = (0.2, 0.4, 0.6, 0.8, 1.0)


def calibration(part: str = "test", pipeline=None, lang: str = "de") -> dict:
    """How well each event's ``confidence`` tells whether it is right (matches a gold event
    of its sentence by the scorer's rule): per bin of confidence the events, the share
    right and the mean confidence, and the Brier score (mean squared difference between
    confidence and rightness; 0 is perfect, 0.25 what a constant 0.5 earns)."""
    from lagebild.evaluate.events import matched_pairs
    from lagebild.pipeline import Pipeline

    records = [r for r in load(lang=lang) if part == "all" or part_of(r) == part]
    pipeline = pipeline or Pipeline()
    scored: list[tuple[float, bool]] = []
    for record, document in zip(records, pipeline.pipe(documents(records)), strict=True):
        used = {k for _, k in matched_pairs(document, guide_events(record))}
        scored += [(e.confidence, k in used) for k, e in enumerate(document.events)]
    brier = sum((c - y) ** 2 for c, y in scored) / max(1, len(scored))
    bins, low = [], 0.0
    for high in CONFIDENCE_BINS:
        inside = [(c, y) for c, y in scored if low <= c < high or high == 1.0 and c == 1.0]
        if inside:
            bins.append((low, high, len(inside), sum(y for _, y in inside) / len(inside),
                         sum(c for c, _ in inside) / len(inside)))
        low = high
    print(f"{part}: {len(scored)} events, Brier score {brier:.3f}")
    for low, high, n, right, mean in bins:
        print(f"  confidence {low:.1f}-{high:.1f}: {n:5} events, {right:.3f} right, "
              f"mean confidence {mean:.3f}")
    return {"brier": brier, "bins": bins, "events": len(scored)}


def main_score(args) -> int:
    if args.calibration:
        calibration(args.part, lang=args.lang)
        return 0
    parts = NEWS_PARTS if args.news else PARTS
    if args.part not in ("all", *parts):
        raise SystemExit(f"--part must be all or one of {', '.join(parts)}")
    score(args.part, lang=args.lang, in_story=args.in_story, news=args.news)
    return 0
