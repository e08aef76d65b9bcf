"""``python -m training de-ner``: rebuild the shipped German model and print its scores.

Steps: write the corpora (``training/corpus/``), train tagger, morphologizer
and NER together (``configs/de_news.cfg``, 8,000 steps or a time limit, one
thread), put the best checkpoint behind the news tokenizer in
``src/lagebild/lang/de/model/``, then score the saved model on held-out data and
record it all in meta.json.
Encoders tried beside the shipped ones (docs/models.md has their scores):
``--vectors`` first trains static word vectors on the corpora's raw text
(``training/vectors.py``, needs gensim) and lets the tok2vec read them;
``--e5-vectors`` gives it word vectors taken from multilingual-e5-small instead
(``training/e5_vectors.py``);
``--name-features`` gives it name-list features instead (``training/name_features.py``);
``--pretrain-minutes N`` pretrains it on the raw text first (``training/pretrain.py``),
``--pretrained DIR`` reuses such a pretraining; ``--teacher DIR`` trains on the silver
corpora as a fine-tuned multilingual-e5-small reads them (``python -m training
e5-teacher``, ``training/e5_teacher.py``) instead of their own labels.

``--variant accurate`` builds the slower, more accurate model instead
(``configs/de_news_accurate.cfg``, ``src/lagebild/lang/de/model-accurate/``).

``python -m training de-ner-eval [--variant accurate]`` only re-scores a shipped model.

``python -m training events-candidates OUT`` and ``events-check`` serve the event corpus
(``training/events_corpus.py``).

``python -m training en-ner`` builds the English NER (``training/english.py``,
``configs/en_news.cfg``, ``src/lagebild/lang/en/model/``) on CoNLL-2003 English and
scores it on the validation split's held-out half; ``en-ner-eval`` re-scores it.
``en-common-words`` writes the English common-word list (``training/common_words.py``),
``en-trigger-forms`` the other forms of the English trigger words
(``training/trigger_forms.py``).
``places-gazetteer`` rebuilds the shipped GeoNames gazetteer, ``--stopwords CORPORA`` the
packs' place stop lists (``training/places_gazetteer.py``). ``country-outlines`` writes the
page's country shapes from world-atlas (``training/country_outlines.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import srsly

from . import (
    assemble,
    build,
    common_words,
    country_outlines,
    e5_teacher,
    e5_triggers,
    e5_vectors,
    english,
    events_corpus,
    events_measure,
    events_model,
    events_recipients,
    events_screen,
    events_vocabulary,
    measure,
    name_features,
    ner_corpus,
    places_gazetteer,
    pretrain,
    train,
    trigger_forms,
    ud,
    ud_parser,
    vectors,
)

ROOT = Path(__file__).resolve().parent
CORPUS = ROOT / "corpus"
OUTPUT = ROOT / "output"
LOGS = ROOT / "logs"


def _facts(info: dict, scores: dict, throughput: dict, model: Path, described: dict) -> dict:
    """meta.json's ``lagebild`` key: the run's facts, what the scores are on, the scores."""
    return {**info, **described,
            "scores": {k: v for k, v in scores.items() if not k.endswith("_table")},
            "throughput": throughput, "size_mb": round(assemble.size_mb(model), 2)}


def _performance(test: dict) -> dict:
    """spaCy's meta.json ``performance`` from one NerScores dict."""
    return {
        "ents_p": test["micro"]["precision"], "ents_r": test["micro"]["recall"],
        "ents_f": test["micro"]["f1"],
        "ents_per_type": {k: {"p": v["precision"], "r": v["recall"], "f": v["f1"]}
                          for k, v in test["per_label"].items()},
    }


