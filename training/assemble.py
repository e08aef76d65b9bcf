"""Put the trained components behind the news tokenizer and save the shipped model.

The saved directory holds only what ``spacy.load`` reads (config, meta,
tokenizer, vocab, component weights); no checkpoints, no custom code.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import spacy

from . import tokenizer as news_tokenizer

MODEL_DIR = Path(__file__).resolve().parent.parent / "src" / "lagebild" / "lang" / "de" / "model"
NAME = "news_sm"


def assemble(trained: Path, out_dir: Path = MODEL_DIR):
    """The trained pipeline (tok2vec, tagger, morphologizer, ner) with the news tokenizer."""
    nlp = spacy.load(trained)
    news_tokenizer.customize(nlp)
    failures = news_tokenizer.check(nlp)
    if failures:
        raise RuntimeError("tokenizer checks failed: " + "; ".join(failures))
    return save(nlp, out_dir, {
        "name": NAME,
        "description": "German news pipeline for lagebild: tokenizer for news text, "
                       "STTS tags, UPOS with Case and Number, PER/LOC/ORG/MISC entities.",
        "license": "CC BY-SA 4.0",
    })


def save(nlp, out_dir: Path, meta: dict):
    """Save ``nlp`` at ``out_dir`` (replacing what is there) with lagebild's meta fields."""
    nlp.meta.update({"version": "0.1.0", "author": "lagebild", **meta})
    for key in ("performance", "sources", "notes"):
        nlp.meta.pop(key, None)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    nlp.to_disk(out_dir)
    return nlp


def size_mb(path: Path = MODEL_DIR) -> float:
    """Size of the model directory in MB."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6
