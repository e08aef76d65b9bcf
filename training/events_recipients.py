"""Train the German recipient chooser (lagebild.events.recipients) on the event corpus.

``python -m training events-recipients`` runs the German pipeline over the train part
of ``training/events_de/`` (events_measure.part_of) and, for every trigger, reads each
candidate mention of its sentence with the features the events layer reads (all
triggers, also where the rules found a recipient: the events the chooser serves alone
are too few to learn from). A candidate is a recipient where it overlaps the recipient
span of the gold event whose trigger overlaps the event's; triggers on no gold trigger
are left out. It fits a logistic regression (scikit-learn), prints at each threshold how
often the choice, made in a five-fold split by document, is right, wrong or made where
the gold names no recipient, and writes the weights of the features seen at least twice
to ``src/lagebild/lang/de/data/recipients_model.npz`` (5 KB).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .events_corpus import load
from .events_measure import documents, fold_of, part_of
from .linear import fit_binary, probability, save_binary

TARGET = Path(__file__).resolve().parent.parent / "src" / "lagebild" / "lang" / "de" / "data" \
    / "recipients_model.npz"
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)


def _overlaps(a: tuple[int, int], b: list[int] | tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def examples(records: list[dict]) -> list[dict]:
    """One entry per trigger of the rules on a gold trigger: its document's fold, each candidate
    mention's features and whether it is (part of) the gold recipient, and whether the
    gold names one."""
    from lagebild.clauses import sentence_of
    from lagebild.events import coder as coder_module
    from lagebild.events.recipients import candidates, features
    from lagebild.pipeline import Pipeline

    seen: list[tuple] = []
    coder_class = coder_module._EventCoder
    roles, chooser = coder_class.roles, coder_class.learned_recipient

    def reading_roles(self, match, clause, quote):
        actors, recipients, found = roles(self, match, clause, quote)
        start, end = self.starts[match.start], self.ends[match.end - 1]
        sentence = sentence_of(self.document.sentences, start, end, len(self.text))
        others = candidates(self, match, actors, sentence)
        seen.append((self.document.id, (start, end),
                     [((m.start, m.end), features(self, match, clause, found, actors, m, others))
                      for m in others]))
        return actors, recipients, found

    coder_class.roles = reading_roles
    coder_class.learned_recipient = lambda *args: [None]  # the rules alone
    try:
        articles = documents(records)
        for _ in Pipeline().pipe(articles):
            pass
    finally:
        coder_class.roles, coder_class.learned_recipient = roles, chooser
    by_id = {article["id"]: record for article, record in zip(articles, records, strict=True)}
    out = []
    for doc_id, trigger, rows in seen:
        gold = [e for e in by_id[doc_id].get("events", []) if _overlaps(trigger, e["trigger"])]
        if not gold or not rows:
            continue
        span = (gold[0].get("recipient") or {}).get("span")
        out.append({"fold": fold_of(by_id[doc_id]), "named": span is not None,
                    "rows": [(f, span is not None and _overlaps(s, span)) for s, f in rows]})
    return out


def fit(events: list[dict], c: float):
    rows = [(f, y) for e in events for f, y in e["rows"]]
    return fit_binary([f for f, _ in rows], [y for _, y in rows], c)


def choices(names: list[str], model, events: list[dict]) -> list[tuple[float, str]]:
    """Each event's best candidate's probability and what taking it would be: "right",
    "wrong" (the gold names another) or "spurious" (the gold names none)."""
    out = []
    for event in events:
        best = max(((probability(names, model, features), label)
                    for features, label in event["rows"]), key=lambda s: s[0])
        kind = "right" if best[1] else "wrong" if event["named"] else "spurious"
        out.append((best[0], kind))
    return out


def report(scored: list[tuple[float, str]]) -> str:
    named = sum(1 for _, k in scored if k != "spurious")
    lines = [f"{len(scored)} events, {named} with a gold recipient, "
             f"for {sum(1 for _, k in scored if k == 'right')} of them the likeliest candidate"]
    for t in THRESHOLDS:
        n = Counter(k for p, k in scored if p >= t)
        taken = sum(n.values())
        lines.append(f"  threshold {t:.2f}: {taken} taken, {n['right']} right, {n['wrong']} "
                     f"wrong, {n['spurious']} where the gold names none "
                     f"(right {n['right'] / taken if taken else 0:.2f})")
    return "\n".join(lines)


def main(args) -> int:
    records = [r for r in load() if part_of(r) == "train"]
    events = examples(records)
    scored = []
    for k in range(5):
        names, model = fit([e for e in events if e["fold"] != k], args.c)
        scored += choices(names, model, [e for e in events if e["fold"] == k])
    print("five-fold on the train part:\n" + report(scored))
    names, model = fit(events, args.c)
    save_binary(names, model, TARGET)
    print(f"{len(names)} features -> {TARGET}")
    return 0