def _record(model: Path, info: dict | None = None, speed: bool = True) -> dict:
    """Score the saved model and store data, seed, times and scores in its meta.json.

    Without ``info`` the training facts already in meta.json are kept; with
    ``speed=False`` so is the recorded throughput (for a machine busy with other work).
    """
    scores = measure.heldout(model)
    meta = srsly.read_json(model / "meta.json")
    if speed or "throughput" not in meta.get("lagebild", {}):
        throughput = measure.throughput_one_core(model)
    else:
        throughput = meta["lagebild"]["throughput"]
    if info is None:
        info = {k: v for k, v in meta.get("lagebild", {}).items()
                if k not in ("heldout", "scores", "throughput", "size_mb")}
    meta["sources"] = SOURCES
    meta["lagebild"] = _facts(info, scores, throughput, model, {
        "heldout": "GermEval 2014 dev sentences 1,701-2,200 (file order), never trained "
                   "or tuned on"})
    meta["performance"] = _performance(scores["germeval_test"])
    if "ud_lit" in scores:
        meta["performance"].update({
            "pos_acc": scores["ud_lit"]["pos"], "tag_acc": scores["ud_lit"]["tag"],
            "case_acc": scores["ud_lit"]["case"], "number_acc": scores["ud_lit"]["number"]})
    meta["notes"] = ("Scores on held-out GermEval 2014 dev 1,701-2,200 (exact spans, gold tokens) "
                     "and UD German LIT test (tagging; evaluation only).")
    srsly.write_json(model / "meta.json", meta)
    return {**scores, "throughput": throughput}


SOURCES = [
    {"name": "GermEval 2014 NER (dev, sentences 1-1,700)", "license": "CC BY 4.0",
     "url": "https://sites.google.com/site/germeval2014ner/"},
    {"name": "WikiANN German (Rahimi et al. 2019 splits)", "license": "unknown (from Wikipedia)",
     "url": "https://github.com/afshinrahimi/mmner"},
    {"name": "DFKI SmartData corpus v1", "license": "CC BY 4.0",
     "url": "https://github.com/DFKI-NLP/smartdata-corpus"},
    {"name": "German Legal Entity Recognition (LER), subsample", "license": "CC BY 4.0",
     "url": "https://github.com/elenanereiss/Legal-Entity-Recognition"},
    {"name": "MobIE", "license": "CC BY 4.0", "url": "https://github.com/DFKI-NLP/MobIE"},
    {"name": "Europeana Newspapers NER (German)", "license": "CC0 1.0",
     "url": "https://github.com/EuropeanaNewspapers/ner-corpora"},
    {"name": "UD German GSD (dev+test)", "license": "CC BY-SA 4.0",
     "url": "https://github.com/UniversalDependencies/UD_German-GSD"},
    {"name": "UD German PUD", "license": "CC BY-SA 3.0",
     "url": "https://github.com/UniversalDependencies/UD_German-PUD"},
]


@dataclass(frozen=True)
class Variant:
    """One shipped German model: its config, its share of GermEval and where it goes."""

    config: str
    germeval_repeat: int
    threads: int
    minutes: int
    model_dir: Path


VARIANTS = {
    # the default: width 96, NER as a tagger; about twice as fast as the accurate one
    "fast": Variant("de_news.cfg", 4, 1, 45, assemble.MODEL_DIR),
    # width 128, spaCy's transition-based NER: 3 points better on GermEval, slower
    "accurate": Variant("de_news_accurate.cfg", 8, 2, 28,
                        assemble.MODEL_DIR.with_name("model-accurate")),
}


def _read_vectors(overrides: dict, path: Path, info: dict) -> None:
    """Let the tok2vec read the static vectors (or features) saved at ``path``."""
    print(json.dumps(info), flush=True)
    overrides.update({"paths.vectors": str(path),
                      "components.tok2vec.model.embed.include_static_vectors": "true"})


