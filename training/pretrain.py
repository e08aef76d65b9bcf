"""Pretrain the shared tok2vec on the corpora's raw German text (``spacy pretrain``).

GermEval gives 1,500 sentences annotated to the target guidelines; the raw text of
all training corpora is thirty times as long. spaCy's character objective (predict
each word's first and last four characters from its context) lets the encoder
learn German word shapes and contexts from it before the tagger and the NER train
on top; ``spacy train`` then starts from these weights (``init_tok2vec``).

The text is that of ``vectors.raw_sentences``: every training corpus, GermEval
dev 1-1,700, never the held-out 1,701-2,200. ``spacy pretrain`` has no time
budget; it is interrupted at the limit, and the last weights it saved are used
(``reuse``).
"""

from __future__ import annotations

import time
from pathlib import Path

import srsly
from thinc.api import Config

from . import train, vectors

SETTINGS = {
    "pretraining.objective.hidden_size": 300,
    "pretraining.batcher.size": 3000,
    "pretraining.dropout": 0.2,
}


def write_text(path: Path) -> dict:
    """One JSONL line per sentence of three words or more, words joined by spaces;
    the counts are those of the lines written."""
    import spacy

    nlp = spacy.blank("de")
    sentences = [words for words in vectors.raw_sentences(nlp.tokenizer, nlp.vocab)
                 if len(words) >= 3]
    path.parent.mkdir(parents=True, exist_ok=True)
    srsly.write_jsonl(path, ({"text": " ".join(words)} for words in sentences))
    return {"sentences": len(sentences), "tokens": sum(len(words) for words in sentences)}


def pretrain_config(train_config: Path, out: Path) -> Path:
    """The training config plus spaCy's pretraining defaults (the tok2vec must match)."""
    from spacy.language import DEFAULT_CONFIG_PRETRAIN_PATH

    config = Config().from_disk(train_config, interpolate=False)
    defaults = Config().from_disk(DEFAULT_CONFIG_PRETRAIN_PATH, interpolate=False)
    config = config.merge(defaults)
    out.parent.mkdir(parents=True, exist_ok=True)
    config.to_disk(out)
    return out


def pretrain(train_config: Path, out_dir: Path, log: Path, limit_s: int,
             overrides: dict[str, str], threads: int | None = None) -> dict:
    """Write the text, pretrain until ``limit_s``; return facts and the paths of the
    weights and of the config (``spacy train`` needs its ``[pretraining]`` block to
    know which component takes the weights)."""
    started = time.monotonic()
    text = out_dir / "text.jsonl"
    facts = write_text(text)
    config = pretrain_config(train_config, out_dir / "pretrain.cfg")
    settings = {**{k: str(v) for k, v in SETTINGS.items()}, **overrides,
                "paths.raw_text": str(text)}
    weights = out_dir / "weights"
    seconds = train.spacy_run(["pretrain", str(config), str(weights)], weights, log, limit_s,
                              settings, threads)
    return {**facts, "settings": SETTINGS, "pretrain_s": round(seconds),
            "total_s": round(time.monotonic() - started), **reuse(out_dir, log)}


def reuse(out_dir: Path, log: Path | None = None) -> dict:
    """Paths of the last weights an earlier pretraining run in ``out_dir`` saved, of its
    config and of its text.

    Stopped at its limit, ``spacy pretrain`` does not always write ``model-last.bin``;
    the weights saved after each whole pass over the text are taken then."""
    weights = out_dir / "weights"
    # model3.temp.bin is saved during pass 3, model3.bin at its end
    saved = sorted(weights.glob("model[0-9]*.bin"),
                   key=lambda path: (int(path.stem[len("model"):].split(".")[0]),
                                     not path.stem.endswith(".temp")))
    last = weights / "model-last.bin"
    chosen = last if last.exists() else (saved[-1] if saved else None)
    if chosen is None:
        raise RuntimeError(f"spacy pretrain left no weights in {weights}; see {log}")
    lines = list(srsly.read_jsonl(weights / "log.jsonl")) if (weights / "log.jsonl").exists() \
        else []
    return {"words_seen": lines[-1]["nr_word"] if lines else 0, "weights_file": chosen.name,
            "weights": str(chosen), "config": str(out_dir / "pretrain.cfg"),
            "text": str(out_dir / "text.jsonl")}
