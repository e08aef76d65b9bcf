"""Held-out scores and single-core throughput of a saved pipeline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import spacy

from lagebild.evaluate.ner import evaluate_conll

from . import corpora, ud
from .build import GERMEVAL_DEV, GERMEVAL_TEST

GERMEVAL_FILE = corpora.DATA / "germeval2014" / "NER-de-dev.tsv"


def shipped_pipeline(model: Path):
    """The German pipeline as lagebild builds it around ``model``: gazetteers and checks."""
    from lagebild.lang.base import LanguagePack
    from lagebild.lang.de import PACK
    from lagebild.nlp import build_nlp

    class _Pack(LanguagePack):
        @property
        def model_dir(self) -> Path:
            return model

    return build_nlp(_Pack(PACK.code, PACK.data_dir, PACK.name_suffixes, PACK.no_suffix_after,
                           PACK.spacy_settings))


def heldout(model: Path) -> dict:
    """GermEval 1,701-2,200 (test) and 1,501-1,700 (tuning) NER, UD LIT tagging.

    NER is scored twice: the model alone (``spacy.load``) and as lagebild runs it,
    with the gazetteer stage (entity ruler, place names, name checks) around it.
    """
    nlp = spacy.load(model)
    test = evaluate_conll(GERMEVAL_FILE, nlp, select=GERMEVAL_TEST)
    dev = evaluate_conll(GERMEVAL_FILE, nlp, select=GERMEVAL_DEV)
    full = shipped_pipeline(model)
    test_full = evaluate_conll(GERMEVAL_FILE, full, select=GERMEVAL_TEST)
    dev_full = evaluate_conll(GERMEVAL_FILE, full, select=GERMEVAL_DEV)
    result = {"germeval_test": test.to_dict(), "germeval_dev": dev.to_dict(),
              "germeval_test_table": test.table(),
              "germeval_test_with_gazetteer": test_full.to_dict(),
              "germeval_dev_with_gazetteer": dev_full.to_dict(),
              "germeval_test_with_gazetteer_table": test_full.table()}
    if "tagger" in nlp.pipe_names and ud.EVAL_FILE.exists():
        result["ud_lit"] = ud.evaluate_tagger(nlp)
    return result


def _news_texts(max_docs: int = 400) -> list[str]:
    """Raw German news/tweet/RSS text from SmartData v3 test (not a training file)."""
    path = corpora.DATA / "smartdata_de" / "v3_20200302" / "test.json.gz"
    return [r["text"]["string"] for r in corpora._load_json_stream(path)][:max_docs]


def throughput_one_core(model: Path, repeats: int = 2, lang: str = "de") -> dict:
    """Tokens per second for ``nlp.pipe`` on raw text, pinned to one core and one thread
    (German: SmartData v3 test; English: TempEval-3 TBAQ, ``training.english.news_texts``)."""
    env = dict(os.environ)
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                 "BLIS_NUM_THREADS"):
        env[name] = "1"
    output = subprocess.run(
        [sys.executable, "-m", "training.measure", str(model), str(repeats), lang],
        capture_output=True, text=True, env=env, check=True,
        cwd=Path(__file__).resolve().parent.parent,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _measure_here(model: Path, repeats: int, lang: str = "de") -> dict:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    nlp = spacy.load(model)
    if lang == "en":
        from .english import news_texts

        texts = news_texts()
    else:
        texts = _news_texts()
    list(nlp.pipe(texts[:20]))  # warm up
    best = 0.0
    tokens = 0
    for _ in range(repeats):
        started = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
        best = max(best, tokens / (time.perf_counter() - started))
    return {"tokens": tokens, "tokens_per_s": round(best), "pipeline": nlp.pipe_names,
            "threads": 1, "cores": 1}


if __name__ == "__main__":
    print(json.dumps(_measure_here(Path(sys.argv[1]), int(sys.argv[2]), *sys.argv[3:4])))