def de_ner(args) -> int:
    import spacy

    variant = VARIANTS[args.variant]
    started = time.monotonic()
    info: dict = {"seed": args.seed, "variant": args.variant,
                  "machine": f"2 CPU cores, {variant.threads} training thread(s)",
                  "config": f"training/configs/{variant.config}"}
    print("== corpora", flush=True)
    relabel = None
    if args.teacher:
        info["teacher"] = args.teacher
        relabel = partial(e5_teacher.relabel, teacher=Path(args.teacher))
    info["ner_data"], held_apart = build.build_ner(CORPUS, args.seed, variant.germeval_repeat,
                                                   relabel)
    info["tagger_data"] = ud.build_tagger(CORPUS, spacy.blank("de").vocab, args.seed)
    print(json.dumps(info, indent=1), flush=True)

    overrides = {"system.seed": str(args.seed)}
    config = ROOT / "configs" / variant.config
    if args.vectors:
        print("== static word vectors (word2vec on the corpora's raw text)", flush=True)
        info["vectors"] = vectors.build_vectors(OUTPUT / "vectors", args.seed)
        _read_vectors(overrides, OUTPUT / "vectors", info["vectors"])

    if args.e5_vectors:
        print("== static word vectors from multilingual-e5-small", flush=True)
        info["vectors"] = e5_vectors.build_vectors(OUTPUT / "e5vectors")
        _read_vectors(overrides, OUTPUT / "e5vectors", info["vectors"])

    if args.name_features:
        print("== name-list features (held-apart silver text, GeoNames, the pack's lists)",
              flush=True)
        info["name_features"] = name_features.build(OUTPUT / "name_features", held_apart)
        _read_vectors(overrides, OUTPUT / "name_features", info["name_features"])

    if args.pretrain_minutes:
        print(f"== pretraining the tok2vec on raw text ({args.pretrain_minutes} minutes)",
              flush=True)
        info["pretraining"] = pretrain.pretrain(
            config, OUTPUT / "pretrain",
            LOGS / f"pretrain-{args.variant}.log", args.pretrain_minutes * 60,
            overrides, threads=variant.threads)
        print(json.dumps(info["pretraining"]), flush=True)
    elif args.pretrained:
        info["pretraining"] = {"reused": args.pretrained,
                               **pretrain.reuse(Path(args.pretrained))}
    if "pretraining" in info:
        overrides["paths.init_tok2vec"] = info["pretraining"].pop("weights")
        overrides["paths.raw_text"] = info["pretraining"].pop("text")
        config = Path(info["pretraining"].pop("config"))

    minutes = args.minutes or variant.minutes
    log = LOGS / f"de_news-{args.variant}.log"
    print(f"== training (at most {minutes} minutes; log: {log})", flush=True)
    seconds = train.spacy_train(config, OUTPUT / "de_news", log,
                                minutes * 60, overrides, threads=variant.threads)
    info["training_s"] = round(seconds)

    print("== assembling", flush=True)
    assemble.assemble(OUTPUT / "de_news" / "model-best", variant.model_dir)
    info["total_s"] = round(time.monotonic() - started)
    results = _record(variant.model_dir, info)
    _print(results, variant.model_dir)
    return 0


def de_ner_eval(args) -> int:
    model_dir = VARIANTS[args.variant].model_dir
    _print(_record(model_dir, speed=not args.keep_speed), model_dir)
    return 0


def _print(results: dict, model_dir: Path) -> None:
    print("\nGermEval 2014 dev 1,701-2,200 (held out), exact spans, model alone:")
    print(results["germeval_test_table"])
    print("\nthe same, with the gazetteer stage as lagebild runs it:")
    print(results["germeval_test_with_gazetteer_table"])
    if "ud_lit" in results:
        lit = results["ud_lit"]
        print(f"\nUD German LIT (gold tokens): UPOS {lit['pos']:.4f}  STTS {lit['tag']:.4f}  "
              f"Case {lit['case']:.4f}  Number {lit['number']:.4f}  ({lit['tokens']} tokens)")
    speed = results["throughput"]
    print(f"\nthroughput: {speed['tokens_per_s']} tokens/s on one core ({speed['pipeline']})")
    print(f"model: {model_dir} ({assemble.size_mb(model_dir):.1f} MB)")


