"""Train the German event screen (lagebild.events.screening) on the event corpus.

``python -m training events-screen`` runs the German pipeline, screen off, over the train
part of ``training/events_de/`` (events_measure.part_of), reads every coded event with the
features the events layer reads, and labels it right where it matches a gold event of its
sentence by the scorer's rule (type, actor country, recipient country; each gold event
matched once). It fits a logistic regression (scikit-learn), prints at each threshold
what dropping the events below it would do to the train part's F1 when each event is
scored by a model trained on the other four fifths of the documents, and writes the
weights of the features seen at least twice to
``src/lagebild/lang/de/data/screen_model.npz``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from .events_corpus import load
from .events_measure import documents, fold_of, guide_events, part_of
from .linear import fit_binary, probability, save_binary

TARGET = Path(__file__).resolve().parent.parent / "src" / "lagebild" / "lang" / "de" / "data" \
    / "screen_model.npz"
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45)


def _key(event) -> tuple:
    return (event.trigger.start, event.trigger.end, event.type, event.mode, event.actor,
            event.recipient, event.date)


def examples(records: list[dict], trigger_weights: Path | None = None) -> tuple[list[dict], int]:
    """Every event the pipeline codes, screen off (and with the trigger model of
    ``trigger_weights`` in place of the shipped one): its document, features and whether
    it is right; and the number of gold events."""
    from collections import Counter

    from lagebild.evaluate.events import matched_pairs
    from lagebild.events import coder as coder_module
    from lagebild.events.lexicon import event_lexicon
    from lagebild.events.screening import features
    from lagebild.lang import get_pack
    from lagebild.pipeline import Pipeline

    read: dict[str, dict[tuple, tuple[list[str], bool]]] = {}  # features, a state's act
    coder_class = coder_module._EventCoder
    screened = coder_class.screened

    def reading(self, events, made):
        per_sentence = Counter(e.sentence for e in events)
        read[self.document.id] = {
            _key(e): (features(self, e, *made[k], per_sentence[e.sentence]), self.state_act(e))
            for k, e in enumerate(events)}
        return events

    coder_class.screened = reading
    lexicon = event_lexicon(get_pack("de"))
    shipped = lexicon.model_path
    lexicon.model_path = trigger_weights or shipped
    out, gold_events = [], 0
    try:
        for record, document in zip(records, Pipeline().pipe(documents(records)), strict=True):
            gold = guide_events(record)
            gold_events += len(gold)
            used = {k for _, k in matched_pairs(document, gold)}
            rows = read.get(document.id, {})
            out += [{"doc": record["doc"], "features": rows[_key(e)][0],
                     "state_act": rows[_key(e)][1], "right": k in used}
                    for k, e in enumerate(document.events)]
    finally:
        coder_class.screened = screened
        lexicon.model_path = shipped
    return out, gold_events


def report(scored: list[tuple[float, bool]], gold: int) -> str:
    right = sum(1 for _, y in scored if y)
    lines = [f"{len(scored)} events, {right} right, {gold} gold: "
             f"F1 {2 * right / (len(scored) + gold):.3f}"]
    for t in THRESHOLDS:
        kept = [y for p, y in scored if p >= t]
        tp = sum(kept)
        lines.append(f"  threshold {t:.2f}: {len(scored) - len(kept)} dropped, "
                     f"{right - tp} of them right; P {tp / max(1, len(kept)):.3f} "
                     f"R {tp / max(1, gold):.3f} F1 {2 * tp / (len(kept) + gold):.3f}")
    return "\n".join(lines)


def main(args) -> int:
    from . import events_model

    records = [r for r in load() if part_of(r) == "train"]
    # the screen reads the trigger model's probabilities, which on the sentences the
    # model was trained on are surer than anywhere else: each fifth of the documents is
    # read with a trigger model trained on the other four
    events, gold = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(5):
            words, labels, _ = events_model.examples([r for r in records if fold_of(r) != k])
            names, model = events_model.fit(words, labels)
            weights = Path(tmp) / f"triggers{k}.npz"
            events_model.save(names, model, weights)
            part, n = examples([r for r in records if fold_of(r) == k], weights)
            events += [dict(e, fold=k) for e in part]
            gold += n
    # the screen learns from every event and judges those of no state or political body
    scored = [(1.0, e["right"]) for e in events if e["state_act"]]
    for k in range(5):
        train = [e for e in events if e["fold"] != k]
        names, model = fit_binary([e["features"] for e in train], [e["right"] for e in train],
                                  args.c)
        scored += [(probability(names, model, e["features"]), e["right"])
                   for e in events if e["fold"] == k and not e["state_act"]]
    print("five-fold on the train part:\n" + report(scored, gold))
    names, model = fit_binary([e["features"] for e in events], [e["right"] for e in events],
                              args.c)
    save_binary(names, model, TARGET)
    print(f"{len(names)} features -> {TARGET}")
    return 0
