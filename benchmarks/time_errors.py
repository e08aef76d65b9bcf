"""Value errors of the time tagger on TimeML files, listed and counted by category.

    python benchmarks/time_errors.py ../shared/data/krauts/KRAUTS_Dolomiten-100 --lang de
    python benchmarks/time_errors.py ../shared/data/tempeval3_en/TBAQ-cleaned/TimeBank --lang en

Each gold TIMEX3 is matched to an overlapping prediction as the scorer does
(``lagebild.evaluate.timeml.score``); wrong values, misses and false alarms are
printed with the creation date, and counted by a rough category read off the
gold and predicted values (granularity, reference date, duration vs date ...).
``--only CATEGORY`` prints one category, ``--counts`` the counts only.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from lagebild.evaluate.timeml import align, lagebild_system, read_corpus

_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_DATEISH = re.compile(r"^\d{4}(-|$)|^\d{2,3}$")


def granularity(value: str) -> str:
    if value.startswith("P"):
        return "duration"
    if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return "ref"
    if "T" in value and _DAY.match(value[:10]):
        return "time"
    if _DAY.match(value):
        return "day"
    if re.match(r"^\d{4}-W\d\d", value):
        return "week"
    if re.match(r"^\d{4}-(Q|H|SP|SU|FA|WI)", value):
        return "quarter/season"
    if re.match(r"^\d{4}-\d\d$", value):
        return "month"
    if re.match(r"^\d{4}$", value):
        return "year"
    if re.match(r"^\d{2,3}$", value):
        return "decade/century"
    return "other"


def category(gold: str, pred: str) -> str:
    g, p = granularity(gold), granularity(pred)
    if "X" in gold and not gold.startswith("P"):
        return f"gold underspecified ({g})"
    if g != p:
        return f"{g} -> {p}"
    if g == "duration":
        return "duration amount/unit"
    if g in ("day", "time", "week", "month", "year"):
        return f"{g}: other reference"
    return f"{g}: other"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--lang", required=True)
    parser.add_argument("--only")
    parser.add_argument("--counts", action="store_true")
    args = parser.parse_args()
    docs = read_corpus(args.paths)
    predict = lagebild_system(args.lang)
    counts: Counter = Counter()
    lines: list[tuple[str, str]] = []
    for doc in docs:
        predictions = predict(doc)
        matched: set[int] = set()
        for (start, end, type_, value), best in align(doc, predictions):
            text = doc.text[start:end].replace("\n", " ")
            if best is None:
                cat = "false alarm"
                counts[cat] += 1
                ctx = doc.text[max(0, start - 60):end + 40].replace("\n", " ")
                lines.append((cat, f"{doc.name} dct={doc.dct} [{text}] {type_} {value} | {ctx}"))
                continue
            matched.add(best)
            g = doc.gold[best]
            if g.value == value:
                counts["ok"] += 1
                continue
            cat = category(g.value, value)
            counts[cat] += 1
            ctx = doc.text[max(0, g.start - 80):g.end + 50].replace("\n", " ")
            lines.append((cat, f"{doc.name} dct={doc.dct} gold [{g.text}] {g.type} {g.value}"
                               f" | ours [{text}] {type_} {value} | {ctx}"))
        for i, g in enumerate(doc.gold):
            if i in matched:
                continue
            cat = f"miss ({granularity(g.value)})"
            counts[cat] += 1
            ctx = doc.text[max(0, g.start - 60):g.end + 40].replace("\n", " ")
            lines.append((cat, f"{doc.name} dct={doc.dct} [{g.text}] {g.type} {g.value} | {ctx}"))
    if not args.counts:
        for cat, line in sorted(lines, key=lambda x: x[0]):
            if args.only is None or cat.startswith(args.only):
                print(f"{cat:28} {line}")
    total_gold = sum(len(d.gold) for d in docs)
    print(f"\n{len(docs)} docs, {total_gold} gold")
    for cat, n in counts.most_common():
        print(f"{n:5}  {cat}")


if __name__ == "__main__":
    main()