def _record_en(model: Path, info: dict | None = None, speed: bool = True) -> dict:
    """Score the English model and store data, seed, times and scores in its meta.json."""
    scores = english.heldout(model)
    meta = srsly.read_json(model / "meta.json")
    keep = ("heldout", "scores", "throughput", "size_mb")
    if speed or "throughput" not in meta.get("lagebild", {}):
        throughput = measure.throughput_one_core(model, lang="en")
    else:
        throughput = meta["lagebild"]["throughput"]
    if info is None:
        info = {k: v for k, v in meta.get("lagebild", {}).items() if k not in keep}
    meta["sources"] = english.SOURCES
    meta["lagebild"] = _facts(info, scores, throughput, model, {
        "tuning": "CoNLL-2003 English validation sentences 1-1,625 (file order): "
                  "checkpoint and recipe chosen there",
        "heldout": "CoNLL-2003 English validation sentences 1,626-3,250 (file order), "
                   "never trained or tuned on"})
    meta["performance"] = _performance(scores["conll_heldout_with_gazetteer"])
    meta["notes"] = ("Scores on CoNLL-2003 English validation (exact spans, gold tokens), "
                     "held-out part as lagebild runs the model (gazetteers in front).")
    srsly.write_json(model / "meta.json", meta)
    return {**scores, "throughput": throughput}


def _print_en(results: dict, model_dir: Path) -> None:
    for part, title in (("conll_tune", "validation 1-1,625 (tuned on)"),
                        ("conll_heldout", "validation 1,626-3,250 (held out)")):
        print(f"\nCoNLL-2003 English {title}, exact spans, model alone:")
        print(results[f"{part}_table"])
        print("the same, as lagebild runs it (gazetteers in front):")
        print(results[f"{part}_with_gazetteer_table"])
    speed = results["throughput"]
    print(f"\nthroughput: {speed['tokens_per_s']} tokens/s on one core ({speed['pipeline']})")
    print(f"model: {model_dir} ({assemble.size_mb(model_dir):.1f} MB)")


def en_ner(args) -> int:
    started = time.monotonic()
    info: dict = {"seed": args.seed, "machine": "2 CPU cores, 1 training thread",
                  "config": "training/configs/en_news.cfg"}
    print("== corpora", flush=True)
    mix = {name: int(count) for name, count in (m.split("=") for m in args.mix)}
    info["ner_data"] = english.build_ner(CORPUS / "en", args.seed, mix)
    print(json.dumps(info, indent=1), flush=True)
    overrides = {"system.seed": str(args.seed), "paths.train": str(CORPUS / "en" / "train"),
                 "paths.dev": str(CORPUS / "en" / "dev")}
    for override in args.set:
        key, value = override.split("=", 1)
        overrides[key] = value
    info["overrides"] = {k: v for k, v in overrides.items() if not k.startswith("paths.")}
    log = LOGS / "en_news.log"
    print(f"== training (at most {args.minutes} minutes; log: {log})", flush=True)
    seconds = train.spacy_train(ROOT / "configs" / "en_news.cfg", OUTPUT / "en_news", log,
                                args.minutes * 60, overrides, threads=1)
    info["training_s"] = round(seconds)
    print("== assembling", flush=True)
    english.assemble(OUTPUT / "en_news" / "model-best", english.MODEL_DIR)
    info["total_s"] = round(time.monotonic() - started)
    _print_en(_record_en(english.MODEL_DIR, info), english.MODEL_DIR)
    return 0


