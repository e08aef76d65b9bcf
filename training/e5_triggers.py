"""multilingual-e5-small fine-tuned as a German event trigger tagger: how far a model
that knows word meaning reaches past the lexicon. A measurement, not a shipped model.

``python -m training e5-triggers`` labels each word of the event corpus's train part
(``events_measure.part_of``) with the PLOVER type of the event it carries (the first word
of the trigger) or none, fine-tunes the encoder of ``training/e5_teacher.py`` on them and
scores typed trigger words on the test part, as ``python -m training events-model``
scores the shipped linear model; it also counts the test part's trigger words that no
lexicon entry covers and how many of them the tagger finds.
"""

from __future__ import annotations

from pathlib import Path

from .e5_teacher import (
    IGNORE,
    _torch,
    batches,
    build_model,
    fine_tune,
    fine_tune_arguments,
    labelled_item,
    predict,
    save_result,
)
from .events_corpus import TYPES, load
from .events_measure import part_of

NONE = "O"
LABELS = (NONE, *sorted(TYPES))


def word_examples(records: list[dict], nlp, lexicon) -> list[dict]:
    """Words of each sentence (the pipeline's tokens), the type each carries, and which
    words a lexicon entry covers."""
    out = []
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        gold = [NONE] * len(doc)
        for event in record.get("events", []):
            span = doc.char_span(*event["trigger"], alignment_mode="expand")
            if span is not None and len(span) and gold[span.start] == NONE:
                gold[span.start] = event["type"]
        covered = {i for m in lexicon.find(doc) for i in range(m.start, m.last)}
        out.append({"words": [t.text for t in doc], "gold": gold, "covered": covered})
    return out


def scores(examples: list[dict], predicted: list[list[str]]) -> dict:
    tp = fp = fn = outside = outside_found = 0
    for example, labels in zip(examples, predicted, strict=True):
        for i, (gold, guess) in enumerate(zip(example["gold"], labels, strict=True)):
            if guess != NONE:
                tp += guess == gold
                fp += guess != gold
            if gold != NONE and guess != gold:
                fn += 1
            if gold != NONE and i not in example["covered"]:
                outside += 1
                outside_found += guess == gold
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f1, 3), "gold": tp + fn,
            "outside_lexicon": outside, "outside_found": outside_found}


def train(out: Path, epochs: float = 5.0, lr: float = 8e-5, seed: int = 0,
          pieces_per_batch: int = 2500, none_weight: float = 0.1,
          head_lr: float | None = 1e-2) -> dict:
    """Fine-tune and score; ``none_weight`` weighs the words that carry no event in the
    loss (a trigger is one word in a hundred: unweighted, the tagger learns to say none);
    ``head_lr`` is the classifier's rate: at the encoder's the head did not learn the rare
    labels at all (four runs read every word as none), while the same head on the frozen
    encoder at 1e-2 learns them."""
    from lagebild.events.lexicon import event_lexicon
    from lagebild.lang import get_pack
    from lagebild.pipeline import Pipeline

    from .e5_encoder import E5Encoder

    torch = _torch()
    torch.manual_seed(seed)
    records = load()
    nlp = Pipeline().nlp("de")
    lexicon = event_lexicon(get_pack("de"))
    train_examples = word_examples([r for r in records if part_of(r) == "train"], nlp, lexicon)
    test_examples = word_examples([r for r in records if part_of(r) == "test"], nlp, lexicon)
    encoder = E5Encoder()
    index = {label: k for k, label in enumerate(LABELS)}
    cache: dict = {}

    def items(examples):
        return [labelled_item(encoder, example["words"], [index[g] for g in example["gold"]],
                              cache) for example in examples]

    train_items, test_items = items(train_examples), items(test_examples)
    model = build_model(encoder, len(LABELS))
    weights = torch.ones(len(LABELS))
    weights[index[NONE]] = none_weight
    steps_per_epoch = len(batches(train_items, pieces_per_batch, None))
    log, total, _ = fine_tune(model, train_items, epochs, lr, pieces_per_batch, seed,
                              torch.nn.CrossEntropyLoss(weight=weights, ignore_index=IGNORE),
                              steps_per_epoch, head_lr=head_lr)
    out.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), out / "triggers.pt")
    result = {"test": scores(test_examples, predict(model, test_items, labels=LABELS)),
              "train_sentences": len(train_items), "steps": total, "log": log,
              "none_weight": none_weight, "lr": lr, "head_lr": head_lr,
              "pieces_per_batch": pieces_per_batch}
    print(result["test"], flush=True)
    return result


def main(args) -> int:
    result = train(Path(args.out), epochs=args.epochs, lr=args.lr, none_weight=args.none_weight,
                   pieces_per_batch=args.batch, head_lr=args.head_lr or 1e-2)
    save_result(result, Path(args.out), "triggers.json")
    return 0


def add_arguments(parser) -> None:
    fine_tune_arguments(parser, "/tmp/e5-triggers", epochs=5.0, lr=8e-5)
    parser.add_argument("--none-weight", type=float, default=0.1)
    parser.add_argument("--batch", type=int, default=2500, help="word pieces in a batch")