def en_ner_eval(args) -> int:
    model_dir = Path(args.model) if args.model else english.MODEL_DIR
    _print_en(_record_en(model_dir, speed=not args.keep_speed), model_dir)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training")
    commands = parser.add_subparsers(dest="command", required=True)
    ner = commands.add_parser("de-ner", help="rebuild the German model and print its evaluation")
    ner.add_argument("--seed", type=int, default=0)
    ner.add_argument("--variant", choices=sorted(VARIANTS), default="fast")
    ner.add_argument("--minutes", type=int, default=None,
                     help="time limit of `spacy train` (initialisation included; "
                          "default 45 for fast, 28 for accurate)")
    ner.add_argument("--vectors", action="store_true",
                     help="train and use static word vectors (not in the shipped model)")
    ner.add_argument("--e5-vectors", action="store_true",
                     help="let the tok2vec read word vectors taken from multilingual-e5-small "
                          "(training/e5_vectors.py)")
    ner.add_argument("--name-features", action="store_true",
                     help="let the tok2vec read name-list features (training/name_features.py)")
    ner.add_argument("--pretrain-minutes", type=int, default=0,
                     help="first pretrain the tok2vec on the corpora's raw text "
                          "(training/pretrain.py) for this many minutes")
    ner.add_argument("--pretrained", default=None,
                     help="start from the weights of an earlier pretraining run "
                          "(its output folder, e.g. training/output/pretrain)")
    ner.add_argument("--teacher", default=None,
                     help="the silver corpora labelled by a fine-tuned name tagger instead of "
                          "their own labels: the output folder of e5-teacher")
    ner.set_defaults(run=de_ner)
    evaluate = commands.add_parser(
        "de-ner-eval", help="re-score the shipped German model and update its meta.json")
    evaluate.add_argument("--variant", choices=sorted(VARIANTS), default="fast")
    evaluate.add_argument("--keep-speed", action="store_true",
                          help="keep the throughput recorded in meta.json (busy machine)")
    evaluate.set_defaults(run=de_ner_eval)
    en = commands.add_parser("en-ner", help="rebuild the English model and print its evaluation")
    en.add_argument("--seed", type=int, default=0)
    en.add_argument("--minutes", type=int, default=40,
                    help="time limit of `spacy train` (initialisation included)")
    en.add_argument("--mix", nargs="*", default=[],
                    help="corpus=repeats beside CoNLL-2003 (btc, wikiann, crossner, wnut17)")
    en.add_argument("--set", nargs="*", default=[],
                    help="config overrides key=value (e.g. training.dropout=0.1)")
    en.set_defaults(run=en_ner)
    en_eval = commands.add_parser(
        "en-ner-eval", help="re-score the shipped English model and update its meta.json")
    en_eval.add_argument("--model", default=None, help="another model folder to score")
    en_eval.add_argument("--keep-speed", action="store_true",
                         help="keep the throughput recorded in meta.json (busy machine)")
    en_eval.set_defaults(run=en_ner_eval)
    candidates = commands.add_parser(
        "events-candidates", help="write the sentences that may be event-labelled (with text)")
    candidates.add_argument("out", type=Path)
    candidates.add_argument("--news", action="store_true",
                            help="the newspaper sentences to be labelled for measuring")
    candidates.set_defaults(
        run=lambda a: print(events_corpus.write_candidates(a.out, news=a.news)) or 0)
    imported = commands.add_parser(
        "events-import", help="standoff lines of an annotator's file of newspaper sentences")
    imported.add_argument("labels", type=Path, help="the annotator's lines: id, events")
    imported.add_argument("batch", type=Path, help="the candidates given to the annotator")
    imported.add_argument("--annotator", required=True)
    imported.set_defaults(run=events_corpus.main_import)
    checked = commands.add_parser("events-check", help="check event-labelled files")
    checked.add_argument("files", nargs="*", type=Path)
    checked.set_defaults(run=lambda a: events_corpus.check(
        a.files or sorted(events_corpus.LABELS.glob("*.jsonl"))))
    agree = commands.add_parser("events-agreement", help="agreement of the doubly labelled part")
    agree.set_defaults(run=lambda a: events_measure.agreement())
    scored = commands.add_parser("events-score", help="the pipeline's events on the corpus")
    scored.add_argument("--part", choices=("all", "train", "test", "dev", "held-out"),
                        default="all")
    scored.add_argument("--news", action="store_true",
                        help="the newspaper sentences labelled for measuring (parts: dev, "
                        "held-out)")
    scored.add_argument("--lang", choices=("de", "en"), default="de")
    scored.add_argument("--in-story", action="store_true",
                        help="read each sentence within its story's labelled sentences")
    scored.add_argument("--calibration", action="store_true",
                        help="how well the events' confidence tells the right ones")
    scored.set_defaults(run=events_measure.main_score)
    trigger = commands.add_parser("events-model", help="train a trigger model")
    trigger.add_argument("--all", action="store_true", help="train on the test part too")
    trigger.add_argument("--lang", choices=("de", "en"), default="de")
    trigger.add_argument("--c", type=float, default=1.0, help="inverse regularisation")
    trigger.set_defaults(run=events_model.main)
    chooser = commands.add_parser("events-recipients",
                                  help="train the German recipient chooser")
    chooser.add_argument("--c", type=float, default=0.5, help="inverse regularisation")
    chooser.set_defaults(run=events_recipients.main)
    screen = commands.add_parser("events-screen", help="train the German event screen")
    screen.add_argument("--c", type=float, default=0.3, help="inverse regularisation")
    screen.set_defaults(run=events_screen.main)
    treebank = commands.add_parser("ud-parser", help=ud_parser.__doc__.splitlines()[0])
    treebank.add_argument("--epochs", type=int, default=25)
    treebank.add_argument("--seed", type=int, default=7)
    treebank.set_defaults(run=ud_parser.main)
    vocabulary = commands.add_parser("events-vocabulary",
                                     help="measure the written event vocabulary")
    vocabulary.add_argument("--lang", choices=["de", "en"], default="de")
    vocabulary.set_defaults(run=events_vocabulary.main)
    teacher = commands.add_parser("e5-teacher", help=e5_teacher.__doc__.splitlines()[0])
    e5_teacher.add_arguments(teacher)
    teacher.set_defaults(run=e5_teacher.main)
    triggers = commands.add_parser("e5-triggers", help=e5_triggers.__doc__.splitlines()[0])
    e5_triggers.add_arguments(triggers)
    triggers.set_defaults(run=e5_triggers.main)
    ner_candidates = commands.add_parser(
        "ner-candidates", help="write the UD German sentences with the model's names")
    ner_candidates.add_argument("out", type=Path)
    ner_candidates.set_defaults(run=lambda a: print(ner_corpus.write_candidates(a.out)) or 0)
    ner_checked = commands.add_parser("ner-check", help="check name-labelled files")
    ner_checked.add_argument("files", nargs="*", type=Path)
    ner_checked.set_defaults(run=lambda a: ner_corpus.check(
        a.files or sorted(ner_corpus.LABELS.glob("*.jsonl"))))
    ner_agree = commands.add_parser("ner-agreement", help="agreement of the doubly labelled names")
    ner_agree.set_defaults(run=lambda a: ner_corpus.agreement())
    common = commands.add_parser("en-common-words",
                                 help="the English words that are no names at a sentence start")
    common.set_defaults(run=lambda a: common_words.build())
    forms = commands.add_parser("en-trigger-forms", help=trigger_forms.__doc__.splitlines()[0])
    forms.set_defaults(run=trigger_forms.main)
    places = commands.add_parser("places-gazetteer", help=places_gazetteer.__doc__.splitlines()[0])
    places.add_argument("--output", type=Path, default=places_gazetteer.OUTPUT)
    places.add_argument("--stopwords", type=Path, metavar="CORPORA",
                        help="only write the packs' place stop lists from CORPORA/wikiann_*")
    places.set_defaults(run=places_gazetteer.run)
    outlines = commands.add_parser("country-outlines",
                                   help=country_outlines.__doc__.splitlines()[0])
    outlines.add_argument("topojson", type=Path,
                          help="world-atlas countries-110m.json (or GeoJSON, to cut only)")
    outlines.add_argument("-o", "--output", type=Path, default=country_outlines.OUT)
    outlines.set_defaults(run=country_outlines.run)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
